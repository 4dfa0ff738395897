"""The timeline page: every dated event, oldest first, filterable by actor and by country.

`timeline_html()` orders the events and renders them through `templates/timeline.html`;
the `timeline()` macro passes in the page's citation counter so each event carries its
markers. Filtering is a progressive enhancement: every event is in the HTML, and
`docs/assets/timeline.js` only hides events when a reader unticks an actor or picks one of the
five countries (also from the address: `timeline/?country=KGZ`).
"""
from __future__ import annotations

from typing import Callable, get_args

from .citations import Marker
from ..data import countries
from ..data.dates import human_date
from ..data.library import Library
from ..data.records import Actor, Citation, Event
from .render import render

ACTOR_LABELS = {
    "turkey": "Turkey",
    "russia": "Russia",
    "china": "China",
    "united-states": "United States",
    "central-asia": "Central Asian states",
}
ACTORS = tuple({"id": actor, "label": ACTOR_LABELS[actor]} for actor in get_args(Actor))


def ordered(library: Library) -> list[Event]:
    """Events by date (a bare year sorts before the months of that year), then by id."""
    return sorted(library.events.values(), key=lambda event: (event.date, event.id))


def timeline_html(library: Library, cite: Callable[[list[Citation]], list[Marker]], script: str) -> str:
    """The filter and the list of events; `cite` numbers each event's citations on the page."""
    rows = [{"event": e, "label": human_date(e.date), "markers": cite(e.citations), "names": [countries.name(c) for c in e.countries]} for e in ordered(library)]
    return render("timeline.html", rows=rows, actors=ACTORS, labels=ACTOR_LABELS, countries=countries.central_asia(), script=script)
