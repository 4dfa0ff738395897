"""A page for each of the five states (docs/countries/<name>.md, one macro call each), all of it
found in the data: population and output by one count for all five (countries.yml), the
groupings it belongs to (the map layers' members), its map, its events (events.yml `countries`),
the facts that concern it (derived: a fact whose statement names the state or its people, see
`data.countries.mention`) and the chapter sections that name it (filled in once every chapter is
rendered: `country_sections.py`)."""
from __future__ import annotations

from ..data import countries
from ..data.dates import human_date
from ..data.problems import ContentError
from ..maps.figure import unique
from ..pages import page_macros, syllabus
from ..pages.citations import first_markers
from ..pages.context import PageContext
from ..pages.render import render
from ..pages.timeline import ordered
from .. import paths
from . import chapters
from .country_sections import marker
from .records import Country


def record(ctx: PageContext, code: str) -> Country:
    found = [c for c in ctx.library.countries.values() if c.code == code]
    if not found:
        raise ContentError(f"no country {code!r} in docs/data/countries.yml: use one of {', '.join(c.code for c in ctx.library.countries.values())}")
    return found[0]


def country_markdown(ctx: PageContext, code: str) -> str:
    country = record(ctx, code)
    name = countries.name(code)
    sections = [
        ("", render("country_summary.html", country=country, markers=ctx.refs.add_all(country.citations), others=others(ctx, country))),
        (f"In numbers {{#in-numbers}}", page_macros.factbox(ctx, f"{name} in numbers, by one count for every Central Asian state", [country.population, country.output], box_id=f"{country.id}-numbers")),
        (f"On the map {{#on-the-map}}", page_macros.map(ctx, country.map)),
        (f"Memberships {{#memberships}}", memberships(ctx, country)),
        (f"In the chapters {{#in-the-chapters}}", marker(code)),
        (f"On the timeline {{#on-the-timeline}}", events(ctx, country)),
        (f"Figures about {name} {{#figures}}", figures(ctx, country)),
    ]
    return "\n\n".join(f"## {title}\n\n{body}" if title else body for title, body in sections)


def others(ctx: PageContext, country: Country) -> list[dict]:
    return [{"name": countries.name(c.code), "href": ctx.page_link(paths.country_page(c.id))} for c in ctx.library.countries.values() if c.id != country.id]


def memberships(ctx: PageContext, country: Country) -> str:
    rows = []
    for layer in ctx.library.layers.values():
        for member in layer.countries:
            if member.country == country.code:
                rows.append({"layer": layer, "member": member, "since": human_date(member.since) if member.since else "", "markers": ctx.refs.add_all(unique(member.citations))})
    if not rows:
        raise ContentError(f"{country.code} is a member of no grouping on the map layers (docs/data/layers.yml)")
    sources = first_markers([m for r in rows for m in r["markers"]])
    return render("country_memberships.html", rows=rows, sources=sources, name=countries.name(country.code), box_id=f"{country.id}-memberships")


def events(ctx: PageContext, country: Country) -> str:
    timeline = ctx.page_link(paths.TIMELINE_PAGE)
    rows = [{"event": e, "date": human_date(e.date), "markers": ctx.refs.add_all(e.citations)} for e in ordered(ctx.library) if country.code in e.countries]
    return render("country_events.html", rows=rows, timeline=timeline, code=country.code, name=countries.name(country.code))


def figures(ctx: PageContext, country: Country) -> str:
    """Every fact whose statement names the state, with where a chapter shows it."""
    named = countries.mention(country.code)
    shown_in = first_chapter_showing(ctx)
    facts = [f for f in ctx.library.facts.values() if named.search(f.statement) and f.id not in (country.population, country.output)]
    rows = [{"fact": f, "as_of": human_date(f.as_of), "markers": ctx.refs.add_all(f.citations), "where": shown_in.get(f.id)} for f in facts]
    sources = first_markers([m for r in rows for m in r["markers"]])
    return render("country_figures.html", rows=rows, sources=sources, name=countries.name(country.code), box_id=f"{country.id}-figures")


def first_chapter_showing(ctx: PageContext) -> dict[str, dict]:
    """fact id -> the first chapter (in the navigation's order) that shows it, as a link to it."""
    where: dict[str, dict] = {}
    for src in syllabus.chapter_sources(list(ctx.nav)):
        chapter = chapters.chapter(src.removeprefix(paths.CHAPTERS_DIR + "/").removesuffix(".md"))
        if chapter is None:
            continue
        title = syllabus.chapter_info(src).title
        for fact in chapter.facts:
            where.setdefault(fact, {"href": f"{ctx.page_link(src)}#fact-{fact}", "title": title})
    return where
