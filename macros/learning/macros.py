"""The macros the learning pages call: thin functions of a PageContext, like `pages/page_macros.py`.
A chapter's self-check and source lab need no macro: the page frame adds them."""
from __future__ import annotations

from ..pages.context import PageContext
from .comparison import comparison_markdown
from .countries import country_markdown
from .teaching import plan_markdown, resources_list


def comparison(ctx: PageContext) -> str:
    """The three powers side by side, field by field, every cell cited (comparison.yml)."""
    return comparison_markdown(ctx)


def country(ctx: PageContext, code: str) -> str:
    """A Central Asian state's page: its numbers, map, memberships, chapters, events and figures."""
    return country_markdown(ctx, code)


def teaching(ctx: PageContext, chapter: str) -> str:
    """A chapter's teaching plan (teaching.yml): lesson, role-play, essays, question notes, reading."""
    return plan_markdown(ctx, chapter)


def teaching_resources(ctx: PageContext) -> str:
    """The list of every chapter's teaching plan, for the instructors' page."""
    return resources_list(ctx)


MACROS = (comparison, country, teaching, teaching_resources)
