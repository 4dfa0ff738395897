"""The timeline page: every event, oldest first, each cited, filterable by actor without a network."""
from __future__ import annotations

from typing import get_args

import pytest
from bs4 import BeautifulSoup

from macros.data.records import Actor
from macros.pages.timeline import ordered

PAGE = "timeline/index.html"


@pytest.fixture(scope="module")
def timeline(content_pages) -> BeautifulSoup:
    return BeautifulSoup(content_pages[PAGE], "lxml")


def test_every_event_appears_once_in_date_order(timeline, library):
    shown = [li["id"].removeprefix("event-") for li in timeline.select("li.timeline-event")]
    assert sorted(shown) == sorted(library.events), "every event in events.yml, and nothing else"
    dates = [t["datetime"] for t in timeline.select("li.timeline-event time.timeline-date")]
    assert dates == sorted(dates)
    assert shown == [e.id for e in ordered(library)]


def test_every_event_carries_citation_markers_that_reach_the_source_list(timeline, library):
    listed = {li["id"] for li in timeline.select(".page-sources li[id]")}
    for li in timeline.select("li.timeline-event"):
        event = library.events[li["id"].removeprefix("event-")]
        refs = [a["href"].removeprefix("#") for a in li.select("sup.cite a.cite-link")]
        assert refs, f"{event.id} has no citation marker"
        assert {f"ref-{c.source}" for c in event.citations} == set(refs) and set(refs) <= listed, event.id


def test_each_event_is_tagged_with_its_actors(timeline, library):
    for li in timeline.select("li.timeline-event"):
        event = library.events[li["id"].removeprefix("event-")]
        assert li["data-actors"].split() == list(event.actors)
        assert len(li.select(".timeline-tag")) == len(event.actors)


def test_there_is_a_filter_for_each_actor_and_it_needs_no_network(timeline):
    boxes = timeline.select(".timeline-filter input[type=checkbox][name=actor]")
    assert [b["value"] for b in boxes] == list(get_args(Actor))
    assert all(b.has_attr("checked") for b in boxes)
    script = timeline.select_one("article script[src$='timeline.js']")
    assert script is not None and not script["src"].startswith(("http:", "https:", "//"))


def test_without_javascript_every_event_shows_and_no_dead_filter(browser, base_url, library):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "timeline/")
        assert page.locator(".timeline-filter").is_hidden()
        assert page.locator("li.timeline-event:visible").count() == len(library.events)
    finally:
        context.close()


def test_unticking_actors_hides_events_that_involve_none_of_the_ticked_ones(browser, base_url, library):
    page = browser.new_page()
    try:
        page.goto(base_url + "timeline/")
        total = len(library.events)
        assert page.locator(".timeline-filter").is_visible()
        assert page.inner_text("[data-timeline-count]") == f"Showing {total} of {total} events"
        for actor in ("turkey", "central-asia"):
            page.uncheck(f"input[name=actor][value={actor}]")
        expected = sum(1 for e in library.events.values() if set(e.actors) - {"turkey", "central-asia"})
        assert page.locator("li.timeline-event:visible").count() == expected
        assert page.inner_text("[data-timeline-count]") == f"Showing {expected} of {total} events"
        page.check("input[name=actor][value=turkey]")
        assert page.locator("li.timeline-event:visible").count() > expected
    finally:
        page.close()
