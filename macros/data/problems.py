"""What goes wrong, said one way everywhere: a problem names file, entry, field and fix.

Content errors (bad data, an unknown id in a page) stop the build with one readable line
each; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # relative to the project root, e.g. docs/data/facts.yml
    entry: str = ""
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file + (f": entry '{self.entry}'" if self.entry else "") + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


class ContentError(Exception):
    """A mistake in the content (data or pages) that an editor fixes; never a bug."""


class DataError(ContentError):
    """Every problem found in the data, one readable line each, sorted by file and entry."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted({str(p) for p in problems})
        super().__init__("\n".join(self.problems))


# The data file that holds each kind of id, where its name differs from the kind's.
FILES = {"terms": "glossary"}


class UnknownId(ContentError, KeyError):
    def __init__(self, kind: str, wanted: str, known: list[str], where: str = ""):
        # The near misses of a typo; failing those, the one closest id.
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.8) or difflib.get_close_matches(wanted, known, n=1, cutoff=0.5)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else f"use one of the ids in docs/data/{FILES.get(kind, kind)}.yml"
        self.message = f"{where}unknown {kind} id '{wanted}': {hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message
