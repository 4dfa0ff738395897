"""The text alternative of a chart, written from its data: what is drawn and whose count each
series is, then for each line where it starts and ends and its highest and lowest points, or
for each group of bars every bar's figure. Figures are the facts' own `display`, as the table
under the chart shows them."""
from __future__ import annotations

from .points import Plotted, Point, Series

WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
SPOKEN = {"%": "per cent"}


def number(n: int, noun: str) -> str:
    return f"{WORDS.get(n, n)} {noun}{'' if n == 1 else 's'}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def figure(point: Point) -> str:
    return f"{point.fact.display} in {point.at}"


def counts(plotted: Plotted) -> str:
    """Whose count each series is: once for the chart where one body counted everything."""
    bodies: dict[str, list[str]] = {}
    for s in plotted.series:
        bodies.setdefault(s.counted_by, []).append(s.label)
    if len(bodies) == 1:
        return f"Every figure is one body's count: {next(iter(bodies))}."
    if all(s.counted_by.lower() in s.label.lower() for s in plotted.series):
        return "Each series is labelled by whose count it is."
    return " ".join(f"Counted by {body}: {' and '.join(labels)}." for body, labels in bodies.items())


def line_series(series: Series) -> str:
    points = series.points
    if len(points) == 1:
        return f"{series.label}: one point, {figure(points[0])}."
    first, last = points[0], points[-1]
    trend = "up" if last.value > first.value else "down" if last.value < first.value else "level"
    text = f"{series.label}: {number(len(points), 'point')}, from {figure(first)} to {figure(last)} ({trend} overall)"
    high = max(points, key=lambda p: p.value)
    low = min(points, key=lambda p: p.value)
    extremes = [f"highest {figure(high)}" if high not in (first, last) else "", f"lowest {figure(low)}" if low not in (first, last) else ""]
    extra = "; ".join(e for e in extremes if e)
    return text + (f"; {extra}." if extra else ".")


def bar_group(plotted: Plotted, group: str) -> str:
    shown = [f"{s.label} {p.fact.display}" for s in plotted.series for p in s.points if p.at == group]
    return f"{group}: " + ", ".join(shown) + "."


def summary(plotted: Plotted) -> str:
    chart = plotted.chart
    unit = SPOKEN.get(plotted.unit.label, plotted.unit.label)
    measure = lower_first(chart.axis) + ("" if unit.lower() in chart.axis.lower() else f" ({unit})")
    series = number(len(plotted.series), "series").replace("seriess", "series")
    if chart.kind == "line":
        head = f"Line chart of {measure} by {lower_first(plotted.x_title)}: {series}, each labelled at its line."
        body = [line_series(s) for s in plotted.series]
    else:
        head = f"Bar chart of {measure} by {lower_first(plotted.x_title)}: {series}, each bar labelled with its series and figure."
        body = [bar_group(plotted, g) for g in plotted.groups]
    return " ".join([head, counts(plotted), *body])
