"""Typed records for every data file, and the checks that tie them together.

Each record carries a fixed citation block (`citations`), as OWID's `Origin` does;
`load_library()` validates every file, collects every violation and raises once.
"""
from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from . import paths

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# A date as precise as the source is: 2019, 2019-08 or 2019-08-21.
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Actor = Literal["turkey", "russia", "china", "united-states", "central-asia"]
Text = Annotated[str, Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Record):
    """Where a claim comes from: a source id, and for a seed the words it says."""

    source: Slug
    quote: str | None = Field(default=None, min_length=3, max_length=300)
    note: str | None = None


class Cited(Record):
    id: Slug
    citations: list[Citation] = Field(min_length=1)


class Source(Record):
    id: Slug
    kind: Literal["seed", "news", "official", "analysis", "reference", "dataset"]
    title: Text
    authors: list[str] = []
    publisher: Text
    date: PartialDate
    url: HttpUrl
    accessed: date
    seed: str | None = None
    description: Text
    caveats: str | None = None

    @property
    def author_line(self) -> str:
        return ", ".join(self.authors) if self.authors else "Author not named"

    @property
    def year(self) -> str:
        return self.date[:4]


class Fact(Cited):
    statement: Text
    display: Text
    value: float | None = None
    unit: str | None = None
    as_of: PartialDate
    caveat: str | None = None


class Event(Cited):
    date: PartialDate
    actors: list[Actor] = Field(min_length=1)
    title: Text
    text: Text


class Term(Record):
    id: Slug
    term: Text
    abbr: str | None = None
    definition: Text
    see: list[Slug] = []

    @field_validator("definition")
    @classmethod
    def no_digits(cls, value: str) -> str:
        # Definitions are prose in our own words; figures belong in facts, which cite.
        if re.search(r"\d", value):
            raise ValueError("definitions hold no figures; put the figure in facts.yml and cite it")
        return value


class DataError(Exception):
    """Every violation found, one readable line each, sorted by file and entry."""

    def __init__(self, problems: list[str]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(self.problems))


class UnknownId(KeyError):
    def __init__(self, kind: str, wanted: str, known: list[str], where: str = ""):
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else f"known ids are in docs/data/{kind}.yml"
        self.message = f"{where}unknown {kind} id '{wanted}': {hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def normalise(text: str) -> str:
    """Fold what a quote check must ignore: whitespace and typographic quotes only."""
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'}))
    return " ".join(text.split())


FILES: dict[str, type[Record]] = {
    paths.SOURCES_FILE: Source,
    paths.FACTS_FILE: Fact,
    paths.EVENTS_FILE: Event,
    paths.GLOSSARY_FILE: Term,
}


def read_records(path: Path, model: type[Record], problems: list[str]) -> list:
    """Parse one YAML list of records; append a line per violation to `problems`."""
    name = f"docs/data/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{name}: file is missing; create it as a YAML list of records")
        return []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        problems.append(f"{name}:{line}: not valid YAML ({getattr(err, 'problem', err)}); fix the indentation or quoting there")
        return []
    if not isinstance(raw, list):
        problems.append(f"{name}: expected a YAML list of records ('- id: ...'), got {type(raw).__name__}")
        return []
    records, seen = [], set()
    for index, item in enumerate(raw):
        entry = item.get("id", f"#{index + 1}") if isinstance(item, dict) else f"#{index + 1}"
        try:
            record = model.model_validate(item)
        except ValidationError as err:
            for e in err.errors():
                field = ".".join(str(p) for p in e["loc"]) or "(record)"
                problems.append(f"{name}: entry '{entry}', field '{field}': {e['msg']}")
            continue
        if record.id in seen:
            problems.append(f"{name}: entry '{record.id}': duplicate id; every id must be unique in the file")
        seen.add(record.id)
        records.append(record)
    return records


class Library:
    """All validated data, indexed by id. Build one with `load_library()`."""

    def __init__(self, records: dict[str, list], seeds: dict[str, str]):
        self.records = records  # file name -> records in file order, for downloads
        self.sources: dict[str, Source] = {r.id: r for r in records[paths.SOURCES_FILE]}
        self.facts: dict[str, Fact] = {r.id: r for r in records[paths.FACTS_FILE]}
        self.events: dict[str, Event] = {r.id: r for r in records[paths.EVENTS_FILE]}
        self.terms: dict[str, Term] = {r.id: r for r in records[paths.GLOSSARY_FILE]}
        self.seed_texts = seeds

    def get(self, kind: str, wanted: str, where: str = ""):
        table = getattr(self, kind)
        if wanted not in table:
            raise UnknownId(kind, wanted, sorted(table), where)
        return table[wanted]

    def check_citation(self, citation: Citation) -> str | None:
        """The problem with one citation, or None. Used for data and for `cite()` in pages."""
        if citation.source not in self.sources:
            return str(UnknownId("sources", citation.source, sorted(self.sources)))
        source = self.sources[citation.source]
        if source.kind != "seed":
            return None
        if not citation.quote:
            return f"source '{source.id}' is a seed: add quote: with a few words copied exactly from seeds/{source.seed}"
        if normalise(citation.quote) not in self.seed_texts[source.id]:
            return f"quote {citation.quote!r} is not verbatim in seeds/{source.seed}; copy the words exactly from the seed"
        return None


def load_seeds(sources: list[Source], seeds_dir: Path, problems: list[str]) -> dict[str, str]:
    texts = {}
    for source in sources:
        if source.kind == "seed" and not source.seed:
            problems.append(f"docs/data/{paths.SOURCES_FILE}: entry '{source.id}', field 'seed': a seed source names its file in seeds/")
        elif source.seed:
            path = seeds_dir / source.seed
            if not path.is_file():
                problems.append(f"docs/data/{paths.SOURCES_FILE}: entry '{source.id}', field 'seed': no file seeds/{source.seed}")
                continue
            texts[source.id] = normalise(path.read_text(encoding="utf-8"))
    return texts


def load_library(data_dir: Path = paths.DATA, seeds_dir: Path = paths.SEEDS) -> Library:
    """Read and cross-check every data file; raise DataError listing every violation."""
    problems: list[str] = []
    records = {name: read_records(data_dir / name, model, problems) for name, model in FILES.items()}
    library = Library(records, load_seeds(records[paths.SOURCES_FILE], seeds_dir, problems))
    for name in (paths.FACTS_FILE, paths.EVENTS_FILE):
        for record in records[name]:
            for i, citation in enumerate(record.citations):
                problem = library.check_citation(citation)
                if problem:
                    problems.append(f"docs/data/{name}: entry '{record.id}', field 'citations.{i}': {problem}")
    for term in library.terms.values():
        for other in term.see:
            if other not in library.terms:
                problems.append(f"docs/data/{paths.GLOSSARY_FILE}: entry '{term.id}', field 'see': {UnknownId('terms', other, sorted(library.terms))}")
    if problems:
        raise DataError(problems)
    return library
