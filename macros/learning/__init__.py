"""Learning, not only reading (issue 22): what turns the site's chapters into teaching material.

- `records.py` the schemas of the learning data files (selfcheck.yml, labs.yml, teaching.yml,
  comparison.yml, countries.yml); `checks.py` their checks against the chapters and the data,
  run by the loader with every other check (`data/checks.py`); `chapters.py` the chapters as
  those checks read them (objectives, questions, sections, facts and maps placed);
- `selfcheck.py` and `labs.py` the self-check and the source lab that end every chapter,
  added by the page frame (`chapter_end`, called from `pages/chapter.py`);
- `comparison.py` the three powers side by side (`docs/compare.md`);
- `countries.py` a page for each of the five states (`docs/countries/`), and
  `country_sections.py` the chapter sections that name each, found in the built chapters;
- `teaching.py` each chapter's teaching plan on the instructors' side (`docs/teaching/`).

`macros.py` holds the macros pages call; they render through `pages/render.py`'s autoescaped
templates, like every other macro.
"""
from __future__ import annotations

from .. import paths
from ..pages.context import PageContext
from . import chapters
from .labs import source_lab_html
from .selfcheck import self_check_html

SELF_CHECK = ("Check your understanding", "self-check")
SOURCE_LAB = "source-lab"


def chapter_end(ctx: PageContext) -> list[tuple[str, str, str]]:
    """The sections that end a chapter, (title, anchor, HTML): its self-check and its source lab;
    none for a page that is not a chapter."""
    name = ctx.src_uri.removeprefix(paths.CHAPTERS_DIR + "/").removesuffix(".md")
    chapter = chapters.chapter(name) if ctx.src_uri == paths.chapter_page(name) else None
    if chapter is None:
        return []
    check = self_check_html(ctx, chapter)  # first: sources are numbered in the order the page shows them
    title, lab = source_lab_html(ctx, chapter)
    return [(*SELF_CHECK, check), (f"Source lab: {title}", SOURCE_LAB, lab)]
