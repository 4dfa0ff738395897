"""A chapter's self-check: its items from selfcheck.yml, each question with the objective it
tests, its options or a prompt for a short answer, and the answer folded away in <details> (it
opens with no script, offline and on a phone), explained, cited and linked to the section that
teaches it. Print (macros/print/) gathers every `.print-answer` at the end of a PDF, so each
answer names its question."""
from __future__ import annotations

from string import ascii_uppercase

from ..data import countries
from ..data.dates import human_date
from ..data.figures import figure_in
from ..maps.figure import position, unique
from ..pages.context import PageContext
from ..pages.render import render
from .chapters import Chapter
from .records import SelfCheckItem

# Objectives are named in words: a number in a paragraph is a figure, which would need a source.
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def items_of(ctx: PageContext, chapter: Chapter) -> list[SelfCheckItem]:
    """The chapter's items in the order of the objectives they test (file order within one)."""
    return sorted((i for i in ctx.library.selfcheck.values() if i.chapter == chapter.name), key=lambda i: i.objective)


def self_check_html(ctx: PageContext, chapter: Chapter) -> str:
    names = ctx.library.designations()
    rows = []
    for number, item in enumerate(items_of(ctx, chapter), start=1):
        fact = ctx.library.facts[item.fact] if item.fact else None
        sources = unique((fact.citations if fact else []) + item.citations)
        rows.append({
            "item": item,
            "number": number,
            "objective": chapter.objectives[item.objective - 1],
            "ordinal": ORDINALS[item.objective - 1],
            # A question that holds a figure cites it, as every block with a figure does.
            "question_markers": ctx.refs.add_all(sources) if figure_in(item.question, names) else [],
            "options": list(zip(ascii_uppercase, item.options)),
            "letter": ascii_uppercase[item.correct - 1] if item.correct else None,
            "markers": ctx.refs.add_all(sources),
            "section_title": chapter.sections[item.section],
            "fact": fact and figure_of(ctx, fact),
            "place": item.place and place_of(ctx, item),
        })
    return render("self_check.html", rows=rows)


def figure_of(ctx: PageContext, fact) -> dict:
    """What the answer says of a "whose figure?" item's fact, linked to where the chapter shows it."""
    return {"record": fact, "as_of": human_date(fact.as_of), "href": f"#fact-{fact.id}" if fact.id in ctx.refs.figures else None, "markers": ctx.refs.add_all(fact.citations)}


def place_of(ctx: PageContext, item: SelfCheckItem) -> dict:
    place = ctx.library.places[item.place]
    where = f"in {countries.name(place.country)}, at {position(place)}" + (" (an approximate position)" if place.approximate else "")
    return {"record": place, "where": where, "map": item.map, "markers": ctx.refs.add_all(place.citations)}
