"""MkDocs hooks: the parts of the build that are not macros.

Loaded by path from mkdocs.yml (`hooks:`), so the project root goes on sys.path to import the
`macros` package the same way mkdocs-macros does. The build's data comes from the macros
plugin's BuildState; these hooks keep nothing between calls.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros import maps, offline, paths  # noqa: E402
from macros.output import assets, downloads  # noqa: E402
from macros.pages import bibliography, build_state  # noqa: E402
from macros.pages.flow import FlowExtension  # noqa: E402
from macros.pages.page_macros import BIBLIOGRAPHY_MARKER  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Group each page's text between headings into blocks the browser can skip until read;
    online, give the theme what it links for saving the edition in the browser."""
    config.markdown_extensions.append(FlowExtension())
    if not config.extra.get("offline"):  # what the theme links for saving in the browser
        config.extra["save_offline"] = offline.theme_values(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve pinned front-end assets, data downloads and map documents from the site itself."""
    library = build_state.of(config.plugins).library
    for generated in assets.generated_files(config) + downloads.download_files(config, library) + maps.generated_files(config, library):
        files.append(generated)
    if not config.extra.get("offline"):  # saving in the browser: online only, not in the zip bundle
        for generated in offline.generated_files(config):
            files.append(generated)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's Markdown is rendered by now: fill the bibliography with who cites each source."""
    page = bibliography_page(files)
    if page is not None and BIBLIOGRAPHY_MARKER in (page.content or ""):
        state = build_state.of(config.plugins)
        page.content = page.content.replace(BIBLIOGRAPHY_MARKER, bibliography.html(state, files, page.url))
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Online, the built edition gets its service worker, which saves it for reading offline."""
    if not config.extra.get("offline"):
        offline.write_after_build(config)


# ---- helpers ------------------------------------------------------------------------------


def bibliography_page(files: Files) -> Page | None:
    file = files.get_file_from_path(paths.BIBLIOGRAPHY_PAGE)
    return file.page if file else None
