"""Shared browser test helpers: Debian's Chromium driven by playwright, and a local server.

No test downloads a browser: we launch /usr/bin/chromium (installed by `make test`). Every
wait is on a condition (Playwright's polling `expect`, or `wait_for_function`), never a sleep;
the one timeout below bounds how long a condition may take on a busy machine.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# The same browser flags and local server the benchmarks measure with.
from benchmarks.server import CHROMIUM, CHROMIUM_ARGS, page_url, serve  # noqa: F401 (page_url: for tests)

# How long a condition may take before the test fails (two cores shared by many jobs).
WAIT_MS = 30_000
expect.set_options(timeout=WAIT_MS)

LOCAL = ("http://127.0.0.1:",)  # the test server, whatever its port
# axe-core, the pinned copy from npm, served to the page under test from the page's own origin,
# so a Content-Security-Policy that allows only 'self' lets it run (an inline script would not).
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
FILE_ONLY = ("file://",)  # an unzipped offline bundle


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


SCROLL = "el => el.scrollIntoView({block: 'center'})"


def load_maps(page) -> list[tuple[str, object]]:
    """Every map figure's live map, loaded and drawn, as (its src, its Frame), in page order.

    Each figure is brought to the screen in script: Playwright's own scroll misses an element
    inside a block the browser has not laid out yet (content-visibility), as the benchmark
    found. Where the figure shows a picture first, its link opens the live map; maps-loader.js
    sets the frame's src; the map has drawn once its country shapes are in the frame. A map
    that never opens, never gets a src or never draws fails the test."""
    frames = []
    for figure in page.query_selector_all("figure.map-figure"):
        figure.evaluate(SCROLL)
        link = figure.query_selector("a.map-live")
        if link is not None and figure.query_selector("iframe") is None:
            link.evaluate("a => a.click()")  # the live map opens in place of its picture
        handle = figure.wait_for_selector("iframe", state="attached", timeout=WAIT_MS)
        handle.evaluate(SCROLL)
        page.wait_for_function("frame => !!frame.getAttribute('src')", arg=handle, timeout=WAIT_MS)
        frame = handle.content_frame()
        assert frame is not None, f"an iframe ({handle.get_attribute('data-src')}) has no document"
        expect(frame.locator("path.ngg-land").first).to_be_attached()
        frames.append((handle.get_attribute("src"), frame))
    return frames


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
            if urlsplit(url).path == AXE_PATH:
                route.fulfill(path=str(AXE), content_type="text/javascript")
            elif url.startswith(allowed) or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:
                self.outside.append(url)
                route.abort()

        return handle

    def problems(self, where: str) -> list[str]:
        """Console errors and requests leaving since the last call, one line each; then forgets them."""
        found = [f"{where}: console error: {e}" for e in self.errors] + [f"{where}: request leaving the site: {u}" for u in self.outside]
        self.errors.clear()
        self.outside.clear()
        return found


def add_axe(frame) -> None:
    """Load axe-core into a page or frame served over http, from its own origin."""
    if not frame.evaluate("() => typeof axe !== 'undefined'"):
        parts = urlsplit(frame.url)
        frame.add_script_tag(url=f"{parts.scheme}://{parts.netloc}{AXE_PATH}")


@contextmanager
def visit(browser, allowed: tuple[str, ...], **context_options):
    """A fresh browser context whose requests outside `allowed` are blocked and recorded."""
    context = browser.new_context(**context_options)
    try:
        yield Visit(context, allowed)
    finally:
        context.close()
