"""The bibliography: every source once, each saying which pages cite it."""
from __future__ import annotations

from urllib.parse import urljoin

from conftest import soup


def source_lists(content_pages: dict[str, str]) -> dict[str, set[str]]:
    """Source id -> the pages (site paths) whose own source list holds it."""
    cited: dict[str, set[str]] = {}
    for rel, html in content_pages.items():
        for entry in soup(html).select(".page-sources li[id^='ref-']"):
            cited.setdefault(entry["id"].removeprefix("ref-"), set()).add(rel)
    return cited


def test_cited_in_names_exactly_the_pages_whose_source_lists_hold_the_source(content_pages, library):
    page = "bibliography/index.html"
    entries = soup(content_pages[page]).select(".bibliography .bib-entry")
    cited = source_lists(content_pages)
    assert sorted(e["id"] for e in entries) == sorted(library.sources)
    for entry in entries:
        links = {urljoin(page, a["href"]).lstrip("/") + "index.html" for a in entry.select(".bib-cited a")}
        assert links == cited.get(entry["id"], set()), entry["id"]
