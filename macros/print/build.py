"""Which PDFs an edition has, and writing them into a built site (`hooks.on_post_build`).

One PDF per chapter (the navigation's Chapters, in order) and a course pack: title page,
contents, the chapters, then the timeline, the glossary and the bibliography. Each PDF comes
from the cache when nothing it is made from changed; the offline bundle, built from the same
edition, gets the same PDFs from there. A page that cannot be made into a PDF stops the build
naming the page and the fix.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..data.problems import ContentError
from ..editions.address import edition_root
from ..pages.chapter import chapter_slug
from ..pages.context import edition_address
from ..pages.syllabus import chapter_sources
from ..site import AUTHORS, PUBLISHER, SITE_NAME
from . import cache, engine
from .assemble import assemble
from .pages import Site

log = logging.getLogger("mkdocs.plugins.macros.ngg")
BACK_MATTER = ("timeline.md", "glossary.md", "bibliography.md")  # after the chapters, in this order
CODE = [Path(__file__).parent / name for name in ("assemble.py", "engine.py", "build.py", "pdf.css")] + [paths.TEMPLATES / "pdf_document.html"]


@dataclass(frozen=True)
class Job:
    target: str  # site path of the PDF
    kind: str  # "chapter" or "pack"
    sources: tuple[str, ...]


def jobs(nav: list, version: str, site: Site) -> list[Job]:
    chapters = chapter_sources(nav)
    back = [src for src in BACK_MATTER if src in site.sources]
    return [Job(paths.chapter_pdf(version, chapter_slug(src)), "chapter", (src,)) for src in chapters] + [
        Job(paths.course_pack_pdf(version), "pack", tuple(chapters + back))
    ]


def write_pdfs(config, edition, render: bool = True) -> list[Path]:
    """Every PDF of the edition into the built site; `render=False` (mkdocs serve) copies only
    what the cache holds. Raises ContentError naming the page that breaks a PDF, and the fix."""
    site_dir = Path(config.site_dir)
    site = Site(site_dir, config.use_directory_urls)
    written = []
    for job in jobs(config.nav, edition.version, site):
        pages = [site.page(src) for src in job.sources]
        document = assemble(site, pages, job.kind, metadata(config, edition, job, pages[0].title))
        digest = cache.key(document.html.encode(), *(read(site_dir / r, job) for r in document.resources),
                           *(p.read_bytes() for p in engine.stylesheets(site_dir)), *(p.read_bytes() for p in CODE), engine.VERSION.encode())
        name = Path(job.target).stem
        pdf = cache.load(name, digest)
        if pdf is None:
            if not render:
                log.info("%s: not in the cache; `make build` renders it", job.target)
                continue
            pdf = checked(job, document, site_dir)
            cache.store(name, digest, pdf)
        target = site_dir / job.target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        written.append(target)
    return written


def metadata(config, edition, job: Job, first_title: str) -> dict:
    site_url = config.site_url
    address = edition_root(site_url, edition.version) if job.kind == "pack" else edition_address(site_url, edition.version, job.sources[0])
    return {
        "site_name": SITE_NAME, "authors": AUTHORS, "publisher": PUBLISHER, "copyright": config.copyright or "",
        "description": config.site_description or "", "version": edition.version, "date": edition.date.isoformat(),
        "edition_label": edition.label, "site_url": site_url, "address": address, "generator": f"{SITE_NAME} build, {engine.VERSION}",
        "title": f"{SITE_NAME}: course pack, edition {edition.version}" if job.kind == "pack" else f"{first_title} · {SITE_NAME}, edition {edition.version}",
    }


def read(path: Path, job: Job) -> bytes:
    if not path.is_file():
        raise ContentError(f"docs/{job.sources[0]}: its PDF needs {path.name}, which the build did not write: check the picture's address in the page")
    return path.read_bytes()


def checked(job: Job, document, site_dir: Path) -> bytes:
    """Render, then check the outline names every page: a PDF never ships missing one."""
    where = f"docs/{job.sources[0]}" if job.kind == "chapter" else f"the course pack ({job.target})"
    try:
        rendered = engine.render(document.html, site_dir)
    except engine.RenderError as err:
        raise ContentError(f"{where}: its PDF cannot be made: {err}: fix the page so it names only files the build writes") from None
    top = [label for level, label in rendered.outline if level == 1]
    for part in document.parts:
        if part.page.title not in top:
            raise ContentError(f"docs/{part.page.src}: missing from the outline of {job.target}: give the page one '# Title' heading")
    log.info("%s: %d pages, %.0f kB (%s)", job.target, rendered.pages, len(rendered.pdf) / 1000, engine.VERSION)
    return rendered.pdf
