"""A chart record read against the facts: its series, each point's fact and place, and the
unit of its value axis. Checked first (`checks.py`), so every fact here exists and has a value."""
from __future__ import annotations

from dataclasses import dataclass

from ..data.library import Library
from ..data.records import Chart, ChartPoint, Fact
from .units import Unit, axis_unit

DEFAULT_X = "Year"


@dataclass(frozen=True)
class Point:
    fact: Fact
    at: str  # where it stands: its year (line) or its group (bar)
    value: float  # in the axis's unit


@dataclass(frozen=True)
class Series:
    index: int
    label: str
    counted_by: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Plotted:
    chart: Chart
    unit: Unit
    series: tuple[Series, ...]

    @property
    def x_title(self) -> str:
        return self.chart.groups or DEFAULT_X

    @property
    def axis_title(self) -> str:
        return f"{self.chart.axis} ({self.unit.label})"

    @property
    def groups(self) -> list[str]:
        """The places points stand at, in order: years ascending, groups as first written."""
        seen = list(dict.fromkeys(p.at for s in self.series for p in s.points))
        return sorted(seen) if self.chart.kind == "line" else seen

    @property
    def facts(self) -> list[Fact]:
        return [p.fact for s in self.series for p in s.points]


def year(fact: Fact) -> str:
    return fact.as_of[:4]


def place(chart: Chart, point: ChartPoint, fact: Fact) -> str:
    return year(fact) if chart.kind == "line" else point.at or ""


def plotted(chart: Chart, library: Library) -> Plotted:
    facts = [library.facts[p.fact] for s in chart.series for p in s.facts]
    unit = axis_unit(facts[0].unit or "", [f.value for f in facts])
    series = []
    for index, s in enumerate(chart.series):
        points = [Point(library.facts[p.fact], place(chart, p, library.facts[p.fact]), unit.scaled(library.facts[p.fact].value)) for p in s.facts]
        if chart.kind == "line":
            points.sort(key=lambda p: p.at)
        series.append(Series(index, s.label, library.facts[s.facts[0].fact].counted_by or "", tuple(points)))
    return Plotted(chart, unit, tuple(series))
