"""What one build knows between pages: the validated data and who cites what.

The macros plugin owns one BuildState per build (`define_env` makes it anew, so `mkdocs serve`
never reuses an old one); the hooks read it from the plugin. Nothing lives at module level.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .citations import PageCitations
from .preview import Preview
from ..editions.catalogue import Editions
from ..data.library import Library

ATTRIBUTE = "ngg_build"  # where the macros plugin instance holds the state


@dataclass
class BuildState:
    library: Library
    editions: Editions
    pages: dict[str, PageCitations] = field(default_factory=dict)
    previews: dict[str, Preview] = field(default_factory=dict)  # src_uri -> its link card

    def start_page(self, src_uri: str) -> PageCitations:
        """A page's citations start empty at each render (`mkdocs serve` renders pages again)."""
        self.pages[src_uri] = PageCitations(page=f"docs/{src_uri}", library=self.library)
        return self.pages[src_uri]

    def page(self, src_uri: str) -> PageCitations:
        return self.pages[src_uri] if src_uri in self.pages else self.start_page(src_uri)

    def citing(self, source_id: str) -> list[str]:
        """The pages whose source lists hold a source: the same records that number their markers."""
        return sorted(src for src, refs in self.pages.items() if source_id in refs.order)


def held_by(plugin) -> BuildState:
    """The state the macros plugin (`env` in mkdocs-macros) holds for the running build."""
    return getattr(plugin, ATTRIBUTE)


def of(plugins) -> BuildState:
    """The state of the running build, from MkDocs' plugin collection."""
    return held_by(plugins["macros"])
