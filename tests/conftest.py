"""One real build per test session; tests read its HTML with a real parser, each page parsed once.

Which pages there are comes from the navigation (mkdocs.yml), never from a typed list: the
content pages of the newest edition are exactly the pages the nav names, and the tests that
walk them say when they found fewer than that.

Markers: a test that drives Chromium (it uses the `browser` fixture) is marked `browser`
here, so `pytest -m "not browser"` runs the data and HTML tests alone; `slow` marks the tests
that build a planted copy of the project.
"""
from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import File

from benchmarks.weights import reading_pages
from browser import base_url, browser  # noqa: F401  (shared browser fixtures)
from macros import paths
from macros.data.loading import load_library
from macros.editions.catalogue import load_editions
from macros.output.build import build_all
from macros.pages.syllabus import chapter_sources

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# The session builds at an address of its own, as a course's host would, so that a placeholder
# left anywhere in site/ or dist/ shows (tests/test_publish.py); set before any config is read.
SITE_URL = "https://courses.example.edu/ngg/"
os.environ["SITE_URL"] = SITE_URL

REDIRECT = 'http-equiv="refresh"'  # a redirect stub for an old address (mkdocs-redirects)


def pytest_collection_modifyitems(items):
    """Every test that drives Chromium is a `browser` test (pyproject.toml registers the marker)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# ---- parsing, once per file per session ------------------------------------------------------


@functools.lru_cache(maxsize=None)
def parsed(path: Path) -> BeautifulSoup:
    """A built file, parsed once for the whole session. Never change the tree it returns."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def is_redirect(html: str) -> bool:
    return REDIRECT in html


def live_map(figure) -> tuple[str, str]:
    """(address, accessible name) of a map figure's live map: a frame that loads near the
    screen (iframe data-src) or a link that opens one in place of the map's picture (a.map-live)."""
    frame = figure.select_one("iframe[data-src]")
    if frame is not None:
        return frame["data-src"], frame.get("title") or ""
    link = figure.select_one("a.map-live[href]")
    assert link is not None, f"map figure #{figure.get('id')} has neither a frame nor a link to its live map"
    return link["href"], link.get("data-title") or link.get("title") or ""


# ---- what the navigation promises --------------------------------------------------------------


def nav_sources(nav) -> list[str]:
    """Every page the navigation names (docs-relative .md paths), in nav order."""
    found = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def as_material_wrote_it(template: str) -> str:
    """A theme override without our `| e` escapes (MkDocs does not autoescape theme templates),
    to compare with the partial it copies."""
    return template.replace(" | e }}", " }}")


def content_sources(config) -> list[str]:
    """The docs pages a reader opens: those the nav names and those kept out of it on purpose."""
    unlisted = [p.pattern.lstrip("/") for p in config["not_in_nav"].patterns] if config["not_in_nav"] else []
    return [*nav_sources(config["nav"]), *unlisted]


def built_path(src: str, directory_urls: bool = True) -> str:
    """Where a docs page is built: chapters/turkey.md -> chapters/turkey/index.html (offline: .html)."""
    return File(src, "", "", directory_urls).dest_uri


# ---- the session's build and data ----------------------------------------------------------------


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


@pytest.fixture(scope="session")
def chapters(config) -> list[str]:
    """The chapters' built pages, in the order the nav lists them (chapters/turkey/index.html)."""
    found = [built_path(src) for src in chapter_sources(config["nav"])]
    assert found, "the nav lists no chapter under Chapters"
    return found


@pytest.fixture(scope="session")
def content_pages(site, config) -> dict[str, str]:
    """Every content page of the newest edition, at the root: its path relative to site/ -> HTML.
    The same pages the benchmarks measure (benchmarks.weights.reading_pages: no map document,
    redirect stub, 404 page or edition folder), and exactly the pages the nav names, with those
    mkdocs.yml keeps out of it on purpose (`not_in_nav`: the page a saved edition shows offline)."""
    pages = {rel: (site / rel).read_text(encoding="utf-8") for rel in reading_pages(site)}
    expected = {built_path(src) for src in content_sources(config)}
    assert set(pages) == expected, f"built content pages and the nav disagree: {sorted(set(pages) ^ expected)}"
    return pages


@pytest.fixture(scope="session")
def soups(site, content_pages) -> dict[str, BeautifulSoup]:
    """The content pages, parsed once (shared: never change a tree)."""
    return {rel: parsed(site / rel) for rel in content_pages}


@pytest.fixture(scope="session")
def map_pages(soups) -> dict[str, list[str]]:
    """Map id -> the content pages of the newest edition whose figures show it."""
    found: dict[str, list[str]] = {}
    for rel, page in soups.items():
        for figure in page.select("figure.map-figure[id^='map-']"):
            found.setdefault(figure["id"].removeprefix("map-"), []).append(rel)
    return found


@pytest.fixture(scope="session")
def map_page(map_pages, library) -> dict[str, str]:
    """Map id -> the one page that shows it (test_maps checks there is exactly one)."""
    missing = sorted(set(library.maps) - set(map_pages))
    assert not missing, f"maps on no page of the newest edition: {missing}"
    return {spec_id: pages[0] for spec_id, pages in map_pages.items()}
