"""Maps from the data: each spec in maps.yml becomes three things.

- `maps/<id>.html`: a small standalone Leaflet document built with folium, with
  the country shapes inlined (no tiles, no CDN, nothing fetched but Leaflet and
  the site's own stylesheet). Pages embed it in an iframe, which works from
  file:// and with instant navigation alike.
- `maps/<id>.geojson`: the features the map shows, with their sources, to download.
- a cited figure for the page (`figure()`, called by the `map` macro): caption,
  the iframe, a legend, a table of every feature with its citation markers, a
  download link and a source line.

Map files are generated in the hooks' `on_files` from the data alone, so they
exist before MkDocs copies files; the page's macro only computes relative links.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from typing import Callable

import folium
import shapely
from branca.element import Figure, MacroElement
from folium.template import Template
from mkdocs.structure.files import File
from shapely.geometry import shape

from . import basemap
from .citations import Marker, PageCitations
from .models import Citation, Layer, Library, MapSpec, Member, PlaceOnLayer, Route
from .render import render

FRAMES = "maps"  # site folder of the map documents and their downloads
LEAFLET = "../assets/vendor/leaflet"  # relative to a map document
STYLESHEET = "../assets/maps.css"
LOADER = "assets/maps-loader.js"  # site path of the script that loads frames near the screen
BASEMAP_SOURCE = "natural-earth-world-atlas"
SITE_NAME = "The New Great Game in Central Asia"
PIXELS = 800  # the width a map is drawn for: one pixel of it sets the simplification
APPROXIMATE = "approximate position"
LABEL_EM = 8  # px per letter of a country label


def document_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.html"


def data_path(spec_id: str) -> str:
    return f"{FRAMES}/{spec_id}.geojson"


def js_text(text: str) -> str:
    """Text for folium's tooltip template, which pastes it raw into a JS template literal."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def json_for_script(value) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


# ---- folium, without its CDN assets --------------------------------------------------


class MapDocument(Figure):
    """A folium Figure that is a proper document: language, charset, title, colour scheme."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="en" class="map-document">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>{{ this.title }}</title>\n"
        '<meta name="color-scheme" content="light dark">\n'
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, title: str):
        super().__init__(title=title)
        self.header._children.pop("meta_http", None)  # the template declares the charset first


class LeanMap(folium.Map):
    """folium.Map linking only the site's own Leaflet and stylesheet; no jQuery, Bootstrap or
    Font Awesome, and a viewport that lets the reader zoom the page."""

    default_js = [("leaflet", f"{LEAFLET}/leaflet.js")]
    default_css = [("leaflet_css", f"{LEAFLET}/leaflet.css"), ("maps_css", STYLESHEET)]

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <script>{{ this.scheme_script }}</script>
        {% endmacro %}

        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }} role="region" aria-label="{{ this.label|e }}"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{ this.options|tojavascript }}
                }
            );
            {{ this.get_name() }}.attributionControl.setPrefix(false);
            {{ this.declutter_script }}({{ this.get_name() }});
        {% endmacro %}
        """
    )

    # The frame follows the page's Material palette when it can read it (same origin),
    # else the reader's system setting; maps.css styles both from data-scheme.
    scheme_script = (
        "(function(){var d=document.documentElement,m=matchMedia('(prefers-color-scheme: dark)');"
        "function page(){try{var b=window.parent!==window&&parent.document.body;return b&&b.getAttribute('data-md-color-scheme');}catch(e){return null;}}"
        "function set(){var s=page();d.setAttribute('data-scheme',s?(s==='slate'?'dark':'light'):(m.matches?'dark':'light'));}"
        "set();m.addEventListener('change',set);"
        "try{if(window.parent!==window){new MutationObserver(set).observe(parent.document.body,{attributes:true,attributeFilter:['data-md-color-scheme']});}}catch(e){}"
        "})();"
    )

    # Labels never cover a point, a control or another label, nor run off the map: after every
    # move, zoom or layer switch, place labels (in data order), then country names, show only where they fit.
    declutter_script = (
        "(function(map){function run(){var pane=map.getPane('tooltipPane'),z=map.getZoom(),kept=[];"
        "map.getContainer().querySelectorAll('.ngg-point, .leaflet-control').forEach(function(p){kept.push(p.getBoundingClientRect());});"
        "var tips=[].slice.call(pane.querySelectorAll('.ngg-label')).concat([].slice.call(pane.querySelectorAll('.ngg-country-label')));"
        "tips.forEach(function(el){el.style.visibility='';if(el.dataset.minZoom&&z<+el.dataset.minZoom){el.style.visibility='hidden';return;}"
        "var r=el.getBoundingClientRect(),box=map.getContainer().getBoundingClientRect(),hit=r.left<box.left||r.right>box.right||r.top<box.top||r.bottom>box.bottom||kept.some(function(k){return r.left<k.right&&r.right>k.left&&r.top<k.bottom&&r.bottom>k.top;});"
        "if(hit){el.style.visibility='hidden';}else{kept.push(r);}});}"
        "map.on('moveend overlayadd overlayremove',run);map.whenReady(function(){setTimeout(run,0);});})"
    )

    def __init__(self, spec: MapSpec, bbox: tuple[float, float, float, float]):
        west, south, east, north = bbox
        view = spec.view
        super().__init__(
            location=[(view.south + view.north) / 2, (view.west + view.east) / 2],
            tiles=None,
            zoom_start=4,
            max_bounds=True,
            min_lat=south,
            max_lat=north,
            min_lon=west,
            max_lon=east,
            zoom_snap=0.25,
            scroll_wheel_zoom=False,  # the page scrolls; zoom with the buttons or the keyboard
            keyboard=True,
        )
        self.label = f"Interactive map: {spec.title}. Arrow keys pan, plus and minus zoom."
        MapDocument(title=html.escape(f"Map: {spec.title} · {SITE_NAME}")).add_child(self)


class Label(folium.Tooltip):
    """A permanent place label (a Leaflet tooltip), its text escaped for folium's template."""

    def __init__(self, text: str, side: str, radius: int):
        gap = radius + 4  # clear of the marker's own circle and stroke
        offsets = {"right": [gap, 0], "left": [-gap, 0], "top": [0, -gap], "bottom": [0, gap]}
        super().__init__(js_text(text), sticky=False, permanent=True, direction=side, offset=offsets[side], class_name="ngg-label")


class HoverText(folium.Tooltip):
    def __init__(self, text: str):
        super().__init__(js_text(text), sticky=True, class_name="ngg-hover")


class Basemap(MacroElement):
    """Country shapes inlined as GeoJSON, drawn under everything, with country labels."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }}_data = {{ this.data }};
            // The sea is the area the shapes cover; beyond it, the page's own background.
            L.rectangle({{ this.extent|tojson }}, {className: "ngg-water", stroke: false, fillOpacity: 1, interactive: false})
                .addTo({{ this._parent.get_name() }});
            var {{ this.get_name() }} = L.geoJSON({{ this.get_name() }}_data, {
                interactive: false,
                attribution: {{ this.attribution|tojson }},
                style: function (f) {
                    return {className: {{ this.focus|tojson }}.indexOf(f.id) >= 0 ? "ngg-land ngg-focus" : "ngg-land",
                            weight: 1, fillOpacity: 1};
                }
            }).addTo({{ this._parent.get_name() }});
            {{ this.get_name() }}_labels = {{ this.labels|tojson }}.map(function (l) {
                // A country's name shows from the zoom at which it fits inside the country.
                var tip = L.tooltip(l.at, {permanent: true, direction: "center", className: "ngg-country-label"})
                    .setContent(l.name).addTo({{ this._parent.get_name() }});
                tip.getElement().dataset.minZoom = l.zoom;
                return tip;
            });
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict, spec: MapSpec):
        super().__init__()
        self._name = "Basemap"
        self.data = json_for_script(collection)
        west, south, east, north = collection["bbox"]
        self.extent = [[south, west], [north, east]]
        self.focus = spec.focus
        self.labels = country_labels(collection, spec)
        self.attribution = f"Countries: {basemap.ATTRIBUTION}"


class CountryGroup(MacroElement):
    """A grouping of countries (members shaded, partial members outlined), reusing the basemap's shapes."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var tiers = {{ this.tiers|tojson }}, notes = {{ this.notes|tojson }};
                L.geoJSON({type: "FeatureCollection", features: {{ this.basemap.get_name() }}_data.features.filter(function (f) {
                    return f.id in tiers;
                })}, {
                    style: function (f) {
                        return {className: "ngg-area ngg-" + {{ this.style|tojson }} + (tiers[f.id] === "partial" ? " ngg-partial" : ""),
                                weight: 2, fillOpacity: tiers[f.id] === "partial" ? 0 : 0.45};
                    },
                    onEachFeature: function (f, layer) { layer.bindTooltip(notes[f.id], {sticky: true, className: "ngg-hover"}); }
                }).addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
        """
    )

    def __init__(self, layer: Layer, basemap_element: Basemap, names: dict[str, str]):
        super().__init__()
        self._name = "CountryGroup"
        self.basemap = basemap_element
        self.style = layer.style
        self.tiers = {m.country: m.tier for m in layer.countries}
        self.notes = {m.country: html.escape(f"{names.get(m.country, m.country)}: {status_line(m)}") for m in layer.countries}


class ResponsiveLayerControl(folium.LayerControl):
    """The layer switcher, open on wide maps and collapsed to a button on narrow ones."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.control.layers({}, {
                {%- for key, val in this.overlays.items() %}
                {{ key|tojson }}: {{ val }},
                {%- endfor %}
            }, Object.assign({{ this.options|tojavascript }}, {collapsed: window.innerWidth < 560})
            ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


# ---- from data to features -------------------------------------------------------------


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


def status_line(member: Member) -> str:
    since = f" since {human_date(member.since)}" if member.since else ""
    return f"{member.status}{since}"


def swatch_name(layer: Layer) -> str:
    """A layer's entry in the layer control, with a colour swatch (the control renders HTML)."""
    return f'<span class="ngg-swatch ngg-{layer.style} ngg-kind-{layer.kind}" aria-hidden="true"></span> {html.escape(layer.title)}'


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


def add_places(group: folium.FeatureGroup, layer: Layer, library: Library) -> None:
    for item in layer.places:
        place = library.places[item.place]
        label = item.label or place.name
        classes = f"ngg-point ngg-{layer.style}" + (" ngg-approx" if place.approximate else "")
        radius = 11 if place.approximate else 6
        marker = folium.CircleMarker(
            [place.lat, place.lon],
            radius=radius,
            class_name=classes,
            weight=2,
            fill=True,
            fill_opacity=0.25 if place.approximate else 1,
            dash_array="4 3" if place.approximate else None,
        )
        marker.add_child(Label(label + (" (approximate)" if place.approximate else ""), place.label_side, radius))
        group.add_child(marker)


def add_routes(group: folium.FeatureGroup, layer: Layer, library: Library) -> None:
    for route in layer.routes:
        points = [[library.places[p].lat, library.places[p].lon] for p in route.via]
        line = folium.PolyLine(points, class_name=f"ngg-route ngg-{layer.style}", weight=3, dash_array="8 6")
        line.add_child(HoverText(route.name))
        group.add_child(line)


def stable_ids(root) -> None:
    """Number every element in order, so a rebuild writes the same bytes (folium uses random ids)."""
    counter = 0

    def walk(element):
        nonlocal counter
        counter += 1
        element._id = f"{counter:04d}"
        for child in list(element._children.values()):
            walk(child)

    walk(root)


def build_map(spec: MapSpec, library: Library) -> LeanMap:
    collection = spec_basemap(spec)
    names = {f["id"]: f["properties"]["name"] for f in collection["features"]}
    fmap = LeanMap(spec, tuple(collection["bbox"]))
    ground = Basemap(collection, spec)
    fmap.add_child(ground)
    for layer_id in spec.layers:
        layer = library.layers[layer_id]
        group = folium.FeatureGroup(name=swatch_name(layer), show=layer_id not in spec.hidden)
        if layer.kind == "places":
            add_places(group, layer, library)
        elif layer.kind == "routes":
            add_routes(group, layer, library)
        else:
            group.add_child(CountryGroup(layer, ground, names))
        fmap.add_child(group)
    v = spec.view
    fit = folium.FitBounds([[v.south, v.west], [v.north, v.east]])
    fit.options = {"animate": False}  # labels are placed once the view is final
    fmap.add_child(fit)
    fmap.add_child(ResponsiveLayerControl(position="topright"))
    stable_ids(fmap.get_root())
    return fmap


def map_document(spec: MapSpec, library: Library) -> str:
    return build_map(spec, library).get_root().render()


# ---- the downloadable data -------------------------------------------------------------


def source_refs(library: Library, citations: list[Citation]) -> list[dict]:
    refs = []
    for c in citations:
        s = library.sources[c.source]
        refs.append({k: v for k, v in {"id": s.id, "title": s.title, "publisher": s.publisher, "url": str(s.url), "quote": c.quote, "note": c.note}.items() if v})
    return refs


def geojson(spec: MapSpec, library: Library) -> str:
    collection = spec_basemap(spec)
    shapes = {f["id"]: f for f in collection["features"]}
    features = []
    for layer_id in spec.layers:
        layer = library.layers[layer_id]
        common = {"layer": layer.id, "layer_title": layer.title}
        for item in layer.places:
            place = library.places[item.place]
            props = common | {"name": item.label or place.name, "kind": place.kind, "country": place.country, "approximate": place.approximate, "text": item.text, "note": place.note}
            props["sources"] = source_refs(library, place.citations + item.citations)
            features.append({"type": "Feature", "id": f"{layer.id}/{place.id}", "properties": props, "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}})
        for route in layer.routes:
            props = common | {"name": route.name, "via": route.via, "schematic": True, "text": route.text, "sources": source_refs(library, route.citations)}
            coords = [[library.places[p].lon, library.places[p].lat] for p in route.via]
            features.append({"type": "Feature", "id": f"{layer.id}/{route.id}", "properties": props, "geometry": {"type": "LineString", "coordinates": coords}})
        for member in layer.countries:
            shape = shapes.get(member.country)
            props = common | {"country": member.country, "name": shape["properties"]["name"] if shape else member.country, "status": member.status, "tier": member.tier, "since": member.since, "text": member.text}
            props["sources"] = source_refs(library, member.citations)
            props["drawn"] = shape is not None
            features.append({"type": "Feature", "id": f"{layer.id}/{member.country}", "properties": props, "geometry": shape["geometry"] if shape else None})
    meta = {
        "title": spec.title,
        "description": spec.summary,
        "basemap": f"Country outlines: {basemap.ATTRIBUTION}, clipped to {list(collection['bbox'])} and simplified to {tolerance(spec)}°",
        "site": SITE_NAME,
    }
    return json.dumps({"type": "FeatureCollection", "metadata": meta, "features": features}, ensure_ascii=False, indent=1) + "\n"


def generated_files(config, library: Library) -> list[File]:
    """Every map document and its data, added to the site as generated files."""
    files = []
    for spec in library.maps.values():
        files.append(File.generated(config, document_path(spec.id), content=map_document(spec, library)))
        files.append(File.generated(config, data_path(spec.id), content=geojson(spec, library)))
    return files


# ---- the figure in the page ------------------------------------------------------------


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


def unique(citations: list[Citation]) -> list[Citation]:
    seen, out = set(), []
    for c in citations:
        if (c.source, c.quote) not in seen:
            seen.add((c.source, c.quote))
            out.append(c)
    return out


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def human_date(value: str) -> str:
    """2012, 2012-12 or 2012-12-19 as a reader writes it: 2012, December 2012, 19 December 2012."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def place_row(item: PlaceOnLayer, library: Library, refs: PageCitations, names: dict[str, str]) -> Row:
    place = library.places[item.place]
    position = f"{abs(place.lat):.2f}° {'N' if place.lat >= 0 else 'S'}, {abs(place.lon):.2f}° {'E' if place.lon >= 0 else 'W'}"
    country = names.get(place.country, place.country)
    if place.approximate:
        where = f"Large dashed ring in {country} around {position} ({APPROXIMATE})"
    else:
        where = f"Point in {country} at {position}"
    details = " ".join(t for t in (item.text, place.note) if t)
    return Row(item.label or place.name, where, details, refs.add_all(unique(item.citations + place.citations)))


def route_row(route: Route, library: Library, refs: PageCitations) -> Row:
    via = " – ".join(library.places[p].name for p in route.via)
    return Row(route.name, f"Dashed line, schematic: {via}", route.text, refs.add_all(unique(route.citations)))


def member_row(member: Member, refs: PageCitations, names: dict[str, str], drawn: set[str]) -> Row:
    if member.country not in drawn:
        where = "Not drawn: outside this map's area"
    else:
        where = "Dashed outline" if member.tier == "partial" else "Shaded"
    status = status_line(member)
    details = status[:1].upper() + status[1:] + "." + (f" {member.text}" if member.text else "")
    return Row(names.get(member.country, member.country), where, details, refs.add_all(unique(member.citations)))


def country_names(library: Library) -> dict[str, str]:
    """Names for every code the maps use, from the region's shapes (cached) or the wide clips."""
    names: dict[str, str] = {}
    for spec in library.maps.values():
        names |= {f["id"]: f["properties"]["name"] for f in spec_basemap(spec)["features"]}
    return names


def figure(library: Library, spec: MapSpec, refs: PageCitations, link: Callable[[str], str]) -> str:
    """The map as a cited figure; `link` turns a site path into a URL relative to the page."""
    names = country_names(library)
    drawn = {f["id"] for f in spec_basemap(spec)["features"]}
    caption_markers = refs.add_all(spec.citations)
    groups = []
    for layer_id in spec.layers:
        layer = library.layers[layer_id]
        group = LayerRows(layer, refs.add_all(layer.citations))
        group.rows += [place_row(i, library, refs, names) for i in layer.places]
        group.rows += [route_row(r, library, refs) for r in layer.routes]
        group.rows += [member_row(m, refs, names, drawn) for m in layer.countries]
        groups.append(group)
    ground = refs.add(Citation(source=BASEMAP_SOURCE))
    firsts: dict[str, Marker] = {}
    for m in caption_markers + [m for g in groups for m in g.markers + [m for row in g.rows for m in row.markers]] + [ground]:
        firsts.setdefault(m.source.id, m)
    return render(
        "map_figure.html",
        spec=spec,
        caption_markers=caption_markers,
        groups=groups,
        sources=sorted(firsts.values(), key=lambda m: m.number),
        frame=link(document_path(spec.id)),
        loader=link(LOADER),
        data=link(data_path(spec.id)),
        kinds={library.layers[i].kind for i in spec.layers},
        approximate=any(library.places[i.place].approximate for g in groups for i in g.layer.places),
        partial=any(m.tier == "partial" for g in groups for m in g.layer.countries),
    )
