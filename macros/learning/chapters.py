"""The chapters as the learning checks read them: objectives and questions from the front
matter, the sections (headings with explicit anchors), the facts and maps each one places.
Read from docs/chapters/<name>.md, once per file."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from .. import paths
from ..editions.changes import FACT_CALL, FACTBOX_CALL, QUOTED_ID

HEADING = re.compile(r"^(?P<level>#{2,3}) (?P<title>.+?) \{#(?P<anchor>[a-z0-9-]+)\}\s*$", re.M)
MAP_CALL = re.compile(r"""\{\{\s*map\(\s*["']([a-z0-9-]+)["']""")


@dataclass(frozen=True)
class Chapter:
    name: str  # the file name without .md: turkey
    objectives: tuple[str, ...]
    questions: tuple[str, ...]
    sections: dict[str, str]  # anchor -> heading title, in page order (## and ###)
    facts: frozenset[str]  # facts the chapter shows, by fact() or in a fact box
    maps: frozenset[str]  # maps it places

    @property
    def src(self) -> str:
        return paths.chapter_page(self.name)


def names(docs_dir: Path = paths.DOCS) -> list[str]:
    """Every chapter file, by name."""
    return sorted(p.stem for p in (docs_dir / paths.CHAPTERS_DIR).glob("*.md"))


@functools.lru_cache(maxsize=None)
def _read(path: Path, mtime: float) -> Chapter:
    markdown, meta = get_data(path.read_text(encoding="utf-8"))
    facts = set(FACT_CALL.findall(markdown))
    for listed in FACTBOX_CALL.findall(markdown):
        facts |= set(QUOTED_ID.findall(listed))
    return Chapter(
        name=path.stem,
        objectives=tuple(meta.get("objectives") or ()),
        questions=tuple(meta.get("questions") or ()),
        sections={m["anchor"]: m["title"] for m in HEADING.finditer(markdown)},
        facts=frozenset(facts),
        maps=frozenset(MAP_CALL.findall(markdown)),
    )


def chapter(name: str, docs_dir: Path = paths.DOCS) -> Chapter | None:
    """The chapter docs/chapters/<name>.md, or None if there is no such file."""
    path = docs_dir / paths.CHAPTERS_DIR / f"{name}.md"
    return _read(path, path.stat().st_mtime) if path.is_file() else None
