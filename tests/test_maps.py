"""Maps: their data is validated like the facts, and every built map is a cited, offline figure."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import shapely
from bs4 import BeautifulSoup
from shapely.geometry import Point, shape

from datafiles import edit, problems
from macros.maps import basemap
from macros import maps
from macros.maps import geometry
from macros.data.records import NO_SOURCE, REGION

OUTSIDE_HOSTS = re.compile(r"cdn|unpkg|jsdelivr|googleapis|openstreetmap|cloudflare|bootstrap|jquery|font-?awesome|awesome-markers", re.I)


# ---- validation: clear messages naming file, entry, field and fix ----------------------


def entry(records: list[dict], record_id: str) -> dict:
    return next(r for r in records if r["id"] == record_id)


def test_a_place_outside_its_country_names_the_country_it_falls_in(data_dir):
    edit(data_dir, "places.yml", lambda places: entry(places, "batken").update(country="TJK"))
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/places.yml: entry 'batken', field 'geonames': (40.0604, 70.81929) is not inside Tajikistan (TJK)")
    assert "but in Kyrgyzstan (KGZ); fix the coordinates or the country code" in problem


def located_by_hand(place: dict, lat: float, lon: float) -> None:
    del place["geonames"]
    place.update(lat=lat, lon=lon)


def test_a_place_in_the_sea_is_rejected(data_dir):
    edit(data_dir, "places.yml", lambda places: located_by_hand(entry(places, "baku"), 40.38, 50.6))  # the Caspian, east of Baku
    [problem] = problems(data_dir)
    assert "entry 'baku', field 'lat/lon'" in problem and "but in no country (sea, or outside the shapes)" in problem


def test_swapped_coordinates_fall_outside_the_region(data_dir):
    edit(data_dir, "places.yml", lambda places: located_by_hand(entry(places, "dushanbe"), 68.78, 38.5367))
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/places.yml: entry 'dushanbe', field 'lat/lon': (68.78, 38.5367) is outside the region")
    assert "is outside the region the maps cover" in problem and "check the signs and that lat comes before lon" in problem


def test_an_unknown_country_code_is_rejected(data_dir):
    edit(data_dir, "layers.yml", lambda layers: entry(layers, "ots")["countries"][0].update(country="TRK"))
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/layers.yml: entry 'ots', field 'countries.0.country': unknown country code 'TRK'")


def test_an_unknown_layer_in_a_map_suggests_the_closest_ids(data_dir):
    edit(data_dir, "maps.yml", lambda specs: entry(specs, "overview")["layers"].__setitem__(0, "capitols"))
    found = problems(data_dir)
    assert "docs/data/maps.yml: entry 'overview', field 'layers': unknown layers id 'capitols': did you mean 'capitals', 'csto'?" in found


def test_a_hidden_layer_must_be_one_the_map_shows(data_dir):
    edit(data_dir, "maps.yml", lambda specs: entry(specs, "drones").update(hidden=["csto"]))
    [problem] = problems(data_dir)
    assert problem == "docs/data/maps.yml: entry 'drones', field 'hidden': layer 'csto' is hidden but not in layers:; add it there or drop it here"


def test_a_feature_with_no_source_is_rejected(data_dir):
    edit(data_dir, "layers.yml", lambda layers: entry(layers, "capitals")["places"][0].pop("citations"))
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/layers.yml: entry 'capitals', field 'places.0': ")
    assert NO_SOURCE in problem


def test_a_layer_on_an_unknown_place_suggests_the_closest_ids(data_dir):
    edit(data_dir, "layers.yml", lambda layers: entry(layers, "bri-corridors")["routes"][0]["via"].__setitem__(1, "khorgas"))
    [problem] = problems(data_dir)
    assert problem == "docs/data/layers.yml: entry 'bri-corridors', field 'routes.0.via': unknown places id 'khorgas': did you mean 'khorgos'?"


def test_an_approximate_place_must_say_why(data_dir):
    edit(data_dir, "places.yml", lambda places: entry(places, "khorgos").pop("note"))
    [problem] = problems(data_dir)
    assert "entry 'khorgos'" in problem and "an approximate place needs note:" in problem


def test_a_map_title_with_a_figure_needs_a_citation(data_dir):
    edit(data_dir, "maps.yml", lambda specs: entry(specs, "overview").update(title="Central Asia in 2022"))
    [problem] = problems(data_dir)
    assert problem == "docs/data/maps.yml: entry 'overview', field 'title/summary': holds a figure: add citations: for it, or say it without digits"


def test_a_seed_quote_on_a_layer_is_checked(data_dir):
    edit(data_dir, "layers.yml", lambda layers: entry(layers, "shuttle-market")["places"][0]["citations"][0].update(quote="In the new neighborhood of Laleli"))
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/layers.yml: entry 'shuttle-market', field 'places.0.citations.0': quote")


# ---- the data itself --------------------------------------------------------------------


def test_every_place_is_on_some_layer_and_every_layer_on_some_map(library):
    on_layers = {i.place for layer in library.layers.values() for i in layer.places} | {p for layer in library.layers.values() for r in layer.routes for p in r.via}
    assert set(library.places) <= on_layers
    assert set(library.layers) <= {layer for spec in library.maps.values() for layer in spec.layers}


def test_the_clash_basemap_keeps_the_enclaves(library):
    """Vorukh (Tajik) and Sokh (Uzbek) are separate pieces inside Kyrgyzstan, not lost to simplification."""
    shapes = {f["id"]: shape(f["geometry"]) for f in maps.spec_basemap(library.maps["border-clash"])["features"]}
    vorukh = library.places["vorukh"]
    piece = next(p for p in shapely.get_parts(shapes["TJK"]) if p.contains(Point(vorukh.lon, vorukh.lat)))
    assert piece.area < 0.05 and piece.exterior.intersects(shapes["KGZ"])  # a small island of Tajikistan
    sokh = Point(71.1, 39.96)
    assert shapes["UZB"].contains(sokh) and len(shapely.get_parts(shapes["UZB"])) >= 2


def test_kazakhstan_has_no_hole_at_baikonur():
    shapes = basemap.shapes((REGION.west, REGION.south, REGION.east, REGION.north))
    assert shapes["KAZ"][1].contains(Point(63.31, 45.96))


def test_map_documents_are_reproducible(library):
    spec = library.maps["border-clash"]
    assert maps.map_document(spec, library) == maps.map_document(spec, library)


# ---- the built site ---------------------------------------------------------------------


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def expected_rows(library, spec) -> list[str]:
    """The name each feature of a map goes by in its table, from the data."""
    countries = geometry.country_names(library)
    rows = []
    for layer_id in spec.layers:
        layer = library.layers[layer_id]
        rows += [i.label or library.places[i.place].name for i in layer.places] + [r.name for r in layer.routes]
        rows += [countries[m.country] for m in layer.countries]
    return rows


@pytest.fixture(scope="session")
def map_pages(site, library) -> dict[str, Path]:
    """Map id -> the built page that shows it (every map must be on some page)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] != maps.FRAMES:
            for figure in soup_of(path).select("figure.map-figure"):
                found[figure["id"].removeprefix("map-")] = path
    return found


def test_every_map_is_shown_on_a_page(map_pages, library):
    assert set(map_pages) == set(library.maps)


@pytest.mark.parametrize("folder", ["site", "offline"])
def test_each_map_document_links_only_the_sites_own_files(built, library, folder):
    root = built[folder]
    for spec in library.maps.values():
        doc = root / maps.document_path(spec.id)
        text = doc.read_text(encoding="utf-8")
        page = BeautifulSoup(text, "lxml")
        assert page.html["lang"] == "en" and spec.title in page.title.get_text()
        links = [el.get("src") or el.get("href") for el in page.select("script[src], link[href], img[src], iframe[src]")]
        assert sorted(links) == sorted(["../assets/vendor/leaflet/leaflet.js", "../assets/vendor/leaflet/leaflet.css", "../assets/vendor/topojson-client/topojson-client.min.js", "../assets/maps.css", "../assets/map-document.js"])
        assert all((doc.parent / link).resolve().is_file() for link in links)
        assert not OUTSIDE_HOSTS.search(text), f"{doc.name} mentions an outside host or library"
        assert "$.ajax" not in text and "$(document)" not in text and "user-scalable=no" not in text
        assert "tileLayer" not in text


def test_each_map_is_a_cited_figure_with_a_text_alternative(map_pages, library, site):
    for spec_id, path in map_pages.items():
        spec = library.maps[spec_id]
        figure = soup_of(path).select_one(f"figure#map-{spec_id}")
        live = figure.select_one("a.map-live")  # the live map opens from the picture (issue 18)
        assert figure.select_one("img.map-static") and spec.title in live["data-title"]
        assert figure.select_one("figcaption").get_text().startswith(f"Map: {spec.title}.")
        page_url = "/" + str(path.relative_to(site))
        for href in (live["href"], figure.select_one(".map-download a")["href"]):
            assert (site / urljoin(page_url, href).lstrip("/")).is_file(), f"{path}: {href} does not resolve"
        assert figure.select(".source-line sup.cite a[href^='#ref-natural-earth-world-atlas']"), "the basemap is cited"
        headers = [th.get_text(" ", strip=True) for th in figure.select("tbody th[scope=row]")]
        assert headers == expected_rows(library, spec), f"{spec_id}: the table must list every feature, in data order"
        for row in figure.select("tbody tr:not(.map-table-layer)"):
            assert row.select("sup.cite a.cite-link"), f"{spec_id}: a row has no citation: {row.get_text(' ', strip=True)[:80]}"


def test_offline_pages_link_map_documents_with_html_urls(built, library):
    offline = built["offline"]
    for page in offline.rglob("*.html"):
        if page.relative_to(offline).parts[0] == maps.FRAMES:
            continue
        for live in soup_of(page).select("figure.map-figure a.map-live"):
            target = (page.parent / live["href"]).resolve()
            assert live["href"].endswith(".html") and target.is_file(), f"{page.name}: {live['href']}"


def test_each_map_has_its_data_as_geojson_with_sources(site, library):
    for spec in library.maps.values():
        data = json.loads((site / maps.data_path(spec.id)).read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection"
        assert len(data["features"]) == len(expected_rows(library, spec))
        for feature in data["features"]:
            assert feature["properties"]["sources"], feature["id"]
            assert all(s["url"].startswith("http") for s in feature["properties"]["sources"])


def test_leaflet_is_served_once_for_all_maps(site, editions):
    assert (site / "assets/vendor/leaflet/leaflet.js").stat().st_size > 100_000
    assert (site / "assets/vendor/leaflet/images/layers.png").is_file()
    folders = {e.version for e in editions.items}  # each edition's folder is a site of its own
    copies = [p for p in site.rglob("leaflet.js") if p.relative_to(site).parts[0] not in folders]
    assert len(copies) == 1, "one copy of Leaflet"
