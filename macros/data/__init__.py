"""Data: the data files read, validated and indexed into one Library."""
