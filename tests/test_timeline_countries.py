"""The timeline filters by country as well as by power: every event names the countries it
involves (ISO 3166-1 alpha-3, checked against the country list), none is left with only the
"central-asia" tag and no state, and in a browser each of the five states filters the list."""
from __future__ import annotations

import pycountry
import pytest
from playwright.sync_api import expect

from learning_helpers import COUNTRIES, by_id, data, edit, page, problems

EVENTS = "events.yml"


def test_every_event_names_real_countries_and_the_region_names_its_states():
    for event in data(EVENTS):
        codes = event.get("countries") or []
        assert codes, f"{event['id']} names no country"
        assert all(pycountry.countries.get(alpha_3=c) for c in codes), event["id"]
        if "central-asia" in event["actors"]:
            assert set(codes) & set(COUNTRIES), f"{event['id']} is tagged central-asia but names none of the five states"


def test_each_event_carries_its_countries_and_the_filter_offers_the_five(site):
    timeline = page(site, "timeline/")
    written = {e["id"]: e for e in data(EVENTS)}
    for li in timeline.select("li.timeline-event"):
        event = written[li["id"].removeprefix("event-")]
        assert li["data-countries"].split() == event["countries"], event["id"]
    options = [o["value"] for o in timeline.select("select[name=country] option")]
    assert options == [""] + list(COUNTRIES), "'any country', then the five states"
    assert timeline.select_one("select[name=country]").find_parent("label"), "the choice is labelled"


@pytest.mark.parametrize("code", list(COUNTRIES))
def test_the_timeline_filters_by_each_of_the_five(browser, base_url, code):
    events = data(EVENTS)
    total, expected = len(events), sum(1 for e in events if code in e["countries"])
    assert 0 < expected < total
    tab = browser.new_page()
    try:
        tab.goto(base_url + "timeline/")
        expect(tab.locator("[data-timeline]")).to_have_attribute("data-ready", "yes")
        tab.select_option("select[name=country]", code)
        expect(tab.locator("li.timeline-event:visible")).to_have_count(expected)
        expect(tab.locator("[data-timeline-count]")).to_have_text(f"Showing {expected} of {total} events")
        # Both filters at once: a power unticked as well.
        tab.uncheck("input[name=actor][value=central-asia]")
        both = sum(1 for e in events if code in e["countries"] and set(e["actors"]) - {"central-asia"})
        expect(tab.locator("li.timeline-event:visible")).to_have_count(both)
        tab.check("input[name=actor][value=central-asia]")
        tab.select_option("select[name=country]", "")
        expect(tab.locator("li.timeline-event:visible")).to_have_count(total)
    finally:
        tab.close()


def test_a_country_page_links_to_the_timeline_already_filtered(browser, base_url):
    events = data(EVENTS)
    tab = browser.new_page()
    try:
        tab.goto(base_url + "timeline/?country=KGZ")
        expect(tab.locator("select[name=country]")).to_have_value("KGZ")
        expect(tab.locator("li.timeline-event:visible")).to_have_count(sum(1 for e in events if "KGZ" in e["countries"]))
    finally:
        tab.close()


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda e: e.pop("countries"), "countries", "missing: add countries:"),
        (lambda e: e.update(countries=[]), "countries", "lists 0 item(s): give at least 1"),
        (lambda e: e.update(countries=["XYZ"]), "countries.0", "unknown country code 'XYZ'"),
        (lambda e: e.update(actors=["central-asia"], countries=["RUS"]), "countries", "the actor central-asia needs the states it involves"),
    ],
    ids=["no countries", "empty", "not a country", "central-asia without a state"],
)
def test_an_event_without_its_countries_stops_the_build(data_dir, change, field, words):
    event = "collective-security-treaty"
    edit(data_dir, EVENTS, lambda records: change(by_id(records, event)))
    found = [p for p in problems(data_dir) if f"entry '{event}'" in p]
    assert any(f"field '{field}'" in p and words in p for p in found), found
