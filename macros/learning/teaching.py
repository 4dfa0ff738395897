"""Each chapter's teaching plan for instructors (docs/teaching/<chapter>.md, one macro call):
a lesson plan whose timings add up, a role-play, essay prompts with a rubric, what the chapter
offers for each discussion question, and further reading graded by level."""
from __future__ import annotations

from ..data.problems import ContentError
from ..data.records import Citation
from ..pages.context import PageContext
from ..pages.render import render
from ..pages.syllabus import chapter_info, chapter_sources
from .. import paths
from . import chapters
from .records import LEVELS


def plan_markdown(ctx: PageContext, name: str) -> str:
    plan = ctx.library.teaching.get(name)
    chapter = chapters.chapter(name)
    if plan is None or chapter is None:
        raise ContentError(f"no teaching plan {name!r} in docs/data/teaching.yml for a chapter docs/chapters/{name}.md")
    href = ctx.page_link(chapter.src)

    def links(anchors: list[str]) -> list[dict]:
        return [{"href": f"{href}#{a}", "title": chapter.sections[a]} for a in anchors]

    lesson = [{"activity": a, "links": links(a.sections)} for a in plan.lesson.activities]
    role_markers = ctx.refs.add_all(plan.role_play.citations)  # numbered in page order: the scene comes first
    notes = [
        {"question": chapter.questions[n.question - 1], "note": n, "links": links(n.sections),
         "facts": [{"fact": ctx.library.facts[f], "markers": ctx.refs.add_all(ctx.library.facts[f].citations)} for f in n.facts]}
        for n in sorted(plan.question_notes, key=lambda n: n.question)
    ]
    reading = [
        {"id": level, "level": LEVELS[level], "items": [{"reading": r, "source": ctx.library.sources[r.source], "markers": ctx.refs.add_all([Citation(source=r.source)])} for r in plan.reading if r.level == level]}
        for level in LEVELS
    ]
    blocks = [
        render("teaching_intro.html", title=chapter_info(chapter.src).title, href=href),
        "## Lesson plan {#lesson-plan}",
        render("teaching_lesson.html", lesson=lesson, total=plan.lesson.minutes),
        f"## Role-play: {plan.role_play.title} {{#role-play}}",
        render("teaching_role_play.html", play=plan.role_play, markers=role_markers, links=links(plan.role_play.sections)),
        "## Essay prompts {#essays}",
        render("teaching_essays.html", essays=plan.essays, href=href),
        "### Rubric {#rubric}",
        render("teaching_rubric.html", rubric=plan.rubric),
        "## What the chapter offers for each discussion question {#question-notes}",
        render("teaching_notes.html", notes=notes),
        "## Further reading {#further-reading}",
        render("teaching_bibliography_note.html", bibliography=ctx.page_link(paths.BIBLIOGRAPHY_PAGE)),
    ]
    for level in reading:
        if level["items"]:
            blocks += [f"### {level['level']} {{#reading-{level['id']}}}", render("teaching_reading.html", items=level["items"])]
    return "\n\n".join(blocks)


def resources_list(ctx: PageContext) -> str:
    """The instructors' page's list of every chapter's teaching plan, in the navigation's order."""
    rows = []
    for src in chapter_sources(list(ctx.nav)):
        name = src.removeprefix(paths.CHAPTERS_DIR + "/").removesuffix(".md")
        if name in ctx.library.teaching:
            plan = ctx.library.teaching[name]
            rows.append({"title": chapter_info(src).title, "href": ctx.page_link(paths.teaching_page(name)), "role_play": plan.role_play.title})
    return render("teaching_list.html", rows=rows)
