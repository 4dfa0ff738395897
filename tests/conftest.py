"""One real build per test session; tests read its HTML with a real parser."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import base_url, browser  # noqa: F401  (shared browser fixtures)
from macros import paths
from macros.output.audit import FRAME_DIRS
from macros.output.build import build_all
from macros.editions.catalogue import load_editions
from macros.data.loading import load_library
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# The session builds at an address of its own, as a course's host would, so that a placeholder
# left anywhere in site/ or dist/ shows (tests/test_publish.py); set before any config is read.
SITE_URL = "https://courses.example.edu/ngg/"
os.environ["SITE_URL"] = SITE_URL

# Pages that are not content: MkDocs' 404 page, redirect stubs, and the map documents
# that chapters embed in frames (their figure, caption and sources live in the chapter).
NOT_CONTENT = {"404.html"}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """site/ (online), build/offline/ and the offline zip, built once from the real project."""
    return build_all(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built["site"]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A writable copy of the real data files, to plant mistakes in."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target)
    return target


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture(scope="session")
def editions():
    return load_editions()


@pytest.fixture(scope="session")
def config():
    """The site's own configuration (nav, site_url), read as MkDocs reads it."""
    return load_config(str(paths.ROOT / "mkdocs.yml"))


def is_redirect(html: str) -> bool:
    return 'http-equiv="refresh"' in html


@pytest.fixture(scope="session")
def content_pages(site, editions) -> dict[str, str]:
    """Every built content page of the newest edition at the root: its path relative to site/ -> HTML.
    (Each edition's own folder, <version>/, is checked by tests/test_editions.py.)"""
    skip = FRAME_DIRS | {e.version for e in editions.items}
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = str(path.relative_to(site))
        html = path.read_text(encoding="utf-8")
        if rel not in NOT_CONTENT and path.relative_to(site).parts[0] not in skip and not is_redirect(html):
            pages[rel] = html
    return pages


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")
