"""Countries as the site names them: the five Central Asian states, and any other country a
record names by its ISO 3166-1 alpha-3 code (pycountry's name, in the site's spelling)."""
from __future__ import annotations

import re

import pycountry

from .records import CENTRAL_ASIA

# Where the ISO name is not the one the chapters use.
SITE_NAMES = {"RUS": "Russia", "TUR": "Turkey", "IRN": "Iran", "KOR": "South Korea", "USA": "United States"}


def name(code: str) -> str:
    """The country's name as the chapters write it (KAZ -> Kazakhstan, RUS -> Russia)."""
    if code in SITE_NAMES:
        return SITE_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def slug(code: str) -> str:
    """A Central Asian state's page name (KGZ -> kyrgyzstan)."""
    return name(code).lower()


def central_asia() -> list[tuple[str, str]]:
    """(code, name) of the five states, in the site's order."""
    return [(code, name(code)) for code in CENTRAL_ASIA]


def mention(code: str) -> re.Pattern:
    """Words that name a Central Asian state in running text: its name and its adjective, which
    share a stem (Kazakh, Kazakhs, Kazakhstan, Kazakhstan's; Kyrgyz–Tajik names both)."""
    stem = name(code).removesuffix("stan").removesuffix("i")
    return re.compile(rf"\b{stem}")
