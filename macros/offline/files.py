"""What the online build adds to each page's edition for saving it: the web app manifest, its
icons, and Workbox's modules, which the service worker imports (written after the build, by
worker.py). The zip bundle adds none of them."""
from __future__ import annotations

from mkdocs.structure.files import File

from .. import paths
from . import icons, manifest, palette, workbox


def generated_files(config) -> list[File]:
    files = [File.generated(config, paths.MANIFEST_FILE, content=manifest.manifest(config))]
    files += [File.generated(config, dest, content=data) for dest, data in icons.icons(palette.primary(config)).items()]
    for name in workbox.MODULES if workbox.available() else ():
        files.append(File.generated(config, workbox.served_module(name), abs_src_path=str(workbox.module_file(name))))
    return files
