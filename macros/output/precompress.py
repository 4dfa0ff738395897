"""Precompressed copies beside every text file of the site, for hosts that serve them as they
are (nginx `gzip_static`, Apache's MultiViews, most CDNs): `page.html.gz` and `page.html.br`.

gzip comes from the standard library (zlib) at its strongest level, Brotli from Google's own
`brotli` binding at quality 11. Both are slow at their best, so each compressed copy is cached
under `.cache/compressed/` by the SHA-256 of what it compresses: the root copy of the newest
edition and its `<version>/` copy, and every unchanged file of a rebuild, cost nothing twice.
"""
from __future__ import annotations

import gzip
import hashlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

from .. import paths

# What a browser fetches as text: pages, styles, scripts, data, pictures drawn as SVG.
COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".geojson", ".webmanifest", ".txt", ".csv", ".map"})
ENCODINGS = {".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0), ".br": lambda data: brotli.compress(data, quality=11)}
CACHE = paths.CACHE / "compressed"


def precompress(site: Path) -> int:
    """Write a .gz and a .br beside every compressible file under `site`; returns how many files."""
    files = [p for p in sorted(site.rglob("*")) if p.suffix in COMPRESSIBLE and p.is_file()]
    CACHE.mkdir(parents=True, exist_ok=True)
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    missing = sorted({d: p for p, d in digests.items() if not all((CACHE / (d + ext)).is_file() for ext in ENCODINGS)}.items())
    with ProcessPoolExecutor(max_workers=2) as pool:  # the build machine has two cores
        list(pool.map(compress_into_cache, [str(p) for _, p in missing], [d for d, _ in missing]))
    for path, digest in digests.items():
        for ext in ENCODINGS:
            path.with_name(path.name + ext).write_bytes((CACHE / (digest + ext)).read_bytes())
    return len(files)


def compress_into_cache(path: str, digest: str) -> None:
    data = Path(path).read_bytes()
    for ext, compress in ENCODINGS.items():
        target = CACHE / (digest + ext)
        partial = target.with_suffix(target.suffix + ".part")  # never a half-written cache entry
        partial.write_bytes(compress(data))
        partial.replace(target)
