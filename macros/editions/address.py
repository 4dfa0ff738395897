"""The address the editions are published under: `SITE_URL`, given once at build time.

A host's build sets it (`SITE_URL=https://courses.example.edu/ngg/ make build`); every edition,
the older ones rebuilt from their commits included, takes from it its citations, head metadata,
sitemap, figure addresses and edition links. A local build without it keeps the placeholder,
which the pages say is one; `make publish` refuses to run with it.
"""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from ..data.problems import ContentError

ENV = "SITE_URL"
# mkdocs.yml names the same placeholder as the default of `!ENV SITE_URL`.
PLACEHOLDER = "https://new-great-game.example.org/"
EXAMPLE = "https://courses.example.edu/ngg/"
UNSAFE = set("\"'<>&`\\ {}|^")  # characters an address must not carry into HTML, BibTeX or JSON


def site_url(environ=os.environ) -> str:
    """SITE_URL as the build was given it, checked and ending in '/', or the placeholder."""
    given = environ.get(ENV, "").strip()
    return checked(given) if given else PLACEHOLDER


def checked(url: str) -> str:
    """An address every edition can be published under, ending in '/'; a ContentError says why not."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname or parts.query or parts.fragment or UNSAFE & set(url):
        raise ContentError(f"{ENV}={url!r} is not a site address: give the full address the editions are published under, such as {ENV}={EXAMPLE}")
    return url if url.endswith("/") else url + "/"


def is_placeholder(url: str) -> bool:
    return url == PLACEHOLDER


def edition_root(site: str, version: str) -> str:
    """An edition's own address: <site>/<version>/."""
    return f"{site}{version}/"
