"""Charts from cited data (issue 19, macros/charts/): five or more stand in the chapters, each an
SVG drawn at build time inside a figure with its title, text alternative, cited table and
source line; every point links to its sources; a chart that mixes two counts in one series, or
draws a fact with no value, stops the build naming chart, series, fact and the fix; the CSV
download matches the table; light and dark, nothing blocked, and it prints."""
from __future__ import annotations

import csv
import gzip
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import soup
from datafiles import edit, problems
from macros import paths
from macros.charts import spec
from macros.charts.figure import anchor
from macros.charts.files import COLUMNS, STYLESHEET, csv_path, svg_path
from macros.charts.points import plotted
from macros.charts.summary import summary

CHART_CALL = re.compile(r"""\{\{\s*chart\(\s*["']([a-z0-9-]+)["']\s*\)\s*\}\}""")
CHART_BYTES = 15_000  # each chart, compressed: the figure in its page, and the picture on its own
FILE = "docs/data/charts.yml"
SVG = "{http://www.w3.org/2000/svg}"


def placed() -> dict[str, str]:
    """Chart id -> the chapter (docs-relative .md) that places it."""
    found = {}
    for chapter in sorted((paths.DOCS / "chapters").glob("*.md")):
        for chart_id in CHART_CALL.findall(chapter.read_text(encoding="utf-8")):
            found[chart_id] = f"chapters/{chapter.name}"
    return found


def page_of(site: Path, chapter: str) -> Path:
    return site / chapter.removesuffix(".md") / "index.html"


def figure_of(site: Path, chart_id: str):
    html = page_of(site, placed()[chart_id]).read_text(encoding="utf-8")
    page = soup(html)
    figure = page.select_one(f"figure.chart#{anchor(chart_id)}")
    assert figure is not None, f"{placed()[chart_id]}: no figure.chart#{anchor(chart_id)}"
    return page, figure


def cell_text(cell) -> str:
    clone = soup(str(cell))
    for node in clone.select("sup.cite, .counted-by, .caveat"):
        node.decompose()
    return " ".join(clone.get_text(" ").split())


# ---- the data: what a chart refuses ------------------------------------------------------


def test_five_or_more_charts_stand_in_the_chapters(library):
    charts = placed()
    assert len(charts) >= 5, charts
    assert set(charts) <= set(library.charts), "every chart a chapter calls is in charts.yml"
    assert {"china-trade-by-count", "clash-deaths-by-government", "remittances-share-of-gdp", "arms-import-shares"} <= set(charts)


def test_no_series_of_the_real_charts_mixes_counts(library):
    for chart in library.charts.values():
        for series in chart.series:
            bodies = {library.facts[p.fact].counted_by for p in series.facts}
            assert len(bodies) == 1 and None not in bodies, (chart.id, series.label, bodies)


def test_a_series_that_mixes_two_counts_names_chart_series_fact_and_fix(data_dir):
    def mix(charts):
        chart = next(c for c in charts if c["id"] == "china-trade-partner-counts")
        chart["series"][0]["facts"].append({"fact": "kz-china-trade-2022-kazstat", "at": "Kazakhstan, 2022"})
    edit(data_dir, paths.CHARTS_FILE, mix)
    assert problems(data_dir) == [
        f"{FILE}: entry 'china-trade-partner-counts', field 'series.0.facts.4': series 'Chinese customs' mixes two counts: "
        "fact 'kz-china-trade-2022-kazstat' is counted by 'Kazakh statistics bureau', fact 'kz-china-trade-2022-customs' by 'Chinese customs'; "
        "two counts of the same thing are two series: move 'kz-china-trade-2022-kazstat' to a series of its own, labelled by whose count it is"
    ]


def test_a_fact_with_no_value_names_chart_series_fact_and_fix(data_dir):
    edit(data_dir, paths.FACTS_FILE, lambda facts: next(f for f in facts if f["id"] == "kg-deaths-2021").pop("value"))
    assert problems(data_dir) == [
        f"{FILE}: entry 'clash-deaths-by-government', field 'series.0.facts.0': series 'Kyrgyz health ministry', fact 'kg-deaths-2021' "
        "has no numeric value: give the fact value: and unit: in docs/data/facts.yml, or take it out of the chart"
    ]


def test_a_series_fact_that_does_not_say_whose_count_it_is_is_refused(data_dir):
    edit(data_dir, paths.FACTS_FILE, lambda facts: next(f for f in facts if f["id"] == "tj-deaths-2021").pop("counted_by"))
    assert problems(data_dir) == [
        f"{FILE}: entry 'clash-deaths-by-government', field 'series.1.facts.0': series 'Tajik government', fact 'tj-deaths-2021' "
        "does not say whose count it is: add counted_by: to the fact in docs/data/facts.yml; a series holds one body's count"
    ]


def test_two_units_on_one_axis_are_refused(data_dir):
    def wounded(charts):
        chart = next(c for c in charts if c["id"] == "clash-deaths-by-government")
        chart["series"].append({"label": "Wounded, Kyrgyz count", "facts": [{"fact": "kg-wounded-2021", "at": "April 2021"}]})
    edit(data_dir, paths.CHARTS_FILE, wounded)
    [problem] = problems(data_dir)
    assert problem == (
        f"{FILE}: entry 'clash-deaths-by-government', field 'series.2.facts.0': series 'Wounded, Kyrgyz count', fact 'kg-wounded-2021' "
        "is in 'people' but the axis is in 'deaths' (fact 'kg-deaths-2021'): one axis holds one unit; draw the other unit in a chart of its own"
    )


def test_an_unknown_fact_suggests_the_closest_ids(data_dir):
    edit(data_dir, paths.CHARTS_FILE, lambda charts: charts[0]["series"][0]["facts"].__setitem__(0, "china-ca-trade-2013-custom"))
    [problem] = problems(data_dir)
    assert problem.startswith(f"{FILE}: entry 'china-trade-by-count', field 'series.0.facts.0': series 'Chinese customs': unknown facts id 'china-ca-trade-2013-custom': did you mean 'china-ca-trade-2013-customs'")


def test_a_bar_needs_its_group_and_a_line_one_point_a_year(data_dir):
    def both(charts):
        bars = next(c for c in charts if c["id"] == "clash-deaths-by-government")
        bars["series"][0]["facts"][0] = "kg-deaths-2021"
        lines = next(c for c in charts if c["id"] == "china-trade-by-count")
        lines["series"][1]["facts"].append("china-share-ca-trade-2024-edb")
    edit(data_dir, paths.CHARTS_FILE, both)
    found = problems(data_dir)
    assert f"{FILE}: entry 'clash-deaths-by-government', field 'series.0.facts.0': series 'Kyrgyz health ministry', fact 'kg-deaths-2021' needs at: in a bar chart, the group it stands in (the period, the year or the place): write it as {{fact: kg-deaths-2021, at: ...}}" in found
    assert any("series 'Eurasian Development Bank' has two points in 2024 (facts 'china-ca-trade-2024-edb' and 'china-share-ca-trade-2024-edb')" in p for p in found)


def test_a_title_with_a_figure_needs_a_citation(data_dir):
    edit(data_dir, paths.CHARTS_FILE, lambda charts: charts[0].update(title="China's trade since 2013"))
    assert problems(data_dir) == [f"{FILE}: entry 'china-trade-by-count', field 'title/note': holds a figure: add citations: for it, or say it without digits (the table under the chart cites every point)"]


COPIED = ["mkdocs.yml", "docs", "macros", "seeds", "overrides"]


def test_a_planted_mixed_count_and_a_missing_value_stop_the_real_build(tmp_path):
    """The build itself stops, one line per mistake, each naming file, chart, series, fact and fix."""
    root = tmp_path / "project"
    root.mkdir()
    for name in COPIED:
        source = paths.ROOT / name
        (shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir() else shutil.copy(source, root / name))
    for name in ("node_modules", ".git", ".cache"):
        if (paths.ROOT / name).exists():
            (root / name).symlink_to(paths.ROOT / name)
    data = root / "docs" / "data"
    edit(data, paths.CHARTS_FILE, lambda charts: next(c for c in charts if c["id"] == "russia-kazakhstan-trade-by-count")["series"][0]["facts"].append("russia-kazakhstan-trade-2024-ru"))
    edit(data, paths.FACTS_FILE, lambda facts: next(f for f in facts if f["id"] == "tj-remittances-gdp-2010").pop("value"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(root / "site")], cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert (f"{FILE}: entry 'russia-kazakhstan-trade-by-count', field 'series.0.facts.3': series 'Kazakh government' mixes two counts: "
            "fact 'russia-kazakhstan-trade-2024-ru' is counted by 'Russian government', fact 'kazakhstan-russia-trade-2021' by 'Kazakh government'; "
            "two counts of the same thing are two series: move 'russia-kazakhstan-trade-2024-ru' to a series of its own, labelled by whose count it is") in result.stderr
    assert (f"{FILE}: entry 'remittances-share-of-gdp', field 'series.0.facts.0': series 'Tajikistan', fact 'tj-remittances-gdp-2010' "
            "has no numeric value: give the fact value: and unit: in docs/data/facts.yml, or take it out of the chart") in result.stderr


# ---- the built pages ----------------------------------------------------------------------


def test_every_chart_is_an_inline_svg_figure_with_title_text_alternative_table_and_source_line(site, library):
    for chart_id, chapter in placed().items():
        page, figure = figure_of(site, chart_id)
        where = f"{chapter} #{figure['id']}"
        caption = figure.find("figcaption", recursive=False)
        assert caption is not None and figure.contents and figure.find(True) is caption, f"{where}: the caption comes first"
        svg = figure.select_one(".chart-frame > svg")
        assert svg is not None, f"{where}: no inline SVG"
        assert svg["role"] == "img", where
        title = page.find(id=svg["aria-labelledby"])
        described = page.find(id=svg["aria-describedby"])
        chart = library.charts[chart_id]
        assert title.get_text() == f"Chart: {chart.title}", where
        assert described.get_text() == summary(plotted(chart, library)), where
        assert svg.find_all("text"), f"{where}: the picture's labels are text"
        assert not figure.select("[style]") and "<style" not in str(figure), f"{where}: no inline style (the CSP blocks it)"
        rows = figure.select("table tbody tr")
        assert len(rows) == sum(len(s.facts) for s in chart.series), where
        assert [th.get("scope") for th in figure.select("thead th")] == ["col"] * 4, where
        line = figure.select_one("p.source-line")
        assert line is not None and line.select("sup.cite a[href^='#ref-']"), f"{where}: a source line with its sources"
        assert figure.select_one(f"link[rel=stylesheet][href$='{STYLESHEET}']"), where


def test_every_point_of_every_chart_links_to_its_sources(site, library):
    for chart_id, chapter in placed().items():
        page, figure = figure_of(site, chart_id)
        listed = {li["id"] for li in page.select(".references li[id^='ref-'], li[id^='ref-']")}
        rows = figure.select("table tbody tr")
        points = [p for s in plotted(library.charts[chart_id], library).series for p in s.points]
        for row, point in zip(rows, points):
            where = f"{chapter} #{figure['id']}, fact '{point.fact.id}'"
            cells = row.find_all("td")
            assert cell_text(cells[2]) == point.fact.display, where
            linked = {a["href"][1:] for a in row.select("sup.cite a.cite-link[href^='#ref-']")}
            assert linked == {f"ref-{c.source}" for c in point.fact.citations}, where
            assert linked <= listed, f"{where}: every source is in the page's source list"


def test_the_csv_download_matches_the_table(site, library):
    for chart_id in placed():
        _, figure = figure_of(site, chart_id)
        link = figure.select_one(f"a[download='{chart_id}.csv']")
        assert link is not None and link["href"].endswith(csv_path(chart_id))
        table = [[cell_text(td) for td in tr.find_all("td")[:3]] for tr in figure.select("table tbody tr")]
        with (site / csv_path(chart_id)).open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert tuple(reader.fieldnames) == COLUMNS
            rows = list(reader)
        assert [[r["series"], r["at"], r["display"]] for r in rows] == table, chart_id
        for r in rows:
            fact = library.facts[r["fact"]]
            assert r["counted_by"] == fact.counted_by and float(r["value"]) == fact.value and r["unit"] == fact.unit
            assert [f"<{library.sources[c.source].url}>" in r["sources"] for c in fact.citations] == [True] * len(fact.citations), (chart_id, r["fact"])


def test_the_picture_download_is_an_svg_with_its_title_and_description(site, library):
    for chart_id in placed():
        _, figure = figure_of(site, chart_id)
        assert figure.select_one(f"a[download='{chart_id}.svg']")["href"].endswith(svg_path(chart_id))
        root = etree.parse(str(site / svg_path(chart_id))).getroot()
        chart = library.charts[chart_id]
        assert root.tag == f"{SVG}svg"
        assert root.find(f"{SVG}title").text == chart.title
        assert root.find(f"{SVG}desc").text == summary(plotted(chart, library))
        texts = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert all(s.label.split()[0] in texts for s in chart.series), f"{chart_id}: every series is labelled on the picture"


def test_every_chart_is_within_its_budget(site):
    for chart_id in placed():
        _, figure = figure_of(site, chart_id)
        inline = len(gzip.compress(str(figure).encode(), 6))
        alone = len(gzip.compress((site / svg_path(chart_id)).read_bytes(), 6))
        assert inline <= CHART_BYTES and alone <= CHART_BYTES, (chart_id, inline, alone)


def test_cite_this_chart_gives_the_edition_and_the_permanent_address(site, editions, config):
    for chart_id, chapter in placed().items():
        _, figure = figure_of(site, chart_id)
        cite = figure.select_one("details.cite-figure")
        assert cite.summary.get_text(strip=True) == "Cite this chart"
        address = f"{config['site_url']}{editions.newest.version}/{chapter.removesuffix('.md')}/#{anchor(chart_id)}"
        assert cite.select_one("a")["href"] == address
        assert f"edition {editions.newest.version}" in cite.get_text()


def test_every_colour_in_the_pictures_has_its_dark_twin():
    css = (paths.DOCS / STYLESHEET).read_text(encoding="utf-8")
    for colour in spec.PALETTE:
        assert f'[fill="{colour}"]' in css and f'[stroke="{colour}"]' in css, colour
    for colour in (spec.INK, spec.MUTED):
        assert f'[fill="{colour}"]' in css, colour
    assert f'[stroke="{spec.GRID}"]' in css


# ---- in the browser -----------------------------------------------------------------------

COLOURS = """() => [...document.querySelectorAll('figure.chart svg text')].slice(0, 400).map(t => getComputedStyle(t).fill)"""
WATCH_CSP = "window.__blocked = []; document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_draw_in_both_schemes_with_nothing_blocked_and_print(browser, base_url, scheme):
    from browser import page_url, visit

    ink = {"light": "rgb(31, 35, 41)", "dark": None}
    with visit(browser, (base_url,), color_scheme=scheme) as v:  # the page's own policy applies
        page = v.page
        page.add_init_script(WATCH_CSP)
        for chapter in sorted(set(placed().values())):
            page.goto(page_url(base_url, chapter.removesuffix(".md") + "/"), wait_until="load")
            figures = page.locator("figure.chart")
            assert figures.count() >= 1, chapter
            for i in range(figures.count()):
                figures.nth(i).evaluate("f => f.scrollIntoView()")
                box = figures.nth(i).locator(".chart-frame svg").bounding_box()
                assert box and box["width"] > 200 and box["height"] > 100, (chapter, i, box)
            fills = set(page.evaluate(COLOURS))
            if ink[scheme]:
                assert ink[scheme] in fills, (chapter, fills)
            else:
                assert "rgb(31, 35, 41)" not in fills, f"{chapter}: dark ink on the dark scheme"
            page.emulate_media(media="print")
            assert page.locator("figure.chart .chart-frame svg").first.is_visible(), f"{chapter}: the chart prints"
            assert "rgb(31, 35, 41)" in set(page.evaluate(COLOURS)), f"{chapter}: print keeps the light colours"
            page.emulate_media(media="screen")
            assert page.evaluate("window.__blocked") == [], chapter
        assert v.errors == [], v.errors
