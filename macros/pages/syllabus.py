"""What an instructor needs from every chapter, read from the chapters' own front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.utils.meta import get_data

from .. import paths
from .chapter import reading_minutes
from .cite_page import page_title

SECTION = re.compile(r"^## (?P<title>.+?) \{#(?P<anchor>[a-z0-9-]+)\}\s*$", re.M)
CHAPTERS_NAV = "Chapters"


@dataclass(frozen=True)
class ChapterInfo:
    src: str
    title: str
    minutes: int
    objectives: list[str]
    questions: list[str]
    sections: list[tuple[str, str]]


def chapter_sources(nav: list) -> list[str]:
    """The chapter files, in the order the nav lists them."""
    section = next(item[CHAPTERS_NAV] for item in nav if isinstance(item, dict) and CHAPTERS_NAV in item)
    return [next(iter(entry.values())) if isinstance(entry, dict) else entry for entry in section]


def chapter_info(src: str) -> ChapterInfo:
    markdown, meta = get_data((paths.DOCS / src).read_text(encoding="utf-8"))
    sections = [(m["title"], m["anchor"]) for m in SECTION.finditer(markdown)]
    return ChapterInfo(
        src=src,
        title=page_title(markdown, meta),
        minutes=reading_minutes(markdown),
        objectives=meta.get("objectives", []),
        questions=meta.get("questions", []),
        sections=sections,
    )


def chapters(nav: list) -> list[ChapterInfo]:
    return [chapter_info(src) for src in chapter_sources(nav)]
