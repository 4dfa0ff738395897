"""A map's geometry: the area its basemap covers, how much it is simplified, where country
names go, and the names of the countries the maps draw."""
from __future__ import annotations

import math

import shapely
import topojson
from shapely.geometry import shape

from . import basemap
from ..data.dates import human_date
from ..data.library import Library
from ..data.records import MapSpec, Member

PIXELS = 800  # the width a map is drawn for: one pixel of it sets the simplification
LABEL_EM = 8  # px per letter of a country label
TOPOLOGY_OBJECT = "countries"  # the one object in a map's TopoJSON (map-document.js reads it)


def clip_box(spec: MapSpec) -> tuple[float, float, float, float]:
    """The map's view with a margin of a quarter on each side: the area the basemap covers."""
    v = spec.view
    dx, dy = (v.east - v.west) / 4, (v.north - v.south) / 4
    return (max(-180, v.west - dx), max(-85, v.south - dy), min(180, v.east + dx), min(85, v.north + dy))


def tolerance(spec: MapSpec) -> float:
    """About one screen pixel of the opening view, within 0.002° and 0.1°."""
    return min(0.1, max(0.002, round((spec.view.east - spec.view.west) / PIXELS, 4)))


def spec_basemap(spec: MapSpec) -> dict:
    return basemap.cached(clip_box(spec), tolerance(spec))


def spec_topology(spec: MapSpec) -> dict:
    """The basemap as TopoJSON, as map documents carry it: each shared border once, and
    coordinates on a grid of a quarter of the simplification (about half the bytes, compressed)."""
    collection = spec_basemap(spec)
    west, south, east, north = collection["bbox"]
    steps = math.ceil(max(east - west, north - south) * 4 / tolerance(spec))
    return topojson.Topology(collection, object_name=TOPOLOGY_OBJECT, prequantize=steps, topology=True, presimplify=False, toposimplify=False).to_dict()


def country_labels(collection: dict, spec: MapSpec) -> list[dict]:
    """Where to write each labelled country's name (the centre of the largest circle inside the
    part of it in view) and from which zoom the name fits there."""
    v = spec.view
    frame = shapely.box(v.west, v.south, v.east, v.north)
    labels = []
    for feature in collection["features"]:
        if feature["id"] not in spec.labels:
            continue
        visible = shapely.make_valid(shape(feature["geometry"])).intersection(frame)
        if visible.is_empty or visible.area == 0:
            continue
        circle = shapely.maximum_inscribed_circle(visible, 0.01)
        (x, y), (ex, ey) = shapely.get_coordinates(circle)
        radius = max(math.hypot(ex - x, ey - y), 0.01)
        name = feature["properties"]["name"]
        # About 8 px a letter at 11 px in capitals; a long name may overhang its circle.
        zoom = math.log2((len(name) * LABEL_EM / 2 / 2.2) * 360 / (256 * radius))
        labels.append({"name": name, "at": [round(y, 3), round(x, 3)], "zoom": round(zoom, 2)})
    return labels


def country_names(library: Library) -> dict[str, str]:
    """Names for every code the maps use, from the region's shapes (cached) or the wide clips."""
    names: dict[str, str] = {}
    for spec in library.maps.values():
        names |= {f["id"]: f["properties"]["name"] for f in spec_basemap(spec)["features"]}
    return names


def status_line(member: Member) -> str:
    since = f" since {human_date(member.since)}" if member.since else ""
    return f"{member.status}{since}"
