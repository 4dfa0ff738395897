"""Checks of the learning data against the chapters and the rest of the data: every item names
an objective its chapter has and a section it teaches, every answer cites sources that resolve,
every chapter has its self-check, source lab and teaching plan, and figures set side by side are
one body's count. Each check yields `Problem`s naming file, entry, field and the fix."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..data.checks import cited, where
from ..data.datafiles import parse, written_ids
from ..data.figures import figure_in
from ..data.library import Library
from ..data.problems import Problem, UnknownId
from ..data.records import CENTRAL_ASIA
from . import chapters as chapter_files
from .chapters import Chapter
from .records import POWERS, ComparisonRow, Country, SelfCheckItem, SourceLab, TeachingPlan

ITEMS_PER_CHAPTER = (5, 8)
# The files the learning data refers to: while one cannot be read, its own problem says why.
REFERENCED = {"facts": paths.FACTS_FILE, "maps": paths.MAPS_FILE, "places": paths.PLACES_FILE, "layers": paths.LAYERS_FILE, "sources": paths.SOURCES_FILE}


@dataclass(frozen=True)
class Written:
    """Ids written in the data files, valid or not. A record that failed validation is reported
    by its own file only: a reference to it here is neither unknown nor checked further."""

    facts: frozenset[str]
    maps: frozenset[str]
    places: frozenset[str]
    layers: frozenset[str]
    sources: frozenset[str]

    @classmethod
    def read(cls, data_dir: Path) -> "Written":
        return cls(**{kind: frozenset(written_ids(data_dir / name)) for kind, name in REFERENCED.items()})

    def broken(self, library: Library, kind: str) -> frozenset[str]:
        return getattr(self, kind) - set(getattr(library, kind))


def unknown(library: Library, written: Written, name: str, entry: str, field: str, kind: str, wanted: str) -> Iterator[Problem]:
    """A reference to a record of another file that no file defines."""
    table = getattr(library, kind)
    if wanted not in table and wanted not in getattr(written, kind):
        yield Problem(where(name), entry, field, str(UnknownId(kind, wanted, sorted(table))))


def learning_problems(library: Library, docs_dir: Path = paths.DOCS, data_dir: Path = paths.DATA) -> list[Problem]:
    if any(parse(data_dir / name, where(name))[0] is None for name in REFERENCED.values()):
        return []  # a referenced file cannot be read: every reference to it would repeat that
    found: list[Problem] = []
    written = Written.read(data_dir)
    chapters = {name: chapter_files.chapter(name, docs_dir) for name in chapter_files.names(docs_dir)}
    for item in library.selfcheck.values():
        found += self_check_item(library, written, item, chapters)
    for lab in library.labs.values():
        found += source_lab(library, written, lab, chapters)
    for plan in library.teaching.values():
        found += teaching_plan(library, written, plan, chapters)
    for row in library.comparison.values():
        found += comparison_row(library, written, row, chapters)
    found += countries(library, written)
    # With a broken item or lab, the counts per chapter would only repeat that record's problem.
    complete = {kind: written_ids(data_dir / name) <= set(getattr(library, kind)) for kind, name in (("selfcheck", paths.SELFCHECK_FILE), ("labs", paths.LABS_FILE), ("teaching", paths.TEACHING_FILE))}
    found += every_chapter_covered(library, chapters, complete)
    return found


# ---- shared ------------------------------------------------------------------------------


def known_chapter(name: str, entry: str, chapter: str, chapters: dict[str, Chapter], field: str = "chapter") -> Iterator[Problem]:
    if chapter not in chapters:
        yield Problem(where(name), entry, field, f"no chapter docs/chapters/{chapter}.md: name one of {', '.join(chapters)}")


def objective(name: str, entry: str, field: str, number: int, chapter: Chapter) -> Iterator[Problem]:
    if not 1 <= number <= len(chapter.objectives):
        yield Problem(where(name), entry, field, f"{chapter.src} has {len(chapter.objectives)} objectives: give the number (1 to {len(chapter.objectives)}) of the one this tests")


def section(name: str, entry: str, field: str, anchor: str, chapter: Chapter) -> Iterator[Problem]:
    if anchor not in chapter.sections:
        message = f"{chapter.src} has no section {{#{anchor}}}: use one of its anchors ({', '.join(chapter.sections)})"
        yield Problem(where(name), entry, field, message)


def ref(name: str, entry: str, field: str, value: str, chapters: dict[str, Chapter]) -> Iterator[Problem]:
    """A chapter section written `chapter#anchor`."""
    chapter, anchor = value.split("#")
    if chapter not in chapters:
        yield from known_chapter(name, entry, chapter, chapters, field)
    else:
        yield from section(name, entry, field, anchor, chapters[chapter])


# ---- self-check items and labs -------------------------------------------------------------


def placed(name: str, entry: str, record: SelfCheckItem | SourceLab, chapters: dict[str, Chapter]) -> tuple[Chapter | None, list[Problem]]:
    """The chapter a self-check item or lab belongs to, and the problems of its chapter, objective and section."""
    if record.chapter not in chapters:
        return None, list(known_chapter(name, entry, record.chapter, chapters))
    chapter = chapters[record.chapter]
    return chapter, [*objective(name, entry, "objective", record.objective, chapter), *section(name, entry, "section", record.section, chapter)]


def self_check_item(library: Library, written: Written, item: SelfCheckItem, chapters: dict[str, Chapter]) -> Iterator[Problem]:
    name, entry = paths.SELFCHECK_FILE, item.id
    chapter, found = placed(name, entry, item, chapters)
    yield from found
    if chapter is None:
        return
    yield from cited(library, name, entry, "", item.citations, written.broken(library, "sources"))
    names = library.designations()
    for i, option in enumerate(item.options):
        if figure := figure_in(option, names):
            yield Problem(where(name), entry, f"options.{i}", f"holds a figure ({figure!r}): options carry none (each would need its own citation); put the figure in the question, which carries the item's citations")
    if item.fact:
        yield from whose_figure(library, written, item, chapter)
    if item.place:
        yield from on_the_map(library, written, item, chapter)


def whose_figure(library: Library, written: Written, item: SelfCheckItem, chapter: Chapter) -> Iterator[Problem]:
    name, entry = paths.SELFCHECK_FILE, item.id
    if item.fact not in library.facts:
        yield from unknown(library, written, name, entry, "fact", "facts", item.fact)
        return
    fact = library.facts[item.fact]
    if not (fact.counted_by or fact.caveat or any(c.note for c in fact.citations)):
        yield Problem(where(name), entry, "fact", f"fact '{fact.id}' says nothing of whose claim it is: pick a fact with counted_by:, a caveat: or a citation note:")
    if fact.id not in chapter.facts:
        yield Problem(where(name), entry, "fact", f"{chapter.src} does not show fact '{fact.id}': ask about a figure the chapter gives")


def on_the_map(library: Library, written: Written, item: SelfCheckItem, chapter: Chapter) -> Iterator[Problem]:
    name, entry = paths.SELFCHECK_FILE, item.id
    if item.map not in library.maps:
        yield from unknown(library, written, name, entry, "map", "maps", item.map)
        return
    if item.map not in chapter.maps:
        yield Problem(where(name), entry, "map", f"{chapter.src} does not place map '{item.map}': ask about a map the chapter shows ({', '.join(sorted(chapter.maps)) or 'none'})")
    layers = [library.layers[i] for i in library.maps[item.map].layers if i in library.layers]
    on_map = {p.place for layer in layers for p in layer.places} | {stop for layer in layers for r in layer.routes for stop in r.via}
    if item.place not in library.places:
        yield from unknown(library, written, name, entry, "place", "places", item.place)
    elif item.place not in on_map and not set(library.maps[item.map].layers) & written.broken(library, "layers"):
        yield Problem(where(name), entry, "place", f"place '{item.place}' is on no layer of map '{item.map}': pick one of {', '.join(sorted(on_map))}")


def source_lab(library: Library, written: Written, lab: SourceLab, chapters: dict[str, Chapter]) -> Iterator[Problem]:
    name, entry = paths.LABS_FILE, lab.id
    chapter, found = placed(name, entry, lab, chapters)
    yield from found
    if chapter is None:
        return
    broken = written.broken(library, "sources")
    problem = None if lab.claim_source.source in broken else library.citation_problem(lab.claim_source)
    if problem:
        yield Problem(where(name), entry, "claim_source", problem)
    yield from cited(library, name, entry, "", lab.citations, broken)
    names = library.designations()
    for i, step in enumerate(lab.steps):
        yield from cited(library, name, entry, f"steps.{i}.", step.citations, broken)
        if figure_in(step.text, names) and not step.citations:
            yield Problem(where(name), entry, f"steps.{i}", "holds a figure: add citations: for it")


# ---- teaching plans ------------------------------------------------------------------------


def teaching_plan(library: Library, written: Written, plan: TeachingPlan, chapters: dict[str, Chapter]) -> Iterator[Problem]:
    name, entry = paths.TEACHING_FILE, plan.id
    if plan.id not in chapters:
        yield Problem(where(name), entry, "id", f"a teaching plan's id is its chapter's file name: no docs/chapters/{plan.id}.md ({', '.join(chapters)})")
        return
    chapter = chapters[plan.id]
    total = sum(a.minutes for a in plan.lesson.activities)
    if total != plan.lesson.minutes:
        yield Problem(where(name), entry, "lesson", f"the activities add up to {total} minutes, not the {plan.lesson.minutes} the lesson lasts: fix a timing or minutes:")
    for i, activity in enumerate(plan.lesson.activities):
        for anchor in activity.sections:
            yield from section(name, entry, f"lesson.activities.{i}.sections", anchor, chapter)
    for anchor in plan.role_play.sections:
        yield from section(name, entry, "role_play.sections", anchor, chapter)
    broken = written.broken(library, "sources")
    yield from cited(library, name, entry, "role_play.", plan.role_play.citations, broken)
    yield from cited(library, name, entry, "", plan.citations, broken)
    for i, essay in enumerate(plan.essays):
        for number in essay.objectives:
            yield from objective(name, entry, f"essays.{i}.objectives", number, chapter)
    covered = Counter(n.question for n in plan.question_notes)
    wanted = set(range(1, len(chapter.questions) + 1))
    if set(covered) != wanted or any(c > 1 for c in covered.values()):
        yield Problem(where(name), entry, "question_notes", f"give one note for each of the chapter's {len(chapter.questions)} discussion questions (question: 1 to {len(chapter.questions)}), each once")
    for i, note in enumerate(plan.question_notes):
        for anchor in note.sections:
            yield from section(name, entry, f"question_notes.{i}.sections", anchor, chapter)
        for fact in note.facts:
            yield from unknown(library, written, name, entry, f"question_notes.{i}.facts", "facts", fact)
    yield from uncited_figures(library, name, entry, plan)
    for i, reading in enumerate(plan.reading):
        yield from unknown(library, written, name, entry, f"reading.{i}.source", "sources", reading.source)
    if not any(library.sources[r.source].kind == "book" for r in plan.reading if r.source in library.sources) and not {r.source for r in plan.reading} & broken:
        yield Problem(where(name), entry, "reading", "further reading includes at least one scholarly book (a source of kind: book)")
    if len({r.level for r in plan.reading}) < 2:
        yield Problem(where(name), entry, "reading", "grade the further reading: use at least two levels (first, further, advanced)")


def uncited_figures(library: Library, name: str, entry: str, plan: TeachingPlan) -> Iterator[Problem]:
    """Texts a teaching page shows as claims but without markers hold no figures: the role-play's
    task and roles, and the notes on the questions (the setting, the notes' facts and the readings
    carry markers; the lesson plan, essay prompts and rubric are the site's own plan, which the
    audit exempts as it does the instructors' unit plan)."""
    names = library.designations()
    texts = [("role_play.task", plan.role_play.task)]
    texts += [(f"role_play.roles.{i}", f"{r.role} {r.brief}") for i, r in enumerate(plan.role_play.roles)]
    texts += [(f"question_notes.{i}.note", n.note) for i, n in enumerate(plan.question_notes)]
    for field, text in texts:
        if figure := figure_in(text, names):
            yield Problem(where(name), entry, field, f"holds a figure ({figure!r}) that nothing here cites: say it without figures (digits or numbers in words), or put it in the role-play's setting, which is cited")


# ---- the comparison and the countries --------------------------------------------------------


def comparison_row(library: Library, written: Written, row: ComparisonRow, chapters: dict[str, Chapter]) -> Iterator[Problem]:
    name, entry = paths.COMPARISON_FILE, row.id
    broken = written.broken(library, "sources")
    yield from cited(library, name, entry, "", row.citations, broken)
    if figure_in(row.note, library.designations()) and not row.citations:
        yield Problem(where(name), entry, "note", "holds a figure: add citations: for it, or say it without digits")
    counts = set()
    for power in POWERS:
        cell = row.cells[power]
        field = f"cells.{power}."
        yield from ref(name, entry, field + "section", cell.section, chapters)
        yield from cited(library, name, entry, field, cell.citations, broken)
        for fact in cell.facts:
            yield from unknown(library, written, name, entry, field + "facts", "facts", fact)
            if fact in library.facts:
                counts.add((library.facts[fact].counted_by, library.facts[fact].as_of[:4]))
        if cell.text and figure_in(cell.text, library.designations()) and not cell.citations:
            yield Problem(where(name), entry, field + "text", "holds a figure: add citations: for it")
    if row.one_count and (len(counts) > 1 or any(body is None for body, _ in counts)):
        seen = "; ".join(f"{body or 'no counted_by'} ({year})" for body, year in sorted(counts, key=str))
        yield Problem(where(name), entry, "cells", f"one_count: the row's figures must be one body's count for one year, but they are {seen}: use facts by one counter, or set one_count: false and say why in note:")


def countries(library: Library, written: Written) -> Iterator[Problem]:
    name = paths.COUNTRIES_FILE
    codes = Counter(c.code for c in library.countries.values())
    for code in CENTRAL_ASIA:
        if codes[code] != 1:
            yield Problem(where(name), "", "code", f"give exactly one country record for {code} (found {codes[code]})")
    for field in ("population", "output"):
        counts = set()
        for country in library.countries.values():
            fact = getattr(country, field)
            if fact not in library.facts:
                yield from unknown(library, written, name, country.id, field, "facts", fact)
                continue
            record = library.facts[fact]
            counts.add((record.counted_by, record.as_of[:4]))
        if len(counts) > 1 or any(body is None for body, _ in counts):
            seen = "; ".join(f"{body or 'no counted_by'} ({year})" for body, year in sorted(counts, key=str))
            yield Problem(where(name), "", field, f"one count for all five: the {field} facts must share counted_by and year, but they are {seen}")
    for country in library.countries.values():
        yield from cited(library, name, country.id, "", country.citations, written.broken(library, "sources"))
        if country.map not in library.maps:
            yield from unknown(library, written, name, country.id, "map", "maps", country.map)
        elif library.maps[country.map].focus != [country.code]:
            yield Problem(where(name), country.id, "map", f"map '{country.map}' should focus on {country.code} alone: set focus: [{country.code}] in maps.yml")


def every_chapter_covered(library: Library, chapters: dict[str, Chapter], complete: dict[str, bool]) -> Iterator[Problem]:
    """Every chapter ends with 5 to 8 self-check items (multiple choice and short answer, a
    "whose figure" item, a map item where it places a map) and one source lab, and has a plan."""
    low, high = ITEMS_PER_CHAPTER
    for chapter in chapters.values():
        items = [i for i in library.selfcheck.values() if i.chapter == chapter.name]
        kinds = {i.kind for i in items} | {"choice" if i.options else "short" for i in items}
        name = paths.SELFCHECK_FILE
        if not complete["selfcheck"]:
            items = []
        elif not low <= len(items) <= high:
            yield Problem(where(name), "", "chapter", f"{chapter.src} has {len(items)} self-check items: give it {low} to {high}")
        for kind, what in (("choice", "a multiple-choice item"), ("short", "a short-answer item"), ("whose-figure", "a 'whose figure, as of when?' item (fact:)")):
            if items and kind not in kinds:
                yield Problem(where(name), "", "chapter", f"{chapter.src} needs {what} among its self-check items")
        if items and chapter.maps and "map" not in kinds:
            yield Problem(where(name), "", "chapter", f"{chapter.src} places a map: add a 'place it on the map' item (place: and map:)")
        labs = [lab for lab in library.labs.values() if lab.chapter == chapter.name]
        if complete["labs"] and len(labs) != 1:
            yield Problem(where(paths.LABS_FILE), "", "chapter", f"{chapter.src} has {len(labs)} source labs: give it exactly one")
        if complete["teaching"] and chapter.name not in library.teaching:
            yield Problem(where(paths.TEACHING_FILE), chapter.name, "", f"{chapter.src} has no teaching plan: add a record with id: {chapter.name}")
