"""The offline bundle: unzipped anywhere and opened from file:// with no network, everything works."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import FILE_ONLY, load_maps, visit
from conftest import built_path, is_redirect, parsed


@pytest.fixture(scope="session")
def bundle(built, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(built["zip"]) as archive:
        archive.extractall(target)
    return target / built["zip"].name.removesuffix(".zip")


@pytest.fixture(scope="session")
def bundle_pages(bundle) -> list[Path]:
    """Every page of the bundle but redirect stubs; map documents included (they open on their own too)."""
    return sorted(p for p in bundle.rglob("*.html") if not is_redirect(p.read_text(encoding="utf-8")))


def test_the_bundle_has_every_page_of_the_online_site(bundle, config, content_pages):
    from conftest import nav_sources

    offline = {built_path(src, directory_urls=False) for src in nav_sources(config["nav"])}
    assert len(offline) == len(content_pages)
    missing = sorted(rel for rel in offline if not (bundle / rel).is_file())
    assert missing == [], f"missing from the offline bundle: {missing}"


def test_no_page_in_the_bundle_loads_a_script_style_font_or_frame_from_another_host(bundle_pages):
    problems = []
    for path in bundle_pages:
        loaded = parsed(path).select("script[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], iframe[src], iframe[data-src], img[src]")
        urls = [el.get("src") or el.get("data-src") or el.get("href") for el in loaded]
        problems += [f"{path.name}: {u}" for u in urls if u.startswith(("http:", "https:", "//"))]
    assert problems == []


def test_every_page_opens_from_file_and_draws_its_maps_with_no_request_leaving_and_no_error(browser, bundle, bundle_pages, library):
    """One pass over the bundle: each page opens from file://, every map frame in it draws its
    country shapes, and nothing errs or asks the network."""
    problems, drawn = [], 0
    with visit(browser, FILE_ONLY) as v:
        for path in bundle_pages:
            v.page.goto(path.as_uri(), wait_until="load")
            drawn += len(load_maps(v.page))
            problems += v.problems(str(path.relative_to(bundle)))
    assert problems == [], "\n".join(problems)
    assert drawn == len(library.maps), "every map of maps.yml draws from the bundle, once"


def test_search_works_from_file(browser, bundle):
    with visit(browser, FILE_ONLY) as v:
        v.page.goto((bundle / "index.html").as_uri(), wait_until="load")
        v.page.locator("label.md-search__icon, .md-search__input").first.click()
        v.page.keyboard.type("Turkey")
        expect(v.page.locator(".md-search-result__item").first).to_be_visible()
        assert v.problems("search from file") == []
