"""The changes page: a comparison of two editions (`changes.py`) as its template shows it."""
from __future__ import annotations

from .. import paths
from .changes import Changes
from ..pages.citations import first_markers
from ..pages.context import PageContext
from ..data.dates import human_date
from ..data.records import Citation, Correction, Event, Fact, Source
from ..pages.cite_page import page_title
from .catalogue import edition_source_id, file_at


MODELS = {"facts": Fact, "events": Event, "sources": Source}  # an earlier edition's records, shown as it published them (not validated again)


def view(ctx: PageContext, diff: Changes) -> dict:
    """What the template shows, each figure with its markers. The older figures cite the older
    edition. The newer ones cite their sources when the newer edition is the one being built;
    on an earlier edition's changes page they cite that edition and link to it, because its
    records and pages are that edition's own, not today's (a source it cited may be gone)."""
    current = diff.new.edition.commit is None
    new_edition, old_edition = diff.new.edition, diff.old.edition

    def was():  # a marker citing the older edition for what it said
        return ctx.refs.add(Citation(source=edition_source_id(old_edition.version)))

    def new_markers(record) -> list:
        return ctx.refs.add_all(record.citations) if current else [ctx.refs.add(Citation(source=edition_source_id(new_edition.version)))]

    def new_link(page: str, anchor: str = "") -> str:
        href = ctx.page_link(page) if current else ctx.edition_url(new_edition, page)
        return href + (f"#{anchor}" if anchor else "")

    def new_record(kind: str, record_id: str):
        return getattr(ctx.library, kind)[record_id] if current else MODELS[kind].model_construct(**getattr(diff.new, kind)[record_id])

    def new_fact(fact_id: str) -> dict:
        record = new_record("facts", fact_id)
        href = new_link(diff.new.fact_pages[fact_id], f"fact-{fact_id}") if fact_id in diff.new.fact_pages else ""
        return {"fact": record, "as_of": human_date(record.as_of), "href": href, "markers": new_markers(record)}

    def old_fact(fact_id: str) -> dict:
        old = diff.old.facts[fact_id]
        href = ctx.edition_url(old_edition, diff.old.fact_pages[fact_id]) if fact_id in diff.old.fact_pages else ""
        return {"old": old, "old_as_of": human_date(str(old["as_of"])), "old_href": href, "was": was()}

    def event(event_id: str) -> dict:
        record = new_record("events", event_id)
        return {"event": record, "date": human_date(record.date), "markers": new_markers(record)}

    # Numbered in the order the page shows them, so that markers count up from [1] down the page.
    compared = was()
    corrections = [correction_row(ctx, c, was) for c in ctx.library.corrections.values() if c.edition == new_edition.version]
    changed = [old_fact(i) | new_fact(i) for i in diff.figures_changed()]
    added = [new_fact(i) for i in diff.added("facts")]
    removed = [old_fact(i) for i in diff.removed("facts")]
    events = [event(i) for i in diff.added("events")]
    sources = {"added": [new_record("sources", i) for i in diff.added("sources")], "removed": [diff.old.sources[i] for i in diff.removed("sources")]}
    return {
        "compared": compared, "corrections": corrections, "corrections_sources": first_markers([m for row in corrections for m in [row["was"], *row["markers"]]]),
        "new": new_edition, "old": old_edition, "changed": changed, "added": added,
        "changed_sources": first_markers([m for row in changed for m in [row["was"], *row["markers"]]]),
        "removed_sources": first_markers([row["was"] for row in removed]),
        "added_sources": first_markers([m for row in added for m in row["markers"]]),
        "removed": removed, "events": events, "source_changes": sources, "sections": diff.sections(),
        "bibliography": new_link(paths.BIBLIOGRAPHY_PAGE), "old_home": ctx.edition_url(old_edition),
        "chapter_link": lambda chapter, anchor="": new_link(chapter, anchor),
        "old_chapter_link": lambda chapter, anchor="": ctx.edition_url(old_edition, chapter) + (f"#{anchor}" if anchor else ""),
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
