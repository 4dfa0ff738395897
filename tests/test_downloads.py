"""The data downloads: every data file as YAML (as written), JSON (every record as the build
validated it) and, for the flat tables, CSV a spreadsheet reads; each against the library and
against the file as written."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from urllib.parse import urljoin

import pytest
import yaml

from macros import paths
from macros.data.loading import FILES

CSV_TABLES = [paths.FACTS_FILE, paths.EVENTS_FILE]  # README: facts and events are tables


def offered(soups) -> set[str]:
    page = "downloads/index.html"
    return {urljoin("/" + page, a["href"]).lstrip("/") for a in soups[page].select("a[href*='data/']")}


@pytest.mark.parametrize("name", FILES)
def test_each_data_file_is_offered_as_written_and_as_json(site, soups, name):
    stem = name.removesuffix(".yml")
    links = offered(soups)
    wanted = {f"data/{stem}.yml", f"data/{stem}.json"} | ({f"data/{stem}.csv"} if name in CSV_TABLES else set())
    assert wanted <= links, f"the downloads page does not offer {sorted(wanted - links)}"
    assert (site / f"data/{stem}.yml").read_bytes() == (paths.DATA / name).read_bytes()


def same(got, written) -> bool:
    """A value as the JSON gives it against the value as the YAML writes it: dates as ISO text,
    numbers as numbers (YAML reads 8.5e9 as text), web addresses without a default port."""
    if isinstance(written, date):
        return got == written.isoformat()
    if isinstance(got, (int, float)) and not isinstance(got, bool):
        return float(got) == float(written)
    if isinstance(written, str) and written.startswith(("http://", "https://")):
        return got == re.sub(r"^(https://[^/:]+):443(?=/|$)|^(http://[^/:]+):80(?=/|$)", lambda m: m[1] or m[2], written)
    return got == written


@pytest.mark.parametrize("name", FILES)
def test_json_downloads_hold_every_record_as_the_library_has_it_and_as_written(site, library, name):
    downloaded = json.loads((site / f"data/{name.removesuffix('.yml')}.json").read_text(encoding="utf-8"))
    assert downloaded == [r.model_dump(mode="json") for r in library.records[name]]
    written = yaml.safe_load((paths.DATA / name).read_text(encoding="utf-8")) or []
    by_id = {r["id"]: r for r in downloaded}
    assert [r["id"] for r in downloaded][: len(written)] == [r["id"] for r in written], "in the file's order"
    for record in written:
        for key, value in record.items():
            if not isinstance(value, (list, dict)):
                assert same(by_id[record["id"]][key], value), f"{name} {record['id']}.{key}: {by_id[record['id']][key]!r} against {value!r}"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_csv_downloads_are_the_library_table_with_sources_as_text(site, library, name):
    text = (site / f"data/{name.removesuffix('.yml')}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    records = library.records[name]
    assert [r["id"] for r in rows] == [r.id for r in records]
    fields = [f for f in type(records[0]).model_fields if f != "citations"]
    assert list(rows[0]) == fields + ["sources"]
    for row, record in zip(rows, records):
        for field in fields:
            value = getattr(record, field)
            expected = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
            assert row[field] == expected, f"{record.id}.{field}"
        sources = " | ".join(c.source + (f": {c.quote}" if c.quote else "") for c in record.citations)
        assert row["sources"] == sources, record.id
