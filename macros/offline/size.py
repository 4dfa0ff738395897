"""What saving an edition downloads, weighed at build time from the worker's precache list:
the page says it before the reader saves (mobile data costs money).

Text is counted gzip-compressed at level 6, as a host sends it (the level `make bench`
measures pages at); images and other compressed formats as they are. A host that sends
Brotli sends a little less.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

COMPRESSION = "gzip"
LEVEL = 6
# Formats a host compresses; the rest (PNG) are compressed already.
TEXT = frozenset({".html", ".css", ".js", ".json", ".webmanifest", ".svg", ".xml", ".txt", ".csv", ".yml", ".geojson"})


@dataclass(frozen=True)
class Download:
    files: int
    stored: int  # bytes the browser keeps
    transferred: int  # bytes on the wire, compressed as a host sends them


def transferred(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=LEVEL, mtime=0)) if path.suffix in TEXT else len(data)


def weigh(folder: Path, urls: list[str]) -> Download:
    """The files at these URLs (relative to the edition's root), as saving downloads them."""
    files = [folder / url for url in urls]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SystemExit(f"saving would download files that are not in the build: {', '.join(missing[:5])}")
    return Download(len(files), sum(f.stat().st_size for f in files), sum(transferred(f) for f in files))


def summary(download: Download, edition: str, precached: int) -> dict:
    """What assets/save-offline.js reads (save-offline.json) to say what saving costs."""
    return {
        "edition": edition,
        "files": download.files,
        "precached": precached,  # the files the worker's cache holds once saving is done
        "stored": download.stored,
        "download": download.transferred,
        "compression": COMPRESSION,
    }
