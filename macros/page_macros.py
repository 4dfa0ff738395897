"""The macros pages call, as plain functions of a PageContext: testable without a build.

`define_env` (in `__init__.py`) registers each function in MACROS under its own name, passing
the context of the page being rendered. A content mistake raises ContentError (one line in
the build log); anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

from pymdownx.slugs import slugify

from . import downloads, maps, paths, syllabus
from .context import PageContext
from .problems import ContentError
from .records import Citation
from .render import render, render_inline
from .timeline import timeline_html

SLUG = slugify(case="lower")
BIBLIOGRAPHY_MARKER = "<!-- ngg:bibliography -->"  # filled once every page is rendered (hooks.on_env)


def cite(ctx: PageContext, source: str, quote: str | None = None, note: str | None = None) -> str:
    """A numbered citation marker; seeds need a short verbatim quote."""
    return render_inline("markers.html", markers=[ctx.refs.add(Citation(source=source, quote=quote, note=note))])


def fact(ctx: PageContext, fact_id: str) -> str:
    """A figure from facts.yml with its citation markers."""
    record = ctx.library.get("facts", fact_id)
    return render_inline("fact.html", fact=record, markers=ctx.refs.add_all(record.citations))


def factbox(ctx: PageContext, title: str, fact_ids: list[str], box_id: str | None = None) -> str:
    """A titled figure: a table of facts, each row cited, with a source line."""
    if not fact_ids:
        raise ContentError(f"factbox {title!r} lists no facts")
    records = [ctx.library.get("facts", fid) for fid in fact_ids]
    rows = [{"fact": record, "markers": ctx.refs.add_all(record.citations)} for record in records]
    firsts = {m.source.id: m for row in rows for m in row["markers"]}
    return render("factbox.html", title=title, rows=rows, sources=list(firsts.values()), box_id=box_id or SLUG(title, "-"))


def term(ctx: PageContext, term_id: str, label: str | None = None) -> str:
    """A key term linked to its glossary entry."""
    record = ctx.library.get("terms", term_id)
    href = ctx.page_link(paths.GLOSSARY_PAGE)
    return render_inline("term.html", term=record, label=label or record.abbr or record.term, href=href)


def glossary(ctx: PageContext) -> str:
    """Every glossary term, alphabetically, each with a stable anchor."""
    terms = sorted(ctx.library.terms.values(), key=lambda t: t.term.lower())
    return render("glossary.html", terms=terms, terms_by_id=ctx.library.terms)


def chapter_plan(ctx: PageContext) -> str:
    """Every chapter's reading time, objectives, questions and linkable sections, for instructors."""
    infos = syllabus.chapters(list(ctx.nav))
    rows = [{"info": i, "href": ctx.page_link(i.src), "slug": i.src.split("/")[-1].removesuffix(".md")} for i in infos]
    return render("syllabus.html", chapters=rows)


def data_downloads(ctx: PageContext) -> str:
    """Every data file as YAML, JSON and (for tables) CSV."""
    files = [downloads.describe(name) for name in downloads.kinds()]
    return render("downloads.html", files=files, base=ctx.site_link("data/"))


def offline_bundle(ctx: PageContext) -> str:
    """The bundle's download link online; a note inside the bundle, which cannot hold itself."""
    if ctx.offline:
        return render("offline_note.html")
    return render("offline_link.html", href=ctx.site_link(paths.BUNDLE_DOWNLOAD))


def timeline(ctx: PageContext) -> str:
    """Every dated event, oldest first, each with its citation markers; filterable by actor."""
    return timeline_html(ctx.library, ctx.refs.add_all, script=ctx.site_link("assets/timeline.js"))


def map(ctx: PageContext, map_id: str) -> str:  # noqa: A001 (the macro's name in pages: {{ map("id") }})
    """A map from maps.yml as a cited figure: the map, a legend, a table of every feature and its sources."""
    spec = ctx.library.get("maps", map_id)
    return maps.figure(ctx.library, spec, ctx.refs, ctx.site_link)


def bibliography(ctx: PageContext) -> str:
    """Every source with a stable anchor; rendered once all pages are, so 'Cited in' is complete."""
    return BIBLIOGRAPHY_MARKER


MACROS = (cite, fact, factbox, term, glossary, chapter_plan, data_downloads, offline_bundle, timeline, map, bibliography)
