"""Editions side by side: each stays readable at its own address, as it was published.
(The changes pages, checked against both editions' data: test_changes.py.)

Editions are told apart by text each one alone carries, never by text they share."""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from benchmarks.weights import reading_pages
from macros.editions import home
from conftest import parsed, soup
from macros import paths

WORDS = re.compile(r"(?:[A-Za-z]+ ){5,}[A-Za-z]+")  # a run of six plain words or more


def folder_of(edition, editions) -> str:
    """Where an edition is served: the newest at the root (and, a copy, under its version)."""
    return "" if edition is editions.newest else edition.version


def sentences(site, folder: str) -> dict[str, str]:
    """Every sentence of six words or more in the articles of an edition's pages -> its page."""
    found = {}
    for rel in reading_pages(site / folder):
        article = parsed(site / folder / rel).select_one("article")
        text = " ".join(article.get_text(" ").split()) if article else ""
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            if len(sentence.split()) >= 6:
                found.setdefault(sentence, rel)
    return found


def in_published_tree(edition, words: str) -> bool:
    """Whether the edition's own files (its commit; the working tree for the newest) hold the words."""
    tree = [edition.commit] if edition.commit else []
    result = subprocess.run(["git", "grep", "-q", "-F", words, *tree, "--", "docs", "macros"], cwd=paths.ROOT, capture_output=True)
    return result.returncode == 0


@pytest.fixture(scope="module")
def texts(site, editions) -> dict[str, dict[str, str]]:
    return {e.version: sentences(site, folder_of(e, editions)) for e in editions.items}


@pytest.mark.parametrize("at", range(len(yaml.safe_load((paths.DATA / paths.EDITIONS_FILE).read_text(encoding="utf-8")))))
def test_each_edition_is_served_with_text_it_alone_carries_from_its_own_files(texts, editions, at):
    """Some sentence of the edition's pages is on no other edition's pages, and it comes from
    the edition's own files: its folder is that edition, not a copy of another."""
    edition = editions.items[at]
    others = set().union(*(t for v, t in texts.items() if v != edition.version))
    alone = [s for s in texts[edition.version] if s not in others]
    assert alone, f"edition {edition.version}'s pages carry no sentence the other editions' pages lack"
    runs = [run.strip() for sentence in alone for run in WORDS.findall(sentence)]
    assert any(in_published_tree(edition, run) for run in runs), (
        f"none of edition {edition.version}'s own sentences comes from its files: {alone[:3]}"
    )


def test_every_page_of_an_older_edition_says_so_and_links_the_same_page_in_the_newest(site, editions):
    problems, seen = [], 0
    for edition in editions.items[1:]:
        for rel in reading_pages(site / edition.version):
            seen += 1
            page = parsed(site / edition.version / rel)
            notice = page.select_one(".edition-notice")
            if notice is None or edition.version not in notice.get_text() or editions.newest.version not in notice.get_text():
                problems.append(f"{edition.version}/{rel}: no notice naming edition {edition.version} and the newest, {editions.newest.version}")
                continue
            link = notice.select_one("a")["href"]
            target = urljoin(f"/{edition.version}/{rel}", link).lstrip("/")
            if target.removesuffix("index.html") != rel.removesuffix("index.html"):
                problems.append(f"{edition.version}/{rel}: the notice links {target}, not the same page in the newest edition")
    assert problems == [], "\n".join(problems)
    assert seen >= len(editions.items) - 1


def test_the_newest_edition_is_at_the_root_and_at_its_own_address(site, editions, content_pages):
    newest = editions.newest.version
    for rel in content_pages:
        for folder in (site, site / newest):
            footer = parsed(folder / rel).select_one(".md-copyright .edition")
            assert footer is not None and f"Edition {newest}" in footer.get_text(), f"{folder.name}/{rel}"
        assert not parsed(site / newest / rel).select_one(".edition-notice"), rel
        # The root copy is the edition's own page with the edition switch drawn in (macros/editions/home.py).
        own = (site / newest / rel).read_text(encoding="utf-8")
        expected = home.with_switch(own, Path(rel), site, editions) if home.MIKE in own else own
        assert (site / rel).read_text(encoding="utf-8") == expected, f"{rel} at the root is not {newest}/{rel}"


def test_the_edition_switch_lists_every_edition_newest_first(site):
    """versions.json against editions.yml as written, and each listed folder serves that edition."""
    written = yaml.safe_load((paths.DATA / paths.EDITIONS_FILE).read_text(encoding="utf-8"))
    listed = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    assert [row["version"] for row in listed] == [str(e["version"]) for e in written]
    assert [row["aliases"] for row in listed] == [["latest"]] + [[] for _ in written[1:]]
    for row, entry in zip(listed, written):
        assert row["version"] in row["title"] and str(entry["date"]) in row["title"], row
        footer = parsed(site / row["version"] / "index.html").select_one(".md-copyright .edition")
        assert f"Edition {row['version']}" in footer.get_text(), f"{row['version']}/ serves another edition"


def test_every_fact_in_a_fact_box_has_an_address_and_a_ready_citation(soups, config, editions):
    rows = 0
    for rel, page in soups.items():
        for row in page.select("figure.fact-box tbody tr"):
            rows += 1
            cite = row.select_one("details.cite-figure")
            assert cite is not None, rel
            address = cite.select_one("a")["href"]
            assert address.startswith(f"{config['site_url']}{editions.newest.version}/") and "#fact-" in address, rel
            assert row.get("id") is None or address.endswith("#" + row["id"]), rel
    assert rows, "no fact box row on any page"


def test_every_edition_offers_its_offline_bundle_named_for_it(built, site, editions):
    downloads = parsed(site / "downloads" / "index.html")
    for edition in editions.items:
        name = paths.bundle_file(edition.version)
        assert (built["bundles"] / name).is_file() and (site / paths.bundle_download(edition.version)).is_file()
        assert downloads.select_one(f"a[href$='{name}']"), name
        with zipfile.ZipFile(built["bundles"] / name) as bundle:
            home = bundle.read(f"{name.removesuffix('.zip')}/index.html").decode()
        assert f"Edition {edition.version}" in soup(home).select_one(".md-copyright .edition").get_text()


def test_the_edition_switch_moves_to_the_same_page_in_another_edition(browser, base_url, editions, chapters):
    from playwright.sync_api import expect

    from browser import visit

    older = editions.items[1].version
    chapter = chapters[0].removesuffix("index.html")
    with visit(browser, (base_url,)) as v:
        v.page.goto(base_url + chapter, wait_until="load")
        expect(v.page.locator(".md-version__current")).to_contain_text(editions.newest.version)
        v.page.locator(".md-version").hover()
        v.page.locator(f".md-version__link[href*='/{older}/']").click()
        v.page.wait_for_url(f"**/{older}/{chapter}")
        expect(v.page.locator(".edition-notice")).to_be_visible()
        assert v.problems("edition switch") == []
