"""Every budget `make bench` holds the site to, in one place (issue 12).

Lighthouse runs with its default settings: a mid-range phone on a slow 4G link, CPU and
network throttling simulated; the median of RUNS runs counts.
"""
from __future__ import annotations

RUNS = 3  # Lighthouse runs per page
CATEGORY_FLOORS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
TOTAL_BLOCKING_MS = 150  # per page, median
PAGE_BYTES = 180_000  # compressed, first load, with every map on the page drawn
BUILD_SECONDS = 30.0  # every edition, online and offline, into an empty folder (edition caches warm)
# PDFs (issue 18): the course pack of the newest edition, A4.
COURSE_PACK_BYTES = 8_000_000
COURSE_PACK_PAGES = 160
CHAPTER_PAGES = 18  # every chapter's PDF; the browser's print of each chapter is held to it in tests/test_print.py
PDF_RENDER_SECONDS = 180.0  # every PDF of the edition with an empty cache (a warm build renders none)
