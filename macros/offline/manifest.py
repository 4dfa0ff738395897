"""The web app manifest, so a phone can put the site on its home screen. Every URL in it is
relative to the manifest, which sits at the edition's root: the newest edition at the site
root and its copy under <version>/ are each their own app, as each is its own saved copy."""
from __future__ import annotations

import json

from ..site import SHORT_NAME
from . import icons, palette


def manifest(config) -> str:
    return json.dumps(
        {
            "name": config["site_name"],
            "short_name": SHORT_NAME,
            "description": config["site_description"],
            "lang": config["theme"]["language"],
            "id": "./",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": palette.primary(config),
            "background_color": palette.DEFAULT_BACKGROUND,
            "icons": icons.manifest_entries(),
        },
        indent=1,
        ensure_ascii=False,
    ) + "\n"
