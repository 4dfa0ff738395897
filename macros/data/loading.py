"""Data files -> validated records -> one Library, or one DataError listing every problem."""
from __future__ import annotations

from pathlib import Path

from . import checks, gazetteer
from .. import paths
from ..editions import address
from ..editions.catalogue import edition_sources, load_editions
from .datafiles import display, parse
from .library import Library
from .messages import validated
from .problems import DataError, Problem
from .records import Chart, Correction, Event, Fact, Layer, MapSpec, Place, Record, Source, Term
from .seeds import seed_problems, seed_texts
from ..learning.records import ComparisonRow, Country, SelfCheckItem, SourceLab, TeachingPlan

FILES: dict[str, type[Record]] = {
    paths.SOURCES_FILE: Source,
    paths.FACTS_FILE: Fact,
    paths.EVENTS_FILE: Event,
    paths.GLOSSARY_FILE: Term,
    paths.PLACES_FILE: Place,
    paths.LAYERS_FILE: Layer,
    paths.MAPS_FILE: MapSpec,
    paths.CORRECTIONS_FILE: Correction,
    paths.CHARTS_FILE: Chart,
    # Learning (macros/learning/): checked against the chapters as well as the rest of the data.
    paths.SELFCHECK_FILE: SelfCheckItem,
    paths.LABS_FILE: SourceLab,
    paths.TEACHING_FILE: TeachingPlan,
    paths.COMPARISON_FILE: ComparisonRow,
    paths.COUNTRIES_FILE: Country,
}


def load_library(data_dir: Path = paths.DATA, seeds_dir: Path = paths.SEEDS, site_url: str | None = None) -> Library:
    """Read and cross-check every data file; raise DataError listing every violation.
    `site_url` is the address the editions are published under (SITE_URL by default)."""
    problems: list[Problem] = []
    records = {}
    for name, model in FILES.items():
        records[name], found = read_kind(data_dir, name, model)
        problems += found
    try:
        editions = load_editions(data_dir / paths.EDITIONS_FILE)
    except DataError as err:  # nothing else can be checked against the editions
        raise DataError(problems + err.problems) from None
    records[paths.SOURCES_FILE] += edition_sources(editions, site_url or address.site_url())
    records[paths.PLACES_FILE], found = located(records[paths.PLACES_FILE])
    problems += found
    problems += seed_problems(records[paths.SOURCES_FILE], seeds_dir)
    library = Library(records, seed_texts(records[paths.SOURCES_FILE], seeds_dir), editions)
    problems += checks.problems(library, data_dir)
    if problems:
        raise DataError(problems)
    return library


def read_kind(data_dir: Path, name: str, model: type[Record]) -> tuple[list, list[Problem]]:
    """One data file's records, each id once."""
    found, problems = read_records(data_dir / name, model, data_dir)
    records, seen = [], set()
    for record in found:
        if record.id in seen:
            problems.append(Problem(display(data_dir / name, data_dir), record.id, "id", "used by two entries: rename one (every id is unique in its file, and pages link to it)"))
        else:
            seen.add(record.id)
            records.append(record)
    return records, problems


def read_records(path: Path, model: type[Record], data_dir: Path) -> tuple[list, list[Problem]]:
    """Validate each item of one file; a broken item becomes problems, not a record."""
    name = display(path, data_dir)
    raw, problems = parse(path, name)
    records, found = validated(raw, name, model)
    return records, problems + found


def located(places: list[Place]) -> tuple[list[Place], list[Problem]]:
    """Places with coordinates filled in from the gazetteer, for those that name a GeoNames id."""
    entries = gazetteer.lookup(frozenset(p.geonames for p in places if p.geonames is not None))
    out, problems = [], []
    for place in places:
        if place.geonames is None:
            out.append(place)
        elif place.geonames in entries:
            entry = entries[place.geonames]
            out.append(place.model_copy(update={"lat": entry.lat, "lon": entry.lon}))
        else:
            message = f"{place.geonames} is not in {gazetteer.dataset_version()} (places of 500 people or more); check the id at geonames.org, or give lat:/lon: with a cited source"
            problems.append(Problem(f"docs/data/{paths.PLACES_FILE}", place.id, "geonames", message))
    return out, problems
