"""What a build writes for each chart, beside the pages: its data as CSV, a source on every
row, and its picture as an SVG file with its title, description and sources written in."""
from __future__ import annotations

import csv
import io
import textwrap

from mkdocs.structure.files import File

from ..data.library import Library
from ..site import SITE_NAME
from . import draw
from .points import Plotted, plotted
from .spec import spec
from .summary import summary

FOLDER = "charts"  # site folder of the downloads
STYLESHEET = "assets/charts.css"  # linked from each chart figure: only pages with a chart load it
COLUMNS = ("chart", "series", "counted_by", "at", "value", "unit", "display", "as_of", "fact", "statement", "sources")


def csv_path(chart_id: str) -> str:
    return f"{FOLDER}/{chart_id}.csv"


def svg_path(chart_id: str) -> str:
    return f"{FOLDER}/{chart_id}.svg"


def source_text(library: Library, citation) -> str:
    source = library.sources[citation.source]
    return f"{source.publisher}, {source.title} ({source.year}) <{source.url}>"


def rows(data: Plotted, library: Library) -> list[dict]:
    """One row per point, in the order of the table under the chart."""
    out = []
    for s in data.series:
        for p in s.points:
            fact = p.fact
            out.append({
                "chart": data.chart.id, "series": s.label, "counted_by": s.counted_by, "at": p.at,
                "value": f"{fact.value:g}", "unit": fact.unit, "display": fact.display, "as_of": fact.as_of,
                "fact": fact.id, "statement": fact.statement,
                "sources": " | ".join(source_text(library, c) for c in fact.citations),
            })
    return out


def as_csv(data: Plotted, library: Library) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows(data, library))
    return out.getvalue()


def publishers(data: Plotted, library: Library) -> list[str]:
    return list(dict.fromkeys(library.sources[c.source].publisher for f in data.facts for c in f.citations))


def wrap(text: str, width: int = 80) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def picture(data: Plotted, library: Library, edition: str) -> str:
    title = data.chart.title
    subtitle = [*wrap(f"Sources: {'; '.join(publishers(data, library))}."), f"{SITE_NAME}, edition {edition}; every point's source is in the chart's CSV."]
    drawn = draw.svg(spec(data, title=title, subtitle=subtitle, background="white"))
    return draw.standalone(drawn, title, summary(data))


def generated_files(config, library: Library) -> list[File]:
    files = []
    for chart in library.charts.values():
        data = plotted(chart, library)
        files.append(File.generated(config, csv_path(chart.id), content=as_csv(data, library)))
        files.append(File.generated(config, svg_path(chart.id), content=picture(data, library, library.editions.newest.version)))
    return files
