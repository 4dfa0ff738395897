"""Reading one YAML data file: a list of records, or the problem that stops it being read."""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from .problems import Problem

# libyaml's parser where PyYAML has it: the same YAML, several times faster than the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PARSED: dict[bytes, object] = {}


def display(path: Path, data_dir: Path) -> str:
    return f"docs/data/{path.relative_to(data_dir).as_posix()}"


def parse(path: Path, name: str) -> tuple[list | None, list[Problem]]:
    """The YAML list in a file, or the problem that stops it being read. (The same text is parsed
    once: the checks read some files' ids again, tests load copies. Never change what it returns.)"""
    try:
        text = path.read_text(encoding="utf-8")
        key = hashlib.sha256(text.encode()).digest()
        if key not in PARSED:
            if len(PARSED) > 64:
                PARSED.clear()
            PARSED[key] = yaml.load(text, Loader=LOADER)  # noqa: S506 (a safe loader)
        raw = PARSED[key]
    except FileNotFoundError:
        return None, [Problem(name, message="the file is missing: create it as a YAML list of records ('- id: ...'), or [] for none")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        return None, [Problem(f"{name}:{line}" if line else name, message=f"not valid YAML ({getattr(err, 'problem', err)}); fix the indentation or quoting there")]
    if raw is None:
        return None, [Problem(name, message="the file is empty: write its records as a YAML list ('- id: ...'), or [] for none")]
    if not isinstance(raw, list):
        held = {"dict": "a mapping", "str": "text"}.get(type(raw).__name__, f"a {type(raw).__name__}")
        return None, [Problem(name, message=f"holds {held} where a list of records belongs: start each record with '- ' ('- id: ...'), or write [] for none")]
    return raw, []


def written_ids(path: Path) -> set[str]:
    """Ids written in a data file, valid or not: a broken record is reported by its own file only."""
    raw, _ = parse(path, "") if path.is_file() else (None, [])
    return {str(r["id"]) for r in raw or [] if isinstance(r, dict) and "id" in r}
