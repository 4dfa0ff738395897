"""Data downloads generated from the validated records: JSON for every file, CSV for tables."""
from __future__ import annotations

import csv
import io
import json

from mkdocs.structure.files import File

from .. import paths
from ..data.library import Library
from ..data.problems import ContentError
from ..data.loading import FILES

# Flat tables a spreadsheet reader wants; citations become "source: quote" text.
CSV_FILES = (paths.FACTS_FILE, paths.EVENTS_FILE)


def as_json(rows: list) -> str:
    return json.dumps([row.model_dump(mode="json") for row in rows], ensure_ascii=False, indent=1)


def flat(row) -> dict:
    data = row.model_dump(mode="json")
    cites = data.pop("citations", [])
    data["sources"] = " | ".join(c["source"] + (f": {c['quote']}" if c.get("quote") else "") for c in cites)
    return {key: "; ".join(value) if isinstance(value, list) else value for key, value in data.items()}


def as_csv(rows: list) -> str:
    table = [flat(row) for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]) if table else ["id"])
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue()


def download_files(config, library: Library) -> list[File]:
    files = []
    for name in FILES:
        stem = name.removesuffix(".yml")
        rows = library.records[name]
        files.append(File.generated(config, f"data/{stem}.json", content=as_json(rows)))
        if name in CSV_FILES:
            files.append(File.generated(config, f"data/{stem}.csv", content=as_csv(rows)))
    return files


def kinds() -> list[str]:
    return list(FILES)


def describe(name: str) -> dict:
    """A download's description is the first comment line of its data file."""
    first = (paths.DATA / name).read_text(encoding="utf-8").splitlines()[0]
    about = first.lstrip("# ").split(" See macros/")[0] if first.startswith("#") else ""
    if not about:
        raise ContentError(f"docs/data/{name}: start the file with a '# What this file holds.' comment; the downloads page shows it")
    return {"stem": name.removesuffix(".yml"), "about": about, "csv": name in CSV_FILES}
