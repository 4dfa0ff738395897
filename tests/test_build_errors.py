"""Mistakes an editor can make stop the real build with a message that names file, entry and fix."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from datafiles import edit
from macros import paths
from macros.output.audit import audit_page, bibliography_ids
from macros.data.loading import load_library

COPIED = ["mkdocs.yml", "docs", "macros", "seeds", "overrides"]


def copy_project(tmp: Path) -> Path:
    """A throwaway copy of the project to plant mistakes in; installed packages are linked."""
    root = tmp / "project"
    root.mkdir()
    for name in COPIED:
        source = paths.ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, root / name)
    (root / "node_modules").symlink_to(paths.NODE_MODULES)
    (root / ".git").symlink_to(paths.ROOT / ".git")  # the changes page reads older editions from git
    if paths.CACHE.is_dir():  # derived basemaps: recomputing them adds seconds per build
        (root / ".cache").symlink_to(paths.CACHE)
    return root


def build(root: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(root / "site")]
    env = {**os.environ, "NGG_PDF": "cached"}  # PDFs only from the cache: a planted page must not re-render them
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=300, env=env)


def plant(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def test_an_unknown_id_in_a_page_stops_the_build_and_suggests_ids(project):
    fact_id = next(iter(load_library().facts))
    chapter = next((project / "docs" / "chapters").glob("*.md"))
    chapter.write_text(chapter.read_text() + f'\n\nSee {{{{ fact("{fact_id}x") }}}}.\n')
    result = build(project)
    assert result.returncode != 0
    assert f"docs/chapters/{chapter.name}: fact(): unknown facts id '{fact_id}x': did you mean '{fact_id}'" in result.stderr


def test_a_seed_quote_in_a_page_that_is_not_in_the_seed_stops_the_build(project):
    chapter = project / "docs" / "chapters" / "overview.md"
    chapter.write_text(chapter.read_text() + '\n\nAs claimed.{{ cite("seed-teller-2021", quote="a population of 300 million") }}\n')
    result = build(project)
    assert result.returncode != 0
    assert "docs/chapters/overview.md: cite(): quote 'a population of 300 million' is not verbatim" in result.stderr


def test_invalid_data_stops_the_build_naming_file_entry_and_field(project):
    plant(project, "docs/data/sources.yml", "  publisher: Teller Report", "  publisherr: Teller Report")
    result = build(project)
    assert result.returncode != 0
    assert "docs/data/sources.yml: entry 'seed-teller-2021', field 'publisher': Field required" in result.stderr
    assert "docs/data/sources.yml: entry 'seed-teller-2021', field 'publisherr': Extra inputs are not permitted" in result.stderr


def test_html_in_data_renders_as_text_and_a_planted_uncited_number_is_caught(project):
    edit(project / "docs" / "data", "facts.yml", lambda facts: facts[0].update(statement="<script>alert(1)</script> " + facts[0]["statement"]))
    facts = yaml.safe_load((project / "docs" / "data" / "facts.yml").read_text())
    chapter = project / "docs" / "chapters" / "overview.md"
    planted_box = '{{ factbox("Planted", ["%s"]) }}' % facts[0]["id"]
    chapter.write_text(chapter.read_text() + f"\n\nThe region holds 300 million people.\n\n{planted_box}\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    html = next(p for p in site.rglob("*.html") if "&lt;script&gt;alert(1)&lt;/script&gt;" in p.read_text())
    assert "<script>alert(1)</script>" not in html.read_text()
    library = load_library(project / "docs" / "data", project / "seeds")
    bib = bibliography_ids((site / "bibliography" / "index.html").read_text())
    page = (site / "chapters" / "overview" / "index.html").read_text()
    problems = audit_page(page, "chapters/overview/index.html", bib, library.seed_texts, library.designations())
    assert "chapters/overview/index.html: <p> has a figure ('3') but no citation: 'The region holds 300 million people.'" in problems
