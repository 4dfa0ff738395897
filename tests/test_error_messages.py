"""Every way an editor's mistake can stop the build, in ONE table: the planted mistake -> the
full line the editor sees, which names the file, the entry, the field and the fix.

Each row plants one mistake in a copy of the data files (or the seeds, or the editions file),
or makes one bad macro call from a page, and returns the exact lines it must produce. Data
rows load the copy (`load_library`, as every build does); macro rows call the macro as
mkdocs-macros does (`macros.bound`), which logs the line and stops the build. A handful of
rows run a real `mkdocs build` too (test_build_errors.py), so the table is what a build prints.

Rows pick the entries they break by what the entries are (a fact with a seed citation, a place
located by GeoNames, a map with hidden layers), never by typed ids, so new data keeps them valid.
"""
from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import macros
from datafiles import problems
from macros import paths
from macros.data import messages
from macros.data.datafiles import LOADER
from macros.data.records import NO_SOURCE
from macros.pages import build_state, page_macros

LOG = "mkdocs.plugins.macros.ngg"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PAGE = "chapters/overview.md"  # the page macro rows are called from (any page would do)
SEED_A = "000_a2d14618bf49f2a4.txt"  # the seed files, as tests/test_seeds.py pins them
# A word of every line: the editor is told what to do (a fix), not only what is wrong.
FIX = re.compile(r"\b(add|remove|rename|use|give|write|copy|create|fix|check|correct|cite|put|move|name|list|quote|say|call|fetch|drop|start|swap|did you mean)\b", re.I)


@dataclass
class Plant:
    """A writable copy of the data and seeds, and the one mistake planted in it."""

    data: Path
    seeds: Path
    library: object
    nav: list
    called: list[str] | None = None  # lines a macro row logged
    caplog: object = None
    extra: dict = field(default_factory=dict)

    def records(self, name: str) -> list[dict]:
        return yaml.load((self.data / name).read_text(encoding="utf-8"), Loader=LOADER) or []

    def edit(self, name: str, change):
        """Let `change` mutate the file's records; returns what `change` returns (an id, say)."""
        path = self.data / name
        text = path.read_text(encoding="utf-8")
        records = yaml.load(text, Loader=LOADER)
        result = change(records)
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        path.write_text(header + yaml.dump(records, Dumper=DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return result

    def write(self, name: str, text: str) -> None:
        (self.data / name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def call(self, name: str, *args, **kwargs) -> None:
        """Call a page macro from PAGE as the build does; the lines it logs are the result."""
        env = SimpleNamespace(
            conf={"use_directory_urls": True, "extra": {}, "site_url": "https://courses.example.edu/ngg/", "nav": self.nav},
            page=SimpleNamespace(file=SimpleNamespace(src_uri=PAGE), url=PAGE.removesuffix(".md") + "/"),
        )
        setattr(env, build_state.ATTRIBUTE, build_state.BuildState(self.library, self.library.editions))
        func = next(f for f in page_macros.MACROS if f.__name__ == name)
        self.caplog.clear()
        with pytest.raises(SystemExit):
            macros.bound(env, func)(*args, **kwargs)
        self.called = [r.getMessage() for r in self.caplog.records if r.name == LOG and r.levelno == logging.ERROR]


def first(records: list[dict], test=lambda r: True) -> dict:
    found = next((r for r in records if test(r)), None)
    assert found is not None, "the data holds no entry this row can plant its mistake in"
    return found


def seed_cited(record: dict) -> dict | None:
    return next((c for c in record.get("citations", []) if str(c.get("source", "")).startswith("seed-")), None)


def by_geonames(place: dict) -> bool:
    return "geonames" in place and not place.get("approximate")


def located_at(place: dict, lat: float, lon: float, country: str) -> str:
    place.pop("geonames")
    place.update(lat=lat, lon=lon, country=country)
    return place["id"]


def layer_of(kind: str):
    return lambda layer: layer["kind"] == kind


def editions_text(p: Plant) -> str:
    return (p.data / paths.EDITIONS_FILE).read_text(encoding="utf-8")


FACTS, SOURCES, EVENTS, GLOSSARY = "docs/data/facts.yml", "docs/data/sources.yml", "docs/data/events.yml", "docs/data/glossary.yml"
PLACES, LAYERS, MAPS, CORRECTIONS, EDITIONS = "docs/data/places.yml", "docs/data/layers.yml", "docs/data/maps.yml", "docs/data/corrections.yml", "docs/data/editions.yml"
ON = f"docs/{PAGE}"


# ---- the table: planted mistake -> the lines the editor sees --------------------------------------------------
# Each row plants one mistake in `p` (a Plant) and returns the lines the editor must see.

TABLE: list[tuple[str, object]] = []


def row(mistake: str):
    def register(plant):
        TABLE.append((mistake, plant))
        return plant

    return register


def edit_first(p: Plant, name: str, change, test=lambda r: True) -> str:
    """Change the first entry of a file that passes `test`; returns its id."""
    def apply(records):
        entry = first(records, test)
        change(entry)
        return entry.get("id", entry.get("version"))

    return p.edit(name, apply)


# -- reading a data file (macros/data/datafiles.py)

@row("a data file is missing")
def _(p):
    (p.data / "facts.yml").unlink()
    return [f"{FACTS}: the file is missing: create it as a YAML list of records ('- id: ...'), or [] for none"]


@row("a data file is not valid YAML")
def _(p):
    p.write("facts.yml", "- id: a\n  statement: [unclosed\n")
    return [f"{FACTS}: line 3: not valid YAML (did not find expected ',' or ']'); fix the indentation or quoting there"]


@row("a data file holds a mapping, not a list")
def _(p):
    p.write("events.yml", "id: a\ntitle: b\n")
    return [f"{EVENTS}: holds a mapping where a list of records belongs: start each record with '- ' ('- id: ...'), or write [] for none"]


@row("a data file is empty")
def _(p):
    p.write("corrections.yml", "# nothing yet\n")
    return [f"{CORRECTIONS}: the file is empty: write its records as a YAML list ('- id: ...'), or [] for none"]


@row("an entry is not a record")
def _(p):
    p.edit("events.yml", lambda events: events.insert(0, "a loose line"))
    return [f"{EVENTS}: entry '#1': 'a loose line' is not a record: write its fields under it, one per line (event fields such as id:)"]


# -- one record against its schema (macros/data/records.py, through macros/data/messages.py)

@row("a required field left out")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.pop("display"))
    return [f"{FACTS}: entry '{i}', field 'display': missing: add display: to the entry (every fact entry needs it)"]


@row("a field name misspelt")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(publisherr=s.pop("publisher")))
    return [
        f"{SOURCES}: entry '{i}', field 'publisher': missing: add publisher: to the entry (every source entry needs it)",
        f"{SOURCES}: entry '{i}', field 'publisherr': publisherr: is not a field of a source entry: did you mean publisher:? rename it",
    ]


@row("a field no record has")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(colour="red"))
    return [f"{FACTS}: entry '{i}', field 'colour': colour: is not a field of a fact entry: remove it, or use one of as_of, caveat, citations, counted_by, display, id, statement, unit, value"]


@row("a misspelt field inside a citation")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f["citations"][0].update(sourse=f["citations"][0].pop("source")))
    return [
        f"{FACTS}: entry '{i}', field 'citations.0.source': missing: add source: to the entry (every citation entry needs it)",
        f"{FACTS}: entry '{i}', field 'citations.0.sourse': sourse: is not a field of a citation entry: did you mean source:? rename it",
    ]


@row("an id with capitals and spaces")
def _(p):
    edit_first(p, "events.yml", lambda e: e.update(id="Turkey Recognises"))
    return [f"{EVENTS}: entry 'Turkey Recognises', field 'id': 'Turkey Recognises' does not fit: write an id as lower-case words and digits joined by hyphens, such as 'turkey-trade-2019'"]


DATE_FIX = 'write the date as precisely as the source gives it, in quotes: "2021", "2021-03" or "2021-03-16"'


@row("a date written in words")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(as_of="August 2019"))
    return [f"{FACTS}: entry '{i}', field 'as_of': 'August 2019' does not fit: {DATE_FIX}"]


@row("a date left unquoted, so YAML reads a date")
def _(p):
    i = edit_first(p, "events.yml", lambda e: e.update(date=date(2019, 8, 1)))
    return [f"{EVENTS}: entry '{i}', field 'date': 2019-08-01 was read as a date, not text: {DATE_FIX}"]


@row("a year left unquoted, so YAML reads a number")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(as_of=2019))
    return [f"{FACTS}: entry '{i}', field 'as_of': 2019 was read as a number, not text: {DATE_FIX}"]


@row("a kind the schema does not know")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(kind="blog"))
    return [f"{SOURCES}: entry '{i}', field 'kind': 'blog' is not allowed here: use one of 'seed', 'news', 'official', 'analysis', 'reference', 'dataset', 'book' or 'edition'"]


@row("an empty title")
def _(p):
    i = edit_first(p, "events.yml", lambda e: e.update(title=""))
    return [f"{EVENTS}: entry '{i}', field 'title': is empty: write it, or remove the field where it is optional"]


@row("whose count it is, in one letter")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(counted_by="X"))
    return [f"{FACTS}: entry '{i}', field 'counted_by': is too short: write at least 2 characters"]


@row("a fact with no source")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(citations=[]))
    return [f"{FACTS}: entry '{i}', field 'citations': names no source: add citations: with at least one {{source: id}} (and quote: for a seed)"]


@row("a quote of a whole paragraph")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f["citations"][0].update(quote="word " * 80))
    return [f"{FACTS}: entry '{i}', field 'citations.0.quote': is longer than 300 characters: quote a shorter passage, the few words that carry the claim"]


@row("an address without its scheme")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(url="www.example.org/report"), lambda s: s["kind"] != "seed")
    return [f"{SOURCES}: entry '{i}', field 'url': 'www.example.org/report' is not a web address: give the full http:// or https:// address of what is cited"]


@row("an ftp address")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(url="ftp://example.org/report"), lambda s: s["kind"] != "seed")
    return [f"{SOURCES}: entry '{i}', field 'url': 'ftp://example.org/report' is not a web address: give the full http:// or https:// address of what is cited"]


@row("a wiki as a source")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(url="https://en.wikipedia.org/wiki/Bishkek"), lambda s: s["kind"] != "seed")
    return [f"{SOURCES}: entry '{i}', field 'url': en.wikipedia.org is a wiki or a copy of one: cite the original publisher the article relies on (a government, agency, paper or journal), or for coordinates the GeoNames dataset (source 'geonames')"]


@row("an access date that is no date")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.update(accessed="2026-13-01"))
    return [f"{SOURCES}: entry '{i}', field 'accessed': '2026-13-01' is not a date: write the day as year-month-day, such as 2026-11-22"]


@row("a value with its unit")
def _(p):
    i = edit_first(p, "facts.yml", lambda f: f.update(value="8.5 bn"))
    return [f"{FACTS}: entry '{i}', field 'value': '8.5 bn' is not a number: write the number alone (8.5, not 8.5 bn); the unit goes in unit:"]


@row("a GeoNames id that is not a number")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(geonames="Bishkek"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'geonames': 'Bishkek' is not a whole number: write digits only"]


@row("approximate neither true nor false")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(approximate="maybe"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'approximate': 'maybe' is neither true nor false: write true or false"]


@row("a latitude past the pole")
def _(p):
    i = edit_first(p, "places.yml", lambda s: located_at(s, 100, 70, "KGZ"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'lat': 100 is out of range: give a value at most 90 (degrees: latitude from -90 to 90, longitude from -180 to 180; lat comes before lon)"]


@row("a lower-case country code")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(country="kaz"))
    return [f"{PLACES}: entry '{i}', field 'country': 'kaz' does not fit: use the ISO 3166-1 alpha-3 code in capitals (KAZ, KGZ, TJK, TKM, UZB, ...)"]


@row("a layer's places written on one line")
def _(p):
    i = edit_first(p, "layers.yml", lambda layer: layer.update(places="astana, bishkek"), layer_of("places"))
    return [f"{LAYERS}: entry '{i}', field 'places': is not a list: write each item on its own line, starting with '- ' (or [] for none)"]


@row("a place with both a GeoNames id and coordinates")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(lat=42.0, lon=74.0), by_geonames)
    return [f"{PLACES}: entry '{i}': give geonames: or lat:/lon:, not both; the gazetteer's coordinates are used for a geonames id"]


@row("a place with no way to locate it")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.pop("geonames"), by_geonames)
    return [f"{PLACES}: entry '{i}': give geonames: (the GeoNames id of the place) or, where GeoNames lacks it, lat: and lon: with a cited source"]


@row("a place by GeoNames that does not cite GeoNames")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(citations=[{"source": "worldbank-wdi"}]), by_geonames)
    return [f"{PLACES}: entry '{i}': a place located by geonames: cites source 'geonames' (the dataset): add {{source: geonames}} to its citations:"]


@row("an approximate place that does not say why")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.pop("note"), lambda s: s.get("approximate"))
    return [f"{PLACES}: entry '{i}': an approximate place says why: add note: saying what the estimate rests on"]


@row("a layer of places that lists none")
def _(p):
    i = edit_first(p, "layers.yml", lambda layer: layer.update(places=[]), layer_of("places"))
    return [f"{LAYERS}: entry '{i}': a layer of kind 'places' has no feature: list them under places:"]


@row("a layer of places that also draws routes")
def _(p):
    routes = first(p.records("layers.yml"), layer_of("routes"))["routes"]
    i = edit_first(p, "layers.yml", lambda layer: layer.update(routes=routes), layer_of("places"))
    return [f"{LAYERS}: entry '{i}': a layer of kind 'places' holds only places:, not routes: move them to a layer of their own"]


@row("a map feature with no source")
def _(p):
    i = edit_first(p, "layers.yml", lambda layer: layer["places"][0].pop("citations"), layer_of("places"))
    return [f"{LAYERS}: entry '{i}', field 'places.0': {NO_SOURCE}"]


@row("a map view with west and east swapped")
def _(p):
    i = edit_first(p, "maps.yml", lambda spec: spec["view"].update(west=spec["view"]["east"], east=spec["view"]["west"]))
    return [f"{MAPS}: entry '{i}', field 'view': west must be less than east and south less than north: swap them (degrees; east and north are positive)"]


@row("a map with no layer")
def _(p):
    i = edit_first(p, "maps.yml", lambda spec: spec.update(layers=[], hidden=[]))
    return [f"{MAPS}: entry '{i}', field 'layers': lists 0 item(s): give at least 1"]


# -- one file's ids, and the gazetteer (macros/data/loading.py)

@row("two entries with one id")
def _(p):
    i = p.edit("sources.yml", lambda sources: (sources.append(dict(sources[0])), sources[0]["id"])[1])
    return [f"{SOURCES}: entry '{i}', field 'id': used by two entries: rename one (every id is unique in its file, and pages link to it)"]


@row("a GeoNames id the gazetteer lacks")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(geonames=1), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'geonames': 1 is not in {p.extra['gazetteer']} (places of 500 people or more); check the id at geonames.org, or give lat:/lon: with a cited source"]


# -- the seeds (macros/data/seeds.py)

@row("a seed source that names no seed file")
def _(p):
    i = edit_first(p, "sources.yml", lambda s: s.pop("seed"), lambda s: s["kind"] == "seed")
    return [f"{SOURCES}: entry '{i}', field 'seed': missing: add seed: with the name of the seed's file in seeds/ (such as 000_a2d14618bf49f2a4.txt)"]


@row("a seed file that is not there")
def _(p):
    (p.seeds / SEED_A).unlink()
    i = first(p.records("sources.yml"), lambda s: s.get("seed") == SEED_A)["id"]
    return [f"{SOURCES}: entry '{i}', field 'seed': there is no file seeds/{SEED_A}: put the article there byte for byte (and in seeds/PROVENANCE.md), or correct seed:"]


# -- citations across files (macros/data/checks.py, library.py)

def first_seed_citation(p: Plant, name: str, change) -> tuple[str, int, str]:
    """Change the first seed citation of a file's entries; returns (entry id, its index, the seed)."""
    def apply(records):
        entry = first(records, seed_cited)
        citation = seed_cited(entry)
        change(citation)
        return entry["id"], entry["citations"].index(citation), citation["source"]

    return p.edit(name, apply)


@row("a citation of a source id with a typo")
def _(p):
    i, at, _ = first_seed_citation(p, "facts.yml", lambda c: c.update(source="seed-teller-2012"))
    return [f"{FACTS}: entry '{i}', field 'citations.{at}': unknown sources id 'seed-teller-2012': did you mean 'seed-teller-2021'?"]


@row("a citation of a source that does not exist")
def _(p):
    i = edit_first(p, "events.yml", lambda e: e["citations"][0].update(source="zzz-nothing-like-it"))
    return [f"{EVENTS}: entry '{i}', field 'citations.0': unknown sources id 'zzz-nothing-like-it': use one of the ids in docs/data/sources.yml"]


@row("a seed cited with no quote")
def _(p):
    i, at, seed = first_seed_citation(p, "facts.yml", lambda c: c.pop("quote"))
    return [f"{FACTS}: entry '{i}', field 'citations.{at}': source '{seed}' is a seed: add quote: with a few words copied exactly from seeds/{p.extra['seeds'][seed]}"]


@row("a seed quote that is not in the seed")
def _(p):
    i, at, seed = first_seed_citation(p, "facts.yml", lambda c: c.update(quote="reaching 9.5 billion dollars in 2019"))
    return [f"{FACTS}: entry '{i}', field 'citations.{at}': quote 'reaching 9.5 billion dollars in 2019' is not verbatim in seeds/{p.extra['seeds'][seed]}; copy the words exactly from the seed"]


@row("a seed quote on a map feature that is not in the seed")
def _(p):
    def seeded(layer):
        return layer["kind"] == "places" and seed_cited(layer["places"][0]) is not None

    holder = {}
    i = edit_first(p, "layers.yml", lambda layer: holder.update(c=seed_cited(layer["places"][0])) or holder["c"].update(quote="In the new neighborhood of Laleli"), seeded)
    at = first(p.records("layers.yml"), lambda layer: layer["id"] == i)["places"][0]["citations"].index(holder["c"])
    return [f"{LAYERS}: entry '{i}', field 'places.0.citations.{at}': quote 'In the new neighborhood of Laleli' is not verbatim in seeds/{p.extra['seeds'][holder['c']['source']]}; copy the words exactly from the seed"]


# -- the glossary

@row("a definition that holds a figure")
def _(p):
    i = edit_first(p, "glossary.yml", lambda t: t.update(definition=t["definition"] + " Founded in 1992."))
    return [f"{GLOSSARY}: entry '{i}', field 'definition': holds a figure ('1'): definitions carry none; put the figure in facts.yml and cite it where the page uses it"]


@row("a see-also to a term that does not exist")
def _(p):
    i = edit_first(p, "glossary.yml", lambda t: t.update(see=["zzz-no-such-term"]))
    return [f"{GLOSSARY}: entry '{i}', field 'see': unknown terms id 'zzz-no-such-term': use one of the ids in docs/data/glossary.yml"]


# -- places on the country shapes

@row("a country code no country has")
def _(p):
    i = edit_first(p, "places.yml", lambda s: s.update(country="XKX"))
    return [f"{PLACES}: entry '{i}', field 'country': unknown country code 'XKX': use the ISO 3166-1 alpha-3 code (KAZ, KGZ, TJK, TKM, UZB, ...)"]


@row("swapped coordinates, outside the region")
def _(p):
    i = edit_first(p, "places.yml", lambda s: located_at(s, 68.78, 38.5367, "TJK"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'lat/lon': (68.78, 38.5367) is outside the region the maps cover (30–60°N, 25–120°E); check the signs and that lat comes before lon"]


@row("coordinates in another country")
def _(p):
    i = edit_first(p, "places.yml", lambda s: located_at(s, 42.87, 74.59, "TJK"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'lat/lon': (42.87, 74.59) is not inside Tajikistan (TJK) on the Natural Earth shapes but in Kyrgyzstan (KGZ); fix the coordinates or the country code"]


@row("coordinates in the sea")
def _(p):
    i = edit_first(p, "places.yml", lambda s: located_at(s, 40.38, 50.6, "AZE"), by_geonames)
    return [f"{PLACES}: entry '{i}', field 'lat/lon': (40.38, 50.6) is not inside Azerbaijan (AZE) on the Natural Earth shapes but in no country (sea, or outside the shapes); fix the coordinates or the country code"]


# -- layers and maps

@row("a layer on a place that does not exist")
def _(p):
    i = edit_first(p, "layers.yml", lambda layer: layer["places"][0].update(place="zzz-nowhere"), layer_of("places"))
    return [f"{LAYERS}: entry '{i}', field 'places.0.place': unknown places id 'zzz-nowhere': use one of the ids in docs/data/places.yml"]


@row("a route through a misspelt place")
def _(p):
    stop = first(p.records("layers.yml"), layer_of("routes"))["routes"][0]["via"][1]
    i = edit_first(p, "layers.yml", lambda layer: layer["routes"][0]["via"].__setitem__(1, stop + "x"), layer_of("routes"))
    return [f"{LAYERS}: entry '{i}', field 'routes.0.via': unknown places id '{stop}x': did you mean '{stop}'?"]


@row("a grouping with a made-up country code")
def _(p):
    i = edit_first(p, "layers.yml", lambda layer: layer["countries"][0].update(country="TRK"), layer_of("countries"))
    return [f"{LAYERS}: entry '{i}', field 'countries.0.country': unknown country code 'TRK': use the ISO 3166-1 alpha-3 code (KAZ, KGZ, TJK, TKM, UZB, ...)"]


@row("a map on a layer that does not exist")
def _(p):
    i = edit_first(p, "maps.yml", lambda spec: spec["layers"].append("zzz-no-layer"))
    return [f"{MAPS}: entry '{i}', field 'layers': unknown layers id 'zzz-no-layer': use one of the ids in docs/data/layers.yml"]


@row("a map that hides a layer it does not show")
def _(p):
    spec = first(p.records("maps.yml"))
    other = next(layer["id"] for layer in p.records("layers.yml") if layer["id"] not in spec["layers"])
    i = edit_first(p, "maps.yml", lambda s: s.update(hidden=[other]))
    return [f"{MAPS}: entry '{i}', field 'hidden': layer '{other}' is hidden but not in layers:; add it there or drop it here"]


@row("a map that shades a made-up country")
def _(p):
    i = edit_first(p, "maps.yml", lambda spec: spec.update(focus=["XXY"]))
    return [f"{MAPS}: entry '{i}', field 'focus': unknown country code 'XXY': use the ISO 3166-1 alpha-3 code (KAZ, KGZ, TJK, TKM, UZB, ...)"]


@row("a map title with a year and no source")
def _(p):
    i = edit_first(p, "maps.yml", lambda spec: spec.update(title="Central Asia in 2022"), lambda spec: not spec.get("citations"))
    return [f"{MAPS}: entry '{i}', field 'title/summary': holds a figure: add citations: for it, or say it without digits"]


# -- corrections

@row("a correction by an edition that does not exist")
def _(p):
    i = edit_first(p, "corrections.yml", lambda c: c.update(edition="9.9"))
    return [f"{CORRECTIONS}: entry '{i}', field 'edition': unknown editions id '9.9': use one of the ids in docs/data/editions.yml"]


@row("a correction made by the first edition")
def _(p):
    oldest = p.extra["first"]
    i = edit_first(p, "corrections.yml", lambda c: c.update(edition=oldest, page="index.md", section=None))
    return [f"{CORRECTIONS}: entry '{i}', field 'edition': edition {oldest} is the first: it corrected nothing before it; name the edition that made the correction"]


@row("a correction of a page that does not exist")
def _(p):
    correction = first(p.records("corrections.yml"))
    i = edit_first(p, "corrections.yml", lambda c: c.update(page="chapters/turkiye.md"))
    return [f"{CORRECTIONS}: entry '{i}', field 'page': edition {correction['edition']} has no page docs/chapters/turkiye.md: name the page by its path under docs/, for example chapters/russia.md"]


@row("a correction of a section that does not exist")
def _(p):
    correction = first(p.records("corrections.yml"))
    i = edit_first(p, "corrections.yml", lambda c: c.update(section="zzz-gone"))
    anchors = p.extra["anchors"](correction)
    return [f"{CORRECTIONS}: entry '{i}', field 'section': docs/{correction['page']} has no section {{#zzz-gone}} in edition {correction['edition']}; use one of its anchors: {anchors}"]


# -- the editions file (macros/editions/catalogue.py)

@row("the editions file is missing")
def _(p):
    (p.data / paths.EDITIONS_FILE).unlink()
    return [f"{EDITIONS}: the file is missing: create it as a YAML list of records ('- id: ...'), or [] for none"]


@row("the editions file lists no edition")
def _(p):
    p.write(paths.EDITIONS_FILE, "[]\n")
    return [f"{EDITIONS}: lists no edition: add the edition being written, with version:, date: and summary:"]


@row("the editions file is not valid YAML")
def _(p):
    p.write(paths.EDITIONS_FILE, '- version: "2.1\n')
    return [f"{EDITIONS}: line 2: not valid YAML (found unexpected end of stream); fix the indentation or quoting there"]


@row("a version left unquoted, so YAML reads a number")
def _(p):
    version = p.records(paths.EDITIONS_FILE)[0]["version"]
    p.replace(paths.EDITIONS_FILE, f'version: "{version}"', f"version: {version}")
    return [f"{EDITIONS}: entry '{version}', field 'version': {version} was read as a number, not text: write the version as two numbers in quotes, such as \"2.1\""]


@row("a version written as a word")
def _(p):
    version = p.records(paths.EDITIONS_FILE)[0]["version"]
    p.replace(paths.EDITIONS_FILE, f'version: "{version}"', 'version: "second"')
    return [f"{EDITIONS}: entry 'second', field 'version': 'second' does not fit: write the version as two numbers in quotes, such as \"2.1\""]


@row("an edition with no summary")
def _(p):
    i = edit_first(p, paths.EDITIONS_FILE, lambda e: e.pop("summary"))
    return [f"{EDITIONS}: entry '{i}', field 'summary': missing: add summary: to the entry (every edition entry needs it)"]


@row("an edition's date that is no date")
def _(p):
    i = edit_first(p, paths.EDITIONS_FILE, lambda e: e.update(date="December"))
    return [f"{EDITIONS}: entry '{i}', field 'date': 'December' is not a date: write the day as year-month-day, such as 2026-11-22"]


@row("a field editions do not have")
def _(p):
    i = edit_first(p, paths.EDITIONS_FILE, lambda e: e.update(sumary="x"))
    return [f"{EDITIONS}: entry '{i}', field 'sumary': sumary: is not a field of an edition entry: did you mean summary:? rename it"]


@row("a commit that is not a commit id")
def _(p):
    i = edit_first(p, paths.EDITIONS_FILE, lambda e: e.update(commit="main"), lambda e: "commit" in e)
    return [f"{EDITIONS}: entry '{i}', field 'commit': 'main' does not fit: give the commit the edition was published from, as git prints it (git rev-parse HEAD: 7 to 40 characters 0-9 and a-f)"]


@row("editions out of order")
def _(p):
    p.edit(paths.EDITIONS_FILE, lambda editions: editions.reverse())
    return [f"{EDITIONS}: the editions are not newest first: list them by date, the newest on top"]


@row("two editions with one version")
def _(p):
    p.edit(paths.EDITIONS_FILE, lambda editions: editions[1].update(version=editions[0]["version"]))
    return [f"{EDITIONS}: two editions share a version: give each edition its own version number"]


@row("the newest edition given a commit")
def _(p):
    newest = p.edit(paths.EDITIONS_FILE, lambda editions: (editions[0].update(commit=editions[1]["commit"]), editions[0]["version"])[1])
    return [f"{EDITIONS}: the newest edition, {newest}, is the working tree: remove its commit: (an edition gets one when a newer edition is added above it)"]


@row("an older edition without its commit")
def _(p):
    older = p.edit(paths.EDITIONS_FILE, lambda editions: (editions[1].pop("commit"), editions[1]["version"])[1])
    return [f"{EDITIONS}: edition {older} is not the newest but names no commit: give it commit: with the commit it was published from"]


@row("an older edition's commit not in this clone")
def _(p):
    missing = "0123456789abcdef0123456789abcdef01234567"
    i = edit_first(p, paths.EDITIONS_FILE, lambda e: e.update(commit=missing), lambda e: "commit" in e)
    return [f"{EDITIONS}: entry '{i}', field 'commit': commit {missing} is not in this clone: fetch the full history (git fetch --unshallow), or give the commit the edition was published from"]


# -- macros in pages (macros/pages/page_macros.py, as macros.bound reports them)

@row("cite() a source id with a typo")
def _(p):
    p.call("cite", "seed-teller-2012")
    return [f"{ON}: cite(): unknown sources id 'seed-teller-2012': did you mean 'seed-teller-2021'?"]


@row("cite() a seed without a quote")
def _(p):
    p.call("cite", "seed-teller-2021")
    return [f"{ON}: cite(): source 'seed-teller-2021' is a seed: add quote: with a few words copied exactly from seeds/{p.extra['seeds']['seed-teller-2021']}"]


@row("cite() a seed with words it does not hold")
def _(p):
    p.call("cite", "seed-teller-2021", quote="a population of 300 million")
    return [f"{ON}: cite(): quote 'a population of 300 million' is not verbatim in seeds/{p.extra['seeds']['seed-teller-2021']}; copy the words exactly from the seed"]


@row("cite() with a two-letter quote")
def _(p):
    p.call("cite", "seed-teller-2021", quote="in")
    return [f"{ON}: cite(): quote='in': is too short: write at least 3 characters"]


@row("cite() a source by its title")
def _(p):
    p.call("cite", "Teller Report")
    return [f"{ON}: cite(): source='Teller Report': 'Teller Report' does not fit: write an id as lower-case words and digits joined by hyphens, such as 'turkey-trade-2019'"]


@row("fact() with a misspelt id")
def _(p):
    known = next(iter(p.library.facts))
    p.call("fact", known + "x")
    return [f"{ON}: fact(): unknown facts id '{known}x': did you mean '{known}'?"]


@row("factbox() with an id that does not exist")
def _(p):
    p.call("factbox", "Trade", ["zzz-no-fact"])
    return [f"{ON}: factbox(): unknown facts id 'zzz-no-fact': use one of the ids in docs/data/facts.yml"]


@row("factbox() with no facts")
def _(p):
    p.call("factbox", "Trade", [])
    return [f"{ON}: factbox(): factbox 'Trade' lists no facts: give it the ids of the facts it shows, factbox('Trade', [\"fact-id\", ...])"]


@row("term() with a misspelt id")
def _(p):
    known = next(iter(p.library.terms))
    p.call("term", known + "s")
    return [f"{ON}: term(): unknown terms id '{known}s': did you mean '{known}'?"]


@row("map() with an id that does not exist")
def _(p):
    p.call("map", "zzz-no-map")
    return [f"{ON}: map(): unknown maps id 'zzz-no-map': use one of the ids in docs/data/maps.yml"]


@row("changes() for an edition that does not exist")
def _(p):
    p.call("changes", "9.9")
    return [f"{ON}: changes(): unknown editions id '9.9': use one of the ids in docs/data/editions.yml"]


@row("changes() for the first edition")
def _(p):
    p.call("changes", p.extra["first"])
    return [f"{ON}: changes(): edition {p.extra['first']} is the first: there is nothing before it to compare; call changes() only for an edition that has one before it in docs/data/editions.yml"]


@row("edition_summary() for an edition that does not exist")
def _(p):
    p.call("edition_summary", "9.9")
    return [f"{ON}: edition_summary(): unknown editions id '9.9': use one of the ids in docs/data/editions.yml"]


@row("a data file offered for download without its opening comment")
def _(p):
    text = (p.data / "events.yml").read_text(encoding="utf-8")
    p.write("events.yml", "".join(line + "\n" for line in text.splitlines() if not line.startswith("#")))
    p.extra["monkeypatch"].setattr(paths, "DATA", p.data)  # the downloads page reads the data folder
    p.call("data_downloads")
    return [f"{ON}: data_downloads(): docs/data/events.yml: start the file with a '# What this file holds.' comment; the downloads page shows it"]


@pytest.fixture(scope="module")
def real(library, config):
    """What rows need to know of the real data, read once."""
    from macros.data import gazetteer
    from macros.editions.catalogue import file_at

    editions = library.editions
    first_edition = editions.items[-1]

    def anchors(correction: dict) -> str:
        edition = editions.get(str(correction["edition"]))
        text = (paths.DOCS / correction["page"]).read_text(encoding="utf-8") if edition.commit is None else file_at(edition, f"docs/{correction['page']}")
        return ", ".join(re.findall(r"\{#([a-z0-9-]+)\}", text or ""))

    return {
        "gazetteer": gazetteer.dataset_version(),
        "seeds": {s.id: s.seed for s in library.sources.values() if s.seed},
        "first": first_edition.version,
        "anchors": anchors,
        "nav": config["nav"],
    }


@pytest.mark.parametrize("mistake, plant", TABLE, ids=[row[0] for row in TABLE])
def test_each_mistake_stops_the_build_with_the_line_that_names_its_fix(mistake, plant, data_dir, tmp_path, library, real, caplog, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(paths.SEEDS, seeds)
    p = Plant(data_dir, seeds, library, real["nav"], caplog=caplog, extra={**real, "monkeypatch": monkeypatch})
    expected = plant(p)
    # The table itself: every line says what to do, in the project's words, not pydantic's.
    assert expected and all(FIX.search(line.split(": ", 1)[1]) for line in expected), f"a line names no fix: {expected}"
    assert not [line for line in expected if any(phrase in line for phrase in messages.RAW)], "pydantic's own wording"
    seen = p.called if p.called is not None else problems(data_dir, seeds)
    assert seen == expected
