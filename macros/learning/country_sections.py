"""The chapter sections that name a country, found in the chapters as readers get them: once
every page is rendered (`hooks.on_env`), each country page's marker is replaced by the list.
A section names a country when its text (without citation tips, glossary tips or map figures,
whose tables list every member of a grouping) matches `data.countries.mention`."""
from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from .. import paths
from ..data import countries
from ..pages.render import render
from ..pages.syllabus import chapter_sources
from . import chapters

MARKER = "<!-- ngg:country-sections {code} -->"
NOT_TEXT = "sup.cite, .term-tip, figure.map-figure, .headerlink"


def marker(code: str) -> str:
    return MARKER.format(code=code)


def section_texts(html: str, anchors: dict[str, str]) -> list[tuple[str, str, str]]:
    """(anchor, title, text) of each of a chapter's own sections (headings with the anchors the
    chapter's Markdown gives), in page order; a section runs to the next h2 or h3."""
    soup = BeautifulSoup(html, "lxml")
    for node in soup.select(NOT_TEXT):
        node.decompose()
    found = []
    for heading in soup.find_all(["h2", "h3"]):
        if heading.get("id") not in anchors:
            continue
        parts = []
        for sibling in heading.next_siblings:
            if getattr(sibling, "name", None) in ("h2", "h3"):
                break
            parts.append(sibling.get_text(" ") if hasattr(sibling, "get_text") else str(sibling))
        found.append((heading["id"], anchors[heading["id"]], " ".join(parts)))
    return found


def naming(files: Files, nav: list, code: str) -> list[dict]:
    """Each chapter, in the navigation's order, with its sections that name the country."""
    named = countries.mention(code)
    out = []
    for src in chapter_sources(nav):
        file = files.get_file_from_path(src)
        chapter = chapters.chapter(src.removeprefix(paths.CHAPTERS_DIR + "/").removesuffix(".md"))
        if file is None or file.page is None or chapter is None:
            continue
        hits = [(anchor, title) for anchor, title, text in section_texts(file.page.content or "", chapter.sections) if named.search(title + " " + text)]
        if hits:
            out.append({"file": file, "title": file.page.title, "sections": hits})
    return out


def fill(files: Files, nav: list) -> None:
    """Replace each country page's marker with the chapter sections that name its country."""
    for country in {c for c, _ in countries.central_asia()}:
        file = files.get_file_from_path(paths.country_page(countries.slug(country)))
        page = file.page if file else None
        if page is None or marker(country) not in (page.content or ""):
            continue
        chapters_naming = [
            {"title": c["title"], "href": get_relative_url(c["file"].url, page.url), "sections": c["sections"]}
            for c in naming(files, nav, country)
        ]
        page.content = page.content.replace(marker(country), render("country_sections.html", chapters=chapters_naming, name=countries.name(country)))
