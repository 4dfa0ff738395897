"""Country shapes for the maps, derived at build time from Natural Earth.

The input is npm `world-atlas` 2.0.2 (Natural Earth 4.1.0 admin-0 countries at
1:10m, TopoJSON; pinned in package.json). For each map we clip the countries to
a box around its view and simplify them as one coverage, so neighbours keep
a shared border and the Ferghana valley enclaves (Vorukh, Sokh) survive. Results
are cached under `.cache/basemap/`, keyed by the input file, the box, the
tolerance and `VERSION`; delete the folder or bump `VERSION` to rebuild.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycountry
import shapely
from pymdownx.slugs import slugify
from shapely.geometry import box, mapping, shape

from .. import paths

WORLD_ATLAS = paths.NODE_MODULES / "world-atlas" / "countries-10m.json"
CACHE = paths.CACHE / "basemap"
VERSION = 4  # bump when the derivation below changes
ATTRIBUTION = "Natural Earth (public domain) via world-atlas"
SLUG = slugify(case="lower")

# Coordinates are checked against lightly simplified shapes (about 500 m), never
# against what a map draws.
CHECK_TOLERANCE = 0.005

# Baikonur is Kazakh territory leased to Russia: without it Kazakhstan has a hole.
MERGE_INTO = {"Baikonur": "KAZ"}
# Shorter names for labels and tables than Natural Earth's abbreviations.
NAMES = {"Bosnia and Herz.": "Bosnia and Herzegovina", "Macedonia": "North Macedonia"}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    geometry: shapely.Geometry


def _arcs(topo: dict) -> list[np.ndarray]:
    """Delta-decoded, de-quantised arcs: one (n, 2) array of lon/lat per arc."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return arcs


def _ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    # A negative index ~i means arc i reversed; consecutive arcs share an end point.
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.concatenate([parts[0]] + [p[1:] for p in parts[1:]])


def _polygon(arcs, rings: list[list[int]]) -> shapely.Polygon | None:
    coords = [r for r in (_ring(arcs, ring) for ring in rings) if len(r) >= 4]  # some 10m rings degenerate
    return shapely.Polygon(coords[0], coords[1:]) if coords else None


def _geometry(arcs, geometry: dict) -> shapely.Geometry:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    parts = [p for p in (_polygon(arcs, rings) for rings in polygons) if p is not None]
    return shapely.make_valid(shapely.MultiPolygon(parts))


def _code(geometry: dict) -> str:
    """ISO 3166-1 alpha-3 from world-atlas's numeric id; features without one are keyed by name."""
    name = geometry["properties"]["name"]
    if name in MERGE_INTO:
        return MERGE_INTO[name]
    country = pycountry.countries.get(numeric=geometry["id"]) if geometry.get("id") else None
    return country.alpha_3 if country else "x-" + SLUG(name, "-")


@functools.lru_cache(maxsize=1)
def world() -> tuple[Country, ...]:
    """Every country polygon in world-atlas, decoded (a few seconds: results are cached on disk)."""
    if not WORLD_ATLAS.is_file():
        raise SystemExit(f"missing {WORLD_ATLAS}: run `make setup` (npm ci) to install world-atlas")
    topo = json.loads(WORLD_ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topo)
    shapes: dict[str, tuple[str, list]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        code = _code(geometry)
        name = NAMES.get(geometry["properties"]["name"], geometry["properties"]["name"])
        shapes.setdefault(code, (name, []))[1].append(_geometry(arcs, geometry))
    return tuple(Country(code, name, shapely.union_all(parts)) for code, (name, parts) in shapes.items())


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygons of a clipped shape (clipping can leave lines and points)."""
    parts = [p for p in shapely.get_parts(shapely.make_valid(geometry)) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _without_specks(geometry: shapely.Geometry, min_area: float) -> shapely.Geometry:
    """Drop islands and holes too small to see at the map's scale (an enclave drops from both sides)."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.area >= min_area:
            holes = [ring for ring in part.interiors if shapely.Polygon(ring).area >= min_area]
            polygons.append(shapely.Polygon(part.exterior, holes))
    return shapely.MultiPolygon(polygons) if polygons else shapely.Polygon()


def decimals_for(tolerance: float) -> int:
    """Enough decimal places that rounding moves a vertex less than half the tolerance."""
    return max(1, int(np.ceil(-np.log10(tolerance / 2))))


def derive(bbox: tuple[float, float, float, float], tolerance: float) -> dict:
    """Countries clipped to bbox (west, south, east, north), simplified as one coverage."""
    frame = box(*bbox)
    kept = [(c, _polygonal(c.geometry.intersection(frame))) for c in world() if c.geometry.intersects(frame)]
    kept = [(c, g) for c, g in kept if not g.is_empty]
    simplified = shapely.coverage_simplify(np.array([g for _, g in kept]), tolerance)
    grid = 10 ** -decimals_for(tolerance)
    features = []
    for (country, _), geometry in zip(kept, simplified):
        geometry = _polygonal(shapely.set_precision(_without_specks(geometry, (2 * tolerance) ** 2), grid))
        if geometry.is_empty:
            continue
        features.append({"type": "Feature", "id": country.code, "properties": {"name": country.name}, "geometry": mapping(geometry)})
    return {"type": "FeatureCollection", "bbox": list(bbox), "features": features}


@functools.lru_cache(maxsize=4)
def _digest(path: Path, size: int, mtime: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _input_digest() -> str:
    stat = WORLD_ATLAS.stat()
    return _digest(WORLD_ATLAS, stat.st_size, stat.st_mtime)


@functools.lru_cache(maxsize=32)
def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cached(bbox: tuple[float, float, float, float], tolerance: float) -> dict:
    """`derive()` through the on-disk cache; the key names every input. Treat the result as read-only."""
    key = json.dumps([VERSION, _input_digest(), [round(v, 4) for v in bbox], tolerance])
    path = CACHE / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".json")
    if path.is_file():
        return _read(path)
    derived = derive(bbox, tolerance)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.write_text(dumps(derived, decimals_for(tolerance)), encoding="utf-8")
    tmp.replace(path)  # atomic: parallel builds never read half a file
    return _read(path)


def dumps(collection: dict, decimals: int) -> str:
    """Compact JSON with coordinates rounded to `decimals` places."""
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    return re.sub(r"(-?\d+\.\d{%d})\d+" % decimals, r"\1", text)


def shapes(bbox: tuple[float, float, float, float]) -> dict[str, tuple[str, shapely.Geometry]]:
    """Country code -> (name, shape), detailed enough to check a coordinate against."""
    collection = cached(bbox, CHECK_TOLERANCE)
    return {f["id"]: (f["properties"]["name"], shape(f["geometry"])) for f in collection["features"]}
