"""What one build knows between pages: the validated data and who cites what."""
from __future__ import annotations

from .citations import PageCitations
from .models import Library

LIBRARY: Library | None = None
PAGES: dict[str, PageCitations] = {}


def reset() -> None:
    PAGES.clear()


def page_citations(src_uri: str) -> PageCitations:
    if src_uri not in PAGES:
        PAGES[src_uri] = PageCitations(page=f"docs/{src_uri}", library=LIBRARY)
    return PAGES[src_uri]


def forget_page(src_uri: str) -> None:
    # `mkdocs serve` re-renders pages: start each render with no citations.
    PAGES.pop(src_uri, None)


def pages_citing(source_id: str) -> list[str]:
    return sorted(src for src, refs in PAGES.items() if source_id in refs.order)
