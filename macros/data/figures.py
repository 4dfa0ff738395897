"""What counts as a figure that must cite its source: digits, and numbers written in words.

Shared by the citation audit (built pages), the data checks (map titles) and the glossary's
designations, so all three read a figure the same way. Names such as TB2, S-300 or the
Shanghai Five are glossary designations, not figures.
"""
from __future__ import annotations

import re

CARDINALS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
# Amounts, spans and shares in words; "one" and ordinals are left out (too often not a figure).
MAGNITUDES = r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|decades?|century|centuries|half|halved|twice|thrice|doubled|tripled|quadrupled|per\s*cent|percent"
DECADE_NAMES = r"(?:twen|thir|for|fif|six|seven|eigh|nine)ties|two-thousands"
NUMBER = re.compile(rf"\d|\b(?:{'|'.join(CARDINALS)}|{MAGNITUDES}|{DECADE_NAMES})\b", re.IGNORECASE)


def without_names(text: str, names: list[str]) -> str:
    for name in names:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    return text


def figure_in(text: str, names: list[str]) -> str | None:
    """The first figure in `text` outside the given names (digits or words), or None."""
    match = NUMBER.search(without_names(text, names))
    return match.group(0) if match else None


def is_designation(name: str) -> bool:
    """A name that holds a figure (TB2, S-300, the Shanghai Five) and so must be a glossary term."""
    return bool(NUMBER.search(name))
