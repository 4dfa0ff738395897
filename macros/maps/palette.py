"""The map colours, read from the map stylesheet (docs/assets/maps.css, parsed with tinycss2):
the live map and its static picture draw from one palette, light and dark."""
from __future__ import annotations

import functools
from pathlib import Path

import tinycss2

from .. import paths

PREFIX = "--ngg-"
# The rule of each scheme in maps.css (a rule's selector list must name it).
SCHEMES = {"light": ".map-document", "dark": '.map-document[data-scheme="dark"]'}
# What every picture needs besides the layers' own colours (one per MapStyle).
BASE = ("water", "outside", "land", "focus-land", "border", "text", "halo", "country-text", "edge")


def palettes(stylesheet: Path = paths.MAP_STYLESHEET) -> dict[str, dict[str, str]]:
    """Scheme -> colour name (without --ngg-) -> CSS colour, as maps.css declares them."""
    stat = stylesheet.stat()
    return _read(stylesheet, stat.st_mtime, stat.st_size)


@functools.lru_cache(maxsize=4)
def _read(stylesheet: Path, _mtime: float, _size: int) -> dict[str, dict[str, str]]:
    rules = tinycss2.parse_stylesheet(stylesheet.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    found: dict[str, dict[str, str]] = {scheme: {} for scheme in SCHEMES}
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selectors = {s.strip() for s in tinycss2.serialize(rule.prelude).split(",")}
        for scheme, selector in SCHEMES.items():
            if selector in selectors:
                for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                    if decl.type == "declaration" and decl.name.startswith(PREFIX):
                        found[scheme][decl.name.removeprefix(PREFIX)] = tinycss2.serialize(decl.value).strip()
    return found


def missing(needed: set[str], stylesheet: Path = paths.MAP_STYLESHEET) -> list[str]:
    """'scheme --ngg-name' for every colour a picture needs that the stylesheet does not give."""
    schemes = palettes(stylesheet)
    return [f"{scheme} {PREFIX}{name}" for scheme in SCHEMES for name in sorted(needed) if name not in schemes[scheme]]
