"""macros/flow.py: the text between headings is grouped into blocks; headings stay outside."""
from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from macros.flow import FlowExtension

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


def test_text_between_headings_is_grouped_into_blocks_and_headings_stay_outside():
    body = BeautifulSoup(markdown.markdown(PAGE, extensions=["attr_list", FlowExtension()]), "lxml").body
    shape = [(el.name, el.get_text(" ", strip=True)) for el in body.find_all(recursive=False)]
    assert shape == [
        ("h1", "Title"), ("div", "Intro."),
        ("h2", "First"), ("div", "One. a list"),
        ("h3", "Inner"), ("div", "Two."),
        ("h2", "Empty"), ("h2", "Last"), ("div", "Three."),
    ]
    assert {tuple(div["class"]) for div in body.find_all("div")} == {("flow",)}
