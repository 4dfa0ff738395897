"""The frame every page gets around its prose: objectives, questions, sources, how to cite."""
from __future__ import annotations

import math
import re

from .. import paths
from .cite_page import PageCitation
from .context import PageContext
from ..data.dates import human_date
from ..editions.address import is_placeholder
from .render import render

WORDS_PER_MINUTE = 200
MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def frame(ctx: PageContext, markdown: str, meta: dict, source_markdown: str, citation: PageCitation) -> str:
    """The page's Markdown with its learning frame and closing sections added."""
    if meta.get("objectives"):
        pdf = ctx.site_link(paths.chapter_pdf(ctx.editions.newest.version, chapter_slug(ctx.src_uri)))
        intro = render("page_meta.html", minutes=reading_minutes(source_markdown or markdown), pdf=pdf, sources_to=human_date(ctx.library.sources_run_to()))
        objectives = "By the end of this chapter you should be able to:\n\n" + numbered(meta["objectives"])
        markdown = after_title(markdown, intro + section("Learning objectives", "objectives", objectives))
    if meta.get("questions"):
        markdown += section("Discussion questions", "discussion-questions", numbered(meta["questions"]))
    if meta.get("objectives"):
        from .. import learning  # noqa: PLC0415 (the learning package reads chapters through modules that import this one)

        for title, anchor, body in learning.chapter_end(ctx):  # a chapter ends with its self-check and source lab
            markdown += section(title, anchor, body)
    if ctx.refs.order:
        listed = render("page_sources.html", listed=ctx.refs.listed(), bibliography=ctx.page_link(paths.BIBLIOGRAPHY_PAGE))
        markdown += section("Sources", "sources", listed)
    if meta.get("objectives"):
        markdown += section("Cite this page", "cite-this-page", render("cite_page.html", c=citation, placeholder=is_placeholder(ctx.site_url)))
    # Printed, every page names its edition and permanent address at its foot (print.css).
    markdown += "\n\n" + render("print_running.html", edition=ctx.editions.newest, address=ctx.address) + "\n"
    return markdown


def chapter_slug(src_uri: str) -> str:
    """chapters/turkey.md -> turkey: the chapter's name in its PDF's file name."""
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


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
