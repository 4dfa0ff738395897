"""Checks across records: every citation resolves, every id exists, every place lies where it
says. Each check yields Problem records; `problems()` runs them all."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pycountry
from shapely.geometry import Point

from .. import paths
from ..editions.catalogue import Edition, file_at
from .datafiles import written_ids
from .figures import figure_in
from .library import Library
from .problems import Problem, UnknownId
from .records import CENTRAL_ASIA, REGION, Citation, Correction, Event, Layer, MapSpec, Member, Place, PlaceOnLayer, Route

ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")  # a heading's explicit anchor in a page's Markdown


def problems(library: Library, data_dir: Path = paths.DATA, docs_dir: Path = paths.DOCS) -> list[Problem]:
    from ..learning.checks import learning_problems  # noqa: PLC0415 (the learning package imports this one)
    from ..charts.checks import chart_problems  # noqa: PLC0415 (the charts package imports the data package)

    # A broken record is reported by its own file only: ids written in a file count as known.
    places = set(library.places) | written_ids(data_dir / paths.PLACES_FILE)
    layers = set(library.layers) | written_ids(data_dir / paths.LAYERS_FILE)
    terms = set(library.terms) | written_ids(data_dir / paths.GLOSSARY_FILE)
    broken = frozenset(written_ids(data_dir / paths.SOURCES_FILE) - set(library.sources))
    found = [
        *record_citations(library, broken),
        *glossary_links(library, terms),
        *place_positions(library),
        *(p for event in library.events.values() for p in event_countries(event)),
        *(p for layer in library.layers.values() for p in layer_links(library, layer, places, broken)),
        *(p for spec in library.maps.values() for p in map_spec(library, spec, layers, broken)),
        *(p for c in library.corrections.values() for p in correction(library, c, docs_dir)),
        *learning_problems(library, docs_dir, data_dir),
        *chart_problems(library, data_dir),
    ]
    return found


def where(name: str) -> str:
    return f"docs/data/{name}"


def cited(library: Library, name: str, entry: str, field: str, citations: list[Citation], broken: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """Each citation's problem; one of a source whose own record is broken (`broken`) is left to that record."""
    for i, citation in enumerate(citations):
        problem = None if citation.source in broken else library.citation_problem(citation)
        if problem:
            yield Problem(where(name), entry, f"{field}citations.{i}", problem)


def record_citations(library: Library, broken: frozenset[str] = frozenset()) -> Iterator[Problem]:
    tables = ((paths.FACTS_FILE, library.facts), (paths.EVENTS_FILE, library.events), (paths.PLACES_FILE, library.places), (paths.CORRECTIONS_FILE, library.corrections))
    for name, table in tables:
        for record in table.values():
            yield from cited(library, name, record.id, "", record.citations, broken)


def glossary_links(library: Library, terms: set[str] | None = None) -> Iterator[Problem]:
    terms = set(library.terms) if terms is None else terms
    names = library.designations()
    for term in library.terms.values():
        figure = figure_in(term.definition, names)
        if figure:
            yield Problem(where(paths.GLOSSARY_FILE), term.id, "definition", f"holds a figure ({figure!r}): definitions carry none; put the figure in facts.yml and cite it where the page uses it")
        for other in term.see:
            if other not in terms:
                yield Problem(where(paths.GLOSSARY_FILE), term.id, "see", str(UnknownId("terms", other, sorted(library.terms))))


def country_code(name: str, entry: str, field: str, code: str) -> Iterator[Problem]:
    if pycountry.countries.get(alpha_3=code) is None:
        yield Problem(where(name), entry, field, f"unknown country code '{code}': use the ISO 3166-1 alpha-3 code (KAZ, KGZ, TJK, TKM, UZB, ...)")


def event_countries(event: Event) -> Iterator[Problem]:
    """The timeline filters by country: each code is a real one, and an event of the Central
    Asian states says which of them it involves."""
    for i, code in enumerate(event.countries):
        yield from country_code(paths.EVENTS_FILE, event.id, f"countries.{i}", code)
    if "central-asia" in event.actors and not set(event.countries) & set(CENTRAL_ASIA):
        message = f"the actor central-asia needs the states it involves: add one or more of {', '.join(CENTRAL_ASIA)} to countries:"
        yield Problem(where(paths.EVENTS_FILE), event.id, "countries", message)


@functools.lru_cache(maxsize=1)
def region_shapes() -> dict:
    """The country shapes over the maps' region, decoded once per process (they never change)."""
    from ..maps import basemap  # noqa: PLC0415 (decoding the shapes is only needed here)

    return basemap.shapes((REGION.west, REGION.south, REGION.east, REGION.north))


def place_positions(library: Library) -> Iterator[Problem]:
    """Each place lies in the region and inside its own country's Natural Earth shape."""
    shapes = region_shapes()
    names = {code: f"{name} ({code})" for code, (name, _) in shapes.items()}
    for place in library.places.values():
        if not (REGION.south <= place.lat <= REGION.north and REGION.west <= place.lon <= REGION.east):
            message = f"({place.lat}, {place.lon}) is outside the region the maps cover ({REGION.south:g}–{REGION.north:g}°N, {REGION.west:g}–{REGION.east:g}°E); check the signs and that lat comes before lon"
            yield Problem(where(paths.PLACES_FILE), place.id, "lat/lon", message)
            continue
        bad_code = list(country_code(paths.PLACES_FILE, place.id, "country", place.country))
        yield from bad_code
        if not bad_code:
            yield from place_in_country(place, shapes, names)


def place_in_country(place: Place, shapes: dict, names: dict[str, str]) -> Iterator[Problem]:
    point = Point(place.lon, place.lat)
    if place.country in shapes and shapes[place.country][1].contains(point):
        return
    inside = next((names[code] for code, (_, shape) in shapes.items() if shape.contains(point)), "no country (sea, or outside the shapes)")
    message = f"({place.lat}, {place.lon}) is not inside {names.get(place.country, place.country)} on the Natural Earth shapes but in {inside}; fix the coordinates or the country code"
    yield Problem(where(paths.PLACES_FILE), place.id, "geonames" if place.geonames else "lat/lon", message)


def layer_links(library: Library, layer: Layer, places: set[str], broken: frozenset[str] = frozenset()) -> Iterator[Problem]:
    name = paths.LAYERS_FILE
    yield from cited(library, name, layer.id, "", layer.citations, broken)
    for i, feature in enumerate(layer.features):
        field = f"{layer.kind}.{i}."
        yield from cited(library, name, layer.id, field, feature.citations, broken)
        if isinstance(feature, PlaceOnLayer):
            stops = [("place", feature.place)]
        elif isinstance(feature, Route):
            stops = [("via", stop) for stop in feature.via]
        else:
            stops = []
        for key, stop in stops:
            if stop not in places:
                yield Problem(where(name), layer.id, field + key, str(UnknownId("places", stop, sorted(library.places))))
        if isinstance(feature, Member):
            yield from country_code(name, layer.id, field + "country", feature.country)


def map_spec(library: Library, spec: MapSpec, layers: set[str], broken: frozenset[str] = frozenset()) -> Iterator[Problem]:
    name = paths.MAPS_FILE
    yield from cited(library, name, spec.id, "", spec.citations, broken)
    for field in ("layers", "hidden"):
        for layer_id in getattr(spec, field):
            if layer_id not in layers:
                yield Problem(where(name), spec.id, field, str(UnknownId("layers", layer_id, sorted(library.layers))))
            elif field == "hidden" and layer_id not in spec.layers:
                yield Problem(where(name), spec.id, field, f"layer '{layer_id}' is hidden but not in layers:; add it there or drop it here")
    for field in ("focus", "labels"):
        for code in getattr(spec, field):
            yield from country_code(name, spec.id, field, code)
    if figure_in(spec.title + " " + spec.summary, library.designations()) and not spec.citations:
        yield Problem(where(name), spec.id, "title/summary", "holds a figure: add citations: for it, or say it without digits")



def correction(library: Library, record: Correction, docs_dir: Path) -> Iterator[Problem]:
    """A correction names an edition that has one before it, and a page and section of that edition."""
    name, versions = paths.CORRECTIONS_FILE, [e.version for e in library.editions.items]
    if record.edition not in versions:
        yield Problem(where(name), record.id, "edition", str(UnknownId("editions", record.edition, versions)))
        return
    if library.editions.before(record.edition) is None:
        yield Problem(where(name), record.id, "edition", f"edition {record.edition} is the first: it corrected nothing before it; name the edition that made the correction")
    text = page_text(library.editions.get(record.edition), record.page, docs_dir)
    if text is None:
        yield Problem(where(name), record.id, "page", f"edition {record.edition} has no page docs/{record.page}: name the page by its path under docs/, for example chapters/russia.md")
    elif record.section and record.section not in (known := ANCHOR.findall(text)):
        message = f"docs/{record.page} has no section {{#{record.section}}} in edition {record.edition}; use one of its anchors: {', '.join(known)}"
        yield Problem(where(name), record.id, "section", message)


def page_text(edition: Edition, page: str, docs_dir: Path) -> str | None:
    """A page's Markdown as the edition has it: the working tree for the newest, else its commit."""
    if edition.commit is None:
        path = docs_dir / page
        return path.read_text(encoding="utf-8") if path.is_file() else None
    return file_at(edition, f"docs/{page}")
