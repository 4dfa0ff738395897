"""Checks of built HTML that define this product: every figure cites its source.

`audit_page()` returns a list of problems for one page; tests run it over the real
build and over crafted HTML to prove it can fail. Run `python -m macros.output.audit site/`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..data.figures import figure_in
from ..data.seeds import normalise

# Blocks that must cite when they hold a figure.
BLOCKS = "p, li, tr, figcaption, dd, dt, blockquote"
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


def audit_page(html: str, page: str, bibliography: set[str], seeds: dict[str, str], names: list[str]) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    art = article(soup)
    if art is None:
        return [f"{page}: no <article> content found"]
    return (
        uncited_figures(art, page, names)
        + figures_without_source_line(art, page)
        + dangling_citations(art, page, bibliography)
        + misquoted_seeds(art, page, seeds)
        + copied_from_seeds(art, page, seeds)
        + (unsourced_paragraphs(art, page) if page.startswith(CHAPTERS) else [])
    )


def bibliography_ids(html: str) -> set[str]:
    return {entry["id"] for entry in BeautifulSoup(html, "lxml").select(".bibliography .bib-entry[id]")}


def main(site: Path) -> int:
    from ..editions.catalogue import load_editions
    from ..data.loading import load_library

    library = load_library()
    names = library.designations()
    page = site / "bibliography.html" if (site / "bibliography.html").exists() else site / "bibliography" / "index.html"
    bib = bibliography_ids(page.read_text(encoding="utf-8"))
    problems = []
    editions = {e.version for e in load_editions().items}  # each edition's folder stays as published
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if path.relative_to(site).parts[0] in FRAME_DIRS | editions or REDIRECT in html:
            continue
        problems += audit_page(html, str(path.relative_to(site)), bib, library.seed_texts, names)
    print("\n".join(problems) or "every figure cites its source")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
