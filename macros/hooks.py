"""MkDocs hooks: the parts of the build that are not macros.

Loaded by path from mkdocs.yml (`hooks:`), so the project root goes on sys.path
to import the `macros` package the same way mkdocs-macros does.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.utils import get_relative_url  # noqa: E402

from macros import assets, downloads, maps, state  # noqa: E402
from macros.render import render_inline  # noqa: E402

CITED_BY = re.compile(r'<span class="cited-by" data-source="([a-z0-9-]+)"></span>')
FILES = {}


def on_files(files, config):
    """Serve pinned front-end assets and data downloads from the site itself."""
    FILES["files"] = files
    generated_maps = maps.generated_files(config, state.LIBRARY)  # map documents and their GeoJSON
    for generated in assets.generated_files(config) + downloads.download_files(config, state.LIBRARY) + generated_maps:
        files.append(generated)
    return files


def on_post_page(output, page, config):
    """Fill the bibliography's 'cited in' lists once every page has been rendered."""
    files = FILES["files"]

    def cited_in(match):
        citing = [files.get_file_from_path(src).page for src in state.pages_citing(match.group(1))]
        links = [{"title": p.title, "href": get_relative_url(p.url, page.url)} for p in citing if p]
        return render_inline("cited_by.html", links=links)

    return CITED_BY.sub(cited_in, output)
