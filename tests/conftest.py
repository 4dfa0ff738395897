"""One real build per test session; tests read its HTML with a real parser."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import base_url, browser  # noqa: F401  (shared browser fixtures)
from macros import paths
from macros.audit import FRAME_DIRS
from macros.build import build_all
from macros.loading import load_library

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

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


def is_redirect(html: str) -> bool:
    return 'http-equiv="refresh"' in html


@pytest.fixture(scope="session")
def content_pages(site) -> dict[str, str]:
    """Every built content page of the online site: its path relative to site/ -> HTML."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = str(path.relative_to(site))
        html = path.read_text(encoding="utf-8")
        if rel not in NOT_CONTENT and path.relative_to(site).parts[0] not in FRAME_DIRS and not is_redirect(html):
            pages[rel] = html
    return pages


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")
