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
            yield Problem(SOURCES, source.id, "seed", "a seed source names its file in seeds/")
        elif source.seed and not (seeds_dir / source.seed).is_file():
            yield Problem(SOURCES, source.id, "seed", f"no file seeds/{source.seed}")


def seed_texts(sources: list[Source], seeds_dir: Path) -> dict[str, str]:
    """Source id -> normalised text, for every seed whose file exists."""
    return {s.id: normalise((seeds_dir / s.seed).read_text(encoding="utf-8")) for s in sources if s.seed and (seeds_dir / s.seed).is_file()}
