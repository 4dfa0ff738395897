"""The seed articles as the quote checks read them."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import paths
from .problems import Problem
from .records import Source

SOURCES = f"docs/data/{paths.SOURCES_FILE}"


def normalise(text: str) -> str:
    """Fold what a quote check must ignore: whitespace and typographic quotes only."""
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'}))
    return " ".join(text.split())


def seed_problems(sources: list[Source], seeds_dir: Path) -> Iterator[Problem]:
    for source in sources:
        if source.kind == "seed" and not source.seed:
            yield Problem(SOURCES, source.id, "seed", "missing: add seed: with the name of the seed's file in seeds/ (such as 000_a2d14618bf49f2a4.txt)")
        elif source.seed and not (seeds_dir / source.seed).is_file():
            yield Problem(SOURCES, source.id, "seed", f"there is no file seeds/{source.seed}: put the article there byte for byte (and in seeds/PROVENANCE.md), or correct seed:")


def seed_texts(sources: list[Source], seeds_dir: Path) -> dict[str, str]:
    """Source id -> normalised text, for every seed whose file exists."""
    return {s.id: normalise((seeds_dir / s.seed).read_text(encoding="utf-8")) for s in sources if s.seed and (seeds_dir / s.seed).is_file()}
