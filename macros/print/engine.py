"""The PDF engine: WeasyPrint (pinned in requirements.txt; renders with Debian's Pango).

Chosen over Chromium's `page.pdf` by measuring both on this site (README, "Print and PDF"):
WeasyPrint reads CSS paged media (running footers from `string-set`, contents with
`target-counter` page numbers, an outline from `bookmark-level`), writes tagged PDF and
document metadata, and is a pinned Python package, so an edition rebuilt from its commit years
later renders with the same engine; Chromium needs a browser in the build and a paged-media
script for numbered contents.

Resources come from the built site only: a picture the document names but the build did not
write, or anything from another host, stops the render with the file named.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .. import paths

VERSION = f"WeasyPrint {weasyprint.__version__}"
SITE_STYLESHEETS = ("assets/site.css", "assets/maps.css", paths.PRINT_STYLESHEET)  # from the built site
OPTIONS = {"pdf_tags": True, "custom_metadata": True, "pdf_variant": None}


class RenderError(Exception):
    """What stops a PDF, in words an editor can act on (the caller names the chapter)."""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    outline: list[tuple[int, str]]  # (level, label) of every bookmark, in order


class SiteFetcher(URLFetcher):
    """Files of the built site, nothing else: no network, no file outside the site."""

    def __init__(self, site_dir: Path):
        super().__init__(allowed_protocols={"file", "data"})
        self.site_dir = site_dir.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file":
            raise FatalURLFetchingError(f"the PDF would load {url} from another host: serve it from the site")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.site_dir) and not path.is_relative_to(paths.PDF_STYLESHEET.parent):
            raise FatalURLFetchingError(f"the PDF would load {path}, outside the built site")
        if not path.is_file():
            raise FatalURLFetchingError(f"the PDF needs {path.relative_to(self.site_dir) if path.is_relative_to(self.site_dir) else path}, which the build did not write")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type(path)})


def content_type(path: Path) -> str:
    return {".svg": "image/svg+xml", ".png": "image/png", ".css": "text/css", ".jpg": "image/jpeg"}.get(path.suffix, "application/octet-stream")


def stylesheets(site_dir: Path) -> list[Path]:
    return [site_dir / s for s in SITE_STYLESHEETS] + [paths.PDF_STYLESHEET]


def render(html: str, site_dir: Path) -> Rendered:
    """The document as PDF; RenderError says what is wrong with it."""
    fetcher = SiteFetcher(site_dir)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        css = [weasyprint.CSS(filename=str(s), url_fetcher=fetcher) for s in stylesheets(site_dir)]
        document = weasyprint.HTML(string=html, base_url=site_dir.resolve().as_uri() + "/", url_fetcher=fetcher).render(stylesheets=css, **OPTIONS)
    except FatalURLFetchingError as err:
        raise RenderError(str(err)) from None
    outline = []

    def walk(bookmarks, level):
        for label, _target, children, _state in bookmarks:
            outline.append((level, label))
            walk(children, level + 1)

    walk(document.make_bookmark_tree(), 1)
    return Rendered(document.write_pdf(**OPTIONS), len(document.pages), outline)
