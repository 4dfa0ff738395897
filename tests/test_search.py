"""Search online: the index and its worker wait until a reader reaches for search, then search works."""
from __future__ import annotations

from playwright.sync_api import expect

from browser import visit


def test_search_loads_only_when_the_reader_opens_it_and_then_finds_pages(browser, base_url, chapters):
    """Material's search worker (lunr) and its index are files most readers never need: a first
    visit fetches neither; pressing / starts the worker, and typing finds results."""
    with visit(browser, (base_url,)) as v:
        requested = []
        v.page.on("request", lambda r: requested.append(r.url))
        v.page.goto(base_url + chapters[0].removesuffix("index.html"), wait_until="load")
        v.page.wait_for_function("() => !!document.querySelector('.md-version__current')")  # Material's start-up is done
        assert not [u for u in requested if "search_index" in u], "a first visit does not download the index"
        assert v.page.workers == [], "a first visit does not start the search worker"
        with v.page.expect_worker() as started:
            v.page.keyboard.press("/")
        assert "/workers/search." in started.value.url
        v.page.keyboard.type("Turkey")
        expect(v.page.locator(".md-search-result__item").first).to_be_visible()
        assert [u for u in requested if "search_index" in u], "searching downloads the index"
        assert v.problems("search") == []
