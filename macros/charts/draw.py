"""Vega-Lite specification -> SVG, by vl-convert (no browser, no network), cached by content.

The inline picture is made to sit in a page: drawn at its own size, which the stylesheet lets
shrink with a narrow column; a name and a description from the figure around it
(`role="img"`); and none of the per-mark ARIA that the figure's text already says. Rendering costs about half a second a chart, so each picture is
kept in .cache/charts/ under the hash of its specification and the converter's version."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile

import vl_convert
from lxml import etree

from .. import paths
from .spec import VEGA_LITE

CACHE = paths.CACHE / "charts"
SVG_NS = "http://www.w3.org/2000/svg"
# The figure names and describes the picture; the marks inside it say nothing of their own.
INNER_ARIA = ("role", "aria-roledescription", "aria-label", "aria-hidden")
# Drawn in a page a little larger than Vega's pixels, so that its 13px text reads like the
# page's own; a narrow column shrinks it again (docs/assets/charts.css).
ZOOM = 1.2


def svg(spec: dict) -> str:
    """The picture, drawn once per specification and kept in the cache."""
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256(f"{vl_convert.__version__} {VEGA_LITE} {text}".encode()).hexdigest()[:24]
    path = CACHE / f"{key}.svg"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    drawn = vl_convert.vegalite_to_svg(text, vl_version=VEGA_LITE)
    CACHE.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(drawn)
    os.replace(tmp, path)  # whole or not at all: builds in other work trees share the cache
    return drawn


def parse(drawn: str) -> etree._Element:
    return etree.fromstring(drawn.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))


def serialise(root: etree._Element) -> str:
    etree.cleanup_namespaces(root)
    return etree.tostring(root, encoding="unicode")


def inline(drawn: str, label_id: str, summary_id: str) -> str:
    """The picture for a page: scalable, named by the figure's title, described by its summary."""
    root = parse(drawn)
    for name in ("version", "class"):
        root.attrib.pop(name, None)
    for name in ("width", "height"):  # the viewBox keeps the drawing's own coordinates
        root.set(name, f"{float(root.get(name)) * ZOOM:g}")
    for node in root.iter():
        for name in INNER_ARIA:
            node.attrib.pop(name, None)
    root.set("class", "chart-picture")
    root.set("role", "img")
    root.set("aria-labelledby", label_id)
    root.set("aria-describedby", summary_id)
    root.set("focusable", "false")
    return serialise(root)


def standalone(drawn: str, title: str, summary: str) -> str:
    """The picture as a file of its own: a title and a description a reader's software can show."""
    root = parse(drawn)
    root.set("role", "img")
    root.set("aria-labelledby", "title")
    desc = etree.Element(f"{{{SVG_NS}}}desc", id="desc")
    desc.text = summary
    head = etree.Element(f"{{{SVG_NS}}}title", id="title")
    head.text = title
    root.insert(0, desc)
    root.insert(0, head)
    root.set("aria-describedby", "desc")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + serialise(root) + "\n"
