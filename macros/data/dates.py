"""Dates as readers write them, from dates as precise as their source (2019, 2019-08, 2019-08-06)."""
from __future__ import annotations

from datetime import date

from babel.dates import format_date

LOCALE = "en_GB"  # day before month: 6 August 2019
PATTERNS = {1: "y", 2: "MMMM y", 3: "d MMMM y"}


def human_date(value: str) -> str:
    """'2019' -> '2019', '2019-08' -> 'August 2019', '2019-08-06' -> '6 August 2019'."""
    parts = [int(p) for p in value.split("-")]
    day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return format_date(day, PATTERNS[len(parts)], locale=LOCALE)
