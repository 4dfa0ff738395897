"""The site's macros package, loaded by mkdocs-macros (`define_env`).

Data flows one way: data files -> validated records (`loading`) -> one BuildState per build,
owned by the macros plugin -> macros (`page_macros`, plain functions of a PageContext) ->
templates -> pages. The hooks (`hooks.py`) add generated files and the bibliography.
"""
from __future__ import annotations

import functools
import logging

from .pages import build_state, chapter, page_macros
from .learning import macros as learning_macros
from .pages.cite_page import page_citation, page_title
from .pages.context import PageContext
from .editions import address
from .data.loading import load_library
from .data.dates import human_date
from .data.problems import ContentError, DataError

log = logging.getLogger("mkdocs.plugins.macros.ngg")


def define_env(env) -> None:
    """Validate the data (stopping the build with one line per problem) and register the macros."""
    try:
        env.conf["site_url"] = site = address.checked(env.conf["site_url"] or address.PLACEHOLDER)
        library = load_library(site_url=site)
    except DataError as err:
        stop(err.problems, f"{len(err.problems)} data problem(s): fix the entries above and build again")
    except ContentError as err:
        stop([str(err)], "fix the address and build again")
    editions = library.editions
    setattr(env, build_state.ATTRIBUTE, build_state.BuildState(library, editions))
    # The theme (footer, head metadata) shows the edition this build publishes.
    newest = editions.newest
    env.conf["extra"]["edition"] = {"version": newest.version, "date": newest.date.isoformat(), "sources_to": human_date(library.sources_run_to())}
    # A local build without SITE_URL says on every page that its addresses are placeholders.
    env.conf["extra"]["placeholder_address"] = address.is_placeholder(site)
    for func in page_macros.MACROS + learning_macros.MACROS:
        env.macro(bound(env, func), func.__name__)


def on_pre_page_macros(env) -> None:
    build_state.held_by(env).start_page(env.page.file.src_uri)


def on_post_page_macros(env) -> None:
    """Frame every page (objectives, questions, sources, how to cite)."""
    page = env.page
    title = page_title(page.markdown or "", page.meta, page.title or "")
    # The theme's head template reads this too (citation_* meta tags, schema.org).
    page.meta["citation"] = citation = page_citation(env.conf, page.file.src_uri, title)
    env.markdown = chapter.frame(context(env), env.markdown, page.meta, page.markdown or "", citation)


# ---- helpers ------------------------------------------------------------------------------


def context(env) -> PageContext:
    state = build_state.held_by(env)
    return PageContext(
        src_uri=env.page.file.src_uri,
        url=env.page.url,
        directory_urls=env.conf["use_directory_urls"],
        offline=bool(env.conf["extra"].get("offline")),
        library=state.library,
        editions=state.editions,
        site_url=env.conf["site_url"] or "/",
        refs=state.page(env.page.file.src_uri),
        nav=tuple(env.conf["nav"] or ()),
    )


def bound(env, func):
    """The macro as pages call it: this page's context first; a content error names the page."""

    @functools.wraps(func)
    def macro(*args, **kwargs):
        ctx = context(env)
        try:
            return func(ctx, *args, **kwargs)
        except ContentError as err:
            stop([f"{ctx.where}: {func.__name__}(): {err}"], f"{ctx.where}: fix the macro call above")

    return macro


def stop(lines: list[str], summary: str):
    # Logged one per line: mkdocs-macros hides an exception's message under `mkdocs build -q`.
    for line in lines:
        log.error(line)
    raise SystemExit(summary)
