"""What a page's head tells the programs that read it (issue 17): citation tags that Zotero
and any HTML parser read right, a preview card for every page, markup the W3C Nu HTML Checker
finds no error in."""
from __future__ import annotations

import difflib
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SITE_URL, as_material_wrote_it, soup
from PIL import Image

from macros import paths

ROOT = paths.ROOT
VNU = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors of Material 9.8.1's own templates, on every page; ours carry none. Each filtered by
# its exact message, with why it is not ours to fix.
THEIRS = {
    # base.html: autocomplete="off" on the drawer and search checkboxes (kept by the theme for Firefox).
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
}


def head(html: str):
    return soup(html).head


def test_a_title_with_quotes_reaches_a_parser_whole(content_pages):
    tags = head(content_pages["chapters/russia/index.html"])
    assert tags.select_one('meta[name="citation_title"]')["content"] == "Russia's \"soft underbelly\""
    assert tags.select_one('meta[property="og:title"]')["content"] == "Russia's \"soft underbelly\""
    ld = json.loads(tags.select_one('script[type="application/ld+json"]').string)
    assert ld["name"] == "Russia's \"soft underbelly\""


def card_file(site: Path, url: str) -> Path:
    """The built file an address under SITE_URL names (the newest edition's folder holds the cards)."""
    return site / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)


def test_every_page_has_a_preview_card_with_its_permanent_address_and_a_picture(content_pages, site, editions):
    missing = []
    for rel, html in content_pages.items():
        tags = head(html)
        og = {m["property"]: m["content"] for m in tags.select("meta[property^='og:']")}
        tw = {m["name"]: m["content"] for m in tags.select("meta[name^='twitter:']")}
        url = tags.select_one('meta[name="citation_public_url"]')["content"]
        ok = (og.get("og:title") and len(og.get("og:description", "")) >= 40 and og.get("og:url") == url
              and url.startswith(f"{SITE_URL}{editions.newest.version}/") and tw.get("twitter:card") == "summary_large_image"
              and og.get("og:image") == tw.get("twitter:image") and card_file(site, og["og:image"]).is_file())
        if not ok:
            missing.append(rel)
    assert missing == []


def test_a_preview_picture_is_the_size_cards_expect(content_pages, site):
    image = head(content_pages["chapters/turkey/index.html"]).select_one('meta[property="og:image"]')["content"]
    with Image.open(card_file(site, image)) as picture:
        assert (picture.format, picture.size) == ("PNG", (1200, 630))


def test_the_description_is_the_chapter_in_brief_not_the_site_blurb(content_pages, config):
    descriptions = {rel: head(html).select_one('meta[name="description"]')["content"] for rel, html in content_pages.items() if rel.startswith("chapters/")}
    assert descriptions and config["site_description"] not in descriptions.values()
    assert len(set(descriptions.values())) == len(descriptions)


OUTPUT = re.compile(r"\{\{(.*?)\}\}")


def test_every_value_a_theme_override_writes_is_escaped():
    """MkDocs does not autoescape theme templates: each {{ value }} under overrides/ goes through
    `| e` (a block's super() is the theme's HTML already)."""
    bare = [
        f"{path.relative_to(ROOT)}:{number}: {found.group(0)}"
        for path in sorted((ROOT / "overrides").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for found in OUTPUT.finditer(line)
        if not found.group(1).strip().endswith("| e") and "super()" not in found.group(1)
    ]
    assert bare == [], "add | e to each: " + "; ".join(bare)


def test_the_site_meta_override_is_materials_block_but_for_the_escapes():
    import material

    stock = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    block = re.search(r"\{% block site_meta %\}\n(.*?)\n\s*\{% endblock %\}", stock, re.S).group(1)
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", (ROOT / "overrides" / "partials" / "site-meta.html").read_text(encoding="utf-8"), flags=re.S)
    def lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]
    changed = [d for d in difflib.unified_diff(lines(block), lines(as_material_wrote_it(ours)), lineterm="", n=0) if d[:1] in "+-" and d[:3] not in {"+++", "---"}]
    assert changed == [], "Material's site_meta block changed: copy it again into overrides/partials/site-meta.html, with | e on every value"


@pytest.fixture(scope="session")
def nu_messages(site, editions) -> list[dict]:
    """The Nu HTML Checker's errors over every page of the newest edition and its map documents."""
    assert VNU.is_file(), "the Nu HTML Checker is missing: run make test (it installs tests/tools)"
    skip = {e.version for e in editions.items}
    pages = [str(p) for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in skip]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages], capture_output=True, text=True)
    return [m | {"page": str(Path(m["url"].removeprefix("file:")).relative_to(site))} for m in json.loads(result.stderr)["messages"]]


def test_the_nu_html_checker_finds_no_error_of_the_sites_own(nu_messages):
    ours = sorted(f"{m['page']}:{m.get('lastLine')}: {m['message']}" for m in nu_messages if m["message"] not in THEIRS)
    assert ours == []


def test_the_filtered_errors_are_still_materials(nu_messages):
    """If the theme fixes one, drop its filter: a filter must not hide an error we make."""
    assert {m["message"] for m in nu_messages} >= THEIRS
