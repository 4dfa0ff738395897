"""The citation checker, over the real build and over crafted pages it must reject."""
from __future__ import annotations

import zipfile

from macros.output.audit import audit_folder, audit_page, bibliography_ids

SEEDS = {"seed-a": "the trade reached 8.5 billion dollars in 2019 and went on growing every single year after that"}
BIB = {"seed-a", "report-b"}


def page(body: str, sources: str = "") -> str:
    refs = f'<h2 id="sources">Sources</h2><ol class="references page-sources">{sources}</ol>'
    return f'<html><body><article class="md-content__inner">{body}{refs}</article></body></html>'


def marker(ref: str) -> str:
    return f'<sup class="cite"><a class="cite-link" href="#ref-{ref}">[1]</a></sup>'


SEED_ENTRY = '<li id="ref-seed-a"><a href="../bibliography/#seed-a">A</a> Quoted here: <q>reached 8.5 billion dollars</q></li>'


def audit(html: str) -> list[str]:
    return audit_page(html, "crafted.html", BIB, SEEDS, names=["TB2"])


def test_a_cited_page_passes():
    assert audit(page(f"<p>Trade reached $8.5 bn in 2019.{marker('seed-a')}</p>", SEED_ENTRY)) == []


def test_an_uncited_number_is_reported_with_its_text():
    problems = audit(page("<p>The region has 75 million people.</p>"))
    assert problems == ["crafted.html: <p> has a figure ('7') but no citation: 'The region has 75 million people.'"]


def test_uncited_numbers_in_list_items_rows_and_captions_are_reported():
    body = "<ul><li>Founded in 2001</li></ul><figure><table><tr><td>41</td></tr></table><figcaption>Map of 2022</figcaption></figure>"
    names = sorted(p.split(">")[0] for p in audit(page(body)) if "no citation" in p)
    assert names == ["crafted.html: <figcaption", "crafted.html: <li", "crafted.html: <tr"]


def test_a_table_or_map_without_a_source_line_is_reported():
    body = f'<iframe title="Map" src="maps/x.html"></iframe><table><tr><td>x{marker("seed-a")}</td></tr></table>'
    problems = audit(page(body, SEED_ENTRY))
    assert any("<iframe> 'Map' has no source line" in p for p in problems)
    assert any("<table> 'table' has no source line" in p for p in problems)


def test_a_dangling_citation_is_reported():
    problems = audit(page(f"<p>In 2019.{marker('nowhere')}</p>"))
    assert problems == ["crafted.html: citation '#ref-nowhere' points to no entry in the page's source list"]


def test_a_citation_to_a_source_missing_from_the_bibliography_is_reported():
    entry = '<li id="ref-gone"><a href="../bibliography/#gone">Gone</a></li>'
    problems = audit(page(f"<p>In 2019.{marker('gone')}</p>", entry))
    assert problems == ["crafted.html: source list entry '#ref-gone' points to 'gone', which is not in the bibliography"]


def test_a_misquoted_seed_is_reported():
    entry = '<li id="ref-seed-a"><a href="../bibliography/#seed-a">A</a> <q>reached 9 billion dollars</q></li>'
    problems = audit(page(f"<p>In 2019.{marker('seed-a')}</p>", entry))
    assert problems == ["crafted.html: quote 'reached 9 billion dollars' is not verbatim in seed 'seed-a'"]


def test_a_quote_differing_only_in_typographic_quotes_and_spacing_passes():
    seeds = {"seed-a": "Russians 'fears about Chinese influence"}
    entry = '<li id="ref-seed-a"><a href="#seed-a">A</a> <q>Russians \u2019fears  about</q></li>'
    assert audit_page(page(f"<p>x{marker('seed-a')}</p>", entry), "p", BIB, seeds, []) == []


def test_a_long_unquoted_run_from_a_seed_is_reported_but_a_marked_quote_is_not():
    run = "the trade reached 8.5 billion dollars in 2019 and went on growing every single year"
    assert any("copied from a seed" in p for p in audit(page(f"<p>{run}{marker('seed-a')}</p>", SEED_ENTRY)))
    assert audit(page(f"<p><q>{run}</q>{marker('seed-a')}</p>", SEED_ENTRY)) == []


def test_designations_are_names_not_figures():
    assert audit(page("<p>Kyrgyzstan flies the TB2.</p>")) == []
    assert audit(page("<p>Kyrgyzstan flies the TB3.</p>")) != []


def test_every_figure_in_the_built_site_cites_its_source(soups, site, library):
    bib = bibliography_ids((site / "bibliography" / "index.html").read_text(encoding="utf-8"))
    names = library.designations()
    problems = [p for rel, page in soups.items() for p in audit_page(page, rel, bib, library.seed_texts, names)]
    assert problems == [], "\n".join(problems)


def test_every_figure_in_the_offline_bundle_cites_its_source(built, library, tmp_path):
    """The bundle is built with its own config: its pages are audited as they ship, from the zip."""
    with zipfile.ZipFile(built["zip"]) as bundle:
        bundle.extractall(tmp_path)
    root = tmp_path / built["zip"].name.removesuffix(".zip")
    audited = [p for p in root.rglob("*.html") if p.relative_to(root).parts[0] != "maps"]
    assert len(audited) > 1
    problems = audit_folder(root, library)
    assert problems == [], "\n".join(problems)


def test_the_folder_audit_reads_every_content_page_and_names_the_faulty_one(tmp_path):
    (tmp_path / "bibliography").mkdir()
    (tmp_path / "bibliography" / "index.html").write_text(page('<div class="bibliography"><div class="bib-entry" id="seed-a"></div></div>'))
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "x.html").write_text("<p>Map of 2022, not a page</p>")  # map documents are audited in their pages
    (tmp_path / "a.html").write_text(page("<p>Founded in 2001.</p>"))
    (tmp_path / "b.html").write_text('<meta http-equiv="refresh" content="0; url=a.html">')

    class Library:
        seed_texts = SEEDS

        def designations(self):
            return []

    assert audit_folder(tmp_path, Library()) == ["a.html: <p> has a figure ('2') but no citation: 'Founded in 2001.'"]


def test_every_bibliography_entry_is_cited_somewhere(soups, site):
    bib = bibliography_ids((site / "bibliography" / "index.html").read_text(encoding="utf-8"))
    cited = {a["href"].split("#")[1] for page in soups.values() for a in page.select(".page-sources li a[href*='#']")}
    assert sorted(bib - cited) == []


def test_a_figure_in_words_needs_a_citation_as_digits_do():
    problems = audit(page("<p>Three decades later the base was still there.</p><p>Trade doubled.</p>"))
    assert [p.split("(")[1].split(")")[0] for p in problems] == ["'Three'", "'doubled'"]
    assert audit(page(f"<p>Three decades later the base was still there.{marker('seed-a')}</p>", SEED_ENTRY)) == []


def test_words_that_only_look_like_figures_pass():
    assert audit(page("<p>On behalf of no one, the TB2 flew.</p>")) == []


def test_a_long_chapter_paragraph_that_reports_something_must_cite():
    long = "The government signed an agreement with its neighbour and opened the border crossings again for trade and travel after the long and bitter dispute ended in the spring."
    [problem] = audit_page(page(f"<p>{long}</p>"), "chapters/x/index.html", BIB, SEEDS, names=[])
    assert "a paragraph of 28 words cites no source" in problem
    framed = page(f'<p class="frame">{long}</p><div class="admonition abstract"><p>{long}</p></div>')
    assert audit_page(framed, "chapters/x/index.html", BIB, SEEDS, names=[]) == []


# ---- headings, captions, summaries ----------------------------------------------------------------


def test_a_heading_that_names_a_year_its_section_does_not_cite_is_reported():
    body = f"<h2>The alliance since 2021</h2><p>It grew.{marker('seed-a')}</p><h2>Later</h2><p>In 2021 it met.{marker('seed-a')}</p>"
    assert audit(page(body, SEED_ENTRY)) == [
        "crafted.html: <h2> names '2021' but no cited block of the section under it does (cite it there, or word the heading without it): 'The alliance since 2021'"
    ]


def test_a_heading_whose_section_cites_its_year_passes_even_in_a_subsection():
    body = f"<h2>The alliance since 2021</h2><p>It grew.{marker('seed-a')}</p><h3>Members</h3><li>Joined in 2021.{marker('seed-a')}</li>"
    assert audit(page(body, SEED_ENTRY)) == []


def test_a_year_cited_only_under_the_next_heading_does_not_count_nor_does_an_uncited_one():
    body = f"<h3>Ties since 2022</h3><p>Since 2022 they have trained together.</p><h3>Other</h3><p>In 2022.{marker('seed-a')}</p>"
    problems = audit(page(body, SEED_ENTRY))
    assert [p.split(":")[1].strip() for p in problems if "names '2022'" in p] == ["<h3> names '2022' but no cited block of the section under it does (cite it there, or word the heading without it)"]


def test_a_heading_names_a_whole_number_not_a_digit_of_it():
    body = f"<h2>The 2021 summit</h2><p>In 2020 and 2012, and 1 more.{marker('seed-a')}</p>"
    assert any("names '2021'" in p for p in audit(page(body, SEED_ENTRY)))


def test_a_heading_that_names_an_edition_of_this_site_is_a_label():
    assert audit(page("<h1>Changes in edition 2.1</h1><p>What changed.</p>")) == []
    assert audit(page("<h1>Changes since 2.1</h1><p>What changed.</p>")) != []


def test_uncited_figures_in_a_table_caption_or_a_summary_are_reported():
    body = f"<details><summary>The 12 members</summary><p>x{marker('seed-a')}</p></details><table><caption>Trade in 2019</caption><tr><td>x{marker('seed-a')}</td></tr></table>"
    found = [p.split(" has a figure")[0] for p in audit(page(body, SEED_ENTRY)) if "has a figure" in p]
    assert found == ["crafted.html: <summary>", "crafted.html: <caption>"]


# ---- quotations in the text -----------------------------------------------------------------------------


def test_a_quotation_in_the_text_must_be_verbatim_in_the_seed_it_cites():
    good = f"<p>The seed says <q>reached 8.5 billion dollars</q>.{marker('seed-a')}</p>"
    bad = f"<p>The seed says <q>reached 9 billion dollars</q>.{marker('seed-a')}</p>"
    assert audit(page(good, SEED_ENTRY)) == []
    assert audit(page(bad, SEED_ENTRY)) == ["crafted.html: the quotation 'reached 9 billion dollars' in the text is not verbatim in seed 'seed-a', which it cites: copy the words exactly"]


def test_a_quotation_is_checked_against_the_marker_after_it_not_before():
    other = '<li id="ref-report-b"><a href="../bibliography/#report-b">B</a></li>'
    body = f"<p>As a report put it{marker('seed-a')}, trade was <q>a golden bridge</q>{marker('report-b')}.</p>"
    assert audit(page(body, SEED_ENTRY + other)) == []  # quoting a source that is not a seed: not checkable here
    body = f"<p>As a report put it{marker('report-b')}, trade was <q>a golden bridge</q>{marker('seed-a')}.</p>"
    assert any("'a golden bridge' in the text is not verbatim in seed 'seed-a'" in p for p in audit(page(body, SEED_ENTRY + other)))


def test_a_quotation_with_no_citation_after_it_is_reported():
    problems = audit(page("<p>Some say <q>a golden bridge</q>.</p>"))
    assert problems == ["crafted.html: the quotation 'a golden bridge' has no citation marker after it in its <p>: cite where it comes from"]
