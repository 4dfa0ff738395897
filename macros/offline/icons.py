"""The home-screen icons: a white globe on the site's primary colour, drawn with Pillow at
build time (PNG, the format every phone's home screen takes)."""
from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageColor, ImageDraw

from .. import paths

SCALE = 4  # drawn four times larger, then reduced: smooth edges
# name -> (size in pixels, share of the icon the globe fills). A maskable icon may be cut to
# a circle by the phone: its globe stays inside the middle 80 per cent (the safe zone).
ICONS = {
    "icon-192.png": (192, 0.72),
    "icon-512.png": (512, 0.72),
    "icon-maskable-512.png": (512, 0.56),
    "apple-touch-icon.png": (180, 0.66),  # iOS reads this one from the page, not the manifest
}
MANIFEST_ICONS = ("icon-192.png", "icon-512.png", "icon-maskable-512.png")


def png(size: int, share: float, colour: str) -> bytes:
    big = size * SCALE
    image = Image.new("RGB", (big, big), ImageColor.getrgb(colour))
    draw = ImageDraw.Draw(image)
    r = big * share / 2
    c = big / 2
    line = max(SCALE, round(big * 0.028))
    white = (255, 255, 255)
    draw.ellipse((c - r, c - r, c + r, c + r), outline=white, width=line)
    for k in (0.5, 0.0):  # meridians: an ellipse at half width, and the central line
        w = r * k
        if w:
            draw.ellipse((c - w, c - r, c + w, c + r), outline=white, width=line)
        else:
            draw.line((c, c - r, c, c + r), fill=white, width=line)
    for y in (-0.5, 0.0, 0.5):  # parallels: the equator and two circles of latitude
        h = r * y
        inner = r - line / 2  # ends inside the outline
        half = (inner * inner - h * h) ** 0.5
        draw.line((c - half, c + h, c + half, c + h), fill=white, width=line)
    out = BytesIO()
    # Two colours and their blends: a small palette keeps the file a few kilobytes.
    image.resize((size, size), Image.LANCZOS).quantize(colors=16).save(out, "PNG", optimize=True)
    return out.getvalue()


def icons(colour: str) -> dict[str, bytes]:
    """Site path -> PNG bytes, for every icon."""
    return {paths.ICONS + name: png(size, share, colour) for name, (size, share) in ICONS.items()}


def manifest_entries() -> list[dict]:
    """The manifest's icon list (paths relative to the manifest, at the edition's root)."""
    rows = []
    for name in MANIFEST_ICONS:
        size = ICONS[name][0]
        rows.append({"src": paths.ICONS + name, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "maskable" if "maskable" in name else "any"})
    return rows
