/* What every map document (site/maps/<id>.html, built by macros/maps/document.py) runs:
   its colour scheme before first paint, the basemap, country groupings and label placement.
   Loaded with a plain <script src>, so it works from file:// as well as online. */
var NGG = (function () {
  // The frame follows the page's Material palette when it can read it (same origin),
  // else the reader's system setting; maps.css styles both from data-scheme.
  function scheme() {
    var d = document.documentElement, m = matchMedia("(prefers-color-scheme: dark)");
    function page() {
      try { var b = window.parent !== window && parent.document.body; return b && b.getAttribute("data-md-color-scheme"); }
      catch (e) { return null; }
    }
    function set() {
      var s = page();
      d.setAttribute("data-scheme", s ? (s === "slate" ? "dark" : "light") : (m.matches ? "dark" : "light"));
    }
    set();
    m.addEventListener("change", set);
    try {
      if (window.parent !== window) {
        new MutationObserver(set).observe(parent.document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
      }
    } catch (e) {}
  }

  // Labels never cover a point, a control or another label, nor run off the map: after every
  // move, zoom or layer switch, place labels (in data order), then country names, only where they fit.
  function declutter(map) {
    function overlaps(r, k) { return r.left < k.right && r.right > k.left && r.top < k.bottom && r.bottom > k.top; }
    function run() {
      var pane = map.getPane("tooltipPane"), z = map.getZoom(), kept = [];
      var box = map.getContainer().getBoundingClientRect();
      map.getContainer().querySelectorAll(".ngg-point, .leaflet-control").forEach(function (p) { kept.push(p.getBoundingClientRect()); });
      var tips = [].slice.call(pane.querySelectorAll(".ngg-label")).concat([].slice.call(pane.querySelectorAll(".ngg-country-label")));
      tips.forEach(function (el) {
        el.style.visibility = "";
        if (el.dataset.minZoom && z < +el.dataset.minZoom) { el.style.visibility = "hidden"; return; }
        var r = el.getBoundingClientRect();
        var out = r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
        if (out || kept.some(function (k) { return overlaps(r, k); })) { el.style.visibility = "hidden"; } else { kept.push(r); }
      });
    }
    map.on("moveend overlayadd overlayremove", run);
    map.whenReady(function () { setTimeout(run, 0); });
  }

  // Country shapes under everything, the sea as the area they cover, and country names
  // that show from the zoom at which they fit inside their country.
  // The basemap comes as TopoJSON (macros/maps/geometry.py): decoded once per document.
  function countries(topology) {
    if (!topology.decoded) topology.decoded = topojson.feature(topology, topology.objects.countries);
    return topology.decoded;
  }

  function basemap(map, topology, o) {
    L.rectangle(o.extent, { className: "ngg-water", stroke: false, fillOpacity: 1, interactive: false }).addTo(map);
    L.geoJSON(countries(topology), {
      interactive: false,
      attribution: o.attribution,
      style: function (f) { return { className: o.focus.indexOf(f.id) >= 0 ? "ngg-land ngg-focus" : "ngg-land", weight: 1, fillOpacity: 1 }; }
    }).addTo(map);
    o.labels.forEach(function (l) {
      var tip = L.tooltip(l.at, { permanent: true, direction: "center", className: "ngg-country-label" }).setContent(l.name).addTo(map);
      tip.getElement().dataset.minZoom = l.zoom;
    });
  }

  // A grouping of countries: full members shaded, partial ones (observers, suspended) outlined.
  function countryGroup(group, topology, o) {
    L.geoJSON({ type: "FeatureCollection", features: countries(topology).features.filter(function (f) { return f.id in o.tiers; }) }, {
      style: function (f) {
        var partial = o.tiers[f.id] === "partial";
        return { className: "ngg-area ngg-" + o.style + (partial ? " ngg-partial" : ""), weight: 2, fillOpacity: partial ? 0 : 0.45 };
      },
      onEachFeature: function (f, layer) { layer.bindTooltip(o.notes[f.id], { sticky: true, className: "ngg-hover" }); }
    }).addTo(group);
  }

  return { scheme: scheme, declutter: declutter, basemap: basemap, countryGroup: countryGroup };
})();
