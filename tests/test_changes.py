"""The changes pages, checked in full against an independent reading of both editions.

`macros/editions/changes.py` compares two editions; this file does not use it as its oracle.
It reads each edition on its own: the data files as the edition's commit holds them (git show,
or the working tree for the newest), the chapters' `## Title {#anchor}` headings, and the
bibliography and timeline each edition published (its built folder). Every changed, added and
removed figure, every wording change, event, source and section must be on the page, each
row cited and linked, and nothing else. The comparison itself is unit-tested on hand-made data
at the end.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import Tag

from conftest import parsed
from macros import paths
from macros.data.dates import human_date
from macros.editions.catalogue import Edition, load_editions
from macros.editions.changes import Changes, EditionData, chapter_sections, fact_pages

HEADING = re.compile(r"^## (.+?) \{#([a-z0-9-]+)\}[ \t]*$", re.M)
# A fact a page shows: {{ fact("id") }}, or an id in the list of {{ factbox("Title", [...]) }}.
FACT = r"""\{{\{{\s*fact\(\s*["']{id}["']|\{{\{{\s*factbox\([^\]]*["']{id}["']"""


# ---- an independent reading of one edition -------------------------------------------------------


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout


def text_at(edition: Edition, rel: str) -> str | None:
    if edition.commit is None:
        path = paths.ROOT / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None
    listed = git("ls-tree", "--name-only", edition.commit, rel).split()
    return git("show", f"{edition.commit}:{rel}") if listed else None


def markdown_at(edition: Edition) -> dict[str, str]:
    """docs-relative path -> Markdown, for every page the edition published."""
    if edition.commit is None:
        names = sorted(p.relative_to(paths.DOCS).as_posix() for p in paths.DOCS.rglob("*.md"))
    else:
        names = sorted(n.removeprefix("docs/") for n in git("ls-tree", "-r", "--name-only", edition.commit, "docs").split() if n.endswith(".md"))
    return {name: text_at(edition, f"docs/{name}") or "" for name in names}


@dataclass
class Reading:
    edition: Edition
    folder: str  # where the edition is served in the built site ("" for the newest, at the root)
    facts: dict[str, dict]
    events: dict[str, dict]
    sources: dict[str, tuple[str, str]]  # id -> (title, url), from the bibliography it published
    sections: dict[str, dict[str, str]]  # chapters/x.md -> anchor -> title
    pages: dict[str, str]  # docs-relative path -> Markdown

    def shows(self, fact_id: str) -> set[str]:
        """The pages whose Markdown shows a fact."""
        pattern = re.compile(FACT.format(id=re.escape(fact_id)))
        return {name for name, text in self.pages.items() if pattern.search(text)}


def read(edition: Edition, newest: Edition, site) -> Reading:
    def records(name: str) -> dict[str, dict]:
        return {str(r["id"]): r for r in yaml.safe_load(text_at(edition, f"docs/data/{name}") or "[]") or []}

    folder = "" if edition is newest else edition.version
    bibliography = parsed(site / folder / "bibliography" / "index.html")
    sources = {e["id"]: (e.select_one(".bib-title").get_text(" ", strip=True), e.select_one(".bib-title")["href"]) for e in bibliography.select(".bib-entry[id]")}
    pages = markdown_at(edition)
    sections = {name: {anchor: title for title, anchor in HEADING.findall(text)} for name, text in pages.items() if name.startswith("chapters/")}
    return Reading(edition, folder, records(paths.FACTS_FILE), records(paths.EVENTS_FILE), sources, sections, pages)


def shown(fact: dict) -> tuple[str, str, str]:
    return (str(fact["display"]), str(fact["as_of"]), str(fact["statement"]))


# ---- the pages under test ---------------------------------------------------------------------------------

EDITIONS = load_editions()
COMPARED = [(e, EDITIONS.items[i + 1]) for i, e in enumerate(EDITIONS.items[:-1])]  # (edition, the one before)


@pytest.fixture(scope="module", params=COMPARED, ids=[f"{new.version}-vs-{old.version}" for new, old in COMPARED])
def compared(request, site, soups):
    new, old = request.param
    page = soups[f"editions/{new.version}/index.html"]
    return read(old, EDITIONS.newest, site), read(new, EDITIONS.newest, site), page


def cited_as(reading: Reading, record: dict) -> list[str]:
    """README: on the newest changes page a figure or event cites its sources; on an earlier
    edition's page it cites that edition, whose records and pages are its own (a source it
    cited may be gone from today's bibliography)."""
    if reading.edition is EDITIONS.newest:
        return [c["source"] for c in record["citations"]]
    return [edition_source(reading.edition)]


def rows(page, table_id: str, absent: str) -> list[Tag]:
    """A changes table's rows; with no rows, the table is absent and the page says so."""
    table = page.select_one(f"#{table_id}")
    if table is None:
        assert page.find("p", string=absent), f"no #{table_id} and no {absent!r}"
        return []
    found = table.select("tbody tr")
    assert found, f"#{table_id} is shown empty"
    return found


def edition_link(cell: Tag) -> str | None:
    """The cell's own link (not a citation marker's), if any; at most one."""
    links = [a["href"] for a in cell.find_all("a") if not a.find_parent("sup")]
    assert len(links) <= 1, f"a cell links more than one place: {links}"
    return links[0] if links else None


def marker_sources(cell: Tag) -> list[str]:
    return [a["href"].removeprefix("#ref-") for a in cell.select("sup.cite a.cite-link")]


def edition_source(edition: Edition) -> str:
    """README: an earlier edition is cited as source ngg-edition-X-Y."""
    return "ngg-edition-" + edition.version.replace(".", "-")


def resolves_to_fact(site, config, reading: Reading, href: str, page_rel: str, fact: dict, fact_id: str) -> str | None:
    """What is wrong with a link to where a fact stands in an edition, or None."""
    if href.startswith(config["site_url"]):
        path = href.removeprefix(config["site_url"])
    else:
        path = urljoin("/" + page_rel, href).lstrip("/")
    path, _, anchor = path.partition("#")
    target = site / path / "index.html"
    if not target.is_file():
        return f"{href} is no page of the built site"
    if not target.is_relative_to(site / reading.folder):
        return f"{href} is a page of another edition, not of edition {reading.edition.version}"
    where = str(target.relative_to(site / reading.folder)).removesuffix("/index.html").removesuffix("index.html")
    if (where or "index") + ".md" not in reading.shows(fact_id):
        return f"{href} is not a page where edition {reading.edition.version} shows {fact_id} ({sorted(reading.shows(fact_id))})"
    page = parsed(target)
    holder = page.find(id=anchor) if anchor else page.select_one("article")
    if holder is None or str(fact["display"]) not in holder.get_text(" "):
        return f"{href} does not show {fact['display']!r}"
    return None


def test_changed_figures_are_exactly_those_whose_figure_date_or_wording_differs(compared, site, config):
    old, new, page = compared
    expected = [i for i in new.facts if i in old.facts and shown(old.facts[i]) != shown(new.facts[i])]
    found = rows(page, "changes-figures", "No figure changed.")
    assert [r["id"].removeprefix("changed-") for r in found] == expected
    problems = []
    for row in found:
        fact_id = row["id"].removeprefix("changed-")
        was, now = old.facts[fact_id], new.facts[fact_id]
        what, before, after = row.select("td")
        problems += [] if what.get_text(strip=True) == now["statement"] else [f"{fact_id}: states {what.get_text(strip=True)!r}"]
        old_text = f"{was['display']} ({human_date(str(was['as_of']))})" + (f": {was['statement']}" if was["statement"] != now["statement"] else "")
        if before.get_text("", strip=False).split("[")[0].strip() != old_text:
            problems.append(f"{fact_id}: edition {old.edition.version}'s figure reads {before.get_text().split('[')[0]!r}, not {old_text!r}")
        if was["statement"] != now["statement"] and not before.select_one("em"):
            problems.append(f"{fact_id}: the older wording is not set apart")
        if marker_sources(before) != [edition_source(old.edition)]:
            problems.append(f"{fact_id}: the older figure cites {marker_sources(before)}, not the edition itself")
        new_text = f"{now['display']} ({human_date(str(now['as_of']))})"
        if after.get_text().split("[")[0].strip() != new_text:
            problems.append(f"{fact_id}: the figure reads {after.get_text().split('[')[0]!r}, not {new_text!r}")
        if marker_sources(after) != cited_as(new, now):
            problems.append(f"{fact_id}: cites {marker_sources(after)}, not {cited_as(new, now)}")
        for cell, reading, fact in ((before, old, was), (after, new, now)):
            link = edition_link(cell)
            if reading.shows(fact_id) and link is None:
                problems.append(f"{fact_id}: no link to where edition {reading.edition.version} shows it")
            elif link and (problem := resolves_to_fact(site, config, reading, link, f"editions/{new.edition.version}/index.html", fact, fact_id)):
                problems.append(f"{fact_id}: {problem}")
    assert problems == [], "\n".join(problems)


def test_each_changed_figure_links_to_where_it_stands_in_both_editions(soups, editions, site, config):
    """The newest changes page shows at least one changed figure (edition 2.1 changes figures),
    and each row links, past its citation markers, to the figure in both editions."""
    newest, older = editions.newest, editions.items[1]
    page = soups[f"editions/{newest.version}/index.html"]
    found = page.select("#changes-figures tbody tr")
    assert found, f"no figure changed between {older.version} and {newest.version}: the table is empty"
    for row in found:
        fact_id = row["id"].removeprefix("changed-")
        before, after = row.select("td")[1:]
        old_link, new_link = edition_link(before), edition_link(after)
        assert old_link and old_link.startswith(f"{config['site_url']}{older.version}/"), f"{fact_id}: {old_link}"
        assert new_link and "#fact-" in new_link, f"{fact_id}: {new_link}"
        path, anchor = new_link.split("#")
        target = (site / "editions" / newest.version / path / "index.html").resolve()
        assert parsed(target).find(id=anchor), new_link


def test_added_and_removed_figures_are_listed_cited_and_linked(compared, site, config):
    old, new, page = compared
    added = rows(page, "changes-added", "No figure added.")
    removed = rows(page, "changes-removed", "No figure removed.")
    expected_added = [i for i in new.facts if i not in old.facts]
    expected_removed = [i for i in old.facts if i not in new.facts]
    assert [r.select("td")[0].get_text(strip=True) for r in added] == [new.facts[i]["statement"] for i in expected_added]
    assert [r.select("td")[0].get_text(strip=True) for r in removed] == [old.facts[i]["statement"] for i in expected_removed]
    problems = []
    for row, fact_id in zip(added, expected_added):
        fact = new.facts[fact_id]
        figure, as_of = row.select("td")[1:]
        if figure.get_text().split("[")[0].strip() != str(fact["display"]) or as_of.get_text(strip=True) != human_date(str(fact["as_of"])):
            problems.append(f"added {fact_id}: reads {figure.get_text()!r} as of {as_of.get_text()!r}")
        if marker_sources(figure) != cited_as(new, fact):
            problems.append(f"added {fact_id}: cites {marker_sources(figure)}")
        link = edition_link(figure)
        if new.shows(fact_id) and (link is None or resolves_to_fact(site, config, new, link, f"editions/{new.edition.version}/index.html", fact, fact_id)):
            problems.append(f"added {fact_id}: link {link!r} does not lead to the figure")
    for row, fact_id in zip(removed, expected_removed):
        fact = old.facts[fact_id]
        figure = row.select("td")[1]
        if figure.get_text().split("[")[0].strip() != f"{fact['display']} ({human_date(str(fact['as_of']))})":
            problems.append(f"removed {fact_id}: reads {figure.get_text()!r}")
        if marker_sources(figure) != [edition_source(old.edition)]:
            problems.append(f"removed {fact_id}: cites {marker_sources(figure)}, not the edition before")
        link = edition_link(figure)
        if old.shows(fact_id) and (link is None or resolves_to_fact(site, config, old, link, f"editions/{new.edition.version}/index.html", fact, fact_id)):
            problems.append(f"removed {fact_id}: link {link!r} does not lead to where it stood")
    assert problems == [], "\n".join(problems)


def test_events_added_to_the_timeline_are_listed_with_their_sources(compared, site):
    old, new, page = compared
    # The timelines each edition published agree with its data file (else the reading is wrong).
    for reading in (old, new):
        timeline = parsed(site / reading.folder / "timeline" / "index.html")
        assert {li["id"].removeprefix("event-") for li in timeline.select("li.timeline-event")} == set(reading.events)
    expected = [i for i in new.events if i not in old.events]
    listed = page.select("ul.changes-events li")
    if not expected:
        assert not listed and page.find("p", string="No event added.")
        return
    assert [li.get_text().split("[")[0] for li in listed] == [f"{human_date(str(new.events[i]['date']))}: {new.events[i]['title']}" for i in expected]
    assert [marker_sources(li) for li in listed] == [cited_as(new, new.events[i]) for i in expected]


def test_sources_added_and_removed_are_those_of_the_two_bibliographies(compared):
    old, new, page = compared
    added_list, removed_list = page.select("ul.changes-sources")
    added = [a["href"].split("#")[1] for a in added_list.select("a")]
    assert sorted(added) == sorted(set(new.sources) - set(old.sources))
    assert [a.get_text(" ", strip=True) for a in added_list.select("a")] == [new.sources[i][0] for i in added]
    removed = [a["href"] for a in removed_list.select("a")]
    assert sorted(removed) == sorted(old.sources[i][1] for i in set(old.sources) - set(new.sources))
    for listing, ids in ((added_list, added), (removed_list, removed)):
        if not ids:
            assert [li.get_text(strip=True) for li in listing.select("li")] == ["none"]


def test_sections_added_and_removed_are_those_of_the_two_editions_chapters(compared, site, config):
    old, new, page = compared
    expected = set()
    for chapter in set(old.sections) | set(new.sections):
        was, now = old.sections.get(chapter, {}), new.sections.get(chapter, {})
        expected |= {(chapter, "Added", a, now[a]) for a in now if a not in was}
        expected |= {(chapter, "Removed", a, was[a]) for a in was if a not in now}
    heading = page.find(id="sections-changed")
    listed, problems = set(), []
    for block in heading.find_next_siblings("ul", class_="section-links"):
        chapter = block.find_previous_sibling("p").get_text(strip=True)
        for li in block.select("li"):
            kind = li.get_text().split(":")[0]
            link = li.select_one("a")
            anchor = link["href"].split("#")[1]
            listed.add((chapter, kind, anchor, link.get_text()))
            reading = new if kind == "Added" else old
            base = config["site_url"] + (f"{old.edition.version}/" if kind == "Removed" else "")
            href = link["href"]
            path = href.removeprefix(config["site_url"]) if href.startswith(config["site_url"]) else urljoin(f"/editions/{new.edition.version}/", href).lstrip("/")
            target = site / path.split("#")[0] / "index.html"
            if kind == "Removed" and not href.startswith(base):
                problems.append(f"{chapter} #{anchor}: a removed section links {href}, not the edition before")
            elif not target.is_file() or parsed(target).find(id=anchor) is None:
                problems.append(f"{chapter} #{anchor}: {href} does not lead to the section in edition {reading.edition.version}")
    assert listed == expected
    assert problems == [], "\n".join(problems)
    if not expected:
        assert page.find("p", string="No section was added or removed.")


def test_corrections_are_those_the_edition_records(compared):
    old, new, page = compared
    written = yaml.safe_load((paths.DATA / paths.CORRECTIONS_FILE).read_text(encoding="utf-8")) or []
    expected = [c for c in written if str(c["edition"]) == new.edition.version]
    found = rows(page, "changes-corrections", "No correction of the text is recorded for this edition.")
    assert [r["id"].removeprefix("correction-") for r in found] == [c["id"] for c in expected]
    for row, record in zip(found, expected):
        where, was, now = row.select("td")
        assert was.get_text().split("[")[0].strip() == record["was"] and marker_sources(was) == [edition_source(old.edition)], record["id"]
        assert now.get_text().split("[")[0].strip() == record["now"] and marker_sources(now) == [c["source"] for c in record["citations"]], record["id"]


# ---- the comparison, on hand-made editions --------------------------------------------------------------


def edition(version: str, commit: str | None = "abcdef0") -> Edition:
    return Edition(version=version, date=date(2026, 1, 1), commit=commit, summary="x")


def fact(display: str, as_of: str = "2020", statement: str = "Trade") -> dict:
    return {"display": display, "as_of": as_of, "statement": statement, "citations": [{"source": "s"}]}


def data(version: str, facts=None, sources=None, events=None, sections=None, pages=None) -> EditionData:
    return EditionData(edition(version), facts or {}, sources or {}, events or {}, sections or {}, pages or {})


OLD = data(
    "1.0",
    facts={"same": fact("5"), "figure": fact("US$8 bn"), "date": fact("7", "2019"), "wording": fact("9"), "gone": fact("1")},
    sources={"kept": {}, "dropped": {}},
    events={"e1": {}, "e-gone": {}},
    sections={"docs/chapters/a.md": [("Intro", "intro"), ("Old part", "old")], "docs/chapters/gone.md": [("All", "all")]},
)
NEW = data(
    "2.0",
    facts={"new": fact("3"), "same": fact("5"), "figure": fact("US$9 bn"), "date": fact("7", "2020"), "wording": fact("9", statement="Trade, both ways")},
    sources={"kept": {}, "fresh": {}},
    events={"e1": {}, "e2": {}},
    sections={"docs/chapters/a.md": [("Introduction", "intro"), ("New part", "new")], "docs/chapters/b.md": [("First", "first")]},
)


def test_a_figure_a_date_or_a_wording_that_changes_is_a_changed_figure_in_the_newer_order():
    assert Changes(OLD, NEW).figures_changed() == ["figure", "date", "wording"]


def test_facts_sources_and_events_added_and_removed():
    diff = Changes(OLD, NEW)
    assert (diff.added("facts"), diff.removed("facts")) == (["new"], ["gone"])
    assert (diff.added("sources"), diff.removed("sources")) == (["fresh"], ["dropped"])
    assert (diff.added("events"), diff.removed("events")) == (["e2"], ["e-gone"])


def test_sections_are_compared_by_anchor_so_a_retitled_section_is_no_change():
    assert Changes(OLD, NEW).sections() == [
        {"chapter": "chapters/a.md", "added": [("New part", "new")], "removed": [("Old part", "old")]},
        {"chapter": "chapters/b.md", "added": [("First", "first")], "removed": []},
        {"chapter": "chapters/gone.md", "added": [], "removed": [("All", "all")]},
    ]


def test_identical_editions_differ_in_nothing():
    diff = Changes(OLD, OLD)
    assert diff.figures_changed() == [] and diff.sections() == []
    assert all(diff.added(k) == diff.removed(k) == [] for k in ("facts", "sources", "events"))


def test_where_a_fact_first_shows_and_which_sections_a_chapter_has():
    pages = {
        "docs/chapters/a.md": '## One {#one}\n\nText {{ fact("x") }} and {{ factbox("Box", ["y", "x"]) }}\n## Two {#two}\n',
        "docs/chapters/b.md": '{{ fact( "y" ) }}\n### Deeper {#deeper}\n',
        "docs/index.md": '{{ factbox("Home", ["z"]) }}',
    }
    assert fact_pages(pages) == {"x": "chapters/a.md", "y": "chapters/a.md", "z": "index.md"}
    assert chapter_sections(pages) == {"docs/chapters/a.md": [("One", "one"), ("Two", "two")], "docs/chapters/b.md": []}


def test_the_independent_reading_finds_the_pages_a_fact_shows_on():
    reading = Reading(edition("1.0"), "1.0", {}, {}, {}, {}, {"a.md": '{{ fact("x") }}', "b.md": '{{ factbox("B", ["w", "x"]) }}', "c.md": '{{ fact("xy") }}'})
    assert reading.shows("x") == {"a.md", "b.md"} and reading.shows("w") == {"b.md"} and reading.shows("y") == set()
