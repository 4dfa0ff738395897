"""Files the build adds to the site: pinned vendor assets and data downloads."""
from __future__ import annotations

from mkdocs.structure.files import File

from .. import paths

# Site path -> installed file (npm, pinned in package.json / package-lock.json).
VENDOR = {
    "assets/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
    # Leaflet for the maps (BSD-2); the layer control's button icon is the only image it needs.
    "assets/vendor/leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "assets/vendor/leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "assets/vendor/leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "assets/vendor/leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    # Decodes the maps' TopoJSON basemaps in the browser (ISC).
    "assets/vendor/topojson-client/topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
}


def generated_files(config) -> list[File]:
    files = []
    for dest, installed in VENDOR.items():
        source = paths.NODE_MODULES / installed
        if not source.is_file():
            raise SystemExit(f"missing {source}: run `make setup` (npm ci) to install the pinned front-end assets")
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files
