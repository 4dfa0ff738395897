"""The frame every page gets around its prose: objectives, questions, sources."""
from __future__ import annotations

import math
import re

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import paths
from .cite_page import page_citation
from .citations import PageCitations
from .render import render

WORDS_PER_MINUTE = 200
MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def url_to(env, src_uri: str) -> str:
    """The URL of another page relative to the page being rendered (works online and offline)."""
    target = File(src_uri, env.conf["docs_dir"], env.conf["site_dir"], env.conf["use_directory_urls"])
    return get_relative_url(target.url, env.page.url)


def site_path_to(env, path: str) -> str:
    """A file generated into the site (not a page), relative to the page being rendered."""
    return get_relative_url(path, env.page.url)


def reading_minutes(markdown: str) -> int:
    return max(1, math.ceil(len(MACRO_CALL.sub(" ", markdown).split()) / WORDS_PER_MINUTE))


def section(title: str, anchor: str, body: str) -> str:
    return f"\n\n## {title} {{#{anchor}}}\n\n{body}\n"


def numbered(items: list[str]) -> str:
    return "\n".join(f"1. {item}" for item in items)


def after_title(markdown: str, block: str) -> str:
    """Insert a block right after the page's first H1 (or at the top if it has none)."""
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join(lines[:at] + ["", block, ""] + lines[at:])


def frame(env, markdown: str, refs: PageCitations) -> str:
    meta = env.page.meta
    # The theme's head template reads this too (citation_* meta tags, schema.org).
    meta["citation"] = citation = page_citation(env.conf, env.page)
    if meta.get("objectives"):
        minutes = reading_minutes(env.page.markdown or markdown)
        intro = render("page_meta.html", minutes=minutes)
        block = intro + section("Learning objectives", "objectives", "By the end of this chapter you should be able to:\n\n" + numbered(meta["objectives"]))
        markdown = after_title(markdown, block)
    if meta.get("questions"):
        markdown += section("Discussion questions", "discussion-questions", numbered(meta["questions"]))
    if refs.order:
        listed = render("page_sources.html", listed=refs.listed(), bibliography=url_to(env, paths.BIBLIOGRAPHY_PAGE))
        markdown += section("Sources", "sources", listed)
    if meta.get("objectives"):
        markdown += section("Cite this page", "cite-this-page", render("cite_page.html", c=citation))
    return markdown
