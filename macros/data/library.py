"""All validated records of one build, indexed by id. `loading.load_library()` builds one."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import paths
from .figures import is_designation
from .problems import UnknownId
from .records import Chart, Citation, Correction, Event, Fact, Layer, MapSpec, Place, Source, Term
from .seeds import normalise

if TYPE_CHECKING:
    from ..editions.catalogue import Editions
    from ..learning.records import ComparisonRow, Country, SelfCheckItem, SourceLab, TeachingPlan


REPORTS = frozenset({"news", "official", "analysis"})


class Library:
    def __init__(self, records: dict[str, list], seeds: dict[str, str], editions: Editions):
        self.records = records  # file name -> records in file order, for downloads
        self.sources: dict[str, Source] = {r.id: r for r in records[paths.SOURCES_FILE]}
        self.facts: dict[str, Fact] = {r.id: r for r in records[paths.FACTS_FILE]}
        self.events: dict[str, Event] = {r.id: r for r in records[paths.EVENTS_FILE]}
        self.terms: dict[str, Term] = {r.id: r for r in records[paths.GLOSSARY_FILE]}
        self.places: dict[str, Place] = {r.id: r for r in records[paths.PLACES_FILE]}
        self.layers: dict[str, Layer] = {r.id: r for r in records[paths.LAYERS_FILE]}
        self.maps: dict[str, MapSpec] = {r.id: r for r in records[paths.MAPS_FILE]}
        self.corrections: dict[str, Correction] = {r.id: r for r in records[paths.CORRECTIONS_FILE]}
        self.charts: dict[str, Chart] = {r.id: r for r in records[paths.CHARTS_FILE]}
        self.selfcheck: dict[str, SelfCheckItem] = {r.id: r for r in records[paths.SELFCHECK_FILE]}
        self.labs: dict[str, SourceLab] = {r.id: r for r in records[paths.LABS_FILE]}
        self.teaching: dict[str, TeachingPlan] = {r.id: r for r in records[paths.TEACHING_FILE]}
        self.comparison: dict[str, ComparisonRow] = {r.id: r for r in records[paths.COMPARISON_FILE]}
        self.countries: dict[str, Country] = {r.id: r for r in records[paths.COUNTRIES_FILE]}
        self.editions = editions
        self.seed_texts = seeds

    def sources_run_to(self) -> str:
        """How current the edition is: the newest dated report it cites (news, official or analysis,
        dated to the day; datasets and references are living pages, so they do not count)."""
        return max(s.date for s in self.sources.values() if s.kind in REPORTS and len(s.date) == len("2026-01-31"))

    def designations(self) -> list[str]:
        """Names with figures in them (TB2, S-300, Shanghai Five) are names, not figures: the glossary lists them."""
        names = {word for term in self.terms.values() for word in (term.term, term.abbr or "") if is_designation(word)}
        return sorted(names, key=len, reverse=True)

    def get(self, kind: str, wanted: str, where: str = ""):
        table = getattr(self, kind)
        if wanted not in table:
            raise UnknownId(kind, wanted, sorted(table), where)
        return table[wanted]

    def citation_problem(self, citation: Citation) -> str | None:
        """What is wrong with one citation, or None. Used for data and for `cite()` in pages."""
        if citation.source not in self.sources:
            return str(UnknownId("sources", citation.source, sorted(self.sources)))
        source = self.sources[citation.source]
        if source.kind != "seed":
            return None
        if not citation.quote:
            return f"source '{source.id}' is a seed: add quote: with a few words copied exactly from seeds/{source.seed}"
        if source.id not in self.seed_texts:  # its missing file is reported once, by seeds.py
            return None
        if normalise(citation.quote) not in self.seed_texts[source.id]:
            return f"quote {citation.quote!r} is not verbatim in seeds/{source.seed}; copy the words exactly from the seed"
        return None
