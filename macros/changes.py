"""What changed between an edition and the one before it, computed from the two editions'
data files and chapters (the older read from its commit): facts, sources, events, sections."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from . import paths
from .editions import Edition, file_at, files_at
from .library import Library
from .syllabus import SECTION

FACT_CALL = re.compile(r"""\bfact\(\s*["']([a-z0-9-]+)["']""")
FACTBOX_CALL = re.compile(r"""\bfactbox\([^\[\]]*\[([^\]]*)\]""")
QUOTED_ID = re.compile(r"""["']([a-z0-9-]+)["']""")
CHAPTERS = "docs/chapters"


@dataclass
class EditionData:
    """One edition's records as plain data, and where each fact appears."""

    edition: Edition
    facts: dict[str, dict]
    sources: dict[str, dict]
    events: dict[str, dict]
    sections: dict[str, list[tuple[str, str]]]  # chapter file -> (title, anchor)
    fact_pages: dict[str, str] = field(default_factory=dict)  # fact id -> first page (docs-relative) showing it


@dataclass
class Changes:
    old: EditionData
    new: EditionData

    def figures_changed(self) -> list[str]:
        """Facts in both editions whose figure, date or wording differs."""
        both = [i for i in self.new.facts if i in self.old.facts]
        return [i for i in both if shown(self.old.facts[i]) != shown(self.new.facts[i])]

    def added(self, kind: str) -> list[str]:
        return [i for i in getattr(self.new, kind) if i not in getattr(self.old, kind)]

    def removed(self, kind: str) -> list[str]:
        return [i for i in getattr(self.old, kind) if i not in getattr(self.new, kind)]

    def sections(self) -> list[dict]:
        rows = []
        for chapter in sorted(set(self.old.sections) | set(self.new.sections)):
            old, new = dict(map(reversed, self.old.sections.get(chapter, []))), dict(map(reversed, self.new.sections.get(chapter, [])))
            added = [(new[a], a) for a in new if a not in old]
            removed = [(old[a], a) for a in old if a not in new]
            if added or removed:
                rows.append({"chapter": chapter.removeprefix("docs/"), "added": added, "removed": removed})
        return rows


def figure(fact: dict) -> tuple[str, str]:
    """A fact's figure and the date it holds for."""
    return (str(fact.get("display", "")), str(fact.get("as_of", "")))


def shown(fact: dict) -> tuple[str, str, str]:
    """What a reader sees of a fact: its figure, its date and what it says it measures."""
    return (*figure(fact), str(fact.get("statement", "")))


def compare(old: Edition, new: Edition, library: Library) -> Changes:
    return Changes(edition_data(old), current_data(new, library))


def edition_data(edition: Edition) -> EditionData:
    """An edition's data as it published it, read from its commit."""

    def records(name: str) -> dict[str, dict]:
        raw = yaml.safe_load(file_at(edition, f"docs/data/{name}") or "[]") or []
        return {str(r["id"]): r for r in raw if isinstance(r, dict) and "id" in r}

    data = EditionData(edition, records(paths.FACTS_FILE), records(paths.SOURCES_FILE), records(paths.EVENTS_FILE), chapter_sections(edition))
    data.fact_pages = fact_pages(edition)
    return data


def current_data(edition: Edition, library: Library) -> EditionData:
    def dumped(table: dict) -> dict[str, dict]:
        return {k: v.model_dump(mode="json") for k, v in table.items()}

    data = EditionData(edition, dumped(library.facts), dumped(library.sources), dumped(library.events), chapter_sections(edition))
    data.fact_pages = fact_pages(edition)
    return data


def chapter_sections(edition: Edition) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for rel in files_at(edition, CHAPTERS):
        if rel.endswith(".md"):
            out[rel] = [(m["title"], m["anchor"]) for m in SECTION.finditer(file_at(edition, rel) or "")]
    return out


def fact_pages(edition: Edition) -> dict[str, str]:
    """Fact id -> the first page (in file order) whose Markdown shows it, by fact() or factbox()."""
    pages: dict[str, str] = {}
    for rel in files_at(edition, "docs"):
        if rel.endswith(".md"):
            text = file_at(edition, rel) or ""
            ids = FACT_CALL.findall(text) + [i for box in FACTBOX_CALL.findall(text) for i in QUOTED_ID.findall(box)]
            for fact_id in ids:
                pages.setdefault(fact_id, rel.removeprefix("docs/"))
    return pages
