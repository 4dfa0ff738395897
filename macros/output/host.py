"""A static host as a course would run one: the built site under the path of its address,
precompressed copies served as they are (like nginx's `gzip_static` and `brotli_static`), the
site's own 404 page for anything else. The release check (`release.py`) serves `site/` with it.
"""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
         ".svg": "image/svg+xml", ".xml": "application/xml", ".geojson": "application/geo+json", ".webmanifest": "application/manifest+json",
         ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".png": "image/png", ".zip": "application/zip",
         ".pdf": "application/pdf", ".yml": "text/yaml; charset=utf-8", ".map": "application/json"}
# Preferred first, as a host configured for both would choose.
SIDECARS = (("br", ".br"), ("gzip", ".gz"))


class StaticHost(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, **kwargs):
        self.root, self.prefix = root, prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self.send(404, self.root / "404.html", body)
        target = self.root / path[len(self.prefix):]
        if target.is_dir():
            if not path.endswith("/"):  # as hosts do: a folder's address ends in '/'
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file() or target.resolve().is_relative_to(self.root.resolve()) is False:
            return self.send(404, self.root / "404.html", body)
        self.send(200, target, body)

    def send(self, status: int, file: Path, body: bool) -> None:
        accepted = self.headers.get("Accept-Encoding", "")
        encoding, data_file = next(((name, file.with_name(file.name + ext)) for name, ext in SIDECARS
                                    if name in accepted and file.with_name(file.name + ext).is_file()), (None, file))
        data = data_file.read_bytes() if data_file.is_file() else b"Not found"
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(file.suffix, "application/octet-stream"))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the browser moved on to the next page
                pass


@contextmanager
def host(root: Path, prefix: str = "/"):
    """Serve `root` at http://127.0.0.1:<port><prefix>; yields that base address (ending in '/')."""
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    with running(functools.partial(StaticHost, root=root, prefix=prefix), prefix) as base:
        yield base


@contextmanager
def running(handler, prefix: str = "/"):
    """An HTTP server on 127.0.0.1 at a free port, in a thread, until the block ends; yields its base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
