"""The real build: a mistake stops it with the line test_error_messages.py's table gives, and
what a build must never do with data (run it as HTML, or let an uncited number through) it
does not. Each test builds a planted copy of the project with MkDocs: marked slow."""
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
from macros.data.loading import load_library
from macros.output.audit import audit_page, bibliography_ids

pytestmark = pytest.mark.slow

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
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=600, env=env)


def logged(result: subprocess.CompletedProcess) -> list[str]:
    """The build's error lines, as the editor reads them (MkDocs' 'ERROR   -  ' prefix taken off)."""
    return [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR") and "-  " in line]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def table_row(mistake: str):
    from test_error_messages import TABLE

    return dict(TABLE)[mistake]


@pytest.mark.parametrize("mistake", ["a field name misspelt", "a seed quote that is not in the seed"])
def test_a_data_mistake_stops_the_real_build_with_the_tables_lines(project, library, mistake):
    from test_error_messages import Plant

    plant = Plant(project / "docs" / "data", project / "seeds", library, [], extra={"seeds": {s.id: s.seed for s in library.sources.values() if s.seed}})
    expected = table_row(mistake)(plant)
    result = build(project)
    assert result.returncode != 0
    assert [line for line in logged(result) if line.startswith("docs/")] == expected, result.stderr[-3000:]


def test_a_macro_mistake_stops_the_real_build_with_the_tables_line(project):
    fact_id = next(iter(load_library().facts))
    chapter = project / "docs" / "chapters" / "overview.md"
    chapter.write_text(chapter.read_text() + f'\n\nSee {{{{ fact("{fact_id}x") }}}}.\n')
    result = build(project)
    assert result.returncode != 0
    assert f"docs/chapters/overview.md: fact(): unknown facts id '{fact_id}x': did you mean '{fact_id}'?" in logged(result)


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
