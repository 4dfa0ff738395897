"""A map as a cited figure in its page: caption, its static picture (the live map in a frame
once the reader asks to explore it), a legend, a table of every feature with its citation
markers, downloads (GeoJSON, SVG, PNG) and a source line."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..pages.citations import Marker, PageCitations, first_markers
from ..data.library import Library
from ..data.records import Citation, Layer, MapSpec, Member, Place, PlaceOnLayer, Route
from ..pages.render import render
from .geometry import country_names, spec_basemap, status_line
from .static import size

FRAMES = "maps"  # site folder of the map documents and their downloads
LOADER = "assets/maps-loader.js"  # site path of the script that opens the live map in place of the picture
BASEMAP_SOURCE = "natural-earth-world-atlas"
APPROXIMATE = "approximate position"


def document_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.html"


def data_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.geojson"


def picture_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.svg"


def png_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.png"


def figure(library: Library, spec: MapSpec, refs: PageCitations, link: Callable[[str], str]) -> str:
    """The map as a cited figure; `link` turns a site path into a URL relative to the page."""
    names = country_names(library)
    drawn = {f["id"] for f in spec_basemap(spec)["features"]}
    caption_markers = refs.add_all(spec.citations)
    # The legend (every layer's own markers) comes before the table in the page: numbered first.
    groups = [layer_rows(g, library, refs, names, drawn) for g in [LayerRows(library.layers[i], refs.add_all(library.layers[i].citations)) for i in spec.layers]]
    ground = refs.add(Citation(source=BASEMAP_SOURCE))
    width, map_height = size(spec)
    return render(
        "map_figure.html",
        spec=spec,
        caption_markers=caption_markers,
        groups=groups,
        sources=first_markers(caption_markers + [m for g in groups for m in g.all_markers()] + [ground]),
        frame=link(document_path(spec.id)),
        loader=link(LOADER),
        data=link(data_path(spec.id)),
        picture=link(picture_path(spec.id)),
        png=link(png_path(spec.id)),
        width=width,
        map_height=map_height,
        kinds={library.layers[i].kind for i in spec.layers},
        approximate=any(library.places[i.place].approximate for g in groups for i in g.layer.places),
        partial=any(m.tier == "partial" for g in groups for m in g.layer.countries),
    )


@dataclass
class Row:
    name: str
    where: str
    details: str
    markers: list[Marker]


@dataclass
class LayerRows:
    layer: Layer
    markers: list[Marker]
    rows: list[Row] = field(default_factory=list)

    def all_markers(self) -> list[Marker]:
        return self.markers + [m for row in self.rows for m in row.markers]


def layer_rows(group: LayerRows, library: Library, refs: PageCitations, names: dict[str, str], drawn: set[str]) -> LayerRows:
    """A layer's rows in the table, after its legend entry (`group`, already numbered)."""
    layer = group.layer
    group.rows += [place_row(i, library, refs, names) for i in layer.places]
    group.rows += [route_row(r, library, refs) for r in layer.routes]
    group.rows += [member_row(m, refs, names, drawn) for m in layer.countries]
    return group


def unique(citations: list[Citation]) -> list[Citation]:
    seen, out = set(), []
    for c in citations:
        if (c.source, c.quote) not in seen:
            seen.add((c.source, c.quote))
            out.append(c)
    return out


def position(place: Place) -> str:
    """A place's coordinates as the map's table writes them: 42.85° N, 74.85° E."""
    return f"{abs(place.lat):.2f}° {'N' if place.lat >= 0 else 'S'}, {abs(place.lon):.2f}° {'E' if place.lon >= 0 else 'W'}"


def place_row(item: PlaceOnLayer, library: Library, refs: PageCitations, names: dict[str, str]) -> Row:
    place = library.places[item.place]
    at = position(place)
    country = names.get(place.country, place.country)
    if place.approximate:
        where = f"Large dashed ring in {country} around {at} ({APPROXIMATE})"
    else:
        where = f"Point in {country} at {at}"
    details = " ".join(t for t in (item.text, place.note) if t)
    return Row(item.label or place.name, where, details, refs.add_all(unique(item.citations + place.citations)))


def route_row(route: Route, library: Library, refs: PageCitations) -> Row:
    via = " – ".join(library.places[p].name for p in route.via)
    return Row(route.name, f"Dashed line, schematic: {via}", route.text, refs.add_all(unique(route_citations(route, library))))


def route_citations(route: Route, library: Library) -> list[Citation]:
    """What the route says, then where each of its points was read."""
    return route.citations + [c for stop in route.via for c in library.places[stop].citations]


def member_row(member: Member, refs: PageCitations, names: dict[str, str], drawn: set[str]) -> Row:
    if member.country not in drawn:
        where = "Not drawn: outside this map's area"
    else:
        where = "Dashed outline" if member.tier == "partial" else "Shaded"
    status = status_line(member)
    details = status[:1].upper() + status[1:] + "." + (f" {member.text}" if member.text else "")
    return Row(names.get(member.country, member.country), where, details, refs.add_all(unique(member.citations)))
