"""Citations: numbered on each page in order of first use, listed once per page, and the
bibliography holds every source once, each saying which pages cite it."""
from __future__ import annotations

from urllib.parse import urljoin


def source_lists(soups) -> dict[str, set[str]]:
    """Source id -> the pages (site paths) whose own source list holds it."""
    cited: dict[str, set[str]] = {}
    for rel, page in soups.items():
        for entry in page.select(".page-sources li[id^='ref-']"):
            cited.setdefault(entry["id"].removeprefix("ref-"), set()).add(rel)
    return cited


def test_cited_in_names_exactly_the_pages_whose_source_lists_hold_the_source(soups, library):
    page = "bibliography/index.html"
    entries = soups[page].select(".bibliography .bib-entry")
    cited = source_lists(soups)
    assert sorted(e["id"] for e in entries) == sorted(library.sources)
    for entry in entries:
        links = {urljoin(page, a["href"]).lstrip("/") + "index.html" for a in entry.select(".bib-cited a")}
        assert links == cited.get(entry["id"], set()), entry["id"]


def test_citation_numbers_count_up_in_order_of_first_use_on_every_page(soups):
    """Down the page, each source is numbered when first cited: [1], then [2] for the next new
    source, and so on; a source cited again keeps its number; the source list follows the same
    order, and every marker's number is its source's place in that list."""
    problems, pages_with_markers = [], 0
    for rel, page in soups.items():
        article = page.select_one("article")
        numbers: dict[str, int] = {}
        wrong = []
        for link in article.select("sup.cite a.cite-link[href^='#ref-']"):
            source, number = link["href"].removeprefix("#ref-"), int(link.get_text().strip("[]"))
            expected = numbers.setdefault(source, len(numbers) + 1)
            if number != expected:
                wrong.append(f"{rel}: {source} is marked [{number}] where order of first use gives [{expected}]")
        problems += wrong[:1]  # the first says where; the rest follow from it
        listed = [li["id"].removeprefix("ref-") for li in article.select(".page-sources > li[id^='ref-']")]
        if list(numbers) != listed:
            problems.append(f"{rel}: the source list is not in order of first use: {listed[:5]}… against {list(numbers)[:5]}…")
        pages_with_markers += bool(numbers)
    assert problems == [], "\n".join(problems)
    assert pages_with_markers, "no page cites anything"
