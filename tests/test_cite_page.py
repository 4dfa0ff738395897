"""Every chapter says how to cite it: APA and Chicago from their CSL styles, BibTeX that parses."""
from __future__ import annotations

from pybtex.database import parse_string

from conftest import soup


def test_the_bibtex_of_every_chapter_parses_and_carries_its_address_and_access_date(content_pages):
    blocks = {rel: soup(html).select_one(".cite-this-page pre[data-style='bibtex']") for rel, html in content_pages.items()}
    blocks = {rel: block for rel, block in blocks.items() if block is not None}
    assert blocks, "chapters offer BibTeX"
    for rel, block in blocks.items():
        text = block.get_text()
        [entry] = parse_string(text, "bibtex").entries.values()
        assert entry.fields["urldate"] and entry.fields["url"].endswith(rel.removesuffix("index.html")), rel
        assert "\n    title = " in text, f"{rel}: entries keep their indentation"
