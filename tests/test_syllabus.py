"""What an instructor relies on: stable links, the edition, ready citations, the instructors page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import parsed

from macros import paths
from macros.editions.catalogue import file_at, load_editions
from macros.pages.syllabus import chapter_sources

PUBLISHED = Path(__file__).with_name("published_urls.txt")
CHAPTERS = sorted((paths.DOCS / "chapters").glob("*.md"))
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def published(text: str | None = None) -> list[str]:
    text = PUBLISHED.read_text() if text is None else text
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def addresses() -> list[tuple[str, str]]:
    """(folder, url): every published URL at the root, and each edition's own list under its folder."""
    editions = load_editions().items
    return [("", url) for url in published()] + [(e.version, url) for e in editions for url in published(file_at(e, "tests/published_urls.txt"))]


def resolve(site: Path, url: str) -> tuple[Path | None, str]:
    """The built file a published URL lands on, following redirect stubs, and its anchor."""
    path, _, anchor = url.partition("#")
    target = site / path / "index.html" if path.endswith("/") or not path else site / path
    for _ in range(3):
        if not target.is_file():
            return None, anchor
        stub = REFRESH.search(target.read_text(encoding="utf-8"))
        if not stub:
            return target, anchor
        target = (target.parent / stub.group(1).split("#")[0]).resolve()
        target = target / "index.html" if target.is_dir() else target
    return None, anchor


@pytest.mark.parametrize("folder, url", addresses())
def test_every_published_url_and_anchor_still_resolves(site, folder, url):
    target, anchor = resolve(site / folder, url)
    assert target is not None, f"{url} no longer resolves: restore it or add a redirect in mkdocs.yml (redirect_maps)"
    if anchor:
        ids = {el["id"] for el in parsed(target).select("[id]")}
        assert anchor in ids, f"{url}: anchor #{anchor} is gone; keep the explicit {{#{anchor}}} on the heading"


def test_every_published_chapter_section_is_listed(soups, chapters):
    """New chapter sections join the published list, so the list above keeps guarding them."""
    listed = set(published())
    unlisted, sections = [], 0
    for rel in chapters:
        url = rel.removesuffix("index.html")
        headings = soups[rel].select("article h2[id]")
        assert headings, f"{rel}: no section heading with an id"
        sections += len(headings)
        unlisted += [f"{url}#{h['id']}" for h in headings if f"{url}#{h['id']}" not in listed]
    assert unlisted == [], "add these lines to tests/published_urls.txt:\n" + "\n".join(unlisted)
    assert sections >= len(chapters)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_heading_has_an_explicit_stable_anchor(chapter):
    headings = [line for line in chapter.read_text(encoding="utf-8").splitlines() if re.match(r"#{1,4} ", line)]
    loose = [h for h in headings if not re.search(r"\{#[a-z0-9-]+\}\s*$", h)]
    assert loose == [], f"{chapter.name}: give these headings an explicit {{#anchor}} so links survive rewording"


def test_every_page_shows_its_edition(soups, editions):
    version = f"Edition {editions.newest.version}"
    for rel, page in soups.items():
        edition = page.select_one(".md-copyright .edition")
        assert edition is not None and version in edition.get_text(), rel


def test_every_chapter_offers_a_ready_citation_and_head_metadata(soups, config, editions):
    version = editions.newest.version
    for src in chapter_sources(config["nav"]):
        rel = src.removesuffix(".md") + "/index.html"
        soup = soups[rel]
        styles = {el["data-style"]: el.get_text() for el in soup.select(".cite-this-page .citation-text")}
        url = f"{config['site_url']}{version}/{src.removesuffix('.md')}/"
        assert set(styles) == {"apa", "chicago", "bibtex"}, rel
        assert all(url in text and version in text for text in styles.values()), rel
        meta = {m["name"]: m["content"] for m in soup.select("meta[name^=citation_]")}
        assert {"citation_title", "citation_author", "citation_publication_date", "citation_publisher"} <= set(meta), rel
        ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert ld["url"] == url and ld["version"] == version, rel


def test_the_instructors_page_lists_every_chapter_with_objectives_questions_and_times(soups, config):
    soup = soups["instructors/index.html"]
    plans = soup.select(".syllabus-chapter")
    assert len(plans) == len(chapter_sources(config["nav"]))
    for plan in plans:
        assert plan.select_one(".page-meta").get_text().startswith("about ")
        assert plan.find(string="Learning objectives") and plan.find(string="Discussion questions")
    for anchor in ("suggested-unit", "stable-links", "how-to-cite"):
        assert soup.find(id=anchor), anchor

