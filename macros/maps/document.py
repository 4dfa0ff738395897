"""The map document: a small standalone Leaflet page built with folium, with the country shapes
inlined (no tiles, no CDN, nothing fetched but Leaflet, the site's stylesheet and
`assets/map-document.js`). Pages embed it in an iframe, which works from file:// and online."""
from __future__ import annotations

import html
import json

import folium
from branca.element import Figure, MacroElement
from folium.template import Template

from . import basemap
from ..data.library import Library
from ..data.records import Layer, MapSpec
from ..site import SITE_NAME
from . import geometry

LEAFLET = "../assets/vendor/leaflet"  # relative to a map document
STYLESHEET = "../assets/maps.css"
TOPOJSON = "../assets/vendor/topojson-client/topojson-client.min.js"
SCRIPT = "../assets/map-document.js"


def map_document(spec: MapSpec, library: Library) -> str:
    return build_map(spec, library).get_root().render()


def build_map(spec: MapSpec, library: Library) -> folium.Map:
    collection = geometry.spec_basemap(spec)
    names = {f["id"]: f["properties"]["name"] for f in collection["features"]}
    fmap = LeanMap(spec, tuple(collection["bbox"]))
    ground = Basemap(collection, spec)
    fmap.add_child(ground)
    for layer_id in spec.layers:
        fmap.add_child(layer_group(library.layers[layer_id], spec, library, ground, names))
    v = spec.view
    fit = folium.FitBounds([[v.south, v.west], [v.north, v.east]])
    fit.options = {"animate": False}  # labels are placed once the view is final
    fmap.add_child(fit)
    fmap.add_child(ResponsiveLayerControl(position="topright"))
    stable_ids(fmap.get_root())
    return fmap


def layer_group(layer: Layer, spec: MapSpec, library: Library, ground: Basemap, names: dict[str, str]) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=swatch_name(layer), show=layer.id not in spec.hidden)
    if layer.kind == "places":
        add_places(group, layer, library)
    elif layer.kind == "routes":
        add_routes(group, layer, library)
    else:
        group.add_child(CountryGroup(layer, ground, names))
    return group


# ---- helpers ------------------------------------------------------------------------------


def js_text(text: str) -> str:
    """Text for folium's tooltip template, which pastes it raw into a JS template literal."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def json_for_script(value) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def swatch_name(layer: Layer) -> str:
    """A layer's entry in the layer control, with a colour swatch (the control renders HTML)."""
    return f'<span class="ngg-swatch ngg-{layer.style} ngg-kind-{layer.kind}" aria-hidden="true"></span> {html.escape(layer.title)}'


def add_places(group: folium.FeatureGroup, layer: Layer, library: Library) -> None:
    for item in layer.places:
        place = library.places[item.place]
        classes = f"ngg-point ngg-{layer.style}" + (" ngg-approx" if place.approximate else "")
        radius = 11 if place.approximate else 6
        marker = folium.CircleMarker(
            [place.lat, place.lon], radius=radius, class_name=classes, weight=2, fill=True,
            fill_opacity=0.25 if place.approximate else 1, dash_array="4 3" if place.approximate else None,
        )
        label = (item.label or place.name) + (" (approximate)" if place.approximate else "")
        marker.add_child(Label(label, place.label_side, radius))
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


# ---- folium elements, without its CDN assets ------------------------------------------------


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
    """folium.Map linking only the site's own Leaflet, stylesheet and map script; no jQuery,
    Bootstrap or Font Awesome, and a viewport that lets the reader zoom the page."""

    default_js = [("leaflet", f"{LEAFLET}/leaflet.js"), ("topojson", TOPOJSON), ("ngg", SCRIPT)]
    default_css = [("leaflet_css", f"{LEAFLET}/leaflet.css"), ("maps_css", STYLESHEET)]

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <script>NGG.scheme();</script>
        {% endmacro %}
        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }} role="region" aria-label="{{ this.label|e }}"></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
                center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }}, ...{{ this.options|tojavascript }}
            });
            {{ this.get_name() }}.attributionControl.setPrefix(false);
            NGG.declutter({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, spec: MapSpec, bbox: tuple[float, float, float, float]):
        west, south, east, north = bbox
        view = spec.view
        super().__init__(
            location=[(view.south + view.north) / 2, (view.west + view.east) / 2], tiles=None, zoom_start=4,
            max_bounds=True, min_lat=south, max_lat=north, min_lon=west, max_lon=east, zoom_snap=0.25,
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
    """Country shapes inlined as TopoJSON, drawn under everything, with country labels."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }}_data = {{ this.data }};
            NGG.basemap({{ this._parent.get_name() }}, {{ this.get_name() }}_data, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict, spec: MapSpec):
        super().__init__()
        self._name = "Basemap"
        self.data = json_for_script(geometry.spec_topology(spec))
        west, south, east, north = collection["bbox"]
        self.options = {
            "extent": [[south, west], [north, east]],
            "focus": spec.focus,
            "labels": geometry.country_labels(collection, spec),
            "attribution": f"Countries: {basemap.ATTRIBUTION}",
        }


class CountryGroup(MacroElement):
    """A grouping of countries (members shaded, partial members outlined), reusing the basemap's shapes."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            NGG.countryGroup({{ this._parent.get_name() }}, {{ this.basemap.get_name() }}_data, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: Layer, basemap_element: Basemap, names: dict[str, str]):
        super().__init__()
        self._name = "CountryGroup"
        self.basemap = basemap_element
        notes = {m.country: html.escape(f"{names.get(m.country, m.country)}: {geometry.status_line(m)}") for m in layer.countries}
        self.options = {"style": layer.style, "tiers": {m.country: m.tier for m in layer.countries}, "notes": notes}


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
