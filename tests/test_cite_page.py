"""Every chapter says how to cite it: APA and Chicago from their CSL styles, BibTeX that parses.

Golden strings, written out by hand: for a made-up chapter whose title needs escaping (an
ampersand and a quotation), and in the same shape for the built chapters of this edition."""
from __future__ import annotations

import re

from pybtex.database import parse_string

from macros.pages.cite_page import page_citation

CONFIG = {
    "site_name": "The New Great Game in Central Asia",
    "site_url": "https://courses.example.edu/ngg/",
    "extra": {
        "edition": {"version": "2.1", "date": "2026-12-01"},
        "authors": ["The New Great Game teaching team"],
        "publisher": "The New Great Game teaching project",
    },
}
TITLE = 'Turkey & the "Turkic world": trade and power'

GOLDEN_APA = (
    "The New Great Game teaching team. (2026). Turkey &amp; the &#34;Turkic world&#34;: trade and power. "
    "In <i>The New Great Game in Central Asia</i> (Edition 2.1). The New Great Game teaching project. "
    "https://courses.example.edu/ngg/2.1/chapters/turkey/"
)
GOLDEN_CHICAGO = (
    "The New Great Game teaching team. 2026. \u201cTurkey &amp; the \u2018Turkic World\u2019: Trade and Power.\u201d "
    "In <i>The New Great Game in Central Asia</i>, Edition 2.1. The New Great Game teaching project. "
    "https://courses.example.edu/ngg/2.1/chapters/turkey/."
)
GOLDEN_BIBTEX = """@incollection{nggca-chapters-turkey-2026,
    author = "{The New Great Game teaching team}",
    title = {Turkey \\& the "Turkic world": trade and power},
    booktitle = "The New Great Game in Central Asia",
    publisher = "The New Great Game teaching project",
    edition = "2.1",
    year = "2026",
    url = "https://courses.example.edu/ngg/2.1/chapters/turkey/",
    urldate = "2026-12-01",
    note = "Edition 2.1"
}"""


def test_golden_apa_chicago_and_bibtex_escape_an_ampersand_and_quotes():
    citation = page_citation(CONFIG, "chapters/turkey.md", TITLE)
    assert str(citation.apa) == GOLDEN_APA
    assert str(citation.chicago) == GOLDEN_CHICAGO
    assert citation.bibtex == GOLDEN_BIBTEX
    [entry] = parse_string(citation.bibtex, "bibtex").entries.values()
    assert entry.fields["title"] == 'Turkey \\& the "Turkic world": trade and power'


def test_every_chapter_cites_itself_in_the_golden_shape(soups, chapters, config, editions):
    """The same shape for every built chapter, its title, edition, date and address filled in."""
    newest = editions.newest
    year, v, site_url = newest.date.year, newest.version, config["site_url"]
    team, project, book = config["extra"]["authors"][0], config["extra"]["publisher"], config["site_name"]
    problems = []
    for rel in chapters:
        page = soups[rel]
        title = page.select_one("article h1").get_text().removesuffix("¶").strip()
        url = f"{site_url}{v}/{rel.removesuffix('index.html')}"
        styles = {el["data-style"]: el for el in page.select(".cite-this-page .citation-text")}
        apa = f"{team}. ({year}). {title}. In {book} (Edition {v}). {project}. {url}"
        chicago = re.compile(rf"{re.escape(team)}\. {year}\. \u201c(?P<title>.+)\.\u2019?\u201d In {re.escape(book)}, Edition {re.escape(v)}\. {re.escape(project)}\. {re.escape(url)}\.")
        if styles["apa"].get_text() != apa:
            problems.append(f"{rel}: APA reads {styles['apa'].get_text()!r}, not {apa!r}")
        if styles["apa"].select_one("i").get_text() != book:
            problems.append(f"{rel}: APA does not set the site's name in italics")
        found = chicago.fullmatch(styles["chicago"].get_text())
        plain = lambda t: re.sub(r"[\u2018\u2019\u201c\u201d\"']", "", t).lower()  # noqa: E731 (Chicago title-cases and curls quotes)
        if not found or plain(found["title"]) != plain(title):
            problems.append(f"{rel}: Chicago reads {styles['chicago'].get_text()!r}")
        text = styles["bibtex"].get_text()
        [entry] = parse_string(text, "bibtex").entries.values()
        if (entry.fields["url"], entry.fields["urldate"], entry.fields["edition"]) != (url, newest.date.isoformat(), v):
            problems.append(f"{rel}: BibTeX gives {entry.fields['url']}, {entry.fields['urldate']}, {entry.fields['edition']}")
        if "\n    title = " not in text:
            problems.append(f"{rel}: the BibTeX entry lost its indentation")
    assert problems == [], "\n".join(problems)
