"""The built pages a PDF is made from: each page's article, and where every page and file of
the site lives, so a link can be followed to the page it names."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.html

from .. import paths
from ..pages.context import page_url
from ..pages.cite_page import page_title

ARTICLE = '//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]'


@dataclass(frozen=True)
class BuiltPage:
    src: str  # docs-relative source, e.g. chapters/turkey.md
    url: str  # site-relative URL as this build writes it
    title: str
    article: lxml.html.HtmlElement


class Site:
    """One built site: its folder, and each page's URL as this build writes links to it."""

    def __init__(self, site_dir: Path, directory_urls: bool, docs: Path = paths.DOCS):
        self.dir = site_dir
        self.directory_urls = directory_urls
        self.sources = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        self.urls = {page_url(src, directory_urls): src for src in self.sources}
        for src in self.sources:  # the same page, named by its file
            url = page_url(src, directory_urls)
            if url.endswith("/") or url in ("", "./"):
                self.urls[(url if url != "./" else "") + "index.html"] = src
        self.urls[""] = self.urls.get("./", "index.md")

    def source_of(self, site_path: str) -> str | None:
        """The page a site path (no fragment) names, or None for a file that is not a page."""
        return self.urls.get(site_path)

    def page(self, src: str) -> BuiltPage:
        url = page_url(src, self.directory_urls)
        file = self.dir / (url + "index.html" if url.endswith("/") else url if url != "./" else "index.html")
        if not file.is_file():
            raise FileNotFoundError(f"docs/{src}: the build wrote no page at {file}")
        root = lxml.html.fromstring(file.read_bytes())
        found = root.xpath(ARTICLE)
        if not found:
            raise ValueError(f"docs/{src}: the built page has no article (the theme's content block)")
        article = found[0]
        heading = article.find(".//h1")
        title = heading.text_content().replace("¶", "").strip() if heading is not None else page_title((paths.DOCS / src).read_text(encoding="utf-8"), {}, "")
        return BuiltPage(src, "" if url == "./" else url, title, article)
