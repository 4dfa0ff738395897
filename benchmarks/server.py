"""A local static server that compresses text the way a real host does (gzip, level 6).

Page weights and Lighthouse's simulated throttling both count bytes on the wire: served
uncompressed, a page would look three to four times heavier than it is for a reader.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from macros.output.host import running

# Debian's Chromium, shared by the browser tests and the benchmarks (none downloads a browser).
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COMPRESSED = {".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt", ".csv", ".yml", ".yaml", ".map"}


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".geojson": "application/geo+json", ".js": "text/javascript"}

    def log_message(self, *args):
        pass

    def end_headers(self):
        # Hashed Material assets would be cached for a year on a real host; pages revalidate.
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stock handler redirects to the slash URL
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.stat(path).st_mtime)))
        self.end_headers()
        return BytesIO(body)


def page_url(base: str, rel: str) -> str:
    """The served URL of a built page: 'a/index.html' -> base + 'a/'."""
    return base + rel.removesuffix("index.html")


@contextmanager
def serve(directory: Path):
    """Serve a built site on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    with running(functools.partial(CompressingHandler, directory=str(directory))) as base:
        yield base
