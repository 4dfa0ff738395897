"""Search online: the index waits until a reader reaches for search, then search works."""
from __future__ import annotations

from browser import visit


def test_the_search_index_loads_only_when_the_reader_opens_search(browser, base_url):
    with visit(browser, (base_url,)) as v:
        requested = []
        v.page.on("request", lambda r: requested.append(r.url))
        v.page.goto(base_url + "chapters/china/", wait_until="load")
        v.page.wait_for_selector(".md-version__current")  # Material's start-up is done
        assert not [u for u in requested if "search_index" in u], "a first visit does not download the index"
        v.page.locator("label.md-search__icon, .md-search__input").first.click()
        v.page.keyboard.type("Turkey", delay=30)
        v.page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert v.page.locator(".md-search-result__item").count() > 0
        assert v.errors == [] and v.outside == []


def test_the_search_worker_starts_only_when_the_reader_opens_search(browser, base_url):
    """Material's search worker (lunr) is a file most readers never need: it waits, like the index."""
    with visit(browser, (base_url,)) as v:
        v.page.goto(base_url + "chapters/china/", wait_until="load")
        v.page.wait_for_selector(".md-version__current")
        assert v.page.workers == [], "a first visit does not start the search worker"
        with v.page.expect_worker() as started:
            v.page.keyboard.press("/")
        assert "/workers/search." in started.value.url
        v.page.keyboard.type("Baykar", delay=30)
        v.page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert v.errors == [] and v.outside == []
