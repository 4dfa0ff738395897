"""Every page renders in Chromium on a phone and on a desktop: no console error, and the page
itself never scrolls sideways (wide tables and maps scroll or shrink inside their own box)."""
from __future__ import annotations

import pytest

from browser import page_url, visit

WIDTHS = {"phone": 360, "desktop": 1280}
# Material's page container: map documents (shown in frames) have none.
THEME_PAGE = 'data-md-component="container"'

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


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_renders_without_error_or_sideways_scrolling(browser, base_url, content_pages, width):
    # Map documents render inside their pages' frames, where their errors are caught too.
    pages = [rel for rel, html in content_pages.items() if THEME_PAGE in html]
    problems = []
    with visit(browser, (base_url,), viewport={"width": width, "height": 800}) as v:
        page = v.page
        for rel in pages:
            page.goto(page_url(base_url, rel), wait_until="load")
            for link in page.query_selector_all("figure.map-figure a.map-live"):  # live maps open from their pictures
                link.click()
            for handle in page.query_selector_all("iframe"):
                handle.scroll_into_view_if_needed()
                if frame := handle.content_frame():
                    if handle.get_attribute("src"):
                        frame.wait_for_url(lambda url: url not in ("", "about:blank"), wait_until="load")
                    frame.wait_for_load_state("load")
            scroll, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                problems.append(f"{rel} at {width}px: the page is {scroll}px wide; widest: {page.evaluate(WIDEST)}")
            problems += [f"{rel} at {width}px: console error: {e}" for e in v.errors]
            problems += [f"{rel} at {width}px: request leaving the site: {u}" for u in v.outside]
            v.errors.clear(), v.outside.clear()
    assert problems == [], "\n".join(problems)
