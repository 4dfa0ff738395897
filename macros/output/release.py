"""`make check-release`: the built `site/` served as a host serves it (precompressed copies as
they are, under the path of the site's address: a course site often lives at
`https://host/course/`), checked as a course should check it before telling students: every
published address of every edition answers, compressed, its anchor there; every page opens in
Chromium with no console error and no Content-Security-Policy violation.

`python -m macros.output.release --publish` (`make publish`) refuses to run without a real
`SITE_URL`, builds every edition at it, and then runs the check.
"""
from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.server import CHROMIUM, CHROMIUM_ARGS

from .. import paths
from ..data.problems import ContentError
from ..editions import address
from ..editions.catalogue import Editions, file_at, load_editions
from .host import host

PUBLISHED = "tests/published_urls.txt"  # every address a syllabus may link to, per edition
REDIRECT = 'http-equiv="refresh"'
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".geojson", "/")
# Reports what the policy blocks, in the page and in its frames, as console errors.
WATCH_POLICY = """document.addEventListener("securitypolicyviolation", e =>
  console.error("Content-Security-Policy blocked " + e.violatedDirective + ": " + (e.blockedURI || "inline")));"""


def published(editions: Editions) -> list[str]:
    """Each edition's own published addresses, under its folder; the newest's at the root too."""
    def listed(edition) -> list[str]:
        text = file_at(edition, PUBLISHED) or ""
        return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

    rows = [f"{edition.version}/{url}" for edition in editions.items for url in listed(edition)]
    return listed(editions.newest) + rows


def fetch(url: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Encoding", ""), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def check_addresses(base: str, addresses: list[str]) -> list[str]:
    """Each address answers 200, compressed, and holds the anchor it names."""
    import brotli  # noqa: PLC0415
    import gzip  # noqa: PLC0415

    problems, pages = [], {}
    for url in addresses:
        page, _, anchor = url.partition("#")
        if page not in pages:
            pages[page] = fetch(base + page)
        status, encoding, body = pages[page]
        if status != 200:
            problems.append(f"{url}: answers {status}")
            continue
        if page.endswith(TEXT) or not page.rsplit("/", 1)[-1].count("."):
            if encoding not in {"br", "gzip"}:
                problems.append(f"{url}: served uncompressed (no .br or .gz beside the file: run make publish)")
                continue
        text = (brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body).decode("utf-8", "replace")
        if anchor and f'id="{anchor}"' not in text:
            problems.append(f"{url}: the page has no anchor #{anchor}")
    return problems


def page_paths(site: Path, editions: Editions) -> list[str]:
    """Every page a reader can open, as served paths: not the redirect stubs of old addresses,
    nor an edition folder's 404 page (a host answers a missing address with the site's own)."""
    folders = {e.version for e in editions.items}
    rows = []
    for path in sorted(site.rglob("*.html")):
        rel_parts = path.relative_to(site).parts
        if (rel_parts[0] in folders and rel_parts[1:] == ("404.html",)) or REDIRECT in path.read_text(encoding="utf-8"):
            continue
        rel = path.relative_to(site).as_posix()
        rows.append(rel.removesuffix("index.html"))
    return rows


def check_pages(base: str, pages: list[str], browser=None) -> list[str]:
    """Open every page in Chromium: no console error, no policy violation, nothing from another
    host. `browser`: a Playwright browser already running (the tests'), else one is started."""
    if browser is None:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415

        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return check_pages(base, pages, chromium)
            finally:
                chromium.close()
    problems: list[str] = []
    outside: list[str] = []
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))

    def only_the_site(route):
        if route.request.url.startswith((origin, "data:", "blob:", "about:")):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context = browser.new_context()
    try:
        context.add_init_script(WATCH_POLICY)
        context.route("**/*", only_the_site)
        for rel in pages:
            errors: list[str] = []
            page = context.new_page()
            page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(base + rel, wait_until="load")
            page.close()
            problems += [f"{rel or './'}: {e}" for e in errors]
    finally:
        context.close()
    return problems + [f"a request left the site: {url}" for url in outside]


def check(site: Path, site_url: str, browser=None) -> list[str]:
    editions = load_editions()
    with host(site, urlsplit(site_url).path or "/") as base:
        return check_addresses(base, published(editions)) + check_pages(base, page_paths(site, editions), browser)


def main(argv: list[str]) -> int:
    try:
        site_url = address.site_url()
    except ContentError as err:
        print(err)
        return 2
    if "--publish" in argv:
        if address.is_placeholder(site_url):
            print(f"make publish needs the address the site will be published under: {address.ENV}={address.EXAMPLE} make publish")
            return 2
        from .build import build_all  # noqa: PLC0415

        build_all(paths.ROOT, site_url)
    site = paths.ROOT / "site"
    if not (site / "index.html").is_file():
        print("no site/ to check: run make build (or make publish) first")
        return 2
    problems = check(site, site_url)
    where = f"{site_url} (served locally under {urlsplit(site_url).path or '/'})"
    print("\n".join(problems) if problems else f"Release check passed: every published address of every edition answers compressed, and every page opens with no console error or policy violation, at {where}.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
