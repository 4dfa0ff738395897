"""The changes page: a comparison of two editions (`changes.py`) as its template shows it."""
from __future__ import annotations

from .. import paths
from .changes import Changes
from ..pages.citations import first_markers
from ..pages.context import PageContext
from ..data.dates import human_date
from ..data.records import Citation, Correction
from ..pages.cite_page import page_title
from .catalogue import edition_source_id, file_at


def view(ctx: PageContext, diff: Changes) -> dict:
    """What the template shows, each figure with its markers (the older ones citing the older edition)."""
    def was():  # a marker citing the older edition for what it said
        return ctx.refs.add(Citation(source=edition_source(diff.old.edition)))

    def new_href(fact_id: str) -> str:
        return ctx.page_link(diff.new.fact_pages[fact_id]) + f"#fact-{fact_id}" if fact_id in diff.new.fact_pages else ""

    def old_href(fact_id: str) -> str:
        return ctx.edition_url(diff.old.edition, diff.old.fact_pages[fact_id]) if fact_id in diff.old.fact_pages else ""

    def new_fact(fact_id: str) -> dict:
        record = ctx.library.facts[fact_id]
        return {"fact": record, "as_of": human_date(record.as_of), "href": new_href(fact_id), "markers": ctx.refs.add_all(record.citations)}

    def old_fact(fact_id: str) -> dict:
        old = diff.old.facts[fact_id]
        return {"old": old, "old_as_of": human_date(str(old["as_of"])), "old_href": old_href(fact_id), "was": was()}

    # Numbered in the order the page shows them, so that markers count up from [1] down the page.
    compared = was()
    corrections = [correction_row(ctx, c, was) for c in ctx.library.corrections.values() if c.edition == diff.new.edition.version]
    changed = [old_fact(i) | new_fact(i) for i in diff.figures_changed()]
    added = [new_fact(i) for i in diff.added("facts")]
    removed = [old_fact(i) for i in diff.removed("facts")]
    events = [{"event": ctx.library.events[i], "date": human_date(ctx.library.events[i].date), "markers": ctx.refs.add_all(ctx.library.events[i].citations)} for i in diff.added("events")]
    sources = {"added": [ctx.library.sources[i] for i in diff.added("sources")], "removed": [diff.old.sources[i] for i in diff.removed("sources")]}
    return {
        "compared": compared, "corrections": corrections, "corrections_sources": first_markers([m for row in corrections for m in [row["was"], *row["markers"]]]),
        "new": diff.new.edition, "old": diff.old.edition, "changed": changed, "added": added,
        "changed_sources": first_markers([m for row in changed for m in [row["was"], *row["markers"]]]),
        "removed_sources": first_markers([row["was"] for row in removed]),
        "added_sources": first_markers([m for row in added for m in row["markers"]]),
        "removed": removed, "events": events, "source_changes": sources, "sections": diff.sections(),
        "bibliography": ctx.page_link(paths.BIBLIOGRAPHY_PAGE), "old_home": ctx.edition_url(diff.old.edition),
        "chapter_link": lambda chapter, anchor="": ctx.page_link(chapter) + (f"#{anchor}" if anchor else ""),
        "old_chapter_link": lambda chapter, anchor="": ctx.edition_url(diff.old.edition, chapter) + (f"#{anchor}" if anchor else ""),
    }


def correction_row(ctx: PageContext, record: Correction, was) -> dict:
    """A correction as its row shows it: where (in the edition that made it), what the edition
    before said (citing that edition), and what this one says."""
    edition = ctx.editions.get(record.edition)
    anchor = f"#{record.section}" if record.section else ""
    newest = edition is ctx.editions.newest
    href = (ctx.page_link(record.page) if newest else ctx.edition_url(edition, record.page)) + anchor
    text = (paths.DOCS / record.page).read_text(encoding="utf-8") if newest else file_at(edition, f"docs/{record.page}") or ""
    return {"c": record, "title": page_title(text, {}), "href": href, "was": was(), "markers": ctx.refs.add_all(record.citations)}


def edition_source(edition) -> str:
    """The bibliography entry of an earlier edition of this site, cited for what it said."""
    return edition_source_id(edition.version)
