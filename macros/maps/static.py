"""The static picture of a map: an SVG drawn at build time from the same data as the live map.

The same basemap (`geometry.spec_basemap`), the layers the live map opens with, their colours
(`palette.py`, read from maps.css, light and dark through `prefers-color-scheme`), the country
and place labels (placed and decluttered as map-document.js does) and a legend below the map.
Web Mercator, like Leaflet. Shapes go through shapely; the SVG is written by a Jinja template
(`templates/map_static.svg`), autoescaped. Pages show it first and in print, the PDFs embed it,
and readers download it (and a PNG, `png.py`).

A map it cannot draw (a colour missing from maps.css, nothing in view, a picture over
MAX_BYTES compressed) raises ContentError naming the map and the fix: no blank map ships.
"""
from __future__ import annotations

import gzip
import math
import re
import textwrap
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import shape

from ..data.library import Library
from ..data.problems import ContentError
from ..data.records import MapSpec
from ..pages.render import JINJA
from . import basemap, geometry, palette

WIDTH = geometry.PIXELS  # px: the picture is drawn for the width the live map is simplified for
ASPECT = (1.25, 2.0)  # width / height: a view outside this range is widened or heightened
MAX_BYTES = 40_000  # compressed (gzip), per picture
TEXT_PX, COUNTRY_PX = 14, 12
CHAR_EM, COUNTRY_CHAR_EM = 0.6, 0.72  # estimated advance per letter (bold; capitals spaced)
LEGEND_ROW, LEGEND_PAD = 24, 10
NOTE_CHARS = 100  # a legend line longer than this wraps
WHERE = "docs/data/maps.yml"


@dataclass(frozen=True)
class Frame:
    """What the picture shows: a box in Web Mercator degrees, drawn `width` x `height` px."""

    x0: float
    x1: float
    y0: float  # south
    y1: float  # north
    width: int
    height: int

    @property
    def scale(self) -> float:
        return self.width / (self.x1 - self.x0)

    @property
    def zoom(self) -> float:
        """The Leaflet zoom at which a map this wide shows this much (256 px per 360° at zoom 0)."""
        return math.log2(self.scale * 360 / 256)

    def project(self, lonlat: np.ndarray) -> np.ndarray:
        return np.column_stack([(lonlat[:, 0] - self.x0) * self.scale, (self.y1 - mercator(lonlat[:, 1])) * self.scale])

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = self.project(np.array([[lon, lat]]))[0]
        return float(x), float(y)


@dataclass(frozen=True)
class Picture:
    svg: str
    width: int
    height: int  # with the legend
    map_height: int  # without it: the SVG's view "#map"


def mercator(lat):
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))


def frame(spec: MapSpec) -> Frame:
    """The spec's view, widened or heightened into ASPECT within the area its basemap covers."""
    v = spec.view
    west, south, east, north = geometry.clip_box(spec)
    x0, x1, y0, y1 = v.west, v.east, float(mercator(v.south)), float(mercator(v.north))
    low, high = float(mercator(south)), float(mercator(north))
    if (x1 - x0) / (y1 - y0) > ASPECT[1]:
        grow = ((x1 - x0) / ASPECT[1] - (y1 - y0)) / 2
        y0, y1 = max(low, y0 - grow), min(high, y1 + grow)
    elif (x1 - x0) / (y1 - y0) < ASPECT[0]:
        grow = ((y1 - y0) * ASPECT[0] - (x1 - x0)) / 2
        x0, x1 = max(west, x0 - grow), min(east, x1 + grow)
    return Frame(x0, x1, y0, y1, WIDTH, round(WIDTH * (y1 - y0) / (x1 - x0)))


def size(spec: MapSpec) -> tuple[int, int]:
    """The width and height (px) of the picture's map, its view "#map" (the legend is below it)."""
    return WIDTH, frame(spec).height


def picture(spec: MapSpec, library: Library) -> Picture:
    """The map's SVG, checked: a ContentError names the map and the fix when it cannot be drawn."""
    layers = [library.layers[i] for i in spec.layers if i not in spec.hidden]
    needed = set(palette.BASE) | {layer.style for layer in layers}
    gaps = palette.missing(needed)
    if gaps:
        raise ContentError(f"{WHERE}: map '{spec.id}': the static picture needs colours docs/assets/maps.css does not give ({', '.join(gaps)}): add them to both schemes there")
    f = frame(spec)
    countries = shapes(spec, f)
    if not countries:
        raise ContentError(f"{WHERE}: map '{spec.id}': no country lies in its view {spec.view.model_dump()}: correct view: (degrees, east and north positive)")
    drawn = {code for code, _ in countries}
    points, routes, areas = features(layers, library, f, drawn)
    labels, taken = place_labels(points, f)
    labels += country_labels(spec, f, taken)
    legend = legend_rows(spec, library, layers, any(p["approx"] for p in points))
    height = f.height + LEGEND_PAD * 2 + LEGEND_ROW * len(legend)
    collection = geometry.spec_basemap(spec)
    west, south, east, north = collection["bbox"]
    (wx0, wy0), (wx1, wy1) = f.project(np.array([[west, north], [east, south]]))
    svg = JINJA.get_template("map_static.svg").render(
        spec=spec, width=f.width, height=height, map_height=f.height, schemes=palette.palettes(),
        styles=sorted({layer.style for layer in layers}), countries=countries, focus=set(spec.focus),
        water=[round(wx0), round(wy0), round(wx1 - wx0), round(wy1 - wy0)], areas=areas, routes=routes, points=points,
        labels=labels, legend=legend, legend_y=f.height + LEGEND_PAD, row_height=LEGEND_ROW, attribution=f"Countries: {basemap.ATTRIBUTION}",
    )
    svg = "\n".join(line.strip() for line in svg.splitlines() if line.strip()) + "\n"
    size = len(gzip.compress(svg.encode(), 9, mtime=0))
    if size > MAX_BYTES:
        raise ContentError(f"{WHERE}: map '{spec.id}': its static picture is {size / 1000:.1f} kB compressed, over {MAX_BYTES / 1000:.0f} kB: narrow its view: or show fewer layers at first (hidden:)")
    return Picture(svg, f.width, height, f.height)


# ---- geometry -------------------------------------------------------------------------------


def shapes(spec: MapSpec, f: Frame) -> list[tuple[str, str]]:
    """(country code, SVG path data) for every country in the frame, in whole pixels."""
    edge = shapely.box(-2, -2, f.width + 2, f.height + 2)
    codes, projected = [], []
    for feature in geometry.spec_basemap(spec)["features"]:
        g = shapely.transform(shape(feature["geometry"]), f.project).intersection(edge)
        g = polygons_only(g)
        if not g.is_empty:
            codes.append(feature["id"])
            projected.append(g)
    if not projected:
        return []
    simplified = shapely.coverage_simplify(np.array(projected), 0.6)  # neighbours keep one border
    return [(code, d) for code, d in ((c, path_data(g)) for c, g in zip(codes, simplified)) if d]


def polygons_only(g: shapely.Geometry) -> shapely.Geometry:
    """What clipping leaves of a shape, without the lines and points it can leave too."""
    parts = [p for p in shapely.get_parts(shapely.make_valid(g)) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def path_data(g: shapely.Geometry) -> str:
    """Rings as absolute moves and relative whole-pixel lines: the shortest plain SVG path."""
    out = []
    for polygon in shapely.get_parts(g):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            pts = np.rint(np.asarray(ring.coords)[:-1]).astype(int)
            pts = pts[np.any(pts != np.roll(pts, 1, axis=0), axis=1)] if len(pts) > 1 else pts
            if len(pts) < 3:
                continue
            steps = " ".join(f"{dx} {dy}" for dx, dy in np.diff(pts, axis=0))
            out.append(f"M{pts[0][0]} {pts[0][1]}l{steps}z")
    return re.sub(r" -", "-", "".join(out))


def features(layers, library: Library, f: Frame, drawn: set[str]):
    points, routes, areas = [], [], []
    for layer in layers:
        for item in layer.places:
            place = library.places[item.place]
            x, y = f.point(place.lat, place.lon)
            label = (item.label or place.name) + (" (approximate)" if place.approximate else "")
            points.append({"x": round(x, 1), "y": round(y, 1), "r": 11 if place.approximate else 6, "style": layer.style,
                           "approx": place.approximate, "label": label, "side": place.label_side})
        for route in layer.routes:
            xy = [f.point(library.places[p].lat, library.places[p].lon) for p in route.via]
            routes.append({"style": layer.style, "d": "M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in xy), "name": route.name})
        for member in layer.countries:
            if member.country in drawn:
                areas.append({"code": member.country, "style": layer.style, "partial": member.tier == "partial"})
    return points, routes, areas


# ---- labels: placed as map-document.js places them, only where they fit -----------------------


def text_box(x: float, y: float, text: str, size: float, em: float, anchor: str) -> tuple[float, float, float, float]:
    w = len(text) * size * em
    left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
    return (left, y - size * 0.8, left + w, y + size * 0.25)


def overlaps(a, b) -> bool:
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


def inside(box, f: Frame) -> bool:
    return box[0] >= 2 and box[1] >= 2 and box[2] <= f.width - 2 and box[3] <= f.height - 2


def place_labels(points: list[dict], f: Frame) -> tuple[list[dict], list[tuple]]:
    """Place names in data order beside their points; returns them and the boxes now taken."""
    kept = [(p["x"] - p["r"], p["y"] - p["r"], p["x"] + p["r"], p["y"] + p["r"]) for p in points]
    kept.append((f.width - 330, f.height - 18, f.width, f.height))  # the attribution
    labels = []
    for p in points:
        gap = p["r"] + 4
        x, y, anchor = {
            "right": (p["x"] + gap, p["y"] + TEXT_PX * 0.35, "start"),
            "left": (p["x"] - gap, p["y"] + TEXT_PX * 0.35, "end"),
            "top": (p["x"], p["y"] - gap, "middle"),
            "bottom": (p["x"], p["y"] + gap + TEXT_PX * 0.75, "middle"),
        }[p["side"]]
        box = text_box(x, y, p["label"], TEXT_PX, CHAR_EM, anchor)
        if inside(box, f) and not any(overlaps(box, k) for k in kept):
            kept.append(box)
            labels.append({"x": round(x, 1), "y": round(y, 1), "anchor": anchor, "text": p["label"], "country": False})
    return labels, kept


def country_labels(spec: MapSpec, f: Frame, taken: list[tuple]) -> list[dict]:
    """Country names where the live map writes them, if they fit and nothing is there yet."""
    kept = list(taken)
    labels = []
    for label in geometry.country_labels(geometry.spec_basemap(spec), spec):
        if f.zoom < label["zoom"]:
            continue  # the live map names it only from that zoom on: it would not fit
        x, y = f.point(*label["at"])
        text = label["name"].upper()
        y += COUNTRY_PX * 0.35
        box = text_box(x, y, text, COUNTRY_PX, COUNTRY_CHAR_EM, "middle")
        if inside(box, f) and not any(overlaps(box, k) for k in kept):
            kept.append(box)
            labels.append({"x": round(x, 1), "y": round(y, 1), "anchor": "middle", "text": text, "country": True})
    return labels


def legend_rows(spec: MapSpec, library: Library, layers, approximate: bool) -> list[dict]:
    rows = [{"kind": layer.kind, "style": layer.style, "text": layer.title} for layer in layers]
    if approximate:
        rows.append({"kind": "approx", "style": "neutral", "text": "Large dashed ring: an approximate position"})
    if any(m.tier == "partial" for layer in layers for m in layer.countries):
        rows.append({"kind": "partial", "style": "neutral", "text": "Dashed outline: observer, partner or suspended member"})
    hidden = [library.layers[i].title for i in spec.layers if i in spec.hidden]
    if hidden:
        note = "Not drawn here (in the live map and the table): " + ", ".join(hidden) + "."
        rows += [{"kind": "note", "style": "neutral", "text": line} for line in textwrap.wrap(note, NOTE_CHARS)]
    return rows
