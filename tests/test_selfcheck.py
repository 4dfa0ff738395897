"""Every chapter ends with its self-check and source lab: each item names an objective of its
chapter, each answer cites sources that reach the bibliography, and each link lands on an
existing anchor. The build refuses an item with no objective, an uncited answer, or a link to a
section the chapter does not have. Answers open with no script, and print gathers them."""
from __future__ import annotations

import pytest

from learning_helpers import CHAPTERS, article, by_id, chapter_anchors, chapter_source, data, edit, page, problems
from macros import paths

SELFCHECK = "selfcheck.yml"
LABS = "labs.yml"
APPENDICES = ("sources", "cite-this-page")  # what the frame adds after a chapter's teaching


def url(name: str) -> str:
    return f"chapters/{name}/"


def bibliography_ids(site) -> set[str]:
    return {e["id"] for e in page(site, "bibliography/").select(".bibliography .bib-entry[id]")}


def markers_resolve(block, art, bibliography: set[str]) -> list[str]:
    """Each citation marker in a block reaches the page's source list, and that entry the bibliography."""
    refs = [a["href"].removeprefix("#") for a in block.select("sup.cite a.cite-link")]
    bad = []
    for ref in refs:
        entry = art.find(id=ref)
        target = entry.select_one("a[href*='#']") if entry else None
        if target is None or target["href"].split("#", 1)[1] not in bibliography:
            bad.append(ref)
    return refs and bad


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_ends_with_its_self_check_and_source_lab(site, name):
    headings = [h["id"] for h in article(site, url(name)).select("h2[id]")]
    teaching = [h for h in headings if h not in APPENDICES]
    assert teaching[-2:] == ["self-check", "source-lab"], f"{name}: the chapter's last sections are {teaching[-3:]}"
    assert headings[-len(APPENDICES):] == list(APPENDICES), "sources and the citation come after them"


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_item_names_an_objective_of_its_chapter(site, name):
    _, meta = chapter_source(name)
    art = article(site, url(name))
    items = art.select("section.self-check li.self-check-item")
    written = [i for i in data(SELFCHECK) if i["chapter"] == name]
    assert 5 <= len(items) <= 8 and len(items) == len(written), f"{name}: {len(items)} items shown, {len(written)} in {SELFCHECK}"
    for li in items:
        number = int(li["data-objective"])
        assert 1 <= number <= len(meta["objectives"]), li["id"]
        named = li.select_one(".self-check-objective").get_text(" ", strip=True)
        assert meta["objectives"][number - 1] in named, f"{li['id']} shows another objective than number {number}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_answer_is_folded_cited_and_links_to_existing_anchors(site, name):
    art = article(site, url(name))
    bibliography = bibliography_ids(site)
    anchors = chapter_anchors(name)
    ids = {el["id"] for el in page(site, url(name)).select("[id]")}
    answers = art.select("section.self-check details.answer.print-answer") + art.select("section.source-lab details.answer.print-answer")
    assert len(answers) == len(art.select("li.self-check-item")) + 1, "one answer per item, and the lab's"
    for answer in answers:
        assert not answer.has_attr("open"), "answers start folded"
        assert answer.select("sup.cite"), f"{answer['id']}: the answer cites nothing"
        assert not markers_resolve(answer, art, bibliography), f"{answer['id']}: a marker reaches no bibliography entry"
        links = [a["href"][1:] for a in answer.select("a[href^='#']") if not a["href"].startswith("#ref-")]
        assert links, f"{answer['id']}: no link to the section that teaches it"
        assert set(links) <= ids, f"{answer['id']}: links to missing anchors {set(links) - ids}"
        teaches = answer.select_one(".self-check-read a")["href"][1:]
        assert teaches in anchors, f"{answer['id']}: '{teaches}' is not one of the chapter's sections"


def test_items_ask_whose_figure_and_place_it_on_the_map(site, library):
    """The kinds of item this site is placed to ask: a figure with its counter, a place on a map."""
    items = data(SELFCHECK)
    whose = [i for i in items if i.get("fact")]
    assert {i["chapter"] for i in whose} == set(CHAPTERS), "every chapter asks whose a figure is"
    for item in whose:
        fact = library.facts[item["fact"]]
        assert fact.counted_by or fact.caveat or any(c.note for c in fact.citations), item["id"]
        shown = article(site, url(item["chapter"])).select_one(f"#answer-{item['id']} .self-check-figure").get_text(" ", strip=True)
        assert fact.display in shown and (not fact.counted_by or fact.counted_by in shown), item["id"]
    maps = [i for i in items if i.get("place")]
    assert len({i["chapter"] for i in maps}) >= 5, "the chapters with maps ask to place something on them"
    for item in maps:
        art = article(site, url(item["chapter"]))
        assert art.find(id=f"map-{item['map']}"), f"{item['id']}: the map is not on the page"
        assert library.places[item["place"]].name in art.select_one(f"#answer-{item['id']} .self-check-place").get_text()


def test_multiple_choice_and_short_answers_in_every_chapter():
    items = data(SELFCHECK)
    for name in CHAPTERS:
        mine = [i for i in items if i["chapter"] == name]
        assert any(i.get("options") for i in mine) and any(not i.get("options") for i in mine), name


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_source_lab_gives_a_cited_claim_steps_and_a_model_answer(site, name):
    lab = article(site, url(name)).select_one("section.source-lab")
    assert lab is not None
    assert lab.select_one(".source-lab-claim sup.cite"), "the claim cites the report it comes from"
    assert len(lab.select("ol.source-lab-steps > li")) >= 3
    assert [x for x in data(LABS) if x["chapter"] == name], name


def test_print_gathers_answers_under_the_question_they_answer(site):
    """macros/print/ takes every .print-answer to the end of a PDF: each carries its question."""
    art = article(site, url("turkey"))
    for li in art.select("li.self-check-item"):
        question = li.select_one(".self-check-question").get_text(" ", strip=True)
        carried = li.select_one(".print-answer .answer-question").get_text(" ", strip=True)
        assert carried.split("[")[0].strip() == question.split("[")[0].strip()


def test_answers_open_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base_url + "chapters/drones/#self-check")
        answer = tab.locator("section.self-check details.answer").first
        assert not answer.locator("p").nth(1).is_visible()
        answer.locator("summary").click()
        assert answer.locator("p").nth(1).is_visible()
    finally:
        context.close()


# ---- the build refuses mistakes, naming file, entry, field and fix -------------------------


def first_item(records):
    return records[0]


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda r: first_item(r).pop("objective"), "objective", "missing: add objective:"),
        (lambda r: first_item(r).update(objective=9), "objective", "objectives: give the number"),
        (lambda r: first_item(r).update(section="no-such-section"), "section", "has no section {#no-such-section}"),
        (lambda r: first_item(r).update(citations=[]), None, "the answer cites nothing: add citations:"),
        (lambda r: first_item(r).update(citations=[{"source": "no-such-source"}]), "citations.0", "unknown sources id 'no-such-source'"),
        (lambda r: first_item(r).update(chapter="nowhere"), "chapter", "no chapter docs/chapters/nowhere.md"),
        (lambda r: first_item(r).update(options=["A 2020 figure", "Another"], correct=1), "options.0", "holds a figure"),
    ],
    ids=["no objective", "unknown objective", "missing anchor", "uncited answer", "unknown source", "unknown chapter", "figure in an option"],
)
def test_a_broken_item_stops_the_build_naming_its_field(data_dir, change, field, words):
    entry = data(SELFCHECK)[0]["id"]
    edit(data_dir, SELFCHECK, change)
    found = [p for p in problems(data_dir) if f"docs/data/{SELFCHECK}: entry '{entry}'" in p]
    assert any((field is None or f"field '{field}'" in p) and words in p for p in found), found


def without_chapter(name: str):
    def change(records: list[dict]) -> None:
        records[:] = [r for r in records if r["chapter"] != name]

    return change


def test_a_chapter_without_enough_items_or_its_lab_stops_the_build(data_dir):
    edit(data_dir, SELFCHECK, without_chapter("china"))
    edit(data_dir, LABS, without_chapter("china"))
    found = problems(data_dir)
    assert any("chapters/china.md has 0 self-check items: give it 5 to 8" in p for p in found), found
    assert any("chapters/china.md has 0 source labs: give it exactly one" in p for p in found), found


def test_a_lab_step_with_an_uncited_figure_stops_the_build(data_dir):
    lab = data(LABS)[0]["id"]
    edit(data_dir, LABS, lambda r: by_id(r, lab)["steps"].append({"text": "Compare the 2019 total."}))
    assert any(f"entry '{lab}'" in p and "holds a figure: add citations" in p for p in problems(data_dir))


def test_the_data_file_is_registered_with_the_loader():
    from macros.data.loading import FILES

    assert {paths.SELFCHECK_FILE, paths.LABS_FILE, paths.TEACHING_FILE, paths.COMPARISON_FILE, paths.COUNTRIES_FILE} <= set(FILES)
