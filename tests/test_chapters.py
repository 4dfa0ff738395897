"""The chapters are the site's reason to exist: each teaches, with objectives, questions, sourced figures and terms."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from macros import paths
from macros.pages.chapter import MACRO_CALL
from macros.data.figures import figure_in

CHAPTERS = ["overview", "turkey", "russia", "china", "drones", "what-next"]
LONG = ["turkey", "russia", "china", "drones"]
MIN_WORDS = 900
MAPS = {"overview", "alliances", "russia-military", "belt-and-road", "drones", "border-clash"}


def source(name: str) -> tuple[str, dict]:
    return get_data((paths.DOCS / "chapters" / f"{name}.md").read_text(encoding="utf-8"))


def prose_words(markdown: str) -> int:
    """Words a reader reads: no macro calls, comments, tags, headings or admonition titles."""
    text = re.sub(r"<!--.*?-->", " ", MACRO_CALL.sub(" ", markdown), flags=re.S)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(("#", "!!!"))]
    return sum(1 for word in re.sub(r"<[^>]+>", " ", "\n".join(lines)).split() if re.search(r"[A-Za-z]", word))


def built(content_pages, name: str) -> BeautifulSoup:
    return BeautifulSoup(content_pages[f"chapters/{name}/index.html"], "lxml")


@pytest.mark.parametrize("name", LONG)
def test_core_chapters_have_enough_prose(name):
    markdown, _ = source(name)
    assert prose_words(markdown) >= MIN_WORDS


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_states_objectives_and_questions_without_figures(name, library):
    _, meta = source(name)
    assert 3 <= len(meta.get("objectives", [])) <= 5
    assert 4 <= len(meta.get("questions", [])) <= 6
    assert not [line for line in meta["objectives"] + meta["questions"] if figure_in(line, library.designations())]


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_a_summary_a_fact_box_and_glossary_links(content_pages, name):
    page = built(content_pages, name)
    summary = page.select_one("article .admonition.abstract .admonition-title")
    assert summary is not None and summary.get_text(strip=True) == "In brief"
    assert page.select("article figure.factbox tbody tr"), "at least one fact box with rows"
    terms = page.select("article a.term[href*='glossary']")
    assert len({a["href"] for a in terms}) >= 3, "link the chapter's key terms to the glossary"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_renders_its_objectives_and_questions(content_pages, name):
    page = built(content_pages, name)
    _, meta = source(name)
    for anchor, items in (("objectives", meta["objectives"]), ("discussion-questions", meta["questions"])):
        heading = page.find(id=anchor)
        assert heading is not None, anchor
        assert len(heading.find_next("ol").select("li")) == len(items)


def test_each_map_is_placed_once_across_the_chapters():
    """Placeholders (or the map macro that replaces them) name each planned map exactly once."""
    placed = []
    for name in CHAPTERS:
        markdown, _ = source(name)
        placed += re.findall(r"<!-- map: ([a-z-]+) -->", markdown)
        placed += re.findall(r"\{\{\s*map\(\s*[\"']([a-z-]+)[\"']", markdown)
    assert sorted(placed) == sorted(MAPS)
