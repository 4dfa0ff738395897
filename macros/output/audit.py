"""Checks of built HTML that define this product: every figure cites its source.

`audit_page()` returns a list of problems for one page; tests run it over the real
build and over crafted HTML to prove it can fail. Run `python -m macros.output.audit site/ [UNZIPPED_BUNDLE/]`.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..data.figures import NUMBER, figure_in, without_names
from ..data.seeds import normalise

# Blocks that must cite when they hold a figure: text, rows, captions of figures and tables,
# the summary line of a <details>.
BLOCKS = "p, li, tr, figcaption, caption, summary, dd, dt, blockquote"
BLOCK_NAMES = [name.strip() for name in BLOCKS.split(",")]
# Headings carry no marker: a figure in one is cited by the section under it (heading_figures).
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# A figure as a reader reads it in a heading: a whole number (2021, 8.5, 1,000) or a word.
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# An edition of this site named in a heading ("Changes in edition 2.1") is a label, not a figure.
EDITION_LABEL = re.compile(r"\bedition\s+\d+\.\d+\b", re.IGNORECASE)
# Figures that must carry a source line.
FIGURES = "table, iframe, figure"
# Where figures are not claims: reference lists (they are the citations), page furniture, lists of
# section headings (the audit reads the prose under them), the site's own teaching plans and edition labels.
EXEMPT_CLASSES = frozenset({"references", "page-meta", "section-links", "own-plan", "edition-meta"})
SEED_COPY_WORDS = 12
SOURCED_WORDS = 25
CHAPTERS = "chapters/"  # pages held to the paragraph rule
# Documents shown only inside a page's figure (the map iframes, macros/maps/): the page that
# embeds one is audited, figure, table and source line included.
FRAME_DIRS = frozenset({"maps"})
REDIRECT = 'http-equiv="refresh"'  # redirect stubs for old addresses hold no content
NOT_FOUND = "404.html"  # MkDocs' page for a missing address


def article(soup: BeautifulSoup) -> Tag | None:
    return soup.select_one("article.md-content__inner") or soup.select_one("article")


def markers(block: Tag) -> list[str]:
    """The source anchors ('ref-…') that citation markers inside a block point to."""
    return [a["href"][1:] for a in block.select("sup.cite a.cite-link[href^='#ref-']")]


def own_text(block: Tag) -> str:
    """A block's own text, without citation markers and page furniture."""
    clone = BeautifulSoup(str(block), "lxml")
    for node in clone.select("sup.cite, .term-tip, .headerlink, .page-meta, .references"):
        node.decompose()
    return clone.get_text(" ")


def in_exempt(node: Tag) -> bool:
    return any(EXEMPT_CLASSES & set(n.get("class") or []) for n in (node, *node.parents))


def uncited_figures(art: Tag, page: str, names: list[str]) -> list[str]:
    problems = []
    for block in art.select(BLOCKS):
        if in_exempt(block):
            continue
        text = own_text(block)
        figure = figure_in(text, names)
        if figure and not markers(block):
            snippet = " ".join(text.split())[:90]
            problems.append(f"{page}: <{block.name}> has a figure ({figure!r}) but no citation: {snippet!r}")
    return problems


def in_brief(node: Tag) -> bool:
    """The chapter summary box: it holds no figure (checked above) and sums up the cited text below."""
    return node.find_parent(class_="abstract") is not None


def unsourced_paragraphs(art: Tag, page: str, words: int = SOURCED_WORDS) -> list[str]:
    """In a chapter, a paragraph of `words` words or more that reports something cites its source;
    a teaching paragraph that only frames or asks says so with the class `frame`."""
    problems = []
    for para in art.select("p"):
        if in_exempt(para) or "frame" in (para.get("class") or []) or para.find_parent(["figure", "details", "blockquote"]) or in_brief(para):
            continue
        text = " ".join(own_text(para).split())
        if len(text.split()) >= words and not markers(para):
            problems.append(f"{page}: a paragraph of {len(text.split())} words cites no source (cite it, or mark a pure teaching frame with {{: .frame }}): {text[:90]!r}")
    return problems


def figures_without_source_line(art: Tag, page: str) -> list[str]:
    problems = []
    for element in art.select(FIGURES):
        figure = element if element.name == "figure" else element.find_parent("figure")
        line = figure.select_one(".source-line") if figure else None
        if line is None or not markers(line):
            label = element.get("id") or element.get("title") or element.name
            problems.append(f"{page}: <{element.name}> {label!r} has no source line with a citation; wrap it in a <figure> with one")
    return problems


def dangling_citations(art: Tag, page: str, bibliography: set[str]) -> list[str]:
    """Every marker must reach this page's source list, and that entry the bibliography."""
    problems = []
    for ref in sorted(set(markers(art))):
        entry = art.find(id=ref)
        target = entry.select_one("a[href*='#']") if entry else None
        source_id = target["href"].split("#", 1)[1] if target else None
        if entry is None:
            problems.append(f"{page}: citation '#{ref}' points to no entry in the page's source list")
        elif source_id not in bibliography:
            problems.append(f"{page}: source list entry '#{ref}' points to '{source_id}', which is not in the bibliography")
    return problems


def misquoted_seeds(art: Tag, page: str, seeds: dict[str, str]) -> list[str]:
    """Every quote shown for a seed must be in that seed, word for word."""
    problems = []
    for entry in art.select(".references li[id^='ref-']"):
        source_id = entry["id"][len("ref-"):]
        for quote in entry.select("q"):
            if source_id in seeds and normalise(quote.get_text()) not in seeds[source_id]:
                problems.append(f"{page}: quote {quote.get_text()!r} is not verbatim in seed '{source_id}'")
    return problems


def copied_from_seeds(art: Tag, page: str, seeds: dict[str, str], words: int = SEED_COPY_WORDS) -> list[str]:
    """Seed sentences may appear only as marked quotes: find unmarked runs of `words` words."""
    clone = BeautifulSoup(str(art), "lxml")
    for node in clone.select("q, blockquote, sup.cite, .term-tip, .references"):
        node.decompose()
    tokens = normalise(clone.get_text(" ")).lower().split()
    seed_runs = {
        " ".join(seed.lower().split()[i : i + words]) for seed in seeds.values() for i in range(len(seed.split()) - words + 1)
    }
    problems = []
    for i in range(len(tokens) - words + 1):
        run = " ".join(tokens[i : i + words])
        if run in seed_runs:
            problems.append(f"{page}: {words} words copied from a seed outside a quotation: {run!r}")
    return problems


def figures_of(text: str, names: list[str]) -> list[str]:
    """Every figure in a text, whole: numbers as written (2021, 8.5) and numbers in words."""
    text = without_names(text, names)
    return DIGITS.findall(text) + [m.group(0) for m in NUMBER.finditer(text) if not m.group(0).isdigit()]


def level(heading: Tag) -> int:
    return int(heading.name[1])


def section_under(art: Tag, heading: Tag) -> list[Tag]:
    """The blocks of the section a heading opens: up to the next heading of its level or above."""
    blocks, inside = [], False
    for el in art.find_all(True):
        if el is heading:
            inside = True
        elif inside and el.name in HEADINGS and level(el) <= level(heading):
            break
        elif inside and el.name in BLOCK_NAMES:
            blocks.append(el)
    return blocks


def heading_figures(art: Tag, page: str, names: list[str]) -> list[str]:
    """A heading may name a figure (a year: "since 2021") only when the section under it cites
    that figure: some cited block of the section holds the same number or word. A heading
    carries no marker of its own, so its figure is cited where the section says it. An edition
    of this site ("Changes in edition 2.1") is a label, not a figure."""
    problems = []
    for heading in art.find_all(HEADINGS):
        if in_exempt(heading) or markers(heading):
            continue
        text = " ".join(own_text(heading).split())
        wanted = figures_of(EDITION_LABEL.sub(" ", text), names)
        if not wanted:
            continue
        cited = [" ".join(own_text(b).split()).lower() for b in section_under(art, heading) if markers(b) and not in_exempt(b)]
        for figure in wanted:
            token = re.compile(rf"(?<![\w.,]){re.escape(figure.lower())}(?![\w]|[.,]\d)")
            if not any(token.search(block) for block in cited):
                problems.append(f"{page}: <{heading.name}> names {figure!r} but no cited block of the section under it does (cite it there, or word the heading without it): {text!r}")
    return problems


def misquoted_in_text(art: Tag, page: str, seeds: dict[str, str]) -> list[str]:
    """A quotation in the text (<q>) cites the source of the first marker after it in its block;
    when that source is a seed, the words must be in the seed, word for word. (Quotes in the
    source list and in markers' tips are checked by misquoted_seeds.)"""
    problems = []
    for quote in art.select("q"):
        if quote.find_parent("sup") or in_exempt(quote):
            continue
        block = quote.find_parent(BLOCK_NAMES) or art
        after = next((a for a in quote.find_all_next("a", class_="cite-link") if block in a.parents and a.get("href", "").startswith("#ref-")), None)
        words = " ".join(quote.get_text(" ").split())
        if after is None:
            problems.append(f"{page}: the quotation {words!r} has no citation marker after it in its <{block.name}>: cite where it comes from")
            continue
        source_id = after["href"][len("#ref-"):]
        if source_id in seeds and normalise(words) not in seeds[source_id]:
            problems.append(f"{page}: the quotation {words!r} in the text is not verbatim in seed '{source_id}', which it cites: copy the words exactly")
    return problems


def audit_page(html: str | BeautifulSoup, page: str, bibliography: set[str], seeds: dict[str, str], names: list[str]) -> list[str]:
    """Every problem of one built page (its HTML, or the page already parsed: it is not changed)."""
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    art = article(soup)
    if art is None:
        return [f"{page}: no <article> content found"]
    return (
        uncited_figures(art, page, names)
        + heading_figures(art, page, names)
        + figures_without_source_line(art, page)
        + dangling_citations(art, page, bibliography)
        + misquoted_seeds(art, page, seeds)
        + misquoted_in_text(art, page, seeds)
        + copied_from_seeds(art, page, seeds)
        + (unsourced_paragraphs(art, page) if page.startswith(CHAPTERS) else [])
    )


def bibliography_ids(html: str) -> set[str]:
    return {entry["id"] for entry in BeautifulSoup(html, "lxml").select(".bibliography .bib-entry[id]")}


def bibliography_page(root: Path) -> Path:
    """The bibliography of a built folder: bibliography/index.html online, bibliography.html offline."""
    flat = root / "bibliography.html"
    return flat if flat.is_file() else root / "bibliography" / "index.html"


def audit_folder(root: Path, library, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every problem of every content page under a built folder (the online site or an unzipped
    offline bundle): map documents, redirect stubs, the 404 page and the folders in `skip` aside."""
    bib = bibliography_ids(bibliography_page(root).read_text(encoding="utf-8"))
    names = library.designations()
    problems = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        html = path.read_text(encoding="utf-8")
        if rel.split("/")[0] in FRAME_DIRS | skip or rel == NOT_FOUND or REDIRECT in html:
            continue
        problems += audit_page(html, rel, bib, library.seed_texts, names)
    return problems


def main(folders: list[Path]) -> int:
    """Audit the online site (each edition's folder stays as published) and any offline bundle."""
    from ..editions.catalogue import load_editions
    from ..data.loading import load_library

    library = load_library()
    editions = frozenset(e.version for e in load_editions().items)
    problems = [p for folder in folders for p in audit_folder(folder, library, editions)]
    print("\n".join(problems) or "every figure cites its source")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main([Path(a) for a in sys.argv[1:]] or [Path("site")]))
