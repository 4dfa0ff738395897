"""The chapters are the site's reason to exist: each teaches, with objectives, questions, sourced
figures and terms. Which chapters there are comes from the nav; whether each shows its map
is test_maps.py's (from the built pages, not from the Markdown)."""
from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from macros import paths
from macros.data.figures import figure_in
from macros.pages.chapter import MACRO_CALL
from macros.pages.syllabus import chapter_sources

MIN_WORDS = 900
# The nav's chapters, read at collection so that each gets its own test id.
CHAPTERS = chapter_sources(load_config(str(paths.ROOT / "mkdocs.yml"))["nav"])
# The core chapters: all but the overview that opens the list and the outlook that closes it.
CORE = CHAPTERS[1:-1]


def source(src: str) -> tuple[str, dict]:
    return get_data((paths.DOCS / src).read_text(encoding="utf-8"))


def prose_words(markdown: str) -> int:
    """Words a reader reads: no macro calls, comments, tags, headings or admonition titles."""
    text = re.sub(r"<!--.*?-->", " ", MACRO_CALL.sub(" ", markdown), flags=re.S)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(("#", "!!!"))]
    return sum(1 for word in re.sub(r"<[^>]+>", " ", "\n".join(lines)).split() if re.search(r"[A-Za-z]", word))


def built(soups, src: str):
    return soups[src.removesuffix(".md") + "/index.html"]


def test_the_nav_lists_chapters_and_core_ones():
    assert len(CHAPTERS) >= 3 and CORE, f"the nav's Chapters: {CHAPTERS}"


@pytest.mark.parametrize("src", CORE)
def test_core_chapters_have_enough_prose(src):
    markdown, _ = source(src)
    assert prose_words(markdown) >= MIN_WORDS


@pytest.mark.parametrize("src", CHAPTERS)
def test_every_chapter_states_objectives_and_questions_without_figures(src, library):
    _, meta = source(src)
    assert 3 <= len(meta.get("objectives", [])) <= 5
    assert 4 <= len(meta.get("questions", [])) <= 6
    assert not [line for line in meta["objectives"] + meta["questions"] if figure_in(line, library.designations())]


@pytest.mark.parametrize("src", CHAPTERS)
def test_every_chapter_has_a_summary_a_fact_box_and_glossary_links(soups, src):
    page = built(soups, src)
    summary = page.select_one("article .admonition.abstract .admonition-title")
    assert summary is not None and summary.get_text(strip=True) == "In brief"
    assert page.select("article figure.factbox tbody tr"), "at least one fact box with rows"
    terms = page.select("article a.term[href*='glossary']")
    assert len({a["href"] for a in terms}) >= 3, "link the chapter's key terms to the glossary"


@pytest.mark.parametrize("src", CHAPTERS)
def test_every_chapter_renders_its_objectives_and_questions(soups, src):
    page = built(soups, src)
    _, meta = source(src)
    for anchor, items in (("objectives", meta["objectives"]), ("discussion-questions", meta["questions"])):
        heading = page.find(id=anchor)
        assert heading is not None, anchor
        assert len(heading.find_next("ol").select("li")) == len(items), anchor
