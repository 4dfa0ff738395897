"""A chapter's source lab: a real claim the chapter does not discuss, the steps to check it, and
a model answer folded away like the self-check's answers (print gathers it with them)."""
from __future__ import annotations

from ..data.problems import ContentError
from ..pages.context import PageContext
from ..pages.render import render
from .chapters import Chapter
from .selfcheck import ORDINALS


def source_lab_html(ctx: PageContext, chapter: Chapter) -> tuple[str, str]:
    """The lab's title (for its heading) and its body."""
    labs = [lab for lab in ctx.library.labs.values() if lab.chapter == chapter.name]
    if len(labs) != 1:
        raise ContentError(f"{chapter.src} needs exactly one source lab in docs/data/labs.yml (found {len(labs)})")
    lab = labs[0]
    body = render(
        "source_lab.html",
        lab=lab,
        objective=chapter.objectives[lab.objective - 1],
        ordinal=ORDINALS[lab.objective - 1],
        claim_markers=ctx.refs.add_all([lab.claim_source]),
        steps=[{"text": s.text, "markers": ctx.refs.add_all(s.citations)} for s in lab.steps],
        markers=ctx.refs.add_all(lab.citations),
        section_title=chapter.sections[lab.section],
    )
    return lab.title, body
