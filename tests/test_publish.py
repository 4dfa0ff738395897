"""Publishing (issue 17): one address for every edition, precompressed files for any host, a
release check that serves the site as a host would, a workflow a course can copy."""
from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import brotli
import pytest
import yaml
from conftest import SITE_URL, soup

from macros import paths
from macros.data.problems import ContentError
from macros.editions import address
from macros.output import precompress, release

WORKFLOW = paths.ROOT / ".github" / "workflows" / "pages.yml"


def text_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in precompress.COMPRESSIBLE | {".yml", ".bib"}:
            yield path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8", errors="replace")


def test_the_placeholder_is_in_no_file_of_a_build_at_an_address(built):
    """Every edition, 1.0 and 2.0 rebuilt from their commits included, and every bundle."""
    found = [f"site/{rel}" for rel, text in text_files(built["site"]) if address.PLACEHOLDER in text]
    for bundle in sorted(built["bundles"].glob("*.zip")):
        with zipfile.ZipFile(bundle) as z:
            found += [f"{bundle.name}:{n}" for n in z.namelist() if address.PLACEHOLDER.encode() in z.read(n)]
    assert found == []


def test_every_edition_cites_its_pages_at_the_address_it_was_built_for(site, editions):
    for edition in editions.items:
        page = soup((site / edition.version / "chapters" / "turkey" / "index.html").read_text(encoding="utf-8"))
        cited = page.select_one('meta[name="citation_public_url"]')["content"]
        canonical = page.select_one('link[rel="canonical"]')["href"]
        expected = f"{SITE_URL}{edition.version}/chapters/turkey/"
        assert (cited, canonical) == (expected, expected) if edition is not editions.newest else cited == expected, edition.version


def test_the_offline_bundles_cite_the_published_address(built, editions):
    for edition in editions.items:
        with zipfile.ZipFile(built["bundles"] / paths.bundle_file(edition.version)) as z:
            name = next(n for n in z.namelist() if n.endswith("chapters/turkey.html"))
            cited = soup(z.read(name).decode()).select_one('meta[name="citation_public_url"]')["content"]
        assert cited == f"{SITE_URL}{edition.version}/chapters/turkey/", edition.version


def test_edition_addresses_carry_no_dot_segment(content_pages):
    assert "/./" not in content_pages["editions/index.html"]
    assert f'href="{SITE_URL}' in content_pages["editions/index.html"]


def test_a_build_at_an_address_does_not_call_itself_a_local_build(content_pages):
    assert [rel for rel, html in content_pages.items() if "placeholder-address" in html] == []


def test_a_local_build_says_its_addresses_are_placeholders():
    from macros.pages.render import render
    from macros.pages.cite_page import PageCitation
    from datetime import date

    c = PageCitation("T", "S", ["A"], "P", "2.1", date(2026, 12, 1), address.PLACEHOLDER + "2.1/", "k")
    assert "is a placeholder" in render("cite_page.html", c=c, placeholder=True)
    assert "placeholder" not in render("cite_page.html", c=c, placeholder=False)


@pytest.mark.parametrize(
    "given, expected",
    [
        ("https://courses.example.edu/ngg", "https://courses.example.edu/ngg/"),
        ("https://courses.example.edu/ngg/", "https://courses.example.edu/ngg/"),
        ("http://localhost:8080/", "http://localhost:8080/"),
    ],
)
def test_site_url_is_normalised(given, expected):
    assert address.site_url({"SITE_URL": given}) == expected


@pytest.mark.parametrize("given", ["courses.example.edu/ngg", "ftp://host/", "https://host/a?b=1", "https://host/#x", 'https://host/"x"/', "https://host/a&b/"])
def test_a_bad_site_url_names_the_variable_and_an_example(given):
    with pytest.raises(ContentError, match=r"SITE_URL=.* is not a site address: give the full address .* such as SITE_URL=https://"):
        address.site_url({"SITE_URL": given})


def test_publish_refuses_the_placeholder():
    env = {"PATH": "/usr/bin:/bin", "SITE_URL": ""}
    result = subprocess.run([sys.executable, "-m", "macros.output.release", "--publish"], cwd=paths.ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "make publish needs the address the site will be published under: SITE_URL=" in result.stdout


def test_every_text_file_has_gzip_and_brotli_copies_of_itself(site):
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in precompress.COMPRESSIBLE]
    assert len(files) > 100
    wrong = [str(p.relative_to(site)) for p in files
             if gzip.decompress(p.with_name(p.name + ".gz").read_bytes()) != p.read_bytes()
             or brotli.decompress(p.with_name(p.name + ".br").read_bytes()) != p.read_bytes()]
    assert wrong == []


def test_the_release_check_passes_under_a_course_path(site, browser):
    """Served as a host serves it under /ngg/: every published address of every edition answers
    compressed with its anchor, and every page of every edition opens with no console error and no
    Content-Security-Policy violation (in the page or its frames)."""
    assert release.check(site, SITE_URL, browser) == []


def test_the_release_check_fails_on_an_uncompressed_page_and_a_blocked_script(site, browser, tmp_path):
    served = tmp_path / "site"
    shutil.copytree(site / "assets", served / "assets")
    shutil.copytree(site / "chapters" / "turkey", served / "chapters" / "turkey")
    page = served / "chapters" / "turkey" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<body", "<body><script>document.title='x'</script>", 1), encoding="utf-8")
    for ext in (".gz", ".br"):
        page.with_name(page.name + ext).unlink()
    with release.host(served, "/ngg/") as base:
        assert release.check_addresses(base, ["chapters/turkey/#soft-power"]) == ["chapters/turkey/#soft-power: served uncompressed (no .br or .gz beside the file: run make publish)"]
        problems = release.check_pages(base, ["chapters/turkey/"], browser)
    assert any("Content-Security-Policy blocked script-src" in p for p in problems), problems


def test_the_pages_workflow_tests_builds_at_the_pages_address_and_uploads_the_site():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in steps]
    assert "make test" in runs and "make publish" in runs
    publish = next(s for s in steps if s.get("run") == "make publish")
    assert publish["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"] == "site"
    assert next(s for s in steps if "checkout" in s.get("uses", ""))["with"]["fetch-depth"] == 0
