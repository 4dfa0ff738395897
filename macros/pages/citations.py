"""Numbered citations for one page: the first source cited is [1], and so on."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..data.library import Library
from ..data.problems import ContentError
from ..data.records import Citation, Source


@dataclass
class Marker:
    number: int
    source: Source
    citation: Citation
    uid: str


def first_markers(markers: list[Marker]) -> list[Marker]:
    """Each source once, at its first marker, in number order: a figure's source line."""
    seen: dict[str, Marker] = {}
    for m in markers:
        seen.setdefault(m.source.id, m)
    return sorted(seen.values(), key=lambda m: m.number)


@dataclass
class PageCitations:
    """The sources one page cites, in order of first use; one instance per page render."""

    page: str
    library: Library
    order: list[str] = field(default_factory=list)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    count: int = 0
    figures: set[str] = field(default_factory=set)  # facts that already have their anchor here
    tips: int = 0  # glossary-term tooltips so far

    def add(self, citation: Citation) -> Marker:
        problem = self.library.citation_problem(citation)
        if problem:
            raise ContentError(problem)
        if citation.source not in self.order:
            self.order.append(citation.source)
        if citation.quote and citation.quote not in self.quotes.setdefault(citation.source, []):
            self.quotes[citation.source].append(citation.quote)
        self.count += 1
        number = self.order.index(citation.source) + 1
        return Marker(number, self.library.sources[citation.source], citation, f"c{self.count}")

    def add_all(self, citations: list[Citation]) -> list[Marker]:
        return [self.add(c) for c in citations]

    def anchor(self, fact_id: str) -> str | None:
        """A figure's address on the page (`#fact-<id>`), given where it first appears."""
        if fact_id in self.figures:
            return None
        self.figures.add(fact_id)
        return f"fact-{fact_id}"

    def tip_uid(self) -> str:
        """A page-unique id for a glossary term's tooltip."""
        self.tips += 1
        return f"t{self.tips}"

    def listed(self) -> list[tuple[Source, list[str]]]:
        return [(self.library.sources[s], self.quotes.get(s, [])) for s in self.order]
