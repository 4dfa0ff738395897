"""A map picture as PNG, for readers who cannot use SVG: the SVG rendered by resvg (`resvg-py`,
pinned), cached under `.cache/map-png/` by the SVG's own bytes (a warm build renders nothing)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .. import paths

CACHE = paths.CACHE / "map-png"
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core (the Makefile installs it)
FONT = "DejaVu Sans"


def png(svg: str) -> bytes:
    key = hashlib.sha256(svg.encode()).hexdigest()[:24]
    path = CACHE / f"{key}.png"
    if path.is_file():
        return path.read_bytes()
    import resvg_py  # noqa: PLC0415 (only when a picture changed)

    options = {"skip_system_fonts": True, "font_dirs": [str(FONTS)], "sans_serif_family": FONT} if FONTS.is_dir() else {}
    data = bytes(resvg_py.svg_to_bytes(svg_string=svg, **options))
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # atomic: parallel builds never read half a file
    return data
