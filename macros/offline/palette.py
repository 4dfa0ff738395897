"""A Material palette colour by name ("indigo"), read from the installed theme's own
stylesheet, so the manifest and the browser's toolbar match the pages' header."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import material

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# Material's default scheme draws pages on white; its slate scheme is for dark mode only.
DEFAULT_BACKGROUND = "#ffffff"


@functools.lru_cache(maxsize=None)
def primary_colours() -> dict[str, str]:
    """Every named primary colour of the installed theme -> its hex value."""
    css = "\n".join(p.read_text(encoding="utf-8") for p in sorted(STYLESHEETS.glob("palette.*.min.css")))
    found = re.findall(r"\[data-md-color-primary=([a-z-]+)\]\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})", css)
    return {name: colour.lower() for name, colour in found}


def primary(config) -> str:
    """The primary colour of the site's first (light) palette, as a hex value."""
    palette = config["theme"].get("palette") or [{}]
    name = (palette[0] if isinstance(palette, list) else palette).get("primary", "indigo")
    colours = primary_colours()
    if name not in colours:
        raise SystemExit(f"mkdocs.yml: theme.palette primary {name!r} is not one of Material's named colours ({', '.join(sorted(colours))})")
    return colours[name]
