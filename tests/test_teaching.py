"""Teaching resources for every chapter, on the instructors' side: a lesson plan whose timings
add up, a role-play with roles and a brief, essay prompts with a rubric, a note for each
discussion question, and further reading graded by level with a scholarly book among it. And the
instructors' unit plan: every option covers each chapter once."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from learning_helpers import CHAPTERS, by_id, chapter_source, edit, page, problems

MINUTES = re.compile(r"^(\d+) minutes:")


def url(name: str) -> str:
    return f"teaching/{name}/"


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_lesson_plan_adds_up(site, name):
    art = page(site, url(name)).select_one("article")
    timings = [int(MINUTES.match(li.get_text(" ", strip=True)).group(1)) for li in art.select("ol.lesson-plan > li")]
    total = int(re.search(r"(\d+) minutes", art.select_one(".lesson-total").get_text()).group(1))
    assert len(timings) >= 3 and sum(timings) == total, f"{name}: {timings} against {total}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_role_play_essays_rubric_notes_and_reading(site, name):
    art = page(site, url(name)).select_one("article")
    for anchor in ("lesson-plan", "role-play", "essays", "rubric", "question-notes", "further-reading"):
        assert art.find(id=anchor), f"{name}: no #{anchor}"
    assert art.select_one(".role-play-setting sup.cite"), "the scene is cited"
    assert len(art.select("dl.role-play-roles > dt")) >= 3
    assert len(art.select("ol.essay-prompts > li")) >= 2 and len(art.select("dl.rubric > dt")) >= 3
    _, meta = chapter_source(name)
    notes = [li.select_one(".question-note-question").get_text(strip=True) for li in art.select("ol.question-notes > li")]
    assert notes == meta["questions"], "one note per discussion question, in order"
    readings = art.select("ul.further-reading > li")
    assert len(readings) >= 3 and all(li.select("sup.cite") for li in readings)
    assert any(li.select_one(".reading-kind") for li in readings), "a scholarly book among the reading"
    assert len(art.select("h3[id^='reading-']")) >= 2, "graded by at least two levels"


def test_the_books_are_in_the_bibliography_with_publisher_year_and_address(site, library):
    books = [s for s in library.sources.values() if s.kind == "book"]
    assert len(books) >= 5
    bibliography = page(site, "bibliography/")
    for book in books:
        entry = bibliography.find(id=book.id)
        assert entry is not None and book.publisher in entry.get_text() and book.year in entry.get_text(), book.id
        assert entry.select(".bib-cited a"), f"{book.id} is cited nowhere"


def test_the_instructors_page_links_every_teaching_plan(site):
    art = page(site, "instructors/").select_one("article")
    linked = {urljoin("instructors/", a["href"]) for a in art.select("ul.teaching-list a")}
    assert linked == {url(name) for name in CHAPTERS}


def test_every_option_of_the_unit_plan_covers_each_chapter_once(site):
    """The suggested unit: each option (2, 3, 4 or 6 weeks) assigns all six chapters, each once,
    and names as many weeks as it lasts."""
    options = page(site, "instructors/").select("div.own-plan li")
    assert len(options) == 4
    chapters = None
    for option in options:
        text = option.get_text(" ", strip=True)
        assigned = [t.get_text(strip=True) for t in option.select("em")]
        assert len(assigned) == len(CHAPTERS) == len(set(assigned)), text[:50]
        chapters = chapters or set(assigned)
        assert set(assigned) == chapters, f"every option assigns the same chapters: {text[:50]}"
        weeks = int(re.match(r"(\d+) weeks", text).group(1))
        labels = re.findall(r"Week (\d+):", text)
        assert labels == [str(n) for n in range(1, weeks + 1)] or (not labels and weeks == len(CHAPTERS)), text[:50]


def test_timings_that_do_not_add_up_stop_the_build(data_dir):
    edit(data_dir, "teaching.yml", lambda records: by_id(records, "russia")["lesson"].update(minutes=80))
    assert any("entry 'russia', field 'lesson': the activities add up to 90 minutes, not the 80" in p for p in problems(data_dir))


def test_a_plan_without_a_book_stops_the_build(data_dir, library):
    def change(records):
        plan = by_id(records, "turkey")
        for reading in plan["reading"]:
            if library.sources[reading["source"]].kind == "book":
                reading["source"] = "warontherocks-csto-2022"  # an analysis, not a book

    edit(data_dir, "teaching.yml", change)
    assert any("entry 'turkey', field 'reading': further reading includes at least one scholarly book" in p for p in problems(data_dir))
