"""Links, checked without a network: every internal link and asset resolves to a built file,
every #anchor exists in its page, and every external link is a well-formed http(s) URL."""
from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import parsed
from macros.output.build import NOT_OFFLINE

# Which attribute of which element loads or links something.
LINKED = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
# Schemes that name no file and nothing on the web: nothing to check.
NOT_CHECKED = ("javascript:", "data:", "blob:", "about:")


@functools.lru_cache(maxsize=None)
def anchors(path: Path) -> frozenset[str]:
    soup = parsed(path)
    return frozenset([el["id"] for el in soup.find_all(id=True)] + [a["name"] for a in soup.find_all("a", attrs={"name": True})])


def urls_in(soup: BeautifulSoup):
    for tag, attr in LINKED.items():
        for el in soup.find_all(tag, attrs={attr: True}):
            yield tag, el[attr].strip()
    for el in soup.find_all("iframe", attrs={"data-src": True}):  # map frames, loaded near the screen
        yield "iframe", el["data-src"].strip()
    for el in soup.find_all(["img", "source"], attrs={"srcset": True}):
        for candidate in el["srcset"].split(","):
            if candidate.strip():
                yield el.name, candidate.split()[0]


def target_file(root: Path, url_path: str) -> Path | None:
    """The built file a site path (starting with '/') serves, as a static server would."""
    path = root / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def external_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return None if "@" in parts.path else "mailto link with no address"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} is neither http nor https"
    if not parts.hostname or "." not in parts.hostname and parts.hostname != "localhost":
        return "no host name"
    if any(c.isspace() for c in url) or "\\" in url:
        return "contains whitespace or a backslash"
    try:
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:
        return "malformed port"
    return None


def link_problems(root: Path, own_url: str | None = None, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every broken link in the HTML files under root (but those named in skip), one line each."""
    problems = set()
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        if rel in skip:
            continue
        base = "/" + rel  # the page's own site path; relative links resolve against it
        for tag, url in urls_in(parsed(page)):
            where = f"{rel}: <{tag}> {url!r}"
            if not url or url.startswith(NOT_CHECKED):
                continue
            if own_url and url.startswith(own_url):
                url = "/" + url[len(own_url):]
            elif own_url and url.startswith(urlsplit(own_url).path) and urlsplit(own_url).path != "/":
                url = "/" + url[len(urlsplit(own_url).path):]  # root-absolute, under the site's path (404 pages)
            elif urlsplit(url).scheme or url.startswith("//"):
                if problem := external_problem(url if not url.startswith("//") else "https:" + url):
                    problems.add(f"{where}: {problem}")
                continue
            elif own_url is None and url.startswith("/"):
                problems.add(f"{where}: a root-absolute path cannot work from file://")
                continue
            parts = urlsplit(urljoin(base, url))
            target = target_file(root, parts.path)
            if target is None:
                problems.add(f"{where}: no file {parts.path}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                problems.add(f"{where}: no id {parts.fragment!r} in {target.relative_to(root).as_posix()}")
    return sorted(problems)


def test_every_link_of_the_online_site_resolves(site, config):
    # Every edition's folder included: links to the site's own address are checked against its files.
    problems = link_problems(site, own_url=config["site_url"])
    assert problems == [], f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_every_link_of_the_offline_bundle_resolves(built):
    # The 404 page needs a web server and is left out of the zip (macros.output.build.NOT_OFFLINE).
    problems = link_problems(built["offline"], skip=frozenset(NOT_OFFLINE))
    assert problems == [], f"{len(problems)} broken link(s):\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a?b=c#d", True),
        ("http://tass.com/archive/678014", True),
        ("mailto:editors@example.org", True),
        ("htps://example.org", False),
        ("https://", False),
        ("https://exa mple.org/", False),
        ("https://example.org:80x/", False),
        ("ftp://example.org/file", False),
    ],
)
def test_the_external_link_check_itself(url, ok):
    assert (external_problem(url) is None) is ok


def test_the_internal_link_check_finds_a_missing_file_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../b/">b</a><a href="#here">ok</a><a href="#gone">x</a>')
    (tmp_path / "c.html").write_text('<img src="missing.png"><a href="a/#here">ok</a><a href="/a/">abs</a>')
    assert link_problems(tmp_path) == [
        "a/index.html: <a> '#gone': no id 'gone' in a/index.html",
        "a/index.html: <a> '../b/': no file /b/",
        "c.html: <a> '/a/': a root-absolute path cannot work from file://",
        "c.html: <img> 'missing.png': no file /missing.png",
    ]
