"""A chart as a cited figure in its page: title and text alternative, the picture inline, a
note, the table of its points (each row cited like a fact-box row), a source line, "Cite this
chart" and the downloads of its data and picture."""
from __future__ import annotations

from markupsafe import Markup

from ..data.dates import human_date
from ..pages.citations import first_markers
from ..pages.context import PageContext
from ..pages.render import render
from . import draw
from .files import STYLESHEET, csv_path, svg_path
from .points import plotted
from .spec import spec
from .summary import summary


def anchor(chart_id: str) -> str:
    return f"chart-{chart_id}"


def chart_figure(ctx: PageContext, chart_id: str) -> str:
    chart = ctx.library.get("charts", chart_id)
    data = plotted(chart, ctx.library)
    refs = ctx.refs
    rows = [
        {"series": s, "point": p, "anchor": refs.anchor(p.fact.id), "markers": refs.add_all(p.fact.citations),
         "as_of": human_date(p.fact.as_of) if p.fact.as_of != p.at else ""}  # a date the row does not show already
        for s in data.series for p in s.points
    ]
    note_markers = refs.add_all(chart.citations)
    sources = first_markers([m for row in rows for m in row["markers"]] + note_markers)
    figure_id = anchor(chart.id)
    picture = draw.inline(draw.svg(spec(data)), f"{figure_id}-title", f"{figure_id}-summary")
    return render(
        "chart.html",
        chart=chart,
        data=data,
        figure_id=figure_id,
        summary=summary(data),
        picture=Markup(picture),  # drawn by vl-convert from escaped data and re-serialised as XML
        rows=rows,
        note_markers=note_markers,
        sources=sources,
        stylesheet=ctx.site_link(STYLESHEET),
        csv=ctx.site_link(csv_path(chart.id)),
        svg=ctx.site_link(svg_path(chart.id)),
        edition=ctx.editions.newest,
        address=ctx.address,
    )
