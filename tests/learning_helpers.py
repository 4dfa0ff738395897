"""Shared helpers of the learning tests (self-checks, comparison, countries, teaching): reading a
built page, the chapters' own sections, and planting a mistake in a copy of the data."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from macros import paths
from macros.data.loading import load_library
from macros.data.problems import DataError

CHAPTERS = ["overview", "turkey", "russia", "china", "drones", "what-next"]
# The five states and the words that name them in running text (written out here, not derived
# from the code under test).
COUNTRIES = {
    "KAZ": ("kazakhstan", r"\bKazakh"),
    "KGZ": ("kyrgyzstan", r"\bKyrgyz"),
    "TJK": ("tajikistan", r"\bTajik"),
    "TKM": ("turkmenistan", r"\bTurkmen"),
    "UZB": ("uzbekistan", r"\bUzbek"),
}
HEADING = re.compile(r"^#{2,3} (?P<title>.+?) \{#(?P<anchor>[a-z0-9-]+)\}\s*$", re.M)


@functools.lru_cache(maxsize=None)
def _parse(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page(site: Path, url: str) -> BeautifulSoup:
    """A built page by its address (chapters/turkey/), parsed once per session."""
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    assert path.is_file(), f"the build wrote no page at {url}"
    return _parse(path, path.stat().st_mtime)


def article(site: Path, url: str):
    return page(site, url).select_one("article")


def chapter_source(name: str) -> tuple[str, dict]:
    return get_data((paths.DOCS / "chapters" / f"{name}.md").read_text(encoding="utf-8"))


def chapter_anchors(name: str) -> dict[str, str]:
    """The sections a chapter's Markdown gives, anchor -> title (## and ###)."""
    markdown, _ = chapter_source(name)
    return {m["anchor"]: m["title"] for m in HEADING.finditer(markdown)}


def data(name: str) -> list[dict]:
    return yaml.safe_load((paths.DATA / name).read_text(encoding="utf-8"))


def edit(data_dir: Path, name: str, change) -> None:
    """Let `change` mutate the records of one data file in the copy, and write it back."""
    path = data_dir / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    """The problems loading the copy reports (it must fail)."""
    with pytest.raises(DataError) as err:
        load_library(data_dir)
    return err.value.problems


def by_id(records: list[dict], wanted: str) -> dict:
    return next(r for r in records if r["id"] == wanted)
