"""The newest edition at the site's root, as well as under its own folder.

The root is a copy of the newest edition's folder, with one change: its edition switch is drawn
into each page at build time. Material's switch (mike's convention) fetches `versions.json` one
folder above the page's base and links editions from there, which for the root is above the
site itself: under a course's path (`https://host/course/`) it would ask the host for
`/versions.json`. Drawn at build time, the switch links each edition's copy of the same page
where that edition has one, and its home page where it has not.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..pages.render import render
from .catalogue import Editions

MIKE = '"version": {"provider": "mike"}'  # Material's switch, in each page's __config
TOPIC = '<div class="md-header__topic">'  # where Material puts the switch: after the site title
NO_SWITCH = '"version": null'


def draw_switch_at_root(site: Path, editions: Editions) -> int:
    """Put the drawn switch into every root page that has Material's; returns how many pages."""
    folders = {e.version for e in editions.items}
    count = 0
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        html = path.read_text(encoding="utf-8")
        if rel.parts[0] in folders or MIKE not in html:
            continue
        path.write_text(with_switch(html, rel, site, editions), encoding="utf-8")
        count += 1
    return count


def with_switch(html: str, rel: Path, site: Path, editions: Editions) -> str:
    title = html.index(TOPIC)
    after = html.index("</span>", title) + len("</span>")
    rows = [{"edition": e, "href": link(rel, site, e.version), "current": e is editions.newest} for e in editions.items]
    switch = render("edition_switch.html", rows=rows, current=editions.newest)
    return (html[:after] + switch + html[after:]).replace(MIKE, NO_SWITCH, 1)


def link(rel: Path, site: Path, version: str) -> str:
    """The same page in an edition if it has one, else that edition's home, relative to the page."""
    page_dir = rel.parent.as_posix()
    target = f"{version}/{page_dir}" if (site / version / rel).is_file() else version
    return os.path.relpath(target, page_dir).replace(os.sep, "/") + "/"
