"""One print document from built pages: a chapter alone, or the course pack of an edition.

Each page becomes a `<section class="pdf-page" id="<slug>">` with every id inside it prefixed
by `<slug>--`, so the pages' own anchors (sources `#ref-…`, figures `#fact-…`) stay unique.
Links are rewritten so the PDF works on its own:

- to a page in the document: an internal link (`#turkey--csto`);
- to any other page or file of the site: its permanent address in the edition
  (`<site_url><version>/…`), never a path relative to a site the PDF is not in;
- pictures: a path from the site's root (the engine reads them from the built site).

Elements with the class `print-answer` (self-check answers, say) leave their page and are
gathered at the end of the document under "Answers", each group linked to its page: the hook
for the self-check questions chapters will carry.
"""
from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree
import lxml.html
from markupsafe import Markup

from ..editions.address import edition_root
from ..pages.context import edition_address
from ..pages.render import JINJA
from .pages import BuiltPage, Site

ANSWER_CLASS = "print-answer"
DROP = "//script | //iframe | //noscript | //*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"


@dataclass
class Part:
    page: BuiltPage
    slug: str
    address: str = ""  # the page's permanent address in the edition
    html: Markup = Markup("")
    answers: list[Markup] = field(default_factory=list)


@dataclass
class Document:
    html: str
    resources: list[str]  # site paths the document loads (pictures), for the cache key
    parts: list[Part]


def slug_of(src: str) -> str:
    return src.removesuffix(".md").replace("/", "-")


def assemble(site: Site, pages: list[BuiltPage], kind: str, meta: dict) -> Document:
    """A print document: `kind` 'chapter' (one page) or 'pack' (title page, contents, pages)."""
    parts = [Part(p, slug_of(p.src), edition_address(meta["site_url"], meta["version"], p.src)) for p in pages]
    inside = {p.page.src: p.slug for p in parts}
    resources: set[str] = set()
    for part in parts:
        article = copy.deepcopy(part.page.article)
        for node in article.xpath(DROP):
            node.drop_tree()
        part.answers = [Markup(etree.tostring(a, encoding="unicode", method="html", with_tail=False)) for a in gather_answers(article)]
        rewrite(article, part, site, inside, meta["site_url"], meta["version"], resources)
        part.html = Markup("".join(inner_html(article)))
    html = JINJA.get_template("pdf_document.html").render(kind=kind, parts=parts, **meta)
    return Document(html, sorted(resources), parts)


def gather_answers(article) -> list:
    """Take every answer out of its page (its tail text stays where it was)."""
    found = article.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {ANSWER_CLASS} ')]")
    for node in found:
        node.drop_tree()
    return found


def inner_html(element) -> list[str]:
    out = [element.text or ""]
    for child in element:
        out.append(etree.tostring(child, encoding="unicode", method="html"))
    return out


def rewrite(article, part: Part, site: Site, inside: dict[str, str], site_url: str, version: str, resources: set[str]) -> None:
    prefix = part.slug + "--"
    for node in article.xpath("//*[@id]"):
        node.set("id", prefix + node.get("id"))
    for node in article.xpath("//*[@data-url]"):  # a source in the page's list: its address, written out
        link = lxml.html.Element("a", {"class": "source-url", "href": node.get("data-url")})
        link.text = node.get("data-url")
        link.tail = None
        node.append(link)
        del node.attrib["data-url"]
    for node in article.xpath("//a[@href]"):
        node.set("href", link_target(node.get("href"), part, site, inside, site_url, version))
        node.attrib.pop("download", None)
    for node in article.xpath("//img[@src]"):
        src = node.get("src")
        if is_external(src):
            continue
        path, fragment = site_path(src, part.page.url)
        resources.add(path)
        node.set("src", path + (f"#{fragment}" if fragment else ""))
        for attr in ("loading", "fetchpriority", "decoding"):
            node.attrib.pop(attr, None)


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme)


def site_path(href: str, page_url: str) -> tuple[str, str]:
    """A link relative to a page, as a path from the site's root and its fragment."""
    parts = urlsplit(href)
    base = posixpath.dirname("/" + page_url) if not page_url.endswith("/") else "/" + page_url
    joined = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else "/" + page_url
    path = joined.lstrip("/")
    if parts.path.endswith("/") and path:
        path += "/"
    return ("" if path == "." else path), parts.fragment


def link_target(href: str, part: Part, site: Site, inside: dict[str, str], site_url: str, version: str) -> str:
    if is_external(href):
        return href
    if href.startswith("#"):
        return f"#{part.slug}--{href[1:]}" if href[1:] else f"#{part.slug}"
    path, fragment = site_path(href, part.page.url)
    src = site.source_of(path)
    if src in inside:
        return f"#{inside[src]}--{fragment}" if fragment else f"#{inside[src]}"
    address = edition_address(site_url, version, src) if src is not None else edition_root(site_url, version) + path
    return address + (f"#{fragment}" if fragment else "")
