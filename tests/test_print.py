"""Printing from the browser (Debian's Chromium, print media emulated): every map prints as its
drawn picture, no empty frame, no screen-only widget, the edition and address on every page,
and the longest chapter within 18 A4 pages. On screen, the picture comes first and the live
map loads only when the reader asks for it."""
from __future__ import annotations

import io

import pypdf
import pytest
from bs4 import BeautifulSoup

from browser import visit
from macros.pages.context import edition_address
from macros.pages.syllabus import chapter_sources

LOCAL = ("http://127.0.0.1:",)
MAX_PAGES = 18  # A4, the longest chapter (issue 18)
HIDDEN_IN_PRINT = [
    ".md-header", ".md-sidebar", ".md-search", ".md-footer", ".cite-tip", ".term-tip", "details.cite-figure",
    ".cite-this-page", "h2#cite-this-page", ".map-explore", ".page-meta", ".headerlink",
]


@pytest.fixture(scope="session")
def chapters(config) -> list[str]:
    return chapter_sources(config["nav"])


def url_of(src: str) -> str:
    return src.removesuffix(".md") + "/"


def drawn_pictures(page) -> list[dict]:
    return page.eval_on_selector_all(
        "figure.map-figure img.map-static",
        "imgs => imgs.map(i => ({src: i.getAttribute('src'), drawn: i.complete && i.naturalWidth > 0, shown: i.getBoundingClientRect().height > 50}))",
    )


def test_every_chapter_prints_its_maps_drawn_without_widgets_in_at_most_18_pages(browser, base_url, chapters, config, editions):
    pages = {}
    with visit(browser, LOCAL) as v:
        for src in chapters:
            v.page.goto(base_url + url_of(src), wait_until="load")
            v.page.emulate_media(media="print")
            v.page.wait_for_load_state("networkidle")
            for picture in drawn_pictures(v.page):
                assert picture["drawn"] and picture["shown"], f"{src}: map {picture['src']} prints blank"
            assert v.page.locator("iframe:visible").count() == 0, f"{src}: a frame prints (empty)"
            for selector in HIDDEN_IN_PRINT:
                shown = v.page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length > 0).length")
                assert shown == 0, f"{src}: {selector} prints"
            running = v.page.locator(".print-running")
            assert running.is_visible(), f"{src}: the edition and address at the foot of each page"
            text = running.inner_text()
            assert editions.newest.label in text and edition_address(config["site_url"], editions.newest.version, src) in text
            assert v.page.locator("figure.factbox table").first.is_visible() if v.page.locator("figure.factbox").count() else True
            pdf = v.page.pdf(format="A4")
            pages[src] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert v.outside == [] and v.errors == []
    longest = max(pages, key=pages.get)
    assert pages[longest] <= MAX_PAGES, f"{longest} prints on {pages[longest]} A4 pages (budget {MAX_PAGES}): {pages}"


def test_the_sources_print_their_addresses(browser, base_url):
    with visit(browser, LOCAL) as v:
        v.page.goto(base_url + "chapters/turkey/", wait_until="load")
        v.page.emulate_media(media="print")
        item = v.page.locator("ol.page-sources > li").first
        after = item.evaluate("li => getComputedStyle(li, '::after').content")
        assert item.get_attribute("data-url") in after


def test_on_screen_the_picture_comes_first_and_the_live_map_loads_when_asked(browser, base_url):
    with visit(browser, LOCAL) as v:
        requests = []
        v.page.on("request", lambda r: requests.append(r.url))
        v.page.goto(base_url + "chapters/turkey/", wait_until="load")
        figure = v.page.locator("figure.map-figure").first
        figure.evaluate("f => f.scrollIntoView({block: 'center'})")
        v.page.wait_for_load_state("networkidle")
        assert figure.locator("iframe").count() == 0
        assert not [u for u in requests if "leaflet" in u or u.endswith("/maps/alliances.html")], "no Leaflet until the reader asks"
        assert drawn_pictures(v.page)[0]["drawn"]
        figure.locator("a.map-live").click()
        frame = figure.frame_locator("iframe")
        frame.locator("path.ngg-land").first.wait_for(state="attached", timeout=15_000)
        assert not figure.locator("img.map-static").is_visible()
        assert figure.locator("iframe").get_attribute("title").startswith("Interactive map:")
        figure.locator("a.map-live").click()  # back to the picture
        assert figure.locator("iframe").count() == 0 and figure.locator("img.map-static").is_visible()
        assert v.outside == [] and v.errors == []


def test_map_figures_carry_no_inline_script_or_style(content_pages):
    """Ready for a Content Security Policy: scripts in files, styles in stylesheets."""
    for rel, html in content_pages.items():
        for figure in BeautifulSoup(html, "lxml").select("figure.map-figure"):
            assert not figure.select("[style]"), f"{rel}: a style attribute in {figure['id']}"
            assert all(s.get("src") for s in figure.select("script")), f"{rel}: an inline script in {figure['id']}"
