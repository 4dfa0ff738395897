"""`maps/<id>.geojson`: the features a map shows, with their sources, to download."""
from __future__ import annotations

import json

from . import basemap
from ..data.library import Library
from ..data.records import Citation, Layer, MapSpec
from ..site import SITE_NAME
from .figure import route_citations, unique
from .geometry import spec_basemap, tolerance


def geojson(spec: MapSpec, library: Library) -> str:
    collection = spec_basemap(spec)
    shapes = {f["id"]: f for f in collection["features"]}
    features = [f for layer_id in spec.layers for f in layer_features(library.layers[layer_id], library, shapes)]
    meta = {
        "title": spec.title,
        "description": spec.summary,
        "basemap": f"Country outlines: {basemap.ATTRIBUTION}, clipped to {list(collection['bbox'])} and simplified to {tolerance(spec)}°",
        "site": SITE_NAME,
    }
    return json.dumps({"type": "FeatureCollection", "metadata": meta, "features": features}, ensure_ascii=False, indent=1) + "\n"


def layer_features(layer: Layer, library: Library, shapes: dict[str, dict]) -> list[dict]:
    common = {"layer": layer.id, "layer_title": layer.title}
    features = []
    for item in layer.places:
        place = library.places[item.place]
        props = common | {"name": item.label or place.name, "kind": place.kind, "country": place.country, "approximate": place.approximate, "text": item.text, "note": place.note}
        props["sources"] = source_refs(library, place.citations + item.citations)
        features.append(feature(f"{layer.id}/{place.id}", props, {"type": "Point", "coordinates": [place.lon, place.lat]}))
    for route in layer.routes:
        props = common | {"name": route.name, "via": route.via, "schematic": True, "text": route.text, "sources": source_refs(library, unique(route_citations(route, library)))}
        coords = [[library.places[p].lon, library.places[p].lat] for p in route.via]
        features.append(feature(f"{layer.id}/{route.id}", props, {"type": "LineString", "coordinates": coords}))
    for member in layer.countries:
        shape = shapes.get(member.country)
        props = common | {"country": member.country, "name": shape["properties"]["name"] if shape else member.country, "status": member.status, "tier": member.tier, "since": member.since, "text": member.text}
        props |= {"sources": source_refs(library, member.citations), "drawn": shape is not None}
        features.append(feature(f"{layer.id}/{member.country}", props, shape["geometry"] if shape else None))
    return features


def feature(fid: str, props: dict, geometry: dict | None) -> dict:
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry}


def source_refs(library: Library, citations: list[Citation]) -> list[dict]:
    refs = []
    for c in citations:
        s = library.sources[c.source]
        refs.append({k: v for k, v in {"id": s.id, "title": s.title, "publisher": s.publisher, "url": str(s.url), "quote": c.quote, "note": c.note}.items() if v})
    return refs
