"""Maps in a real browser (Debian's Chromium): they draw every feature, place labels only where
they fit, stay on 127.0.0.1, load lazily inside their page, work by keyboard, fit a phone,
print their table and follow the dark scheme. (From file:// in the offline bundle: test_offline.py.)

Every count comes from the map data; the map each test uses is the first in maps.yml that has
what the test needs, never a typed id."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser import LOCAL, load_maps, page_url, visit
from macros import maps


def shown_features(library, spec, layers=None) -> dict[str, int]:
    """What the map draws with the given layers on (all of them by default): points, lines,
    country areas of the countries its basemap holds, and the countries themselves."""
    drawn = {f["id"] for f in maps.spec_basemap(spec)["features"]}
    layers = [library.layers[i] for i in (spec.layers if layers is None else layers)]
    return {
        ".ngg-point": sum(len(layer.places) for layer in layers),
        ".ngg-route": sum(len(layer.routes) for layer in layers),
        ".ngg-area": sum(1 for layer in layers for m in layer.countries if m.country in drawn),
        ".ngg-land": len(drawn),
    }


def first_map(library, needs=lambda spec: True):
    spec = next((s for s in library.maps.values() if needs(s)), None)
    assert spec is not None, "no map in maps.yml has what this test needs"
    return spec


def switch_every_layer_on(page) -> None:
    for box in page.locator(".leaflet-control-layers-overlays input[type=checkbox]").all():
        if not box.is_checked():
            box.check(force=True)  # the control may be collapsed to its button on a narrow map


def map_name(page) -> str:
    return page.evaluate("Object.keys(window).find(k => /^map_\\d+$/.test(k))")


# Why each place label is hidden, if it is: map-document.js hides a label below its zoom, off
# the map, or over a point, a control or a label placed before it. A label hidden for none of
# these reasons, or shown over one of them, is a fault; the list says which.
LABELS = """(name) => {
  const map = window[name];
  map.fire('moveend');  // place the labels now, as after any move (map-document.js declutter)
  const box = document.querySelector('.leaflet-container').getBoundingClientRect();
  const over = (r, k) => r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top;
  const taken = [...document.querySelectorAll('.ngg-point, .leaflet-control')].map(p => p.getBoundingClientRect());
  const faults = [];
  const labels = [...document.querySelectorAll('.leaflet-tooltip.ngg-label')];
  for (const el of labels) {
    const r = el.getBoundingClientRect();
    const reason = (el.dataset.minZoom && map.getZoom() < +el.dataset.minZoom) || r.left < box.left || r.right > box.right ||
      r.top < box.top || r.bottom > box.bottom || taken.some(k => over(r, k));
    const hidden = getComputedStyle(el).visibility === 'hidden';
    if (hidden && !reason) faults.push(`${el.textContent} is hidden though it fits`);
    if (!hidden && reason) faults.push(`${el.textContent} is shown over something or off the map`);
    if (!hidden) taken.push(r);
  }
  return {texts: labels.map(el => el.textContent.trim()), shown: labels.filter(el => getComputedStyle(el).visibility !== 'hidden').length, faults};
}"""


def test_every_map_draws_every_feature_and_labels_only_where_they_fit(browser, base_url, library):
    problems = []
    with visit(browser, LOCAL + (base_url,)) as v:
        for spec in library.maps.values():
            v.page.goto(base_url + maps.document_path(spec.id), wait_until="load")
            switch_every_layer_on(v.page)
            for selector, count in shown_features(library, spec).items():
                expect(v.page.locator(f"path{selector}"), f"{spec.id}: {selector}").to_have_count(count)
            name = map_name(v.page)
            labels = v.page.evaluate(LABELS, name)
            names = [(i.label or library.places[i.place].name) + (" (approximate)" if library.places[i.place].approximate else "")
                     for layer in spec.layers for i in library.layers[layer].places]
            if sorted(labels["texts"]) != sorted(names):
                problems.append(f"{spec.id}: labels {sorted(labels['texts'])} are not the places {sorted(names)}")
            if names and not labels["shown"]:
                problems.append(f"{spec.id}: no place label is shown at all")
            problems += [f"{spec.id}: {fault}" for fault in labels["faults"]]
        problems += v.problems("map documents")
    assert problems == [], "\n".join(problems)


def test_an_embedded_map_loads_only_when_wanted_and_draws_inside_its_page(browser, base_url, library, map_page):
    """A live map costs nothing until wanted: a frame far below the first screen has no src yet;
    a map shown as a picture has no frame until its link is followed."""
    spec = first_map(library, lambda s: any(library.layers[i].places for i in s.layers if i not in s.hidden))
    with visit(browser, LOCAL, viewport={"width": 1280, "height": 800}) as v:
        v.page.goto(page_url(base_url, map_page[spec.id]), wait_until="load")
        figure = v.page.locator(f"figure#map-{spec.id}")
        if figure.locator("a.map-live").count():
            expect(figure.locator("iframe")).to_have_count(0)
        else:
            below = figure.locator("iframe").evaluate("f => f.getBoundingClientRect().top - innerHeight")
            if below > 400:  # maps-loader.js starts loading 300px before the frame reaches the screen
                assert figure.locator("iframe").get_attribute("src") is None, "a map far below the first screen loads before it is near"
        loaded = dict(load_maps(v.page))
        document = next(f for src, f in loaded.items() if src.endswith(f"/{spec.id}.html"))
        start = [i for i in spec.layers if i not in spec.hidden]
        expect(document.locator("path.ngg-point")).to_have_count(shown_features(library, spec, start)[".ngg-point"])
        assert v.problems(spec.id) == []


def test_the_map_is_usable_by_keyboard(browser, base_url, library):
    spec = first_map(library)
    with visit(browser, LOCAL) as v:
        v.page.goto(base_url + maps.document_path(spec.id), wait_until="load")
        name = map_name(v.page)
        before = v.page.evaluate(f"{name}.getZoom()")
        v.page.keyboard.press("Tab")  # the first stop is the map itself (Leaflet's keyboard handler)
        assert v.page.evaluate("document.activeElement.classList.contains('folium-map')")
        v.page.keyboard.press("Equal")  # "+" zooms in
        v.page.wait_for_function(f"{name}.getZoom() > {before}")
        center = v.page.evaluate(f"{name}.getCenter().lng")
        v.page.keyboard.press("ArrowRight")
        v.page.wait_for_function(f"{name}.getCenter().lng > {center}")
        toggles = v.page.locator(".leaflet-control-layers input[type=checkbox]")
        expect(toggles).to_have_count(len(spec.layers))
        assert all(toggles.nth(i).get_attribute("tabindex") != "-1" for i in range(len(spec.layers)))


def test_a_chapter_page_with_a_map_fits_a_phone(browser, base_url, library, map_page):
    spec = first_map(library)
    with visit(browser, LOCAL, viewport={"width": 360, "height": 740}) as v:
        v.page.goto(page_url(base_url, map_page[spec.id]), wait_until="load")
        load_maps(v.page)
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 360
        box = v.page.locator(f"figure#map-{spec.id} iframe").bounding_box()
        assert box["width"] <= 360 and box["height"] >= 250


def test_the_table_and_caption_print_even_when_closed(browser, base_url, library, map_page):
    spec = first_map(library)
    with visit(browser, LOCAL) as v:
        v.page.goto(page_url(base_url, map_page[spec.id]), wait_until="load")
        table = v.page.locator(f"figure#map-{spec.id} table")
        expect(table, "on screen the table starts folded").to_be_hidden()
        v.page.emulate_media(media="print")
        expect(table).to_be_visible()
        expect(v.page.locator(f"figure#map-{spec.id} figcaption")).to_be_visible()
        expect(v.page.locator(f"figure#map-{spec.id} .source-line")).to_be_visible()


@pytest.mark.parametrize("scheme, fill", [("dark", "rgb(42, 46, 53)")])
def test_the_map_follows_the_dark_scheme(browser, base_url, library, scheme, fill):
    spec = first_map(library)
    with visit(browser, LOCAL, color_scheme=scheme) as v:
        v.page.goto(base_url + maps.document_path(spec.id), wait_until="load")
        expect(v.page.locator("html")).to_have_attribute("data-scheme", scheme)
        expect(v.page.locator("path.ngg-land").first).to_have_css("fill", fill)


def test_the_map_follows_the_palette_chosen_on_the_page(browser, base_url, library, map_page):
    spec = first_map(library)
    with visit(browser, LOCAL, color_scheme="light") as v:
        v.page.goto(page_url(base_url, map_page[spec.id]), wait_until="load")
        load_maps(v.page)
        frame = v.page.frame_locator(f"figure#map-{spec.id} iframe")
        expect(frame.locator("html")).to_have_attribute("data-scheme", "light")
        v.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # what Material's toggle does
        expect(frame.locator("html")).to_have_attribute("data-scheme", "dark")
