"""Charts from cited facts (docs/data/charts.yml), drawn at build time.

A chart record names series of fact ids (`data/records.py`: Chart); `checks.py` refuses a
chart that cannot be drawn honestly, before anything is drawn. Then, one job a file:
`points.py` reads the record against the facts, `units.py` names the value axis's unit,
`spec.py` declares the picture in Vega-Lite, `draw.py` renders it to SVG with vl-convert (no
browser, no network) and fits it to a page, `summary.py` writes its text alternative,
`figure.py` makes the cited figure a page shows (`{{ chart("id") }}`), and `files.py` the
downloads: `charts/<id>.csv` (a source per row) and `charts/<id>.svg`.
"""
from __future__ import annotations

from .figure import anchor, chart_figure
from .files import csv_path, generated_files, svg_path

__all__ = ["anchor", "chart_figure", "csv_path", "generated_files", "svg_path"]
