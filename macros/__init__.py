"""The site's macros, loaded by mkdocs-macros (`define_env`). Each macro is a thin
function over the validated data in `models`; HTML comes from `templates/`."""
from __future__ import annotations

import functools
import logging
import re

from . import chapter, downloads, maps, paths, state, syllabus
from .citations import PageCitations
from .models import Citation, DataError, load_library
from .render import render, render_inline
from .timeline import timeline_html

log = logging.getLogger("mkdocs.plugins.macros.ngg")


def define_env(env):
    try:
        state.LIBRARY = load_library()
    except DataError as err:
        # One readable line per problem, shown even with `mkdocs build -q`.
        for problem in err.problems:
            log.error(problem)
        raise SystemExit(f"{len(err.problems)} data problem(s): fix the entries above and build again") from None
    state.reset()

    def page_refs() -> PageCitations:
        return state.page_citations(env.page.file.src_uri)

    def macro(func):
        """Register a macro whose errors name the page and stop the build."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except (KeyError, ValueError, TypeError) as err:
                message = f"docs/{env.page.file.src_uri}: {func.__name__}(): {err}"
                log.error(message)
                raise SystemExit(message) from None

        return env.macro(wrapper, func.__name__)

    @macro
    def cite(source: str, quote: str | None = None, note: str | None = None) -> str:
        """A numbered citation marker; seeds need a short verbatim quote."""
        return render_inline("markers.html", markers=[page_refs().add(Citation(source=source, quote=quote, note=note))])

    @macro
    def fact(fact_id: str) -> str:
        """A figure from facts.yml with its citation markers."""
        record = state.LIBRARY.get("facts", fact_id)
        return render_inline("fact.html", fact=record, markers=page_refs().add_all(record.citations))

    @macro
    def factbox(title: str, fact_ids: list[str], box_id: str | None = None) -> str:
        """A titled figure: a table of facts, each row cited, with a source line."""
        if not fact_ids:
            raise ValueError(f"factbox {title!r} lists no facts")
        refs = page_refs()
        rows = []
        for fid in fact_ids:
            record = state.LIBRARY.get("facts", fid)
            rows.append({"fact": record, "markers": refs.add_all(record.citations)})
        firsts = {m.source.id: m for row in rows for m in row["markers"]}
        slug = box_id or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        return render("factbox.html", title=title, rows=rows, sources=list(firsts.values()), box_id=slug)

    @macro
    def term(term_id: str, label: str | None = None) -> str:
        """A key term linked to its glossary entry."""
        record = state.LIBRARY.get("terms", term_id)
        href = chapter.url_to(env, paths.GLOSSARY_PAGE)
        return render_inline("term.html", term=record, label=label or record.abbr or record.term, href=href)

    @macro
    def glossary() -> str:
        """Every glossary term, alphabetically, each with a stable anchor."""
        terms = sorted(state.LIBRARY.terms.values(), key=lambda t: t.term.lower())
        return render("glossary.html", terms=terms, terms_by_id=state.LIBRARY.terms)

    @macro
    def chapter_plan() -> str:
        """Every chapter's reading time, objectives, questions and linkable sections, for instructors."""
        infos = syllabus.chapters(env.conf["nav"])
        rows = [{"info": i, "href": chapter.url_to(env, i.src), "slug": i.src.split("/")[-1].removesuffix(".md")} for i in infos]
        return render("syllabus.html", chapters=rows)

    @macro
    def data_downloads() -> str:
        """Every data file as YAML, JSON and (for tables) CSV."""
        files = [downloads.describe(name) for name in downloads.FILES]
        return render("downloads.html", files=files, base=chapter.site_path_to(env, "data/"))

    @macro
    def offline_bundle() -> str:
        """The bundle's download link online; a note inside the bundle, which cannot hold itself."""
        if env.conf["extra"].get("offline"):
            return render("offline_note.html")
        return render("offline_link.html", href=chapter.site_path_to(env, paths.BUNDLE_DOWNLOAD))

    @macro
    def timeline() -> str:
        """Every dated event, oldest first, each with its citation markers; filterable by actor."""
        return timeline_html(state.LIBRARY, page_refs().add_all, script=chapter.site_path_to(env, "assets/timeline.js"))

    @macro
    def map(map_id: str) -> str:  # noqa: A001 (the macro's name in pages: {{ map("id") }})
        """A map from maps.yml as a cited figure: the map, a legend, a table of every feature and its sources."""
        spec = state.LIBRARY.get("maps", map_id)
        return maps.figure(state.LIBRARY, spec, page_refs(), lambda path: chapter.site_path_to(env, path))

    @macro
    def bibliography() -> str:
        """Every source with a stable anchor; 'cited in' is filled in once all pages are rendered."""
        sources = sorted(state.LIBRARY.sources.values(), key=lambda s: (s.author_line.lower(), s.date))
        return render("bibliography.html", sources=sources)


def on_pre_page_macros(env):
    state.forget_page(env.page.file.src_uri)


def on_post_page_macros(env):
    """Frame every chapter (objectives, questions, citation) and close it with its sources."""
    env.markdown = chapter.frame(env, env.markdown, state.page_citations(env.page.file.src_uri))
