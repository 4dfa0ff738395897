"""The static map pictures (macros/maps/static.py): drawn from the live map's data, light and
dark, small, offered for download; a map that cannot be drawn stops the build naming it."""
from __future__ import annotations

import gzip
import re

import pytest
from bs4 import BeautifulSoup

from macros import maps
from macros.data.problems import ContentError
from macros.maps import palette, static

from test_build_errors import build, copy_project


def svg_of(site, spec_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / maps.picture_path(spec_id)).read_text(encoding="utf-8"), "xml")


def test_every_map_has_a_picture_within_40_kb_compressed_and_a_png(site, library):
    for spec in library.maps.values():
        svg = (site / maps.picture_path(spec.id)).read_bytes()
        assert len(gzip.compress(svg, 9)) <= static.MAX_BYTES, spec.id
        assert (site / maps.png_path(spec.id)).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", spec.id


def test_the_picture_draws_the_live_maps_data(site, library):
    for spec in library.maps.values():
        svg = svg_of(site, spec.id)
        shown = [library.layers[i] for i in spec.layers if i not in spec.hidden]
        drawn = {f["id"] for f in maps.spec_basemap(spec)["features"]}
        in_frame = {p["id"].removeprefix("k-") for p in svg.select("defs path")}
        assert in_frame <= drawn and in_frame, f"{spec.id}: the basemap's countries"
        assert len(svg.select("g circle.pt")) == sum(len(layer.places) for layer in shown), spec.id
        assert len(svg.select("g path.r")) == sum(len(layer.routes) for layer in shown), spec.id
        members = [m for layer in shown for m in layer.countries if m.country in in_frame]
        assert len(svg.select("g use.a, g use.p")) == len(members), spec.id
        legend = [t.get_text() for t in svg.select("svg > text")]
        for layer in shown:
            assert layer.title in legend, f"{spec.id}: legend names {layer.title}"
        for layer_id in spec.hidden:
            assert library.layers[layer_id].title in " ".join(legend), f"{spec.id}: legend says what is not drawn"
        assert svg.select_one("title").get_text() == f"Map: {spec.title}"


def test_the_picture_has_the_stylesheets_light_and_dark_colours(site, library):
    schemes = palette.palettes()
    for spec in library.maps.values():
        style = svg_of(site, spec.id).select_one("style").get_text()
        light, dark = style.split("@media (prefers-color-scheme: dark)")
        assert f".w{{fill:{schemes['light']['water']}}}" in light and f".w{{fill:{schemes['dark']['water']}}}" in dark, spec.id


def test_the_page_shows_the_picture_and_offers_it_for_download(content_pages, library):
    found = set()
    for rel, html in content_pages.items():
        for figure in BeautifulSoup(html, "lxml").select("figure.map-figure"):
            spec_id = figure["id"].removeprefix("map-")
            found.add(spec_id)
            img = figure.select_one(".map-frame img.map-static")
            assert img["src"].endswith(f"maps/{spec_id}.svg#map") and img["alt"].startswith("Map: "), rel
            assert int(img["width"]) and int(img["height"])
            downloads = {a["href"].rsplit("/", 1)[-1] for a in figure.select(".map-download a")}
            assert downloads == {f"{spec_id}.geojson", f"{spec_id}.svg", f"{spec_id}.png"}, rel
    assert found == set(library.maps)


def test_a_colour_missing_from_the_stylesheet_names_the_map_and_the_fix(library, monkeypatch):
    spec = library.maps["border-clash"]
    monkeypatch.setattr(palette, "missing", lambda needed, *a: ["dark --ngg-clash"])
    with pytest.raises(ContentError, match=r"map 'border-clash': the static picture needs colours .*dark --ngg-clash.*add them to both schemes"):
        static.picture(spec, library)


def test_a_picture_over_its_budget_names_the_map_and_the_fix(library, monkeypatch):
    monkeypatch.setattr(static, "MAX_BYTES", 1000)
    with pytest.raises(ContentError, match=r"map 'overview': its static picture is [\d.]+ kB compressed, over 1 kB: narrow its view"):
        static.picture(library.maps["overview"], library)


def test_a_map_the_renderer_cannot_draw_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    css = project / "docs" / "assets" / "maps.css"
    text = css.read_text(encoding="utf-8")
    dark = text.index('.map-document[data-scheme="dark"]')
    css.write_text(text[:dark] + re.sub(r"\s*--ngg-clash: [^;]+;", "", text[dark:], count=1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "docs/data/maps.yml: map 'border-clash': the static picture needs colours docs/assets/maps.css does not give (dark --ngg-clash): add them to both schemes there" in result.stderr


def test_a_page_that_breaks_the_pdfs_stops_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path)
    chapter = project / "docs" / "chapters" / "overview.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + '\n\n<img src="../../maps/nowhere.svg" alt="A planted picture">\n', encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "docs/chapters/overview.md: its PDF needs nowhere.svg, which the build did not write" in result.stderr
