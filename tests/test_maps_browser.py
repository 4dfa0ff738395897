"""Maps in a real browser (Debian's Chromium): they draw, stay on 127.0.0.1, work by keyboard,
fit a phone, print their table, follow the dark scheme and open from file://."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import visit
from macros import maps
from macros.maps.geometry import country_names

LOCAL = ("http://127.0.0.1:",)
FILE_ONLY = ("file://",)


def shown_features(library, spec) -> dict[str, int]:
    """What the map must draw with every layer switched on: points, lines, country areas."""
    drawn = {f["id"] for f in maps.spec_basemap(spec)["features"]}
    layers = [library.layers[i] for i in spec.layers]
    return {
        ".ngg-point": sum(len(layer.places) for layer in layers),
        ".ngg-route": sum(len(layer.routes) for layer in layers),
        ".ngg-area": sum(1 for layer in layers for m in layer.countries if m.country in drawn),
        ".ngg-land": len(drawn),
    }


def switch_every_layer_on(page) -> None:
    for box in page.locator(".leaflet-control-layers-overlays input[type=checkbox]").all():
        if not box.is_checked():
            box.check(force=True)  # the control may be collapsed to its button on a narrow map


def map_name(page) -> str:
    return page.evaluate("Object.keys(window).find(k => /^map_\\d+$/.test(k))")


@pytest.fixture(scope="session")
def map_pages(site, library) -> dict[str, str]:
    """Map id -> URL path of the page showing it."""
    from bs4 import BeautifulSoup

    found = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] == maps.FRAMES:
            continue
        for figure in BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select("figure.map-figure"):
            found[figure["id"].removeprefix("map-")] = str(rel).removesuffix("index.html")
    assert set(found) == set(library.maps), "every map is shown on some page"
    return found


def test_every_map_draws_its_countries_and_features_with_no_request_leaving(browser, base_url, library):
    with visit(browser, LOCAL + (base_url,)) as v:
        for spec in library.maps.values():
            v.page.goto(base_url + maps.document_path(spec.id), wait_until="load")
            switch_every_layer_on(v.page)
            for selector, count in shown_features(library, spec).items():
                assert v.page.locator(f"path{selector}").count() == count, f"{spec.id}: {selector}"
            labels = v.page.locator(".leaflet-tooltip.ngg-label").count()
            assert labels == shown_features(library, spec)[".ngg-point"], f"{spec.id}: every point has its label"
        assert v.outside == [] and v.errors == []


def test_every_feature_is_listed_in_the_table_on_its_page(browser, base_url, library, map_pages):
    with visit(browser, LOCAL) as v:
        for spec_id, url in map_pages.items():
            v.page.goto(base_url + url, wait_until="load")
            table = v.page.locator(f"figure#map-{spec_id} table")
            headers = table.locator("tbody th[scope=row]").all_text_contents()
            for layer_id in library.maps[spec_id].layers:
                layer = library.layers[layer_id]
                names = [i.label or library.places[i.place].name for i in layer.places] + [r.name for r in layer.routes]
                names += [country_names(library)[m.country] for m in layer.countries]
                assert set(names) <= {h.strip() for h in headers}, f"{spec_id}/{layer_id}"
        assert v.outside == [] and v.errors == []


def test_the_embedded_map_opens_from_its_picture_and_draws_inside_its_page(browser, base_url, map_pages):
    with visit(browser, LOCAL) as v:
        url = map_pages["border-clash"]
        v.page.goto(base_url + url, wait_until="load")
        figure = v.page.locator("figure#map-border-clash")
        figure.scroll_into_view_if_needed()
        figure.locator("a.map-live").click()
        frame = v.page.frame_locator("figure#map-border-clash iframe")
        frame.locator("path.ngg-land").first.wait_for(state="attached", timeout=10_000)
        assert frame.locator("path.ngg-point").count() == 3
        assert v.outside == [] and v.errors == []


def test_the_map_is_usable_by_keyboard(browser, base_url):
    with visit(browser, LOCAL) as v:
        v.page.goto(base_url + maps.document_path("russia-military"), wait_until="load")
        name = map_name(v.page)
        before = v.page.evaluate(f"{name}.getZoom()")
        v.page.keyboard.press("Tab")  # the first stop is the map itself (Leaflet's keyboard handler)
        assert v.page.evaluate("document.activeElement.classList.contains('folium-map')")
        v.page.keyboard.press("Equal")  # "+" zooms in
        v.page.wait_for_function(f"{name}.getZoom() > {before}", timeout=5_000)
        center = v.page.evaluate(f"{name}.getCenter().lng")
        v.page.keyboard.press("ArrowRight")
        v.page.wait_for_function(f"{name}.getCenter().lng > {center}", timeout=5_000)
        toggles = v.page.locator(".leaflet-control-layers input[type=checkbox]")
        assert toggles.count() == 2 and all(toggles.nth(i).get_attribute("tabindex") != "-1" for i in range(2))


def test_a_chapter_page_with_a_map_fits_a_phone(browser, base_url, map_pages):
    with visit(browser, LOCAL, viewport={"width": 360, "height": 740}) as v:
        v.page.goto(base_url + map_pages["overview"], wait_until="load")
        v.page.locator("figure#map-overview a.map-live").click()
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 360
        box = v.page.locator("figure#map-overview iframe").bounding_box()
        assert box["width"] <= 360 and box["height"] >= 250


def test_the_table_and_caption_print_even_when_closed(browser, base_url, map_pages):
    with visit(browser, LOCAL) as v:
        v.page.goto(base_url + map_pages["drones"], wait_until="load")
        table = v.page.locator("figure#map-drones table")
        assert not table.is_visible(), "on screen the table starts folded"
        v.page.emulate_media(media="print")
        assert table.is_visible() and v.page.locator("figure#map-drones figcaption").is_visible()
        assert v.page.locator("figure#map-drones .source-line").is_visible()


def test_the_map_follows_the_dark_scheme(browser, base_url, map_pages):
    with visit(browser, LOCAL, color_scheme="dark") as v:
        v.page.goto(base_url + maps.document_path("drones"), wait_until="load")
        assert v.page.evaluate("document.documentElement.dataset.scheme") == "dark"
        land = v.page.locator("path.ngg-land").first.evaluate("p => getComputedStyle(p).fill")
        assert land == "rgb(42, 46, 53)"


def test_the_map_follows_the_palette_chosen_on_the_page(browser, base_url, map_pages):
    with visit(browser, LOCAL, color_scheme="light") as v:
        v.page.goto(base_url + map_pages["border-clash"], wait_until="load")
        v.page.locator("figure#map-border-clash").scroll_into_view_if_needed()
        v.page.locator("figure#map-border-clash a.map-live").click()
        frame = v.page.frame_locator("figure#map-border-clash iframe")
        frame.locator("path.ngg-land").first.wait_for(state="attached", timeout=10_000)
        assert frame.locator("html").get_attribute("data-scheme") == "light"
        v.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # what Material's toggle does
        expect(frame.locator("html")).to_have_attribute("data-scheme", "dark")


def test_a_map_page_works_from_file_in_the_offline_bundle(browser, built, map_pages):
    offline: Path = built["offline"]
    page = offline / (map_pages["belt-and-road"].rstrip("/") + ".html")
    with visit(browser, FILE_ONLY) as v:
        v.page.goto(page.as_uri(), wait_until="load")
        v.page.locator("figure#map-belt-and-road").scroll_into_view_if_needed()
        v.page.locator("figure#map-belt-and-road a.map-live").click()
        frame = v.page.frame_locator("figure#map-belt-and-road iframe")
        frame.locator("path.ngg-route").first.wait_for(state="attached", timeout=10_000)
        assert frame.locator("path.ngg-route").count() == 2
        assert v.outside == [] and v.errors == []
