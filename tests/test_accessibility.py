"""Accessibility, measured: axe-core in Chromium on every content page, light and dark,
inside map frames too; citation markers, fact boxes and maps work from the keyboard."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser import page_url, render_all, visit

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# Material picks the palette whose media query matches prefers-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}
# Material's page container: map documents (shown in frames) have none.
THEME_PAGE = 'data-md-component="container"'

# Only colours change between the light and dark palettes: the dark pass runs the colour rules.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

RUN_AXE = """async (rules) => {
  // target-size (WCAG 2.2 AA) is off in axe by default; Lighthouse checks it.
  const options = {resultTypes: ["violations"], iframes: false, rules: {"target-size": {enabled: true}}};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n").slice(1, 2).join("").trim()),
  }));
}"""


@pytest.fixture(scope="module")
def theme_pages(content_pages) -> dict[str, str]:
    """Pages in the Material theme; map documents are checked inside the frames that show them."""
    return {rel: html for rel, html in content_pages.items() if THEME_PAGE in html}


def axe_problems(frame, where: str, rules: list[str] | None = None) -> list[str]:
    """Serious and critical axe violations in one document (the page or a frame)."""
    if not frame.evaluate("() => typeof axe !== 'undefined'"):
        frame.add_script_tag(path=str(AXE))
    problems = []
    for v in frame.evaluate(RUN_AXE, rules):
        if v["impact"] in BLOCKING:
            nodes = "; ".join(v["nodes"][:3]) + (f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else "")
            problems.append(f"{where}: {v['id']} ({v['impact']}, {v['help']}): {nodes}")
    return problems


def loaded_frames(page) -> list:
    """Every iframe of the page, loaded: lazy frames are scrolled into view first."""
    frames = []
    for link in page.query_selector_all("figure.map-figure a.map-live"):  # live maps open from their pictures
        link.click()
    for handle in page.query_selector_all("iframe"):
        handle.scroll_into_view_if_needed()
        if handle.get_attribute("data-src"):  # maps-loader.js sets src as the frame nears the screen
            page.wait_for_function("frame => frame.getAttribute('src')", arg=handle)
        frame = handle.content_frame()
        if frame is not None:
            if handle.get_attribute("src"):  # until it starts loading, a lazy frame is about:blank
                frame.wait_for_url(lambda url: url not in ("", "about:blank"), wait_until="load")
            frame.wait_for_load_state("load")
            frames.append((handle.get_attribute("src") or "srcdoc", frame))
    return frames


def test_axe_is_installed():
    assert AXE.is_file(), f"{AXE} is missing: run `make setup` (npm ci installs the pinned axe-core)"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_axe_violation_on_any_page_or_map_frame(browser, base_url, theme_pages, scheme):
    problems = []
    with visit(browser, (base_url,), color_scheme=scheme, bypass_csp=True) as v:  # axe is injected inline
        page = v.page
        for rel in theme_pages:
            page.goto(page_url(base_url, rel), wait_until="load")
            page.wait_for_selector(".md-version__current")  # the edition switch, which Material adds after load
            render_all(page)  # axe reads colours and sizes from the layout
            # The palette comes from the media query, not from a choice stored by an earlier page.
            shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            if shown != SCHEMES[scheme]:
                problems.append(f"{rel} [{scheme}]: shown in the {shown!r} palette, not {SCHEMES[scheme]!r}")
            stored = page.evaluate("() => (typeof __md_get === 'function' && __md_get('__palette')) || null")
            if stored and stored.get("color", {}).get("scheme") != SCHEMES[scheme]:
                problems.append(f"{rel} [{scheme}]: stored palette {stored['color']} overrides the reader's setting")
            rules = None if scheme == "light" else COLOUR_RULES
            problems += axe_problems(page.main_frame, f"{rel} [{scheme}]", rules)
            for src, frame in loaded_frames(page):
                problems += axe_problems(frame, f"{rel} [{scheme}] iframe {src}", rules)
    assert problems == [], "\n".join(problems)


def test_search_override_is_materials_partial_plus_the_dialog_name():
    """overrides/partials/search.html only adds an accessible name: it must follow theme upgrades."""
    import material

    def body(path: Path) -> list[str]:  # without the leading {#- comment -#}
        return re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S).splitlines()

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


def cited_page(theme_pages) -> str:
    for rel, html in theme_pages.items():
        if "aria-describedby" in html and 'class="cite-tip"' in html:
            return rel
    pytest.skip("no page has a citation marker with a tooltip yet")


EVERY_TIP = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  // A tip is cut off at the sides of the screen or by a clipping box: per kind of box,
  // the leftmost and the rightmost marker stand for the rest.
  const box = '.factbox, .map-table-scroll, .map-legend, .md-typeset__scrollwrap, .admonition, details, table, li, p';
  const ends = new Map();
  for (const link of document.querySelectorAll('sup.cite a.cite-link[aria-describedby]')) {
    if (!link.checkVisibility()) continue;
    const holder = link.closest(box);
    const key = holder ? holder.tagName + '.' + holder.className : 'page';
    const x = link.getBoundingClientRect().left;
    const [low, high] = ends.get(key) || [null, null];
    ends.set(key, [!low || x < low.x ? {link, x} : low, !high || x > high.x ? {link, x} : high]);
  }
  const hidden = [];
  for (const link of new Set([...ends.values()].flat().map(e => e.link))) {
    link.focus();
    const tip = link.parentElement.querySelector('.cite-tip');
    const r = tip.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const whole = r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
    if (!whole || !hit || !tip.contains(hit))
      hidden.push(`${link.textContent} (${tip.id}) at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`);
  }
  return hidden;
}"""


# The tip sits fixed at the bottom below 76.25em and above its marker from there on: one width each.
@pytest.mark.parametrize("width", [360, 1440])
def test_citation_markers_work_from_the_keyboard(browser, base_url, theme_pages, width):
    """Tab reaches a marker, which is named and described, and shows its tip; on every page,
    wherever a marker sits (text, fact box, table, map legend), its tip shows whole."""
    rel = cited_page(theme_pages)
    with visit(browser, (base_url,), viewport={"width": width, "height": 800}, bypass_csp=True) as v:
        page = v.page
        page.goto(page_url(base_url, rel), wait_until="load")
        for _ in range(400):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('sup.cite a.cite-link[aria-describedby]')"):
                break
        else:
            pytest.fail(f"{rel}: 400 presses of Tab never reached a citation marker")
        link = page.locator("sup.cite a.cite-link:focus")
        tip = page.locator("#" + link.get_attribute("aria-describedby"))
        expect(tip).to_be_visible()
        expect(link).to_have_accessible_name(re.compile(r"^Source \d+"))
        expect(link).to_have_accessible_description(re.compile(r"\w{3,}"))
        page.keyboard.press("Tab")
        expect(tip).to_be_hidden()

        problems = []
        for rel, html in theme_pages.items():
            if 'class="cite-tip"' in html:
                page.goto(page_url(base_url, rel), wait_until="load")
                problems += [f"{rel} at {width}px: the tip of marker {m} is cut off or covered" for m in page.evaluate(EVERY_TIP)]
    assert problems == [], "\n".join(problems)



def test_glossary_terms_show_their_definition_on_focus(browser, base_url, theme_pages):
    """A key term links to the glossary and, on keyboard focus as on hover, shows its definition."""
    rel = next((r for r, html in theme_pages.items() if 'class="term-tip"' in html), None)
    assert rel, "no page links a glossary term"
    with visit(browser, (base_url,), viewport={"width": 1440, "height": 800}, bypass_csp=True) as v:
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

def test_ids_are_unique_on_every_page(content_pages):
    """A repeated id breaks #links and points aria-describedby at the wrong tooltip
    (axe only lists it for review, so it is checked here)."""
    problems = []
    for rel, html in content_pages.items():
        seen: dict[str, int] = {}
        for el in BeautifulSoup(html, "lxml").find_all(id=True):
            seen[el["id"]] = seen.get(el["id"], 0) + 1
            if seen[el["id"]] == 2:
                problems.append(f"{rel}: id {el['id']!r} is used more than once")
    assert problems == [], "\n".join(problems)


def test_fact_boxes_are_captioned_figures_with_a_headed_table(content_pages):
    problems, seen = [], 0
    for rel, html in content_pages.items():
        for box in BeautifulSoup(html, "lxml").select("figure.factbox"):
            seen += 1
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
    if not seen:
        pytest.skip("no page has a fact box yet")
    assert problems == [], "\n".join(problems)


def test_map_frames_have_a_title_and_take_keyboard_focus(browser, base_url, theme_pages):
    # A map frame opens from its picture (issue 18): its title comes from the link's data-title.
    with_maps = {rel: html for rel, html in theme_pages.items() if "<iframe" in html or "map-live" in html}
    if not with_maps:
        pytest.skip("no page has a map frame yet")
    problems = []
    for rel, html in with_maps.items():
        for frame in BeautifulSoup(html, "lxml").select("iframe, a.map-live"):
            if not (frame.get("title") or frame.get("data-title") or "").strip():
                problems.append(f"{rel}: an iframe ({frame.get('src') or frame.get('href') or 'srcdoc'}) has no title to name it")
    with visit(browser, (base_url,), bypass_csp=True) as v:
        page = v.page
        for rel in with_maps:
            page.goto(page_url(base_url, rel), wait_until="load")
            for src, frame in loaded_frames(page):
                # Something inside the map takes focus: a reader can Tab in and use the keys.
                focusable = frame.evaluate(
                    """() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                        .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length).length"""
                )
                if not focusable:
                    problems.append(f"{rel}: nothing in the map frame {src} takes keyboard focus")
    assert problems == [], "\n".join(problems)
