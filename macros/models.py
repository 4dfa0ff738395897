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
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator, model_validator
from shapely.geometry import Point

from . import gazetteer, paths

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# A date as precise as the source is: 2019, 2019-08 or 2019-08-21.
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Actor = Literal["turkey", "russia", "china", "united-states", "central-asia"]
Text = Annotated[str, Field(min_length=1)]


# Hosts of wikis and of sites that copy them (mirrors, trivia and coordinate sites): never a source.
WIKI_COPIES = re.compile(
    r"(^|\.)(wiki[a-z0-9-]*\.[a-z]+|[a-z0-9-]*wiki\.[a-z]+|wikipedia\.[a-z.]+|worddisk\.com|clateway\.com|piglix\.com|"
    r"zxc\.wiki|kiwix\.org|jakami\.de|eudic\.net|tripomatic\.com|countrycoordinate\.com|worldpopulationreview\.com|"
    r"studylib\.net|mapcarta\.com|wikiwand\.com|dbpedia\.org|alchetron\.com|infogalactic\.com|everybodywiki\.com|"
    r"dbpedia\.org|thefreedictionary\.com|justapedia\.org|academic-accelerator\.com)$"
)


def is_wiki_copy(url: str) -> bool:
    from urllib.parse import urlsplit  # noqa: PLC0415

    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return bool(WIKI_COPIES.search(host)) or "/wiki/" in parts.path.lower()


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

    @field_validator("url")
    @classmethod
    def not_a_wiki(cls, url: HttpUrl) -> HttpUrl:
        if is_wiki_copy(str(url)):
            raise ValueError(f"{url.host} is a wiki or a copy of one: cite the original publisher the article relies on (a government, agency, paper or journal), or for coordinates the GeoNames dataset (source 'geonames')")
        return url

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


# ---- Maps: places, layers of features, and map specs (see macros/maps.py) ----

Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 country code")]
PlaceKind = Literal["capital", "city", "town", "military-base", "military-facility", "market", "border-crossing"]
# Colour families of the map stylesheet (docs/assets/maps.css), light and dark.
MapStyle = Literal["neutral", "turkey", "russia", "china", "shared", "clash"]
NO_SOURCE = "every map feature names its sources: add citations: with at least one source id"


class Feature(Record):
    """Something drawn on a map: it must name its sources."""

    citations: list[Citation] = []

    @model_validator(mode="after")
    def names_its_sources(self):
        if not self.citations:
            raise ValueError(NO_SOURCE)
        return self


class Place(Cited):
    """A point on the maps; its citations say where its coordinates were read."""

    name: Text
    kind: PlaceKind
    country: Iso3
    # Either a GeoNames id (coordinates from the gazetteer, citing source 'geonames') or lat/lon
    # read from a named official or scholarly source, for places the gazetteer lacks.
    geonames: int | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    approximate: bool
    note: str | None = None
    # Where the map writes the name, to keep neighbouring labels apart.
    label_side: Literal["right", "left", "top", "bottom"] = "right"

    @model_validator(mode="after")
    def one_way_to_locate(self):
        if self.geonames is not None and (self.lat is not None or self.lon is not None):
            raise ValueError("give geonames: or lat:/lon:, not both; the gazetteer's coordinates are used for a geonames id")
        if self.geonames is None and (self.lat is None or self.lon is None):
            raise ValueError("give geonames: (the GeoNames id of the place) or, where GeoNames lacks it, lat: and lon: with a cited source")
        if self.geonames is not None and gazetteer.SOURCE_ID not in {c.source for c in self.citations}:
            raise ValueError(f"a place located by geonames: cites source '{gazetteer.SOURCE_ID}' (the dataset)")
        return self

    @model_validator(mode="after")
    def approximate_says_why(self):
        if self.approximate and not self.note:
            raise ValueError("an approximate place needs note: saying what the estimate rests on")
        return self


class PlaceOnLayer(Feature):
    """A place shown on a layer, with what the sources say about it there."""

    place: Slug
    label: str | None = None
    text: Text


class Route(Feature):
    """A line through places, drawn straight from one to the next (always schematic)."""

    id: Slug
    name: Text
    via: list[Slug] = Field(min_length=2)
    text: Text


class Member(Feature):
    """A country in a grouping: full members are shaded, the rest (observers, suspended,
    in talks, disputed) are drawn as a dashed outline."""

    country: Iso3
    status: Text
    tier: Literal["full", "partial"] = "full"
    since: PartialDate | None = None
    text: str | None = None


class Layer(Record):
    """One toggleable layer: places, routes or countries, never a mix."""

    id: Slug
    title: Text
    kind: Literal["places", "routes", "countries"]
    style: MapStyle
    description: Text
    places: list[PlaceOnLayer] = []
    routes: list[Route] = []
    countries: list[Member] = []
    citations: list[Citation] = []  # for the layer as a whole, when its description makes a claim

    @model_validator(mode="after")
    def one_kind_of_feature(self):
        features = {"places": self.places, "routes": self.routes, "countries": self.countries}
        if not features[self.kind]:
            raise ValueError(f"a layer of kind '{self.kind}' lists its features under {self.kind}:")
        stray = [name for name, items in features.items() if items and name != self.kind]
        if stray:
            raise ValueError(f"a layer of kind '{self.kind}' holds only {self.kind}:, not {', '.join(stray)}: (make another layer)")
        return self

    @property
    def features(self) -> list:
        return {"places": self.places, "routes": self.routes, "countries": self.countries}[self.kind]


class View(Record):
    """The box a map opens on, in degrees."""

    west: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)

    @model_validator(mode="after")
    def ordered(self):
        if not (self.west < self.east and self.south < self.north):
            raise ValueError("view needs west < east and south < north (degrees; east is positive)")
        return self


class MapSpec(Record):
    id: Slug
    title: Text
    summary: Text
    view: View
    layers: list[Slug] = Field(min_length=1)
    hidden: list[Slug] = []  # layers that start switched off
    focus: list[Iso3] = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]  # shaded a little stronger
    labels: list[Iso3] = []  # countries named on the map
    citations: list[Citation] = []  # needed when the title or summary holds a figure


# The region the maps cover (degrees): every place must lie inside it.
REGION = View(west=25, south=30, east=120, north=60)


def written_ids(path: Path) -> set[str]:
    """Ids written in a data file, valid or not: a broken record is reported by its own file only."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return set()
    return {str(r["id"]) for r in raw if isinstance(r, dict) and "id" in r} if isinstance(raw, list) else set()


def map_problems(library, data_dir: Path = paths.DATA) -> list[str]:
    """Cross-checks of places, layers and maps: ids, citations, coordinates against country shapes."""
    from . import basemap  # shapely and the Natural Earth shapes: only needed here

    problems: list[str] = []
    places = set(library.places) | written_ids(data_dir / paths.PLACES_FILE)
    layers = set(library.layers) | written_ids(data_dir / paths.LAYERS_FILE)
    shapes = basemap.shapes((REGION.west, REGION.south, REGION.east, REGION.north))
    known = basemap.known_codes()
    names = {code: f"{name} ({code})" for code, (name, _) in shapes.items()}
    designations = library.designations()

    def where(file: str, entry: str, field: str) -> str:
        return f"docs/data/{file}: entry '{entry}', field '{field}': "

    def cited(file: str, entry: str, field: str, citations: list[Citation]) -> None:
        for i, citation in enumerate(citations):
            problem = library.check_citation(citation)
            if problem:
                problems.append(where(file, entry, f"{field}citations.{i}") + problem)

    def known_country(file: str, entry: str, field: str, code: str) -> bool:
        if code not in known:
            problems.append(where(file, entry, field) + f"unknown country code '{code}': use the ISO 3166-1 alpha-3 code (ISO3 in macros/basemap.py lists those the basemap has)")
        return code in known

    for place in library.places.values():
        cited(paths.PLACES_FILE, place.id, "", place.citations)
        if not (REGION.south <= place.lat <= REGION.north and REGION.west <= place.lon <= REGION.east):
            problems.append(
                where(paths.PLACES_FILE, place.id, "lat/lon")
                + f"({place.lat}, {place.lon}) is outside the region the maps cover ({REGION.south}–{REGION.north}°N, {REGION.west}–{REGION.east}°E); check the signs and that lat comes before lon"
            )
        elif known_country(paths.PLACES_FILE, place.id, "country", place.country):
            point = Point(place.lon, place.lat)
            if not shapes.get(place.country, ("", Point()))[1].contains(point):
                inside = next((names[code] for code, (_, shape) in shapes.items() if shape.contains(point)), "no country (sea, or outside the shapes)")
                problems.append(
                    where(paths.PLACES_FILE, place.id, "lat/lon")
                    + f"({place.lat}, {place.lon}) is not inside {names.get(place.country, place.country)} on the Natural Earth shapes but in {inside}; fix the coordinates or the country code"
                )

    for layer in library.layers.values():
        file = paths.LAYERS_FILE
        cited(file, layer.id, "", layer.citations)
        for i, feature in enumerate(layer.features):
            field = f"{layer.kind}.{i}."
            cited(file, layer.id, field, feature.citations)
            if isinstance(feature, PlaceOnLayer) and feature.place not in places:
                problems.append(where(file, layer.id, field + "place") + str(UnknownId("places", feature.place, sorted(library.places))))
            if isinstance(feature, Route):
                for stop in feature.via:
                    if stop not in places:
                        problems.append(where(file, layer.id, field + "via") + str(UnknownId("places", stop, sorted(library.places))))
            if isinstance(feature, Member):
                known_country(file, layer.id, field + "country", feature.country)

    for spec in library.maps.values():
        file = paths.MAPS_FILE
        cited(file, spec.id, "", spec.citations)
        for field in ("layers", "hidden"):
            for layer_id in getattr(spec, field):
                if layer_id not in layers:
                    problems.append(where(file, spec.id, field) + str(UnknownId("layers", layer_id, sorted(library.layers))))
                elif field == "hidden" and layer_id not in spec.layers:
                    problems.append(where(file, spec.id, field) + f"layer '{layer_id}' is hidden but not in layers:; add it there or drop it here")
        for field in ("focus", "labels"):
            for code in getattr(spec, field):
                known_country(file, spec.id, field, code)
        words = spec.title + " " + spec.summary
        for name in designations:  # TB2, S-300: names, not figures (as in the citation audit)
            words = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", words)
        if re.search(r"\d", words) and not spec.citations:
            problems.append(where(file, spec.id, "title/summary") + "holds a figure: add citations: for it, or say it without digits")
    return problems


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
    paths.PLACES_FILE: Place,
    paths.LAYERS_FILE: Layer,
    paths.MAPS_FILE: MapSpec,
}


def read_records(path: Path, model: type[Record], problems: list[str]) -> list:
    """Parse one YAML list of records; append a line per violation to `problems`."""
    name = f"docs/data/{path.relative_to(path.parents[1]) if path.parent.name != 'data' else path.name}"
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


def read_kind(data_dir: Path, name: str, model: type[Record], problems: list[str]) -> list:
    """One kind of record: `facts.yml` and any `facts/*.yml` beside it (drafts split by chapter)."""
    records = read_records(data_dir / name, model, problems)
    for extra in sorted((data_dir / name.removesuffix(".yml")).glob("*.yml")):
        records += read_records(extra, model, problems)
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            problems.append(f"docs/data/{name.removesuffix('.yml')}/: entry '{record.id}': duplicate id across files; every id must be unique")
        seen.add(record.id)
    return records


class Library:
    """All validated data, indexed by id. Build one with `load_library()`."""

    def __init__(self, records: dict[str, list], seeds: dict[str, str]):
        self.records = records  # file name -> records in file order, for downloads
        self.sources: dict[str, Source] = {r.id: r for r in records[paths.SOURCES_FILE]}
        self.facts: dict[str, Fact] = {r.id: r for r in records[paths.FACTS_FILE]}
        self.events: dict[str, Event] = {r.id: r for r in records[paths.EVENTS_FILE]}
        self.terms: dict[str, Term] = {r.id: r for r in records[paths.GLOSSARY_FILE]}
        self.places: dict[str, Place] = {r.id: r for r in records[paths.PLACES_FILE]}
        self.layers: dict[str, Layer] = {r.id: r for r in records[paths.LAYERS_FILE]}
        self.maps: dict[str, MapSpec] = {r.id: r for r in records[paths.MAPS_FILE]}
        self.seed_texts = seeds

    def designations(self) -> list[str]:
        """Names with digits in them (TB2, S-300) are names, not figures: the glossary lists them."""
        names = {word for term in self.terms.values() for word in (term.term, term.abbr or "") if re.search(r"\d", word)}
        return sorted(names, key=len, reverse=True)

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


def located(places: list[Place], problems: list[str]) -> list[Place]:
    """Places with coordinates filled in from the gazetteer for those that name a GeoNames id."""
    entries = gazetteer.lookup(frozenset(p.geonames for p in places if p.geonames is not None))
    out = []
    for place in places:
        if place.geonames is None:
            out.append(place)
        elif place.geonames not in entries:
            problems.append(f"docs/data/{paths.PLACES_FILE}: entry '{place.id}', field 'geonames': {place.geonames} is not in {gazetteer.dataset_version()} (places of 500 people or more); check the id at geonames.org, or give lat:/lon: with a cited source")
        else:
            entry = entries[place.geonames]
            out.append(place.model_copy(update={"lat": entry.lat, "lon": entry.lon}))
    return out


def load_library(data_dir: Path = paths.DATA, seeds_dir: Path = paths.SEEDS) -> Library:
    """Read and cross-check every data file; raise DataError listing every violation."""
    problems: list[str] = []
    records = {name: read_kind(data_dir, name, model, problems) for name, model in FILES.items()}
    records[paths.PLACES_FILE] = located(records[paths.PLACES_FILE], problems)
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
    problems += map_problems(library, data_dir)
    if problems:
        raise DataError(problems)
    return library
