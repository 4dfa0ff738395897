"""Editions side by side: each stays readable at its own address, and every change is shown."""
from __future__ import annotations

import json
import zipfile

import pytest
import yaml

from conftest import soup
from macros import paths
from macros.editions.changes import figure
from macros.editions.catalogue import file_at


@pytest.fixture(scope="session")
def older(editions):
    return editions.items[1]


def test_an_older_edition_is_served_as_it_was_published(site, older):
    page = soup((site / older.version / "chapters" / "turkey" / "index.html").read_text(encoding="utf-8"))
    assert f"Edition {older.version}" in page.select_one(".md-copyright .edition").get_text()
    chapter = file_at(older, "docs/chapters/turkey.md")
    heading = next(line for line in chapter.splitlines() if line.startswith("## "))
    assert heading[3:].split(" {#")[0] in page.select_one("article").get_text(), "the older text, not the newest"


def test_a_page_of_an_older_edition_links_to_the_same_page_in_the_newest(site, older, editions):
    page = soup((site / older.version / "chapters" / "russia" / "index.html").read_text(encoding="utf-8"))
    notice = page.select_one(".edition-notice")
    assert notice is not None and older.version in notice.get_text() and editions.newest.version in notice.get_text()
    link = notice.select_one("a")["href"]
    assert (site / older.version / "chapters" / "russia" / link / "index.html").resolve() == (site / "chapters" / "russia" / "index.html").resolve()


def test_the_newest_edition_is_at_the_root_and_at_its_own_address(site, editions):
    newest = editions.newest.version
    for folder in (site, site / newest):
        footer = soup((folder / "chapters" / "china" / "index.html").read_text(encoding="utf-8")).select_one(".md-copyright .edition")
        assert f"Edition {newest}" in footer.get_text()
    assert not (site / newest / "index.html").read_text(encoding="utf-8").count("edition-notice")


def test_the_edition_switch_lists_every_edition_newest_first(site, editions):
    listed = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    assert [row["version"] for row in listed] == [e.version for e in editions.items]
    assert listed[0]["aliases"] == ["latest"] and all(row["title"] for row in listed)


def test_the_changes_page_lists_every_fact_whose_figure_differs(content_pages, editions, library):
    old = {f["id"]: f for f in yaml.safe_load(file_at(editions.items[1], "docs/data/facts.yml"))}
    differ = {i for i, f in library.facts.items() if i in old and figure(old[i]) != figure(f.model_dump(mode="json"))}
    page = soup(content_pages[f"editions/{editions.newest.version}/index.html"])
    listed = {row["id"].removeprefix("changed-") for row in page.select("#changes-figures tbody tr")}
    assert differ <= listed
    added = {i for i in library.facts if i not in old}
    assert len(page.select("#changes-added tbody tr")) == len(added)


def test_each_changed_figure_links_to_where_it_stands_in_both_editions(content_pages, editions, config, site):
    page = soup(content_pages[f"editions/{editions.newest.version}/index.html"])
    rows = page.select("#changes-figures tbody tr")
    assert rows
    for row in rows:
        old_link, new_link = (cell.select_one("a")["href"] for cell in row.select("td")[1:])
        assert old_link.startswith(f"{config['site_url']}{editions.items[1].version}/")
        path, anchor = new_link.split("#")
        target = (site / "editions" / editions.newest.version / path / "index.html").resolve()
        assert soup(target.read_text(encoding="utf-8")).find(id=anchor), new_link


def test_every_fact_in_a_fact_box_has_an_address_and_a_ready_citation(content_pages, config, editions):
    for rel, html in content_pages.items():
        for row in soup(html).select("figure.factbox:not(.changes-table) tbody tr"):
            cite = row.select_one("details.cite-figure")
            assert cite is not None, rel
            address = cite.select_one("a")["href"]
            assert address.startswith(f"{config['site_url']}{editions.newest.version}/") and "#fact-" in address, rel
            assert row.get("id") is None or address.endswith("#" + row["id"]), rel


def test_every_edition_offers_its_offline_bundle_named_for_it(built, site, editions):
    downloads = soup((site / "downloads" / "index.html").read_text(encoding="utf-8"))
    for edition in editions.items:
        name = paths.bundle_file(edition.version)
        assert (built["bundles"] / name).is_file() and (site / paths.bundle_download(edition.version)).is_file()
        assert downloads.select_one(f"a[href$='{name}']"), name
        with zipfile.ZipFile(built["bundles"] / name) as bundle:
            home = bundle.read(f"{name.removesuffix('.zip')}/index.html").decode()
        assert f"Edition {edition.version}" in soup(home).select_one(".md-copyright .edition").get_text()


def test_the_edition_switch_moves_to_the_same_page_in_another_edition(browser, base_url, editions):
    from browser import visit

    older = editions.items[1].version
    with visit(browser, (base_url,)) as v:
        v.page.goto(base_url + "chapters/turkey/", wait_until="load")
        assert editions.newest.version in v.page.locator(".md-version__current").inner_text()
        v.page.locator(".md-version").hover()
        v.page.locator(f".md-version__link[href*='/{older}/']").click()
        v.page.wait_for_url(f"**/{older}/chapters/turkey/")
        assert v.page.locator(".edition-notice").is_visible()
        assert v.errors == [] and v.outside == []
