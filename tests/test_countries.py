"""A page for each of the five states, generated: the same counts of population and output for
all five (one counter each), its groupings from the map layers, its map, its events, the facts
that name it, and every chapter section that names it, found here from the built chapters."""
from __future__ import annotations

import copy
import re
from urllib.parse import urljoin

import pytest

from learning_helpers import CHAPTERS, COUNTRIES, article, chapter_anchors, data, edit, page, problems

NOT_TEXT = "sup.cite, .term-tip, figure.map-figure, .headerlink"  # tips and map tables are not the chapter's words


def url(code: str) -> str:
    return f"countries/{COUNTRIES[code][0]}/"


def sections_naming(site, code: str) -> set[str]:
    """Every chapter section (its own headings) whose text names the state: chapters/x/#anchor."""
    words = re.compile(COUNTRIES[code][1])
    found = set()
    for name in CHAPTERS:
        art = copy.copy(article(site, f"chapters/{name}/"))
        for node in art.select(NOT_TEXT):
            node.decompose()
        anchors = chapter_anchors(name)
        headings = [h for h in art.find_all(["h2", "h3"]) if h.get("id") in anchors]
        for heading in headings:
            text = [anchors[heading["id"]]]
            for sibling in heading.next_siblings:
                if getattr(sibling, "name", None) in ("h2", "h3"):
                    break
                text.append(sibling.get_text(" ") if hasattr(sibling, "get_text") else str(sibling))
            if words.search(" ".join(text)):
                found.add(f"chapters/{name}/#{heading['id']}")
    return found


@pytest.mark.parametrize("code", list(COUNTRIES))
def test_each_country_page_lists_the_chapter_sections_that_name_it(site, code):
    listed = set()
    for a in article(site, url(code)).select("ul.country-sections a[href*='#']"):
        listed.add(urljoin(url(code), a["href"]).lstrip("/"))
    wanted = sections_naming(site, code)
    assert len(wanted) >= 5, f"{code}: the chapters name it in only {len(wanted)} sections?"
    assert listed == wanted, f"{code}: missing {sorted(wanted - listed)[:5]}, extra {sorted(listed - wanted)[:5]}"


@pytest.mark.parametrize("code", list(COUNTRIES))
def test_each_country_page_has_its_numbers_map_groupings_and_events(site, library, code):
    art = article(site, url(code))
    assert art.select_one("figure.map-figure"), "a map"
    record = next(c for c in library.countries.values() if c.code == code)
    shown = art.select_one(f"figure#factbox-{record.id}-numbers").get_text(" ")
    for fact_id in (record.population, record.output):
        fact = library.facts[fact_id]
        assert fact.display in shown and fact.counted_by in shown, fact_id
    groupings = {tr.select("td")[0].get_text(strip=True) for tr in art.select("figure[id^='memberships-'] tbody tr")}
    expected = {layer.title for layer in library.layers.values() for m in layer.countries if m.country == code}
    assert groupings == expected
    events = [li.select_one("a")["href"].split("#event-")[1] for li in art.select("ol.country-events > li")]
    assert events and set(events) == {e["id"] for e in data("events.yml") if code in e["countries"]}
    assert art.select_one(f"a[href$='timeline/?country={code}']"), "a link to the timeline filtered to it"


def test_population_and_output_are_one_count_for_all_five(library):
    countries = list(library.countries.values())
    assert sorted(c.code for c in countries) == sorted(COUNTRIES)
    for field in ("population", "output"):
        counts = {(library.facts[getattr(c, field)].counted_by, library.facts[getattr(c, field)].as_of[:4]) for c in countries}
        assert len(counts) == 1, f"{field}: {counts}"


def test_every_figure_named_on_a_country_page_is_cited_and_found_in_the_chapters(site, library):
    art = article(site, url("KGZ"))
    rows = art.select("figure[id^='figures-'] tbody tr")
    assert len(rows) >= 20
    for tr in rows:
        assert tr.select("sup.cite"), tr.get_text(" ", strip=True)[:60]
        link = tr.select_one("a[href*='#fact-']")
        if link:
            target = urljoin(url("KGZ"), link["href"])
            chapter, anchor = target.split("#")
            assert page(site, chapter).find(id=anchor), target


def test_a_second_count_for_one_country_stops_the_build(data_dir):
    def change(records):
        next(r for r in records if r["code"] == "KGZ")["population"] = "kg-remittances-gdp-2024"

    edit(data_dir, "countries.yml", change)
    assert any("one count for all five: the population facts must share counted_by and year" in p for p in problems(data_dir))
