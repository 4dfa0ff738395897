"""What makes a chart wrong, found before anything is drawn; each problem names the chart
(entry), the series and the fact, and says how to fix it.

A chart draws facts only: each point needs a numeric value; one axis holds one unit; one series
holds one body's count (two counts of the same thing are two series, each labelled by whose
count it is), so every fact in a series says whose count it is (`counted_by`)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import paths
from ..data.datafiles import parse, written_ids
from ..data.figures import figure_in
from ..data.library import Library
from ..data.problems import Problem, UnknownId
from ..data.records import Chart, ChartSeries, Fact

FILE = f"docs/data/{paths.CHARTS_FILE}"
FACTS = f"docs/data/{paths.FACTS_FILE}"


def chart_problems(library: Library, data_dir: Path = paths.DATA) -> Iterator[Problem]:
    facts_file = data_dir / paths.FACTS_FILE
    if parse(facts_file, FACTS)[0] is None:
        return  # facts.yml cannot be read: its own problem says why, and no chart can be checked
    written = written_ids(facts_file)  # a fact that is written but invalid is reported by facts.yml
    for chart in library.charts.values():
        yield from chart_record(library, chart, written)


def chart_record(library: Library, chart: Chart, written: frozenset[str] | set[str] = frozenset()) -> Iterator[Problem]:
    for i, citation in enumerate(chart.citations):
        problem = library.citation_problem(citation)
        if problem:
            yield Problem(FILE, chart.id, f"citations.{i}", problem)
    if figure_in(" ".join((chart.title, chart.note or "")), library.designations()) and not chart.citations:
        yield Problem(FILE, chart.id, "title/note", "holds a figure: add citations: for it, or say it without digits (the table under the chart cites every point)")
    labels = [s.label for s in chart.series]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            yield Problem(FILE, chart.id, f"series.{i}.label", f"two series are labelled {label!r}: label each by what it counts and whose count it is")
    axis: tuple[str, Fact] | None = None  # the unit of the value axis, and the fact that set it
    for i, series in enumerate(chart.series):
        for j, point in enumerate(series.facts):
            fact = library.facts.get(point.fact)
            where = f"series.{i}.facts.{j}"
            if fact is None:
                if point.fact not in written:
                    yield Problem(FILE, chart.id, where, f"series {series.label!r}: {UnknownId('facts', point.fact, sorted(library.facts))}")
                continue
            yield from point_problems(chart, series, point.at, fact, where)
            if fact.value is not None and fact.unit:
                if axis is None:
                    axis = (fact.unit, fact)
                elif fact.unit != axis[0]:
                    message = (f"series {series.label!r}, fact '{fact.id}' is in {fact.unit!r} but the axis is in {axis[0]!r} (fact '{axis[1].id}'): "
                               "one axis holds one unit; draw the other unit in a chart of its own")
                    yield Problem(FILE, chart.id, where, message)
        yield from one_count(library, chart, i, series)
        if chart.kind == "line":
            yield from one_point_a_year(library, chart, i, series)


def point_problems(chart: Chart, series: ChartSeries, at: str | None, fact: Fact, where: str) -> Iterator[Problem]:
    name = f"series {series.label!r}, fact '{fact.id}'"
    if fact.value is None:
        yield Problem(FILE, chart.id, where, f"{name} has no numeric value: give the fact value: and unit: in {FACTS}, or take it out of the chart")
    elif not fact.unit:
        yield Problem(FILE, chart.id, where, f"{name} has no unit: give the fact unit: in {FACTS} (USD, percent, deaths, ...)")
    if not fact.counted_by:
        yield Problem(FILE, chart.id, where, f"{name} does not say whose count it is: add counted_by: to the fact in {FACTS}; a series holds one body's count")
    if chart.kind == "bar" and not at:
        yield Problem(FILE, chart.id, where, f"{name} needs at: in a bar chart, the group it stands in (the period, the year or the place): write it as {{fact: {fact.id}, at: ...}}")
    if chart.kind == "line" and at:
        yield Problem(FILE, chart.id, where, f"{name} has at:, which only a bar chart uses; a line chart places each point at its fact's year (as_of)")


def one_count(library: Library, chart: Chart, i: int, series: ChartSeries) -> Iterator[Problem]:
    """Every fact of a series is counted by the same body."""
    facts = [library.facts[p.fact] for p in series.facts if p.fact in library.facts and library.facts[p.fact].counted_by]
    for j, point in enumerate(series.facts):
        fact = library.facts.get(point.fact)
        if fact is None or not fact.counted_by or not facts or fact.counted_by == facts[0].counted_by:
            continue
        first = facts[0]
        message = (f"series {series.label!r} mixes two counts: fact '{fact.id}' is counted by {fact.counted_by!r}, fact '{first.id}' by {first.counted_by!r}; "
                   f"two counts of the same thing are two series: move '{fact.id}' to a series of its own, labelled by whose count it is")
        yield Problem(FILE, chart.id, f"series.{i}.facts.{j}", message)


def one_point_a_year(library: Library, chart: Chart, i: int, series: ChartSeries) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for j, point in enumerate(series.facts):
        fact = library.facts.get(point.fact)
        if fact is None:
            continue
        year = fact.as_of[:4]
        if year in seen:
            message = (f"series {series.label!r} has two points in {year} (facts '{seen[year]}' and '{fact.id}'): "
                       "a line holds one figure a year; keep one, or make the other a series of its own")
            yield Problem(FILE, chart.id, f"series.{i}.facts.{j}", message)
        seen.setdefault(year, fact.id)
