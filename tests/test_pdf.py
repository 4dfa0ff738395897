"""The edition's PDFs (macros/print/), read back with pypdf: every chapter in the outline, every
chapter's sources, a known figure with its citation number, internal links that land, the
edition and its address, embedded fonts, tags; and where readers find them."""
from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from macros import paths
from macros.editions.address import edition_root
from macros.pages.chapter import chapter_slug
from macros.pages.context import edition_address
from macros.pages.syllabus import chapter_sources
from macros.print import assemble as assembly
from macros.print.build import BACK_MATTER
from macros.print.pages import Site


@pytest.fixture(scope="session")
def newest(editions):
    return editions.newest


@pytest.fixture(scope="session")
def chapters(config) -> list[str]:
    return chapter_sources(config["nav"])


@lru_cache(maxsize=16)
def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(path))


@lru_cache(maxsize=16)
def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(path).pages)


def squeeze(text: str) -> str:
    """Text without whitespace or soft hyphens: lines break anywhere in a PDF."""
    return re.sub(r"[\s\u00ad]+", "", text)


def outline(r: pypdf.PdfReader) -> list[tuple[int, str]]:
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(r.outline, 1)
    return out


def built_page(site: Path, src: str) -> BeautifulSoup:
    return BeautifulSoup((site / src.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "lxml")


def title_of(site: Path, src: str) -> str:
    return built_page(site, src).select_one("article h1").get_text().replace("¶", "").strip()


def pack(site, newest) -> Path:
    return site / paths.course_pack_pdf(newest.version)


def test_the_course_pack_and_every_chapter_pdf_exist_for_the_newest_edition(site, newest, chapters):
    for src in chapters:
        path = site / paths.chapter_pdf(newest.version, chapter_slug(src))
        assert path.is_file() and path.read_bytes()[:5] == b"%PDF-", path
        assert (site / newest.version / paths.chapter_pdf(newest.version, chapter_slug(src))).is_file(), "the edition's own folder carries them too"
    assert pack(site, newest).is_file()


def test_the_outline_has_every_chapter_in_order_then_timeline_glossary_bibliography(site, newest, chapters):
    top = [label for level, label in outline(reader(pack(site, newest))) if level == 1]
    expected = [title_of(site, src) for src in chapters + list(BACK_MATTER)]
    assert [t for t in top if t in expected] == expected
    assert top[0] == "Contents"
    levels = outline(reader(pack(site, newest)))
    assert ("Sources" in [label for level, label in levels if level == 2]), "sections are bookmarked under their chapter"


def test_the_contents_give_page_numbers(site, newest, chapters):
    contents = reader(pack(site, newest)).pages[1].extract_text()
    for src in chapters:
        assert re.search(re.escape(title_of(site, src)[:20]) + r".*?\.{3,}\s*\d+", contents, re.S), f"{src} has a page number in the contents"


def test_every_chapter_pdf_lists_every_source_of_its_chapter_with_its_address(site, newest, chapters):
    for src in chapters:
        text = squeeze(text_of(site / paths.chapter_pdf(newest.version, chapter_slug(src))))
        for item in built_page(site, src).select("ol.page-sources > li"):
            title = item.select_one("a").get_text()
            assert squeeze(title) in text, f"{src}: source {title!r} missing from its PDF"
            assert squeeze(item["data-url"]) in text, f"{src}: the address of {title!r} is not written out"


def test_a_known_figure_carries_its_citation_number_and_links_to_its_source(site, newest):
    page = built_page(site, "chapters/turkey.md")
    row = page.select_one("figure.factbox tr[id^=fact-]")
    display = row.select_one(".factbox-figure").get_text().strip()
    marker = row.select_one("a.cite-link")
    number, target = marker.get_text().strip(), marker["href"].lstrip("#")
    r = reader(pack(site, newest))
    dests = r.named_destinations
    assert f"chapters-turkey--{row['id']}" in dests and f"chapters-turkey--{target}" in dests
    at = r.get_destination_page_number(dests[f"chapters-turkey--{row['id']}"])
    text = r.pages[at].extract_text() + (r.pages[at + 1].extract_text() if at + 1 < len(r.pages) else "")
    assert squeeze(display) in squeeze(text) and number in text, f"{display} {number} on page {at + 1}"
    assert f"chapters-turkey--{target}" in internal_links(r)


def internal_links(r: pypdf.PdfReader) -> list[str]:
    found = []
    for page in r.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action = a.get("/A")
            dest = a.get("/Dest") or (action.get("/D") if action and action.get("/S") == "/GoTo" else None)
            if dest is not None:
                found.append(str(dest))
    return found


def external_links(r: pypdf.PdfReader) -> list[str]:
    found = []
    for page in r.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and action.get("/S") == "/URI":
                found.append(str(action["/URI"]))
    return found


def test_every_internal_link_lands_and_every_other_link_is_a_full_address(site, newest):
    r = reader(pack(site, newest))
    links, dests = internal_links(r), set(r.named_destinations)
    assert len(links) > 500
    assert [d for d in links if d not in dests] == []
    assert [u for u in external_links(r) if not u.startswith(("https://", "http://"))] == []


def test_the_pdf_names_its_edition_and_address(site, newest, config):
    address = edition_root(config["site_url"], newest.version)
    r = reader(pack(site, newest))
    assert r.metadata["/edition"] == newest.version and r.metadata["/address"] == address
    assert newest.version in r.metadata.title
    assert squeeze(address) in squeeze(r.pages[0].extract_text()), "the title page"
    turkey = reader(site / paths.chapter_pdf(newest.version, "turkey"))
    footer = squeeze(edition_address(config["site_url"], newest.version, "chapters/turkey.md"))
    for page in turkey.pages:
        text = squeeze(page.extract_text())
        assert squeeze(newest.label) in text and footer in text, "every page's footer"


def fonts(r: pypdf.PdfReader):
    for page in r.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for f in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                if "/FontDescriptor" in f:
                    yield f["/BaseFont"], f["/FontDescriptor"].get_object()


def test_fonts_are_embedded_and_the_pdf_is_tagged(site, newest):
    r = reader(pack(site, newest))
    found = list(fonts(r))
    assert found
    assert [name for name, d in found if not ({"/FontFile", "/FontFile2", "/FontFile3"} & set(d))] == []
    assert "/StructTreeRoot" in r.trailer["/Root"], "tagged for screen readers"


def test_the_course_pack_starts_with_a_title_page_naming_the_edition_and_date(site, newest):
    first = reader(pack(site, newest)).pages[0].extract_text()
    assert "Course pack" in first and newest.label in first


def test_every_chapter_and_the_downloads_page_link_the_pdfs(site, newest, chapters):
    downloads = BeautifulSoup((site / "downloads" / "index.html").read_text(encoding="utf-8"), "lxml")
    listed = {Path(a["href"]).name for a in downloads.select(".pdf-downloads a")}
    assert listed == {Path(paths.chapter_pdf(newest.version, chapter_slug(s))).name for s in chapters} | {Path(paths.course_pack_pdf(newest.version)).name}
    for src in chapters:
        link = built_page(site, src).select_one("a.pdf-link")
        assert (site / src.removesuffix(".md") / link["href"]).resolve().is_file(), f"{src}: its PDF link"


def test_the_offline_bundle_carries_its_editions_pdfs(built, newest, chapters):
    with zipfile.ZipFile(built["zip"]) as bundle:
        names = {Path(n).name for n in bundle.namelist()}
    assert Path(paths.course_pack_pdf(newest.version)).name in names
    assert {Path(paths.chapter_pdf(newest.version, chapter_slug(s))).name for s in chapters} <= names


# ---- the print document, on made-up pages ----------------------------------------------------


def made_up_site(tmp_path: Path) -> tuple[Site, list]:
    docs = tmp_path / "docs"
    (docs / "chapters").mkdir(parents=True)
    for name in ("a", "b"):
        (docs / "chapters" / f"{name}.md").write_text(f"# {name}\n")
    (docs / "glossary.md").write_text("# Glossary\n")
    site_dir = tmp_path / "site"
    body = {
        "a": '<h1 id="a-title">A</h1><p id="x">See <a href="#x">here</a>, <a href="../b/#y">B</a>, <a href="../../glossary/#t">a term</a> '
             '<a href="../../data/facts.json">data</a> and <a href="https://example.org/">a source</a>.</p>'
             '<img src="../../maps/m.svg#map"><details class="self-check"><summary>Q</summary><div class="print-answer">42</div></details>'
             '<ol class="page-sources"><li id="ref-s" data-url="https://example.org/s">S</li></ol>'
             '<script>bad()</script><iframe src="x"></iframe>',
        "b": '<h1>B</h1><h2 id="y">Y</h2>',
    }
    for name, html in body.items():
        out = site_dir / "chapters" / name / "index.html"
        out.parent.mkdir(parents=True)
        out.write_text(f'<html><body><article class="md-content__inner md-typeset">{html}</article></body></html>')
    site = Site(site_dir, True, docs=docs)
    return site, [site.page("chapters/a.md"), site.page("chapters/b.md")]


META = {"site_url": "https://host.example/ngg/", "version": "9.9", "site_name": "S", "authors": ["T"], "publisher": "P", "copyright": "",
        "description": "", "date": "2030-01-01", "edition_label": "Edition 9.9 (2030-01-01)", "address": "https://host.example/ngg/9.9/",
        "generator": "g", "title": "t"}


def test_links_stay_inside_the_document_or_become_permanent_addresses(tmp_path):
    site, pages = made_up_site(tmp_path)
    doc = BeautifulSoup(assembly.assemble(site, pages, "pack", META).html, "lxml")
    hrefs = [a["href"] for a in doc.select("section.pdf-page a[href]")]
    assert "#chapters-a--x" in hrefs and "#chapters-b--y" in hrefs
    assert "https://host.example/ngg/9.9/glossary/#t" in hrefs and "https://host.example/ngg/9.9/data/facts.json" in hrefs
    assert "https://example.org/" in hrefs and "https://example.org/s" in hrefs, "a source's address is written out as a link"
    assert doc.select_one("#chapters-a--x") and doc.select_one("#chapters-b--y")
    assert doc.select_one("img")["src"] == "maps/m.svg#map"
    assert not doc.select("script, iframe")


def test_a_chapter_alone_links_to_the_other_chapters_by_their_address(tmp_path):
    site, pages = made_up_site(tmp_path)
    doc = BeautifulSoup(assembly.assemble(site, pages[:1], "chapter", META).html, "lxml")
    assert "https://host.example/ngg/9.9/chapters/b/#y" in [a["href"] for a in doc.select("a[href]")]


def test_answers_are_gathered_at_the_end_of_the_document(tmp_path):
    site, pages = made_up_site(tmp_path)
    doc = BeautifulSoup(assembly.assemble(site, pages, "pack", META).html, "lxml")
    assert not doc.select("section.pdf-page .print-answer")
    answers = doc.select_one("section#answers")
    assert answers.select_one(".print-answer").get_text() == "42"
    assert answers.select_one("h2 a")["href"] == "#chapters-a"
