"""Maps from the data: each spec in maps.yml becomes three things.

- `maps/<id>.html`, the map document (`document.py`), embedded by pages in an iframe;
- `maps/<id>.geojson`, its features with their sources (`geojson.py`);
- a cited figure in the page (`figure.py`, called by the `map` macro).

Map files are generated in the hooks' `on_files` from the data alone, so they exist before
MkDocs copies files; the page's macro only computes relative links. The country shapes come
from `basemap.py`, the geometry a map needs from `geometry.py`.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from ..data.library import Library
from .document import map_document
from .figure import FRAMES, data_path, document_path, figure
from .geojson import geojson
from .geometry import spec_basemap

__all__ = ["FRAMES", "data_path", "document_path", "figure", "generated_files", "spec_basemap"]


def generated_files(config, library: Library) -> list[File]:
    """Every map document and its data, added to the site as generated files."""
    files = []
    for spec in library.maps.values():
        files.append(File.generated(config, document_path(spec.id), content=map_document(spec, library)))
        files.append(File.generated(config, data_path(spec.id), content=geojson(spec, library)))
    return files
