"""Every content page in Chromium, in one pass per layout: a phone in the light palette and a
desktop in the dark one. Each page loads with its map frames drawn and then must show no
console error and no request leaving the site, never scroll sideways (wide tables and maps
scroll or shrink inside their own box), pass axe (serious and critical rules, inside map
frames too), follow the reader's colour scheme, let a reader Tab into every map, and show
every citation tip whole wherever its marker sits.

One pass per layout, not one per check: a page is loaded once and everything is read from it.
"""
from __future__ import annotations

import pytest

from browser import AXE, add_axe, load_maps, page_url, render_all, visit

BLOCKING = {"serious", "critical"}
# Material picks the palette whose media query matches prefers-color-scheme.
SCHEMES = {"light": "default", "dark": "slate"}
# The tip sits fixed at the bottom below 76.25em (1220px) and above its marker from there on.
LAYOUTS = {
    "phone-light": {"viewport": {"width": 360, "height": 800}, "color_scheme": "light"},
    "desktop-dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
}

RUN_AXE = """async () => {
  // target-size (WCAG 2.2 AA) is off in axe by default; Lighthouse checks it.
  const options = {resultTypes: ["violations"], iframes: false, rules: {"target-size": {enabled: true}}};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n").slice(1, 2).join("").trim()),
  }));
}"""

# The widest element inside the body, named so a failure points at the culprit.
WIDEST = """() => {
  const limit = window.innerWidth;
  let worst = null;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > limit + 1 && (!worst || r.right > worst.right)) {
      // Skip what a clipped or scrolling ancestor hides anyway.
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== 'visible') { clipped = true; break; }
      }
      if (!clipped) worst = {right: Math.round(r.right), tag: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')};
    }
  }
  return worst;
}"""

FOCUSABLE = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length).length"""

EVERY_TIP = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  // A tip is cut off at the sides of the screen or by a clipping box: per kind of box,
  // the leftmost and the rightmost marker stand for the rest.
  const box = '.factbox, .map-table-scroll, .map-legend, .md-typeset__scrollwrap, .admonition, details, table, li, p';
  const ends = new Map();
  const links = document.querySelectorAll('sup.cite a.cite-link[aria-describedby]');
  for (const link of links) {
    if (!link.checkVisibility()) continue;
    const holder = link.closest(box);
    const key = holder ? holder.tagName + '.' + holder.className : 'page';
    const x = link.getBoundingClientRect().left;
    const [low, high] = ends.get(key) || [null, null];
    ends.set(key, [!low || x < low.x ? {link, x} : low, !high || x > high.x ? {link, x} : high]);
  }
  const hidden = [];
  const checked = new Set([...ends.values()].flat().map(e => e.link));
  for (const link of checked) {
    link.focus();
    const tip = link.parentElement.querySelector('.cite-tip');
    const r = tip.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const whole = r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
    if (!whole || !hit || !tip.contains(hit))
      hidden.push(`${link.textContent} (${tip.id}) at ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`);
  }
  return {markers: links.length, checked: checked.size, hidden};
}"""


def axe_problems(frame, where: str) -> list[str]:
    """Serious and critical axe violations in one document (the page or a frame)."""
    add_axe(frame)
    # Contrast is measured on what is painted: wait until transitions (Material's header title
    # fades between site and page name as the page scrolls) have run their course.
    frame.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)")
    problems = []
    for v in frame.evaluate(RUN_AXE):
        if v["impact"] in BLOCKING:
            nodes = "; ".join(v["nodes"][:3]) + (f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else "")
            problems.append(f"{where}: {v['id']} ({v['impact']}, {v['help']}): {nodes}")
    return problems


def palette_problems(page, where: str, scheme: str) -> list[str]:
    """The palette comes from the reader's setting (the media query), not one stored by an earlier page."""
    shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    problems = [] if shown == SCHEMES[scheme] else [f"{where}: shown in the {shown!r} palette, not {SCHEMES[scheme]!r}"]
    if not page.evaluate("() => typeof __md_get === 'function'"):
        return problems + [f"{where}: Material's __md_get is gone: the stored-palette check needs its new name"]
    stored = page.evaluate("() => __md_get('__palette')")
    if stored and stored.get("color", {}).get("scheme") != SCHEMES[scheme]:
        problems.append(f"{where}: stored palette {stored['color']} overrides the reader's setting")
    return problems


def test_axe_is_installed():
    assert AXE.is_file(), f"{AXE} is missing: run `make setup` (npm ci installs the pinned axe-core)"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_page_renders_is_accessible_and_shows_its_tips_whole(browser, base_url, content_pages, map_pages, layout):
    options = LAYOUTS[layout]
    width, scheme = options["viewport"]["width"], options["color_scheme"]
    problems, frames_seen, markers_seen, tips_checked = [], 0, 0, 0
    with visit(browser, (base_url,), **options) as v:
        page = v.page
        for rel in content_pages:
            where = f"{rel} [{layout}]"
            page.goto(page_url(base_url, rel), wait_until="load")
            page.wait_for_function("() => !!document.querySelector('.md-version__current')")  # Material's start-up is done
            problems += palette_problems(page, where, scheme)
            frames = load_maps(page)
            frames_seen += len(frames)
            render_all(page)  # what a reader scrolls to: laid out, as axe and the width check need
            scroll = page.evaluate("() => document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{where}: the page is {scroll}px wide; widest: {page.evaluate(WIDEST)}")
            problems += axe_problems(page.main_frame, where)
            for src, frame in frames:
                problems += axe_problems(frame, f"{where} iframe {src}")
                if not frame.evaluate(FOCUSABLE):  # a reader can Tab into the map and use the keys
                    problems.append(f"{where}: nothing in the map frame {src} takes keyboard focus")
            tips = page.evaluate(EVERY_TIP)
            markers_seen += tips["markers"]
            tips_checked += tips["checked"]
            problems += [f"{where}: the tip of marker {m} is cut off or covered" for m in tips["hidden"]]
            problems += v.problems(where)
    assert problems == [], "\n".join(problems)
    # Nothing above may pass by finding nothing: every map drew, and tips were looked at.
    assert frames_seen == sum(len(pages) for pages in map_pages.values()), "a map frame was not found or not loaded"
    assert markers_seen and tips_checked, "no citation marker with a tip was found on any page"
