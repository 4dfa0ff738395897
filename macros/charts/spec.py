"""A plotted chart as a Vega-Lite specification: the picture is declared, never drawn by hand.

Every series has its own colour, point shape and dash, and is labelled on the chart itself
(a line at its end, a bar beside it), so colour is never the only key. Colours are written into
the picture for a light page; docs/assets/charts.css gives each one its dark-scheme twin, and
the ink, muted and grid colours too, so the same picture serves both schemes."""
from __future__ import annotations

import textwrap

from .points import Plotted

VEGA_LITE = "6.4"  # the Vega-Lite version vl-convert compiles with
SCHEMA = f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE.split('.')[0]}.json"
# Series colours on white, each at least 4.5:1 (they colour the labels too); charts.css maps
# each to a twin that keeps 4.5:1 on the slate background.
PALETTE = ("#3949ab", "#ad1457", "#00695c", "#8a4b00", "#6a1b9a", "#455a64")
SHAPES = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross")
DASHES = ((1, 0), (7, 3), (2, 2), (9, 3, 2, 3), (4, 4), (12, 2))
INK, MUTED, GRID = "#1f2329", "#5c6370", "#d9dde3"
FONT = "sans-serif"
LINE_WIDTH, LINE_HEIGHT = 270, 200
BAR_WIDTH, BAR_STEP, BAR_HEIGHT = 270, 40, 14  # a row: the series name over a bar
LABEL_CHARS = 13  # a line label longer than this breaks onto a second line


def config() -> dict:
    text = {"font": FONT, "fontSize": 14, "fill": INK}
    return {
        "aria": False,  # the figure gives the picture its name and description
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 13, "titleFontSize": 13, "titleFontWeight": "normal", "labelColor": INK, "titleColor": INK,
                 "domainColor": MUTED, "tickColor": MUTED, "gridColor": GRID, "labelFont": FONT, "titleFont": FONT},
        "header": {"labelFontSize": 14, "labelFont": FONT, "labelColor": INK, "titleColor": INK},
        "title": {"fontSize": 15, "color": INK, "subtitleColor": MUTED, "subtitleFontSize": 11, "anchor": "start", "font": FONT, "subtitleFont": FONT},
        "text": text,
    }


def spec(plotted: Plotted, title: str | None = None, subtitle: list[str] | None = None, background: str | None = None) -> dict:
    """The chart's specification; `title` and `subtitle` for the picture on its own (the download)."""
    body = line(plotted) if plotted.chart.kind == "line" else bar(plotted)
    out = {"$schema": SCHEMA, "background": background, "config": config(), **body}
    if title:
        out["title"] = {"text": title, "subtitle": subtitle or []}
    return out


def series_scales(plotted: Plotted) -> dict:
    labels = [s.label for s in plotted.series]
    n = len(labels)
    return {
        "color": {"field": "series", "type": "nominal", "scale": {"domain": labels, "range": list(PALETTE[:n])}, "legend": None},
        "shape": {"field": "series", "type": "nominal", "scale": {"domain": labels, "range": list(SHAPES[:n])}, "legend": None},
        "strokeDash": {"field": "series", "type": "nominal", "scale": {"domain": labels, "range": [list(d) for d in DASHES[:n]]}, "legend": None},
    }


def line(plotted: Plotted) -> dict:
    rows, labels = [], []
    for s in plotted.series:
        for p in s.points:
            rows.append({"series": s.label, "x": int(p.at), "y": p.value})
        side = plotted.chart.series[s.index].label_side
        at = s.points[-1] if side == "end" else s.points[0]
        offset = {"end": {"dx": 9, "dy": 0}, "below": {"dx": -4, "dy": 17}, "above": {"dx": -4, "dy": -17}}[side]
        labels.append({"series": s.label, "name": "\n".join(textwrap.wrap(s.label, LABEL_CHARS)), "x": int(at.at), "y": at.value, **offset})
    scales = series_scales(plotted)
    x = {"field": "x", "type": "quantitative", "title": plotted.x_title,
         "scale": {"zero": False, "nice": False, "padding": 12}, "axis": {"format": "d", "tickMinStep": 1, "tickCount": 6, "grid": False}}
    y = {"field": "y", "type": "quantitative", "title": plotted.axis_title, "scale": {"zero": True, "nice": True}, "axis": {"tickCount": 5}}
    label = {"field": "series", "type": "nominal"}
    return {
        "width": LINE_WIDTH,
        "height": LINE_HEIGHT,
        "layer": [
            {"data": {"values": rows}, "mark": {"type": "line", "strokeWidth": 2.5},
             "encoding": {"x": x, "y": y, "color": scales["color"], "strokeDash": scales["strokeDash"], "detail": label}},
            {"data": {"values": rows}, "mark": {"type": "point", "filled": True, "size": 70, "opacity": 1},
             "encoding": {"x": x, "y": y, "color": scales["color"], "shape": scales["shape"]}},
            *({"data": {"values": [row]}, "mark": {"type": "text", "align": "left", "dx": row["dx"], "dy": row["dy"], "baseline": "middle", "fontWeight": "bold", "lineBreak": "\n"},
               "encoding": {"x": x, "y": y, "text": {"field": "name"}, "color": scales["color"]}} for row in labels),
        ],
    }


def bar(plotted: Plotted) -> dict:
    """Horizontal bars in groups, each bar with its series' name written over it and its figure
    at its end: narrow enough for a phone's column without shrinking the text much."""
    rows = [{"group": p.at, "series": s.label, "x": p.value, "text": plotted.unit.short(p.fact.value)} for s in plotted.series for p in s.points]
    top = max(r["x"] for r in rows)
    scales = series_scales(plotted)
    y = {"field": "series", "type": "nominal", "sort": [s.label for s in plotted.series], "title": None, "axis": None}
    x = {"field": "x", "type": "quantitative", "title": plotted.axis_title, "scale": {"domain": [0, top * 1.15], "nice": False}, "axis": {"tickCount": 5}}
    return {
        "data": {"values": rows},
        "facet": {"row": {"field": "group", "type": "nominal", "sort": plotted.groups, "title": plotted.x_title,
                          "header": {"labelAngle": 0, "labelOrient": "top", "labelAnchor": "start", "labelFontWeight": "bold", "labelPadding": 4, "title": None}}},
        "spacing": 8,
        "spec": {
            "width": BAR_WIDTH,
            "height": {"step": BAR_STEP},
            "layer": [
                {"mark": {"type": "bar", "height": BAR_HEIGHT, "yOffset": BAR_HEIGHT / 2}, "encoding": {"y": y, "x": x, "color": scales["color"]}},
                {"mark": {"type": "text", "align": "left", "baseline": "bottom", "dy": -2, "fontSize": 13},
                 "encoding": {"y": y, "x": {"value": 0}, "text": {"field": "series"}, "color": scales["color"]}},
                {"mark": {"type": "text", "align": "left", "dx": 5, "dy": BAR_HEIGHT / 2, "baseline": "middle", "fontWeight": "bold"},
                 "encoding": {"y": y, "x": x, "text": {"field": "text"}, "color": scales["color"]}},
            ],
        },
        "resolve": {"scale": {"y": "independent"}},
    }
