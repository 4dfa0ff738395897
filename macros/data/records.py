"""Typed records for every data file: the schemas, and nothing else.

Each record carries a fixed citation block (`citations`), as OWID's `Origin` does.
Reading files is `loading.py`'s job; checks across records are `checks.py`'s.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from . import gazetteer

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
# A date as precise as the source is: 2019, 2019-08 or 2019-08-21.
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Actor = Literal["turkey", "russia", "china", "united-states", "central-asia"]
Text = Annotated[str, Field(min_length=1)]
Version = Annotated[str, Field(pattern=r"^\d+\.\d+$")]  # an edition of this site: 1.0, 2.1
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 country code")]
# The five states the site is about, in the order pages list them.
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


# Hosts of wikis and of sites that copy them (mirrors, trivia and coordinate sites): never a source.
WIKI_COPIES = re.compile(
    r"(^|\.)(wiki[a-z0-9-]*\.[a-z]+|[a-z0-9-]*wiki\.[a-z]+|wikipedia\.[a-z.]+|worddisk\.com|clateway\.com|piglix\.com|"
    r"zxc\.wiki|kiwix\.org|jakami\.de|eudic\.net|tripomatic\.com|countrycoordinate\.com|worldpopulationreview\.com|"
    r"studylib\.net|mapcarta\.com|wikiwand\.com|dbpedia\.org|alchetron\.com|infogalactic\.com|everybodywiki\.com|"
    r"dbpedia\.org|thefreedictionary\.com|justapedia\.org|academic-accelerator\.com)$"
)


def is_wiki_copy(url: str) -> bool:
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
    # "edition": an earlier edition of this site, made from editions.yml (never written in sources.yml)
    kind: Literal["seed", "news", "official", "analysis", "reference", "dataset", "book", "edition"]
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
    # Whose statistics the figure is ("Chinese customs", "Eurasian Development Bank", "Kyrgyz
    # government"): two counts of the same thing are never one series (charts check it).
    counted_by: str | None = Field(default=None, min_length=2)


class Event(Cited):
    date: PartialDate
    actors: list[Actor] = Field(min_length=1)
    # The countries the event involves (ISO 3166-1 alpha-3): the timeline filters by them.
    # Required; an event with the actor central-asia names the Central Asian states it involves.
    countries: list[Iso3] = Field(min_length=1)
    title: Text
    text: Text


class Correction(Cited):
    """What an edition put right in the text of the one before it, in our words; listed on
    the edition's changes page, so that chapters speak about their subject, not about the site."""

    edition: Version  # the edition that made the correction
    page: Text  # the page corrected, as in docs/ (chapters/russia.md)
    section: Slug | None = None  # the anchor of the section corrected
    was: Text  # what the earlier edition said, briefly
    now: Text  # what this edition says instead, and on what evidence


class Term(Record):
    id: Slug
    term: Text
    abbr: str | None = None
    definition: Text
    see: list[Slug] = []


# ---- Charts: series of facts drawn at build time (see macros/charts/) ----


class ChartPoint(Record):
    """One point: a fact, and for a bar chart the group it stands in ("2015–2019", "April 2021")."""

    fact: Slug
    at: str | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def from_id(cls, value):
        return {"fact": value} if isinstance(value, str) else value


class ChartSeries(Record):
    """One line or one set of bars: facts counted by one body, labelled on the chart itself."""

    label: Text  # drawn beside the series; says what it is and, where counts differ, whose count
    facts: list[ChartPoint] = Field(min_length=1)
    # Where a line chart writes the label: after the last point, or under or over the first
    # where another series ends close by.
    label_side: Literal["end", "below", "above"] = "end"


class Chart(Record):
    """A chart of facts: every point is a fact with its own citations. A line chart places each
    point at its fact's year (as_of); a bar chart groups points by their `at:`."""

    id: Slug
    kind: Literal["line", "bar"]
    title: Text
    axis: Text  # what the value axis measures; its unit is added from the facts ("Trade in goods" -> "Trade in goods (US$ billion)")
    groups: str | None = None  # what the groups of a bar chart are ("Period"), or the x axis of a line chart (default "Year")
    note: str | None = None  # what a reader must know to read the chart right, said once under it
    series: list[ChartSeries] = Field(min_length=1, max_length=6)
    citations: list[Citation] = []  # needed when the title or note holds a figure of its own


# ---- Maps: places, layers of features, and map specs (see macros/maps/) ----

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
            raise ValueError(f"a place located by geonames: cites source '{gazetteer.SOURCE_ID}' (the dataset): add {{source: {gazetteer.SOURCE_ID}}} to its citations:")
        return self

    @model_validator(mode="after")
    def approximate_says_why(self):
        if self.approximate and not self.note:
            raise ValueError("an approximate place says why: add note: saying what the estimate rests on")
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
            raise ValueError(f"a layer of kind '{self.kind}' has no feature: list them under {self.kind}:")
        stray = [name for name, items in features.items() if items and name != self.kind]
        if stray:
            raise ValueError(f"a layer of kind '{self.kind}' holds only {self.kind}:, not {', '.join(stray)}: move them to a layer of their own")
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
            raise ValueError("west must be less than east and south less than north: swap them (degrees; east and north are positive)")
        return self


class MapSpec(Record):
    id: Slug
    title: Text
    summary: Text
    view: View
    layers: list[Slug] = Field(min_length=1)
    hidden: list[Slug] = []  # layers that start switched off
    focus: list[Iso3] = list(CENTRAL_ASIA)  # shaded a little stronger
    labels: list[Iso3] = []  # countries named on the map
    citations: list[Citation] = []  # needed when the title or summary holds a figure


# The region the maps cover (degrees): every place must lie inside it.
REGION = View(west=25, south=30, east=120, north=60)
