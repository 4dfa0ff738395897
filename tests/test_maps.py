"""Maps: their data is validated like the facts, and every built map is a cited, offline figure."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
import shapely
from shapely.geometry import Point, shape

from conftest import live_map, parsed
from macros import maps
from macros.data.records import REGION
from macros.maps import basemap, geometry

OUTSIDE_HOSTS = re.compile(r"cdn|unpkg|jsdelivr|googleapis|openstreetmap|cloudflare|bootstrap|jquery|font-?awesome|awesome-markers", re.I)


# Validation of the map data (places, layers, specs) is in the error table: test_error_messages.py.


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


def expected_rows(library, spec) -> list[str]:
    """The name each feature of a map goes by in its table, from the data."""
    countries = geometry.country_names(library)
    rows = []
    for layer_id in spec.layers:
        layer = library.layers[layer_id]
        rows += [i.label or library.places[i.place].name for i in layer.places] + [r.name for r in layer.routes]
        rows += [countries[m.country] for m in layer.countries]
    return rows


def test_every_map_is_shown_on_exactly_one_page_of_the_newest_edition(map_pages, library):
    """Read from the newest edition's pages only: an older edition's folder showing a map the
    newest chapters dropped does not count."""
    assert set(map_pages) == set(library.maps), "maps.yml and the maps the pages show differ"
    twice = {spec_id: pages for spec_id, pages in map_pages.items() if len(pages) != 1}
    assert twice == {}, f"maps shown more than once: {twice}"


@pytest.mark.parametrize("folder", ["site", "offline"])
def test_each_map_document_links_only_the_sites_own_files(built, library, folder):
    root = built[folder]
    for spec in library.maps.values():
        doc = root / maps.document_path(spec.id)
        text = doc.read_text(encoding="utf-8")
        page = parsed(doc)
        assert page.html["lang"] == "en" and spec.title in page.title.get_text()
        links = [el.get("src") or el.get("href") for el in page.select("script[src], link[href], img[src], iframe[src]")]
        assert sorted(links) == sorted(["../assets/vendor/leaflet/leaflet.js", "../assets/vendor/leaflet/leaflet.css", "../assets/vendor/topojson-client/topojson-client.min.js", "../assets/maps.css", "../assets/map-document.js"])
        assert all((doc.parent / link).resolve().is_file() for link in links)
        assert not OUTSIDE_HOSTS.search(text), f"{doc.name} mentions an outside host or library"
        assert "$.ajax" not in text and "$(document)" not in text and "user-scalable=no" not in text
        assert "tileLayer" not in text


def test_each_map_is_a_cited_figure_with_a_text_alternative(map_page, soups, library, site):
    for spec_id, rel in map_page.items():
        spec = library.maps[spec_id]
        path = site / rel
        figure = soups[rel].select_one(f"figure#map-{spec_id}")
        live, title = live_map(figure)
        assert spec.title in title, f"{spec_id}: the live map is not named for the map"
        assert figure.select_one("figcaption").get_text().startswith(f"Map: {spec.title}.")
        page_url = "/" + str(path.relative_to(site))
        for href in (live, figure.select_one(".map-download a")["href"]):
            assert (site / urljoin(page_url, href).lstrip("/")).is_file(), f"{path}: {href} does not resolve"
        assert figure.select(".source-line sup.cite a[href^='#ref-natural-earth-world-atlas']"), "the basemap is cited"
        headers = [th.get_text(" ", strip=True) for th in figure.select("tbody th[scope=row]")]
        assert headers == expected_rows(library, spec), f"{spec_id}: the table must list every feature, in data order"
        for row in figure.select("tbody tr:not(.map-table-layer)"):
            assert row.select("sup.cite a.cite-link"), f"{spec_id}: a row has no citation: {row.get_text(' ', strip=True)[:80]}"


def test_offline_pages_link_map_documents_with_html_urls(built, library):
    offline, linked = built["offline"], 0
    for page in offline.rglob("*.html"):
        if page.relative_to(offline).parts[0] == maps.FRAMES:
            continue
        for figure in parsed(page).select("figure.map-figure"):
            linked += 1
            href, _ = live_map(figure)
            target = (page.parent / href).resolve()
            assert href.endswith(".html") and target.is_file(), f"{page.name}: {href}"
    assert linked == len(library.maps), "every map is shown once in the bundle too"


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
