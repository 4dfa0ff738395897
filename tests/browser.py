"""Shared browser test helpers: Debian's Chromium driven by playwright, and a local server.

No test downloads a browser: we launch /usr/bin/chromium (installed by `make test`).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

# The same browser flags and local server the benchmarks measure with.
from benchmarks.server import CHROMIUM, CHROMIUM_ARGS, page_url, serve  # noqa: F401 (page_url: for tests)



@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(site):
    """The built online site, served locally for the whole session."""
    with serve(site) as url:
        yield url


# Blocks a reader has not scrolled to are skipped by the browser (content-visibility: auto), so
# nothing in them has a layout yet: render them all, as scrolling would, before measuring.
RENDER_ALL = """() => {
  for (const el of document.querySelectorAll('*'))
    if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
}"""


def render_all(page) -> None:
    page.evaluate(RENDER_ALL)


class Visit:
    """One page load that records console errors and every request leaving `allowed` origins."""

    def __init__(self, context, allowed: tuple[str, ...]):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        context.route("**/*", self._route(allowed))

    def _route(self, allowed):
        def handle(route):
            url = route.request.url
            if url.startswith(allowed) or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:
                self.outside.append(url)
                route.abort()

        return handle


@contextmanager
def visit(browser, allowed: tuple[str, ...], **context_options):
    """A fresh browser context whose requests outside `allowed` are blocked and recorded."""
    context = browser.new_context(**context_options)
    try:
        yield Visit(context, allowed)
    finally:
        context.close()
