"""Reading one YAML data file: a list of records, or the problem that stops it being read."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem


def display(path: Path, data_dir: Path) -> str:
    return f"docs/data/{path.relative_to(data_dir).as_posix()}"


def parse(path: Path, name: str) -> tuple[list | None, list[Problem]]:
    """The YAML list in a file, or the problem that stops it being read."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(name, message="file is missing; create it as a YAML list of records")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        return None, [Problem(f"{name}:{line}" if line else name, message=f"not valid YAML ({getattr(err, 'problem', err)}); fix the indentation or quoting there")]
    if not isinstance(raw, list):
        return None, [Problem(name, message=f"expected a YAML list of records ('- id: ...'), got {type(raw).__name__}")]
    return raw, []


def written_ids(path: Path) -> set[str]:
    """Ids written in a data file, valid or not: a broken record is reported by its own file only."""
    raw, _ = parse(path, "") if path.is_file() else (None, [])
    return {str(r["id"]) for r in raw or [] if isinstance(r, dict) and "id" in r}
