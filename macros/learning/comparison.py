"""The three powers side by side (docs/compare.md): one section per field from comparison.yml,
each a small cited table with a column per power; every cell a fact or a short statement with
its markers and a link to the chapter section that explains it."""
from __future__ import annotations

from ..pages.citations import first_markers
from ..pages.context import PageContext
from ..pages.render import render
from .records import POWERS, ComparisonRow
from . import chapters

POWER_NAMES = {"russia": "Russia", "china": "China", "turkey": "Turkey"}


def section_link(ctx: PageContext, ref: str) -> dict:
    """A chapter section written `chapter#anchor`, as a link from this page with its title."""
    name, anchor = ref.split("#")
    chapter = chapters.chapter(name)
    return {"href": f"{ctx.page_link(chapter.src)}#{anchor}", "title": chapter.sections[anchor]}


def row_html(ctx: PageContext, row: ComparisonRow) -> str:
    cells = []
    for power in POWERS:
        cell = row.cells[power]
        facts = [{"fact": ctx.library.facts[f], "markers": ctx.refs.add_all(ctx.library.facts[f].citations)} for f in cell.facts]
        cells.append({"power": POWER_NAMES[power], "facts": facts, "text": cell.text, "markers": ctx.refs.add_all(cell.citations), "link": section_link(ctx, cell.section)})
    note_markers = ctx.refs.add_all(row.citations)
    sources = first_markers([m for c in cells for f in c["facts"] for m in f["markers"]] + [m for c in cells for m in c["markers"]] + note_markers)
    return render("comparison_row.html", row=row, cells=cells, note_markers=note_markers, sources=sources, powers=[POWER_NAMES[p] for p in POWERS])


def comparison_markdown(ctx: PageContext) -> str:
    """Every row under its own heading (in the page's table of contents and linkable)."""
    return "\n\n".join(f"## {row.title} {{#{row.id}}}\n\n{row_html(ctx, row)}" for row in ctx.library.comparison.values())
