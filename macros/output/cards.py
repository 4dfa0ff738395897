"""The picture a link card shows for each page: the site's name, the page's title, its edition
and how current it is, drawn at build time with Pillow in the theme's indigo. No photograph,
no map: a card must read at a glance in a chat, and cost nothing to a reader of the page."""
from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..pages.preview import CARD_SIZE, Preview

INDIGO, WHITE, PALE = (63, 81, 181), (255, 255, 255), (197, 202, 233)  # Material's indigo 500 and 100
MARGIN = 72
TITLE_CHARS = 30  # letters a line at the title's size


def draw(card: Preview, path: Path) -> None:
    """Write the page's card as a PNG at `path`."""
    image = Image.new("RGB", CARD_SIZE, INDIGO)
    pen = ImageDraw.Draw(image)
    pen.text((MARGIN, MARGIN), card.site, font=font(40), fill=PALE)
    lines = textwrap.wrap(card.title, TITLE_CHARS)[:3]
    pen.multiline_text((MARGIN, 190), "\n".join(lines), font=font(72), fill=WHITE, spacing=18)
    footer = f"Edition {card.edition} · sources to {card.sources_to} · every figure cites its source"
    pen.text((MARGIN, CARD_SIZE[1] - MARGIN - 36), footer, font=font(32), fill=PALE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


def font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's own scalable font: the same card on every machine, with no font file to find.
    return ImageFont.load_default(size=size)
