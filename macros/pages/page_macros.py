"""The macros pages call, as plain functions of a PageContext: testable without a build.

`define_env` (in `__init__.py`) registers each function in MACROS under its own name, passing
the context of the page being rendered. A content mistake raises ContentError (one line in
the build log); anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

from pydantic import ValidationError
from pymdownx.slugs import slugify

from ..editions import changes_page
from ..output import downloads
from .. import charts, maps, paths
from . import syllabus
from .chapter import chapter_slug
from ..editions.changes import compare
from .citations import first_markers
from .context import PageContext
from ..data.dates import human_date
from ..data.messages import explained
from ..data.problems import ContentError
from ..data.records import Citation
from .render import render, render_inline
from .timeline import timeline_html

SLUG = slugify(case="lower")
BIBLIOGRAPHY_MARKER = "<!-- ngg:bibliography -->"  # filled once every page is rendered (hooks.on_env)


def cite(ctx: PageContext, source: str, quote: str | None = None, note: str | None = None) -> str:
    """A numbered citation marker; seeds need a short verbatim quote."""
    try:
        citation = Citation(source=source, quote=quote, note=note)
    except ValidationError as err:
        raise ContentError("; ".join(f"{e['loc'][-1]}={e['input']!r}: {explained(e, Citation)}" for e in err.errors())) from None
    return render_inline("markers.html", markers=[ctx.refs.add(citation)])


def fact(ctx: PageContext, fact_id: str) -> str:
    """A figure from facts.yml with its citation markers."""
    record = ctx.library.get("facts", fact_id)
    return render_inline("fact.html", fact=record, anchor=ctx.refs.anchor(fact_id), markers=ctx.refs.add_all(record.citations))


def factbox(ctx: PageContext, title: str, fact_ids: list[str], box_id: str | None = None) -> str:
    """A titled figure: a table of facts, each row cited, with a source line."""
    if not fact_ids:
        raise ContentError(f"factbox {title!r} lists no facts: give it the ids of the facts it shows, factbox({title!r}, [\"fact-id\", ...])")
    records = [ctx.library.get("facts", fid) for fid in fact_ids]
    rows = [{"fact": r, "anchor": ctx.refs.anchor(r.id), "markers": ctx.refs.add_all(r.citations), "as_of": human_date(r.as_of)} for r in records]
    sources = first_markers([m for row in rows for m in row["markers"]])
    return render("factbox.html", title=title, rows=rows, sources=sources, box_id=box_id or SLUG(title, "-"), edition=ctx.editions.newest, address=ctx.address)


def term(ctx: PageContext, term_id: str, label: str | None = None) -> str:
    """A key term linked to its glossary entry; its definition shows on hover and keyboard focus."""
    record = ctx.library.get("terms", term_id)
    href = ctx.page_link(paths.GLOSSARY_PAGE)
    return render_inline("term.html", term=record, label=label or record.abbr or record.term, href=href, uid=ctx.refs.tip_uid())


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
    """Every edition's bundle online, the newest first; a note inside the bundle, which cannot hold itself."""
    if ctx.offline:
        return render("offline_note.html", edition=ctx.editions.newest)
    bundles = [{"edition": e, "href": ctx.site_link(paths.bundle_download(e.version)), "name": paths.bundle_file(e.version)} for e in ctx.editions.items]
    return render("offline_link.html", bundles=bundles)


def pdf_downloads(ctx: PageContext) -> str:
    """The edition's PDFs: every chapter, in the navigation's order, and the course pack."""
    version = ctx.editions.newest.version
    chapters = [{"title": syllabus.chapter_info(src).title, "href": ctx.site_link(paths.chapter_pdf(version, chapter_slug(src)))} for src in syllabus.chapter_sources(list(ctx.nav))]
    return render("pdf_downloads.html", chapters=chapters, pack=ctx.site_link(paths.course_pack_pdf(version)), edition=ctx.editions.newest)


def save_offline(ctx: PageContext) -> str:
    """Where the downloads page offers to save this edition in the browser (assets/save-offline.js
    puts the control there); the zip bundle points to the site, where saving is done."""
    return render("save_offline.html", offline=ctx.offline, edition=ctx.editions.newest, address=ctx.edition_url(ctx.editions.newest))


def not_saved(ctx: PageContext) -> str:
    """What the saved edition's worker shows, with the network off, for a page it did not save."""
    return render("not_saved.html", offline=ctx.offline, edition=ctx.editions.newest, home=ctx.page_link("index.md"),
                  downloads=ctx.page_link("downloads.md"), script=ctx.site_link(paths.NOT_SAVED_SCRIPT))


def timeline(ctx: PageContext) -> str:
    """Every dated event, oldest first, each with its citation markers; filterable by actor."""
    return timeline_html(ctx.library, ctx.refs.add_all, script=ctx.site_link("assets/timeline.js"))


def map(ctx: PageContext, map_id: str) -> str:  # noqa: A001 (the macro's name in pages: {{ map("id") }})
    """A map from maps.yml as a cited figure: the map, a legend, a table of every feature and its sources."""
    spec = ctx.library.get("maps", map_id)
    return maps.figure(ctx.library, spec, ctx.refs, ctx.site_link)


def chart(ctx: PageContext, chart_id: str) -> str:
    """A chart from charts.yml as a cited figure: the picture, its text alternative, the table of
    its points (each cited), a source line, how to cite it and its downloads."""
    return charts.chart_figure(ctx, chart_id)


def changes(ctx: PageContext, version: str) -> str:
    """What changed in an edition since the one before: figures (old -> new, each cited, each linked
    where it stands in both editions), facts, sources, events and sections added or removed."""
    new = ctx.editions.get(version)
    old = ctx.editions.before(version)
    if old is None:
        raise ContentError(f"edition {version} is the first: there is nothing before it to compare; call changes() only for an edition that has one before it in docs/data/editions.yml")
    return render("changes.html", **changes_page.view(ctx, compare(old, new, ctx.library)))


def editions_list(ctx: PageContext) -> str:
    """Every edition, newest first, with its address, its changes page and its offline bundle."""
    rows = [
        {"edition": e, "address": ctx.edition_url(e), "changes": ctx.page_link(f"editions/{e.version}.md") if ctx.editions.before(e.version) else "",
         "bundle": "" if ctx.offline else ctx.site_link(paths.bundle_download(e.version))}  # a bundle cannot hold the bundles
        for e in ctx.editions.items
    ]
    return render("editions.html", rows=rows, newest=ctx.editions.newest)


def edition_summary(ctx: PageContext, version: str) -> str:
    """What the editors say an edition changed, in their words (docs/data/editions.yml)."""
    return render("edition_summary.html", edition=ctx.editions.get(version))


def edition_currency(ctx: PageContext) -> str:
    """Which edition this is and how current: the date of the newest report it cites, from the data."""
    newest = ctx.editions.newest
    return render("edition_currency.html", edition=newest, published=human_date(newest.date.isoformat()),
                  sources_to=human_date(ctx.library.sources_run_to()), changes=ctx.page_link(f"editions/{newest.version}.md"))


def bibliography(ctx: PageContext) -> str:
    """Every source with a stable anchor; rendered once all pages are, so 'Cited in' is complete."""
    return BIBLIOGRAPHY_MARKER


MACROS = (cite, fact, factbox, term, glossary, chapter_plan, data_downloads, offline_bundle, pdf_downloads, save_offline, not_saved, timeline, map, chart, changes, editions_list, edition_summary, edition_currency, bibliography)
