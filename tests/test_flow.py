"""macros/pages/flow.py: the text between headings is grouped into blocks; headings and the first
screen of text stay outside."""
from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.pages import flow
from macros.pages.flow import FlowExtension

PAGE = """# Title

Intro.

## First

One.

- a list

### Inner

Two.

## Empty
## Last

Three.
"""


# Pages whose first screen holds short blocks, a fact box, the syllabus, the timeline's filter.
FIRST_SCREENS = ["chapters/china/", "downloads/", "instructors/", "timeline/", ""]
RECORD_SHIFTS = """window.shifts = [];
new PerformanceObserver(list => window.shifts.push(...list.getEntries().map(e =>
  `${e.value.toFixed(3)} moving ${e.sources.map(s => s.node && (s.node.id || s.node.className)).join(", ")}`
))).observe({type: "layout-shift", buffered: true});"""
# Layout shifts since the page began, read once two frames have passed (observers report late).
SHIFTS = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.shifts)))))"""


def shape(text: str) -> list[tuple[str, str]]:
    body = BeautifulSoup(markdown.markdown(text, extensions=["attr_list", "md_in_html", FlowExtension()]), "lxml").body
    return [(el.name, el.get_text(" ", strip=True)[:12]) for el in body.find_all(recursive=False)]


def test_text_between_headings_is_grouped_into_blocks_and_headings_stay_outside(monkeypatch):
    monkeypatch.setattr(flow, "EAGER_CHARS", 0)
    assert shape(PAGE) == [
        ("h1", "Title"), ("div", "Intro."),
        ("h2", "First"), ("div", "One. a list"),
        ("h3", "Inner"), ("div", "Two."),
        ("h2", "Empty"), ("h2", "Last"), ("div", "Three."),
    ]


LONG = "Word " * 400  # 2,000 characters: more than a first screen


@pytest.mark.parametrize(("opening", "tag"), [(LONG, "p"), (f'<div class="box"><p>{LONG}</p></div>', "div")])
def test_the_first_screen_of_text_stays_unwrapped_raw_html_included(opening, tag):
    page = f"# Title\n\n{opening}\n\nAfter the first screen.\n\n## Next\n\nLater.\n"
    assert shape(page) == [("h1", "Title"), (tag, "Word Word Wo"), ("div", "After the fi"), ("h2", "Next"), ("div", "Later.")]


@pytest.mark.parametrize("path", FIRST_SCREENS)
def test_nothing_on_the_first_screen_moves_once_painted(browser, base_url, path):
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(base_url + path, wait_until="load")
        assert page.evaluate(SHIFTS) == []
    finally:
        context.close()
