"""Saving an edition in the browser for reading with no network (issue 20): the files a build
adds for it and the service worker written once the edition is built.

- `files.py`   what the online build adds: the web app manifest, its icons, Workbox's modules
- `head.py`    what the theme links on every online page (manifest, script, worker, colour)
- `manifest.py` the web app manifest (name, colours from mkdocs.yml's palette, icons)
- `palette.py` a Material palette colour by name, as the installed theme defines it
- `icons.py`   the home-screen icons, drawn with Pillow
- `workbox.py` Workbox's build tools and modules (npm, pinned in workbox/)
- `worker.py`  the service worker and its precache list, written by those tools
- `size.py`    what saving downloads, weighed from that list, for the page to say before

The page side is `overrides/partials/save-offline.html` (manifest link, the control's markup)
and `docs/assets/save-offline.js` (the control); the zip bundle (mkdocs.offline.yml) has none.
"""
from __future__ import annotations

from .files import generated_files
from .head import theme_values
from .worker import write_after_build, write_worker

__all__ = ["generated_files", "theme_values", "write_after_build", "write_worker"]
