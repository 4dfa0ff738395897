"""Maps from the data: each spec in maps.yml becomes three things.

- `maps/<id>.html`, the map document (`document.py`), embedded by pages in an iframe;
- `maps/<id>.geojson`, its features with their sources (`geojson.py`);
- `maps/<id>.svg` and `maps/<id>.png`, its static picture (`static.py`, `png.py`): shown first in
  the page, printed, embedded in the PDFs and offered for download;
- a cited figure in the page (`figure.py`, called by the `map` macro).

Map files are generated in the hooks' `on_files` from the data alone, so they exist before
MkDocs copies files; the page's macro only computes relative links. The country shapes come
from `basemap.py`, the geometry a map needs from `geometry.py`.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from ..data.library import Library
from .document import map_document
from .figure import FRAMES, data_path, document_path, figure, picture_path, png_path
from .geojson import geojson
from .geometry import spec_basemap
from .png import png
from .static import picture

__all__ = ["FRAMES", "data_path", "document_path", "figure", "generated_files", "picture_path", "png_path", "spec_basemap"]


def generated_files(config, library: Library) -> list[File]:
    """Every map document, its data and its picture, added to the site as generated files.
    A map the picture cannot be drawn for raises ContentError naming the map and the fix."""
    files = []
    for spec in library.maps.values():
        drawn = picture(spec, library)
        files.append(File.generated(config, document_path(spec.id), content=map_document(spec, library)))
        files.append(File.generated(config, data_path(spec.id), content=geojson(spec, library)))
        files.append(File.generated(config, picture_path(spec.id), content=drawn.svg))
        files.append(File.generated(config, png_path(spec.id), content=png(drawn.svg)))
    return files
