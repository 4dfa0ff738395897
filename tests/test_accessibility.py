"""Accessibility, beyond the axe pass of test_rendering.py: Material's search partial, citation
markers and glossary terms from the keyboard, unique ids, fact boxes and map frames as
named, headed figures."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from playwright.sync_api import expect

from browser import page_url, visit
from conftest import as_material_wrote_it, live_map
from macros import paths

ROOT = paths.ROOT
FACTBOX_CALL = re.compile(r"\{\{\s*factbox\(")
COUNTRY_CALL = re.compile(r"\{\{\s*country\(")


def test_search_override_is_materials_partial_plus_the_dialog_name():
    """overrides/partials/search.html only adds an accessible name and escapes: it must follow theme upgrades."""
    import material

    def body(path: Path) -> list[str]:  # without the leading {#- comment -#} and our escapes
        return as_material_wrote_it(re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S)).splitlines()

    stock = body(Path(material.__file__).parent / "templates" / "partials" / "search.html")
    ours = body(ROOT / "overrides" / "partials" / "search.html")
    changed = [
        line for line in difflib.unified_diff(stock, ours, lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        '-<div class="md-search" data-md-component="search" role="dialog">',
        '+<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ], "Material's search partial changed: copy it again into overrides/partials/search.html and re-add aria-label"


def cited_page(soups) -> str:
    """The first content page (by path) with a citation marker that carries a tip."""
    found = [rel for rel, page in soups.items() if page.select_one("sup.cite a.cite-link[aria-describedby]")]
    assert found, "no page has a citation marker with a tooltip: the marker template changed (marker.html)"
    return found[0]


def test_a_citation_marker_works_from_the_keyboard(browser, base_url, soups):
    """Tab reaches a marker, which is named and described, and shows its tip; the next Tab hides
    it. (test_rendering.py checks every page's tips show whole, on a phone and a desktop.)"""
    rel = cited_page(soups)
    with visit(browser, (base_url,), viewport={"width": 1280, "height": 800}) as v:
        page = v.page
        page.goto(page_url(base_url, rel), wait_until="load")
        for _ in range(400):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('sup.cite a.cite-link[aria-describedby]')"):
                break
        else:
            raise AssertionError(f"{rel}: 400 presses of Tab never reached a citation marker")
        link = page.locator("sup.cite a.cite-link:focus")
        tip = page.locator("#" + link.get_attribute("aria-describedby"))
        expect(tip).to_be_visible()
        expect(link).to_have_accessible_name(re.compile(r"^Source \d+"))
        expect(link).to_have_accessible_description(re.compile(r"\w{3,}"))
        page.keyboard.press("Tab")
        expect(tip).to_be_hidden()


def test_glossary_terms_show_their_definition_on_focus(browser, base_url, soups):
    """A key term links to the glossary and, on keyboard focus as on hover, shows its definition."""
    rel = next((r for r, page in soups.items() if page.select_one("a.term[aria-describedby]")), None)
    assert rel, "no page links a glossary term with a tip (term.html)"
    with visit(browser, (base_url,), viewport={"width": 1440, "height": 800}) as v:
        v.page.goto(page_url(base_url, rel), wait_until="load")
        term = v.page.locator("a.term").first
        tip = v.page.locator("#" + term.get_attribute("aria-describedby"))
        expect(tip).to_be_hidden()
        term.focus()
        expect(tip).to_be_visible()
        expect(term).to_have_accessible_description(re.compile(r"^[^:]+: \w"))
        v.page.mouse.move(0, 0)
        v.page.keyboard.press("Tab")
        expect(tip).to_be_hidden()

def test_ids_are_unique_on_every_page(soups):
    """A repeated id breaks #links and points aria-describedby at the wrong tooltip
    (axe only lists it for review, so it is checked here)."""
    problems = []
    for rel, page in soups.items():
        seen: dict[str, int] = {}
        for el in page.find_all(id=True):
            seen[el["id"]] = seen.get(el["id"], 0) + 1
            if seen[el["id"]] == 2:
                problems.append(f"{rel}: id {el['id']!r} is used more than once")
    assert problems == [], "\n".join(problems)


def factbox_calls() -> int:
    """How many fact boxes the pages' Markdown asks for: its factbox() calls, and one ("In
    numbers") on each country page. Other cited tables (changes, comparisons) are not fact boxes."""
    pages = [p.read_text(encoding="utf-8") for p in paths.DOCS.rglob("*.md")]
    return sum(len(FACTBOX_CALL.findall(p)) + len(COUNTRY_CALL.findall(p)) for p in pages)


def test_fact_boxes_are_captioned_figures_with_a_headed_table(soups):
    problems, boxes = [], 0
    for rel, page in soups.items():
        for box in page.select("figure.factbox"):
            boxes += "fact-box" in box["class"]
            where = f"{rel} #{box.get('id')}"
            caption = box.find("figcaption", recursive=False)
            if caption is None or not caption.get_text(strip=True):
                problems.append(f"{where}: no figcaption with text as the figure's own child")
            table = box.find("table")
            if table is None:
                problems.append(f"{where}: no table")
                continue
            headers = table.find_all("th")
            if not headers:
                problems.append(f"{where}: the table has no header cells")
            problems += [f"{where}: <th>{th.get_text(strip=True)}</th> has no scope" for th in headers if th.get("scope") not in {"col", "row", "colgroup", "rowgroup"}]
    assert problems == [], "\n".join(problems)
    assert boxes == factbox_calls(), "every factbox() call of the pages is a figure.factbox"


def test_map_frames_have_a_title(soups, map_pages):
    """A live map's frame is named by its title (test_rendering.py checks a reader can Tab into each)."""
    maps = [(rel, live_map(figure)) for rel, page in soups.items() for figure in page.select("figure.map-figure")]
    assert len(maps) == sum(len(pages) for pages in map_pages.values())
    untitled = [f"{rel}: {href}" for rel, (href, title) in maps if not title.strip()]
    assert untitled == [], "live maps with no title to name their frame:\n" + "\n".join(untitled)
