"""Saving an edition in the browser for reading offline (issue 20): on a phone, a reader saves
the edition from any page, and with the network off every page of it opens at its usual
address, maps draw and search answers; a page of another edition says it is not saved; a
newer edition is offered as an update while the saved copy keeps working; a reader who never
saves downloads nothing for it."""
from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import expect

from benchmarks.server import page_url, serve
from browser import load_maps
from macros import paths
from macros.offline import palette, size, worker, workbox

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
CONTROL = "details.save-offline"
TITLE = CONTROL + " > summary"
SAVED = "Saved for offline reading"
UPDATE = "Saved for offline reading: an update is ready"
WAIT = 30_000  # ms: saving fetches every file of the edition, on a shared machine


# ---- the built files ----------------------------------------------------------------------


def edition_folders(editions) -> set[str]:
    return {e.version for e in editions.items}


def edition_pages(folder: Path, skip: set[str]) -> list[str]:
    """Every page of the edition in `folder` (its path relative to it) that a reader opens: every
    HTML file but the map documents (opened inside their pages), MkDocs' 404 page, redirect
    stubs for old addresses and the folders of other editions."""
    pages = []
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        if rel.split("/")[0] not in skip | {"maps"} and rel != "404.html" and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"):
            pages.append(rel)
    return pages


def precache_list(folder: Path) -> list[str]:
    text = (folder / paths.WORKER_FILE).read_text(encoding="utf-8")
    return [row["url"] for row in json.loads(re.search(r"precacheAndRoute\((\[.*?\])", text, re.S).group(1))]


def test_the_newest_edition_has_a_worker_at_the_root_and_in_its_own_folder_and_older_ones_none(site, editions):
    newest = editions.newest.version
    # The root's pages carry a drawn edition switch, so its worker lists other revisions of the same files.
    assert precache_list(site) == precache_list(site / newest)
    for older in editions.items[1:]:
        assert not (site / older.version / paths.WORKER_FILE).exists(), f"edition {older.version} is rebuilt from its commit, without a worker"


def test_the_worker_saves_every_file_of_the_edition_but_downloads(site, editions):
    listed = set(precache_list(site))
    skip = edition_folders(editions)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] not in skip}
    pages = {p for p in files if p.endswith(".html") and p != "404.html"}
    assert pages <= listed, f"pages the worker does not save: {sorted(pages - listed)}"
    assert "search/search_index.json" in listed
    assert {f for f in files if f.startswith("maps/") and f.endswith(".html")} <= listed, "every map document"
    # Link-card pictures are for the sites a link is pasted into, not for reading.
    assets = {f for f in files if f.startswith("assets/") and not f.startswith("assets/cards/") and not f.endswith((".map", ".gz", ".br")) and "/lunr/" not in f}
    assets -= {workbox.served_module(m) for m in workbox.MODULES} | {"assets/vendor/iframe-worker/shim.js"}
    assert assets <= listed, f"assets the worker does not save: {sorted(assets - listed)}"
    assert not [u for u in listed if u.endswith((".zip", ".pdf", ".gz", ".br", ".map")) or u.startswith("data/")], "downloads are not saved"
    assert not [u for u in listed if u.split("/")[0] in skip], "other editions are not saved"
    assert listed <= files, "the worker lists only files of the build"


def test_the_size_the_page_states_is_what_saving_downloads(site, editions):
    summary = json.loads((site / paths.SAVE_SUMMARY_FILE).read_text(encoding="utf-8"))
    urls = precache_list(site) + worker.worker_files()
    assert summary["edition"] == editions.newest.version
    assert summary["precached"] == len(precache_list(site)) and summary["files"] == len(urls)
    assert summary["stored"] == sum((site / u).stat().st_size for u in urls)
    compressed = sum(len(gzip.compress((site / u).read_bytes(), 6, mtime=0)) if (site / u).suffix in size.TEXT else (site / u).stat().st_size for u in urls)
    assert summary["download"] == compressed and summary["compression"] == "gzip"
    assert summary["download"] < summary["stored"]


def test_every_online_page_links_the_manifest_and_the_control_and_the_bundle_neither(site, built, editions):
    for rel in edition_pages(site, edition_folders(editions)):
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")
        assert soup.select_one("head link[rel=manifest]")["href"].endswith(paths.MANIFEST_FILE), rel
        assert soup.select_one(f"head script[defer][src$='{paths.SAVE_SCRIPT.split('/')[-1]}']"), rel
        assert soup.select_one("head template#save-offline-template"), rel
    for path in built["offline"].rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        offered = soup.select("link[rel=manifest], template#save-offline-template, [data-save-offline-slot], script[src*=save-offline]")
        assert offered == [], f"{path.name} in the zip bundle offers saving in the browser"
    assert not (built["offline"] / paths.WORKER_FILE).exists()


def test_what_saving_adds_to_pages_has_no_inline_script_or_style(site):
    """A Content Security Policy allows only the site's own files and hashed inline scripts."""
    head = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml").select_one("template#save-offline-template")
    control = BeautifulSoup(head.decode_contents(), "lxml")
    assert not control.select("script, style, [style]") and not [a for el in control.find_all(True) for a in el.attrs if a.startswith("on")]
    partial = (ROOT / "overrides" / "partials" / "save-offline.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=", partial)


def test_the_manifest_names_the_site_in_its_palette_with_icons_of_the_sizes_it_says(site, config):
    manifest = json.loads((site / paths.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["name"] == config["site_name"] and manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["theme_color"] == palette.primary_colours()[config["theme"]["palette"][0]["primary"]] == "#4051b5"
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}
    for icon in manifest["icons"]:
        with Image.open(site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"


# ---- in the browser, on a phone -------------------------------------------------------------


def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(f"{page.url}: {msg.text}"))
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    return context, page, errors


def open_control(page):
    """The control appears once the page is idle, at the end of the article."""
    expect(page.locator(CONTROL)).to_be_attached()
    page.locator(TITLE).scroll_into_view_if_needed()
    if not page.locator(CONTROL).evaluate("box => box.open"):
        page.locator(TITLE).click()


def save(page):
    open_control(page)
    button = page.locator("[data-save-action=save]")
    expect(button).to_have_text(re.compile(r"\((\d+\.\d MB|\d+ kB)\)$"))  # the size, before anything downloads
    button.click()
    expect(page.locator(TITLE)).to_have_text(SAVED, timeout=WAIT)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def draw_maps(page) -> int:
    """Every live map of the page opened (each shows its picture first) and drawn; how many."""
    return len(load_maps(page))


def search(page, word: str) -> int:
    page.locator("label.md-header__button[for=__search]").click()  # on a phone, the search button
    page.keyboard.type(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=WAIT)
    return page.locator(".md-search-result__item").count()


def test_a_reader_who_never_saves_downloads_nothing_for_it(browser, base_url):
    context, page, errors = phone(browser)
    try:
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(base_url + "chapters/china/", wait_until="load")
        expect(page.locator(CONTROL)).to_be_attached()
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        saving = [paths.WORKER_FILE, paths.SAVE_SUMMARY_FILE, paths.SAVE_PANEL_SCRIPT, paths.MANIFEST_FILE, paths.ICONS, paths.WORKBOX_RUNTIME]
        assert [u for u in requested if any(s in u for s in saving)] == [], "only the small script that offers saving loads"
        open_control(page)  # opening it loads its workings and reads what saving would download
        expect(page.locator("[data-save-action=save]")).to_be_visible()
        assert sorted(u for u in requested if any(s in u for s in saving)) == sorted([base_url + paths.SAVE_PANEL_SCRIPT, base_url + paths.SAVE_SUMMARY_FILE])
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        assert errors == []
    finally:
        context.close()


def test_saved_every_page_opens_offline_maps_draw_search_answers_and_other_editions_say_not_saved(browser, site, editions):
    pages = edition_pages(site, edition_folders(editions))
    assert len(pages) > 10 and "chapters/turkey/index.html" in pages
    for a in BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml").select("nav.md-nav--primary a.md-nav__link[href]"):
        target = urlsplit(urljoin("http://site/", a["href"])).path.lstrip("/")
        assert (target + "index.html" if target.endswith("/") or not target else target) in pages, f"the navigation links {a['href']}, not a page counted here"
    older = editions.items[1].version
    with serve(site) as base:
        context, page, errors = phone(browser)
        try:
            page.goto(base + "chapters/turkey/", wait_until="load")
            save(page)
            # Playwright's offline mode must reach the worker too: a page it did not save (another
            # edition) then fails in the worker, which shows its "not saved" page. Were the
            # worker still online, that page would load from the server instead.
            context.set_offline(True)
            maps = 0
            for rel in pages:
                response = page.goto(page_url(base, rel), wait_until="load")
                assert response is not None and response.ok and response.from_service_worker, f"{rel} did not open from the saved copy"
                assert page.title(), rel
                maps += draw_maps(page)
            assert maps > 0, "some page of the edition has a map"
            page.goto(base, wait_until="load")
            assert search(page, "Turkey") > 0, "search answers offline"
            page.goto(base + "timeline/", wait_until="load")  # the timeline filter works offline
            actors = page.locator(".timeline-filter input[name=actor]")
            for i in range(actors.count()):
                actors.nth(i).uncheck()
            expect(page.locator("li.timeline-event:visible")).to_have_count(0)
            actors.first.check()
            expect(page.locator("li.timeline-event:visible")).not_to_have_count(0)

            other = page_url(base + older + "/", "chapters/russia/index.html")
            page.goto(other, wait_until="load")
            expect(page.locator("article h1")).to_contain_text("Not available offline")
            expect(page.locator("[data-not-saved-page] code")).to_have_text(f"/{older}/chapters/russia/")
            expect(page.locator("[data-not-saved-retry]")).to_have_attribute("href", other)
            context.set_offline(False)
            # The newest edition's own folder is a separate save: online, it offers saving anew.
            page.goto(base + editions.newest.version + "/chapters/china/", wait_until="load")
            open_control(page)
            expect(page.locator("[data-save-action=save]")).to_be_visible()
            expect(page.locator(TITLE)).not_to_have_text(SAVED)
            assert errors == [], "\n".join(errors)
        finally:
            context.close()


def test_a_newer_edition_is_offered_as_an_update_and_the_saved_copy_keeps_working_until_then(browser, site, editions, tmp_path):
    folder = tmp_path / "published"
    others = edition_folders(editions)  # the other editions' folders at the top, and the bundles
    shutil.copytree(site, folder, ignore=lambda at, names: [n for n in names if n.endswith(".zip") or (Path(at) == site and n in others)])
    chapter = folder / "chapters" / "turkey" / "index.html"
    heading = BeautifulSoup(chapter.read_text(encoding="utf-8"), "lxml").select_one("article h1")
    heading.select_one("a.headerlink").decompose()
    old_title = heading.get_text(strip=True)
    with serve(folder) as base:
        context, page, errors = phone(browser)
        try:
            page.goto(base + "chapters/turkey/", wait_until="load")
            save(page)
            expect(page.locator("[data-save-action=update]")).to_be_hidden()

            publish_newer(folder, chapter)
            page.reload(wait_until="load")  # the browser checks for a newer worker as a page opens
            expect(page.locator(TITLE)).to_have_text(UPDATE, timeout=WAIT)
            open_control(page)
            expect(page.locator("[data-save-action=update]")).to_be_visible()

            context.set_offline(True)  # meanwhile the saved copy is the older one, and it works
            page.goto(base + "chapters/turkey/", wait_until="load")
            expect(page.locator("article h1")).to_contain_text(old_title)
            expect(page.locator("article h1")).not_to_contain_text("(newer)")
            draw_maps(page)
            context.set_offline(False)

            open_control(page)
            page.locator("[data-save-action=update]").click()
            expect(page.locator("article h1")).to_contain_text("(newer)", timeout=WAIT)
            expect(page.locator(TITLE)).to_have_text(SAVED)
            context.set_offline(True)
            page.goto(base + "chapters/russia/", wait_until="load")
            page.goto(base + "chapters/turkey/", wait_until="load")
            expect(page.locator("article h1")).to_contain_text("(newer)")

            context.set_offline(False)  # removing the copy: the worker goes, and its files
            open_control(page)
            page.locator("[data-save-action=remove]").click()
            expect(page.locator("[data-save-action=save]")).to_be_visible()
            assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
            assert page.evaluate("async () => (await caches.keys()).filter(k => k.includes('precache')).length") == 0
            assert errors == [], "\n".join(errors)
        finally:
            context.close()


def publish_newer(folder: Path, chapter: Path) -> None:
    """A newer edition over the saved one: a changed page, and the worker written anew."""
    html = chapter.read_text(encoding="utf-8")
    chapter.write_text(re.sub(r"(<h1[^>]*>)(.*?)(<a |</h1>)", r"\1\2 (newer)\3", html, count=1, flags=re.S), encoding="utf-8")
    worker.write(folder, list(worker.LEFT_OUT) + [worker.LUNR_LANGUAGES])


def test_the_control_has_no_serious_axe_finding_before_and_after_saving(browser, site):
    with serve(site) as base:
        context, page, errors = phone(browser)
        try:
            problems = []
            page.goto(base + "downloads/", wait_until="load")
            open_control(page)  # on the downloads page, in its slot
            expect(page.locator("[data-save-offline-slot] " + CONTROL)).to_be_attached()
            expect(page.locator("[data-save-action=save]")).to_be_visible()
            problems += axe(page, "before saving")
            save(page)
            problems += axe(page, "saved")
            assert problems == [], "\n".join(problems)
        finally:
            context.close()


def axe(page, when: str) -> list[str]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        # Evaluated, not added as a tag: the page's policy blocks an inline script, and a saved
        # page's requests go through its worker, past the tests' own routes.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => (await axe.run(document.querySelector('details.save-offline'),
        {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))""")
    return [f"{when}: {v['id']} ({v['impact']}): {v['nodes'][:3]}" for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_control_reads_in_both_palettes(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, **PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + "glossary/", wait_until="load")
        open_control(page)
        expect(page.locator("[data-save-action=save]")).to_be_visible()
        assert axe(page, scheme) == []
    finally:
        context.close()
