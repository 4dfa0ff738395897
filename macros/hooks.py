"""MkDocs hooks: the parts of the build that are not macros.

Loaded by path from mkdocs.yml (`hooks:`), so the project root goes on sys.path to import the
`macros` package the same way mkdocs-macros does. The build's data comes from the macros
plugin's BuildState; these hooks keep nothing between calls.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros import charts, maps, offline, paths, stop  # noqa: E402
from macros.data.problems import ContentError  # noqa: E402
from macros.output import assets, cards, downloads, security  # noqa: E402
from macros.pages import bibliography, build_state, preview  # noqa: E402
from macros.pages.flow import FlowExtension  # noqa: E402
from macros.learning import country_sections  # noqa: E402
from macros.pages.page_macros import BIBLIOGRAPHY_MARKER  # noqa: E402
from macros.print import build as pdfs  # noqa: E402

# `mkdocs serve` copies PDFs from the cache but never renders one (it would hold up every reload);
# nor does a build with NGG_PDF=cached (tests that build planted copies of the project).
COMMAND = {"name": "build"}
PDF_ENV = "NGG_PDF"


def on_startup(command: str, dirty: bool) -> None:
    COMMAND["name"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Group each page's text between headings into blocks the browser can skip until read;
    online, give the theme what it links for saving the edition in the browser."""
    config.markdown_extensions.append(FlowExtension())
    if not config.extra.get("offline"):  # what the theme links for saving in the browser
        config.extra["save_offline"] = offline.theme_values(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve pinned front-end assets, data downloads, map documents and chart downloads from the site itself."""
    library = build_state.of(config.plugins).library
    try:
        pictures = maps.generated_files(config, library)
    except ContentError as err:
        stop([str(err)], "a map's static picture cannot be drawn: fix the entry above and build again")
    for generated in assets.generated_files(config) + downloads.download_files(config, library) + pictures + charts.generated_files(config, library):
        files.append(generated)
    if not config.extra.get("offline"):  # saving in the browser: online only, not in the zip bundle
        for generated in offline.generated_files(config):
            files.append(generated)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """What a link to the page shows where it is pasted: online pages only (the offline bundle
    has no address to link to)."""
    citation = page.meta.get("citation")
    if citation is None or config.extra.get("offline"):
        return html
    state = build_state.of(config.plugins)
    card = preview.preview(page.file.src_uri, html, citation, config.site_url, config.site_description, config.extra["edition"]["sources_to"])
    state.previews[page.file.src_uri] = page.meta["preview"] = card
    page.meta["description"] = card.description  # the theme's <meta name="description">, escaped in overrides/partials/site-meta.html
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's Markdown is rendered by now: fill the bibliography with who cites each source,
    and each country page with the chapter sections that name its country."""
    country_sections.fill(files, config.nav)
    page = bibliography_page(files)
    if page is not None and BIBLIOGRAPHY_MARKER in (page.content or ""):
        state = build_state.of(config.plugins)
        page.content = page.content.replace(BIBLIOGRAPHY_MARKER, bibliography.html(state, files, page.url))
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Each page's link-card picture and its Content-Security-Policy, the edition's PDFs
    (macros/print/): every chapter and the course pack, from the built pages; then, online, the
    service worker that saves the edition for reading offline, from the files now written."""
    state = build_state.of(config.plugins)
    for src_uri, card in state.previews.items():
        cards.draw(card, Path(config.site_dir) / preview.card_path(src_uri))
    try:  # every page's policy, before the worker weighs and lists the files
        security.secure_folder(Path(config.site_dir), offline=bool(config.extra.get("offline")))
    except security.UnsafeMarkup as err:
        stop([str(err)], "a page holds markup the Content-Security-Policy blocks: fix it as said above and build again")
    edition = state.editions.newest
    try:
        pdfs.write_pdfs(config, edition, render=COMMAND["name"] != "serve" and os.environ.get(PDF_ENV) != "cached")
    except ContentError as err:
        stop([str(err)], "a page breaks the PDFs: fix it as said above and build again")
    if not config.extra.get("offline"):
        offline.write_after_build(config)


# ---- helpers ------------------------------------------------------------------------------


def bibliography_page(files: Files) -> Page | None:
    file = files.get_file_from_path(paths.BIBLIOGRAPHY_PAGE)
    return file.page if file else None
