"""Bytes a reader downloads to open each page for the first time (empty cache), compressed.

Each page loads in a fresh Chromium context from benchmarks.server (gzip like a real host);
every response is counted (the search index and worker, a map frame's files when the page
loads them), with its headers: the figure DevTools shows as "transferred".
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .server import COMPRESSED



@dataclass
class Weight:
    page: str
    transferred: int  # bytes on the wire: compressed bodies plus headers
    requests: int
    outside: int  # requests to another host (blocked: there is no network here)


def content_pages(site: Path) -> list[str]:
    """Every page of the newest edition (the site's root) but MkDocs' 404 page and redirect stubs;
    each edition's own folder, listed in versions.json, holds copies or older editions."""
    versions = site / "versions.json"
    folders = {row["version"] for row in json.loads(versions.read_text(encoding="utf-8"))} if versions.is_file() else set()
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/")[0] in folders:
            continue
        if rel != "404.html" and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")[:2000]:
            pages.append(rel)
    return pages


def reading_pages(site: Path) -> list[str]:
    """The pages a reader opens: content pages but the map documents, which load inside them."""
    return [p for p in content_pages(site) if not p.startswith("maps/")]


def _transferred(request, site: Path, base: str) -> int:
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body == 0:
        # A worker's own script is fetched by the worker, whose sizes playwright does not
        # see: count the file as the server sends it.
        path = site / unquote(urlsplit(request.url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            data = path.read_bytes()
            body = len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in COMPRESSED else len(data)
    return body + sizes["responseHeadersSize"]
