"""What a link to a page shows where a reader pastes it (a course page, a chat, an e-mail): its
title, a description in the page's own words, its permanent address and a picture of its own.
The theme writes them as Open Graph and Twitter card tags (`overrides/partials/preview.html`);
`macros/output/cards.py` draws the pictures."""
from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from pymdownx.slugs import slugify

from ..editions.address import edition_root

SLUG = slugify(case="lower")
DESCRIPTION_CHARS = 200  # what a card shows before it cuts the text
CARDS = "assets/cards"  # site folder of the pictures
CARD_SIZE = (1200, 630)  # the size Open Graph readers expect of a large card
# Where a page says what it is about: a chapter's "In brief" box, else its first paragraph.
SUMMARY = ("//div[contains(concat(' ', @class, ' '), ' abstract ')]//p[not(contains(@class, 'admonition-title'))]", "//p")
NOT_TEXT = "//sup[contains(@class, 'cite')] | //*[contains(@class, 'term-tip')] | //*[contains(@class, 'headerlink')] | //*[contains(@class, 'page-meta')]"


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    url: str  # the page's permanent address in its edition
    image: str  # the picture's address, in the same edition
    site: str
    edition: str
    sources_to: str  # the date the edition's sources run to, as readers write it

    @property
    def image_alt(self) -> str:
        return f"{self.title}: {self.site}, edition {self.edition}"


def card_path(src_uri: str) -> str:
    """The site path of a page's picture: assets/cards/chapters-turkey.png."""
    return f"{CARDS}/{SLUG(src_uri.removesuffix('.md').replace('/', ' '), '-') or 'home'}.png"


def description(html: str, fallback: str) -> str:
    """The page's summary as plain text, cut at a word before DESCRIPTION_CHARS characters."""
    if not html.strip():
        return fallback
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in root.xpath(NOT_TEXT):
        node.drop_tree()
    for query in SUMMARY:
        texts = [" ".join(p.text_content().split()) for p in root.xpath(query)]
        text = next((t for t in texts if len(t.split()) >= 8), "")
        if text:
            return shortened(text)
    return fallback


def shortened(text: str) -> str:
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def preview(src_uri: str, html: str, citation, site_url: str, fallback: str, sources_to: str) -> Preview:
    """A page's card, from its citation (title, permanent address, edition) and its rendered text."""
    root = edition_root(site_url, citation.edition)
    return Preview(
        title=citation.title, description=description(html, fallback), url=citation.url, image=root + card_path(src_uri),
        site=citation.site, edition=citation.edition, sources_to=sources_to,
    )
