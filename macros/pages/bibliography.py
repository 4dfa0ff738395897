"""The bibliography: every source, and the pages whose source lists hold it."""
from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from .build_state import BuildState
from .render import render


def html(state: BuildState, files: Files, bibliography_url: str) -> str:
    # Our own entry format, not a CSL style: citeproc-py's APA repeats the title of a source
    # with no named author (most news items here), and its HTML output is not escaped.
    sources = sorted(state.library.sources.values(), key=lambda s: (s.author_line.lower(), s.date))
    entries = [{"source": s, "cited_in": cited_in(state, files, s.id, bibliography_url)} for s in sources]
    return render("bibliography.html", entries=entries)


def cited_in(state: BuildState, files: Files, source_id: str, from_url: str) -> list[dict]:
    pages = [files.get_file_from_path(src).page for src in state.citing(source_id)]
    return [{"title": p.title, "href": get_relative_url(p.url, from_url)} for p in pages if p]
