"""The offline bundle: unzipped anywhere and opened from file:// with no network, everything works."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import visit

FILE_ONLY = ("file://",)


@pytest.fixture(scope="session")
def bundle(built, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(built["zip"]) as archive:
        archive.extractall(target)
    return target / built["zip"].name.removesuffix(".zip")


@pytest.fixture(scope="session")
def bundle_pages(bundle) -> list[Path]:
    return sorted(p for p in bundle.rglob("*.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8"))


def test_the_bundle_has_every_page_of_the_online_site(bundle, content_pages):
    for rel in content_pages:
        offline = rel.removesuffix("/index.html") + ".html" if rel != "index.html" else rel
        assert (bundle / offline).is_file(), f"{offline} is missing from the offline bundle"


def test_no_page_in_the_bundle_loads_a_script_style_font_or_frame_from_another_host(bundle_pages):
    for path in bundle_pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        loaded = soup.select("script[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], iframe[src], img[src]")
        urls = [el.get("src") or el.get("href") for el in loaded]
        assert [u for u in urls if u.startswith(("http:", "https:", "//"))] == [], path.name


def test_every_page_opens_from_file_with_no_request_leaving_and_no_error(browser, bundle_pages):
    failures = []
    with visit(browser, FILE_ONLY) as v:
        for path in bundle_pages:
            v.page.goto(path.as_uri(), wait_until="load")
            if v.errors or v.outside:
                failures.append((path.name, v.errors[:], v.outside[:]))
                v.errors.clear(), v.outside.clear()
    assert failures == []


def test_every_map_draws_its_country_shapes_from_file(browser, bundle_pages):
    drawn = 0
    with visit(browser, FILE_ONLY) as v:
        for path in bundle_pages:
            v.page.goto(path.as_uri(), wait_until="load")
            figures = v.page.locator("figure.map-figure")
            for i in range(figures.count()):
                figures.nth(i).scroll_into_view_if_needed()
                figures.nth(i).locator("a.map-live").click()  # the live map opens from its picture
                frame = figures.nth(i).frame_locator("iframe")
                frame.locator("path.ngg-land").first.wait_for(state="attached", timeout=10_000)
                drawn += 1
        assert v.outside == [] and v.errors == []
    assert drawn >= 6, "every chapter map should draw from the bundle"


def test_search_works_from_file(browser, bundle):
    with visit(browser, FILE_ONLY) as v:
        v.page.goto((bundle / "index.html").as_uri(), wait_until="load")
        v.page.locator("label.md-search__icon, .md-search__input").first.click()
        v.page.keyboard.type("Turkey", delay=50)
        v.page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert v.page.locator(".md-search-result__item").count() > 0
        assert v.outside == [] and v.errors == []
