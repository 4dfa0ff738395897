"""The little a macro needs to know about the page it renders into: plain values, no MkDocs."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..editions.address import edition_root
from .citations import PageCitations
from ..editions.catalogue import Edition, Editions
from ..data.library import Library


@dataclass(frozen=True)
class PageContext:
    src_uri: str  # e.g. chapters/turkey.md
    url: str  # the page's URL relative to the site root, e.g. chapters/turkey/ (online) or chapters/turkey.html
    directory_urls: bool
    offline: bool
    library: Library
    editions: Editions
    site_url: str  # where the editions are published: <site_url><version>/ is each edition's address
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

    def edition_url(self, edition: Edition, src_uri: str = "index.md") -> str:
        """A page's permanent address in an edition (online, directory style)."""
        return edition_address(self.site_url, edition.version, src_uri)

    @property
    def address(self) -> str:
        """This page's permanent address in the edition being built."""
        return self.edition_url(self.editions.newest, self.src_uri)


def page_url(src_uri: str, directory_urls: bool) -> str:
    return File(src_uri, "", "", directory_urls).url


def edition_address(site_url: str, version: str, src_uri: str) -> str:
    """A page's permanent address in an edition; the home page is the edition's own address
    (MkDocs writes the root page's URL as './', which an address must not carry)."""
    url = page_url(src_uri, True)
    return edition_root(site_url, version) + ("" if url == "./" else url)
