"""The citation checker, over the real build and over crafted pages it must reject."""
from __future__ import annotations

from bs4 import BeautifulSoup

from macros.output.audit import audit_page, bibliography_ids

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


def test_every_figure_in_the_built_site_cites_its_source(content_pages, site, library):
    bib = bibliography_ids((site / "bibliography" / "index.html").read_text(encoding="utf-8"))
    names = library.designations()
    problems = [p for rel, html in content_pages.items() for p in audit_page(html, rel, bib, library.seed_texts, names)]
    assert problems == []


def test_every_bibliography_entry_is_cited_somewhere(content_pages, site):
    bib = bibliography_ids((site / "bibliography" / "index.html").read_text(encoding="utf-8"))
    cited = {href.split("#")[1] for html in content_pages.values() for href in _source_list_links(html)}
    assert sorted(bib - cited) == []


def _source_list_links(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "lxml").select(".page-sources li a[href*='#']")]


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
