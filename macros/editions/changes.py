"""What changed between an edition and the one before it, computed from the two editions'
data files and chapters (the older read from its commit): facts, sources, events, sections."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .. import paths
from .catalogue import Edition, file_at, files_at
from ..data.library import Library
from ..pages.syllabus import SECTION

FACT_CALL = re.compile(r"""\bfact\(\s*["']([a-z0-9-]+)["']""")
FACTBOX_CALL = re.compile(r"""\bfactbox\([^\[\]]*\[([^\]]*)\]""")
CHART_CALL = re.compile(r"""\bchart\(\s*["']([a-z0-9-]+)["']""")
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
    fact_pages: dict[str, str]  # fact id -> first page (docs-relative) showing it


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
    """The newest edition is the library being built; an older one is read from its commit."""
    return Changes(edition_data(old), current_data(new, library) if new.commit is None else edition_data(new))


def edition_data(edition: Edition) -> EditionData:
    """An edition's data as it published it, read from its commit."""

    def records(name: str) -> dict[str, dict]:
        raw = yaml.safe_load(file_at(edition, f"docs/data/{name}") or "[]") or []
        return {str(r["id"]): r for r in raw if isinstance(r, dict) and "id" in r}

    pages = markdown_pages(edition)
    facts, sources, events = (records(name) for name in (paths.FACTS_FILE, paths.SOURCES_FILE, paths.EVENTS_FILE))
    charts = {i: [p if isinstance(p, str) else p.get("fact") for s in c.get("series", []) for p in s.get("facts", [])] for i, c in records(paths.CHARTS_FILE).items()}
    return EditionData(edition, facts, sources, events, chapter_sections(pages), fact_pages(pages, charts))


def current_data(edition: Edition, library: Library) -> EditionData:
    def dumped(table: dict) -> dict[str, dict]:
        return {k: v.model_dump(mode="json") for k, v in table.items()}

    pages = markdown_pages(edition)
    charts = {i: [p.fact for s in c.series for p in s.facts] for i, c in library.charts.items()}
    return EditionData(edition, dumped(library.facts), dumped(library.sources), dumped(library.events), chapter_sections(pages), fact_pages(pages, charts))


def markdown_pages(edition: Edition) -> dict[str, str]:
    """Every Markdown page under docs/ as the edition published it, read once."""
    return {rel: file_at(edition, rel) or "" for rel in files_at(edition, "docs") if rel.endswith(".md")}


def chapter_sections(pages: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    return {rel: [(m["title"], m["anchor"]) for m in SECTION.finditer(text)] for rel, text in pages.items() if rel.startswith(CHAPTERS + "/")}


def fact_pages(pages: dict[str, str], charts: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Fact id -> the first page (in file order) whose Markdown shows it, by fact(), factbox() or
    chart() (`charts`: chart id -> its facts, as the edition's charts.yml has them)."""
    found: dict[str, str] = {}
    for rel, text in pages.items():
        ids = FACT_CALL.findall(text) + [i for box in FACTBOX_CALL.findall(text) for i in QUOTED_ID.findall(box)]
        ids += [i for chart in CHART_CALL.findall(text) for i in (charts or {}).get(chart, [])]
        for fact_id in ids:
            found.setdefault(fact_id, rel.removeprefix("docs/"))
    return found
