"""Output: the files a build writes beside the pages, the whole build, and the audit of what it wrote."""
