"""The timeline page: every event, oldest first, each cited, filterable by actor without a network.

The oracle is events.yml as written, read here on its own: not the code that orders the page."""
from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from macros import paths

PAGE = "timeline/index.html"


@pytest.fixture(scope="module")
def timeline(soups) -> BeautifulSoup:
    return soups[PAGE]


@pytest.fixture(scope="module")
def written() -> list[dict]:
    """The events as docs/data/events.yml writes them."""
    events = yaml.safe_load((paths.DATA / paths.EVENTS_FILE).read_text(encoding="utf-8"))
    assert events, "events.yml lists no event"
    return events


def oldest_first(events: list[dict]) -> list[str]:
    """By date as written, a bare year before the months of that year and a month before its
    days (2019 < 2019-08 < 2019-08-21); events of the same date by id."""
    def when(event):
        parts = [int(p) for p in str(event["date"]).split("-")]
        return parts + [0] * (3 - len(parts))

    return [e["id"] for e in sorted(events, key=lambda e: (when(e), e["id"]))]


def test_every_event_appears_once_oldest_first(timeline, written):
    shown = [li["id"].removeprefix("event-") for li in timeline.select("li.timeline-event")]
    assert shown == oldest_first(written)
    dates = [t["datetime"] for t in timeline.select("li.timeline-event time.timeline-date")]
    written_date = {e["id"]: str(e["date"]) for e in written}
    assert dates == [written_date[i] for i in shown]


def test_every_event_carries_citation_markers_that_reach_the_source_list(timeline, written):
    listed = {li["id"] for li in timeline.select(".page-sources li[id]")}
    by_id = {e["id"]: e for e in written}
    for li in timeline.select("li.timeline-event"):
        event = by_id[li["id"].removeprefix("event-")]
        refs = [a["href"].removeprefix("#") for a in li.select("sup.cite a.cite-link")]
        assert refs == [f"ref-{c['source']}" for c in event["citations"]], event["id"]
        assert set(refs) <= listed, event["id"]


def test_each_event_is_tagged_with_its_actors(timeline, written):
    by_id = {e["id"]: e for e in written}
    for li in timeline.select("li.timeline-event"):
        event = by_id[li["id"].removeprefix("event-")]
        assert li["data-actors"].split() == event["actors"]
        assert len(li.select(".timeline-tag")) == len(event["actors"])


def test_there_is_a_ticked_filter_for_each_actor_and_it_needs_no_network(timeline, written):
    boxes = timeline.select(".timeline-filter input[type=checkbox][name=actor]")
    values = [b["value"] for b in boxes]
    assert len(values) == len(set(values)), "one box per actor"
    assert {a for e in written for a in e["actors"]} <= set(values), "every actor of an event has its box"
    assert all(b.has_attr("checked") and b.parent.get_text(strip=True) for b in boxes), "ticked and labelled"
    script = timeline.select_one("article script[src$='timeline.js']")
    assert script is not None and not script["src"].startswith(("http:", "https:", "//"))


def test_without_javascript_every_event_shows_and_no_dead_filter(browser, base_url, written):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "timeline/")
        expect(page.locator(".timeline-filter")).to_be_hidden()
        expect(page.locator("li.timeline-event:visible")).to_have_count(len(written))
    finally:
        context.close()


def test_unticking_actors_hides_events_that_involve_none_of_the_ticked_ones(browser, base_url, written):
    """Counts from events.yml. timeline.js marks the timeline ready and writes the count itself,
    so a page whose script never ran fails here (the built HTML says "Showing N of N" too)."""
    page = browser.new_page()
    try:
        page.goto(base_url + "timeline/")
        expect(page.locator("[data-timeline]")).to_have_attribute("data-ready", "yes")
        total = len(written)
        expect(page.locator(".timeline-filter")).to_be_visible()
        actors = sorted({a for e in written for a in e["actors"]})
        off = actors[: len(actors) // 2 + 1]
        for actor in off:
            page.uncheck(f"input[name=actor][value={actor}]")
        expected = sum(1 for e in written if set(e["actors"]) - set(off))
        assert 0 < expected < total or len(actors) < 2, f"unticking {off} should hide some events, not all"
        expect(page.locator("li.timeline-event:visible")).to_have_count(expected)
        expect(page.locator("[data-timeline-count]")).to_have_text(f"Showing {expected} of {total} events")
        for actor in actors:
            page.uncheck(f"input[name=actor][value={actor}]")
        expect(page.locator("[data-timeline-count]")).to_have_text(f"Showing 0 of {total} events")
        page.check(f"input[name=actor][value={off[0]}]")
        expect(page.locator("li.timeline-event:visible")).to_have_count(sum(1 for e in written if off[0] in e["actors"]))
    finally:
        page.close()
