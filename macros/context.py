"""The little a macro needs to know about the page it renders into: plain values, no MkDocs."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .citations import PageCitations
from .library import Library


@dataclass(frozen=True)
class PageContext:
    src_uri: str  # e.g. chapters/turkey.md
    url: str  # the page's URL relative to the site root, e.g. chapters/turkey/ (online) or chapters/turkey.html
    directory_urls: bool
    offline: bool
    library: Library
    refs: PageCitations
    nav: tuple = ()

    @property
    def where(self) -> str:
        return f"docs/{self.src_uri}"

    def site_link(self, path: str) -> str:
        """A file generated into the site (not a page), relative to this page (works online and offline)."""
        return get_relative_url(path, self.url)

    def page_link(self, src_uri: str) -> str:
        """Another page, relative to this one."""
        return get_relative_url(page_url(src_uri, self.directory_urls), self.url)


def page_url(src_uri: str, directory_urls: bool) -> str:
    return File(src_uri, "", "", directory_urls).url
