"""Loading the data (macros/data/loading.py): the real data is valid, and bad data is reported
all at once, one line per problem. (Each kind of mistake and its line: test_error_messages.py.)"""
from __future__ import annotations

import yaml

from datafiles import edit, problems
from macros.data.loading import load_library
from macros.data.problems import UnknownId


def test_the_real_data_is_valid():
    load_library()  # raises DataError listing every problem


def test_every_violation_is_reported_at_once_sorted_by_file_and_entry(data_dir):
    edit(data_dir, "facts.yml", lambda facts: [facts[0].pop(field) for field in ("display", "as_of")])
    edit(data_dir, "events.yml", lambda events: events[0].pop("title"))
    fact, event = (yaml.safe_load((data_dir / f).read_text())[0]["id"] for f in ("facts.yml", "events.yml"))
    assert problems(data_dir) == [
        f"docs/data/events.yml: entry '{event}', field 'title': missing: add title: to the entry (every event entry needs it)",
        f"docs/data/facts.yml: entry '{fact}', field 'as_of': missing: add as_of: to the entry (every fact entry needs it)",
        f"docs/data/facts.yml: entry '{fact}', field 'display': missing: add display: to the entry (every fact entry needs it)",
    ]


def test_a_broken_source_is_reported_once_not_at_every_citation_of_it(data_dir):
    edit(data_dir, "sources.yml", lambda sources: sources[0].update(kind="blog"))
    found = problems(data_dir)
    assert len(found) == 1 and found[0].startswith("docs/data/sources.yml:"), found


def test_unknown_id_message_suggests_close_matches():
    err = UnknownId("facts", "turkey-trade", ["turkey-ca-trade-2019", "russia-bases"], "docs/x.md: ")
    assert str(err) == "docs/x.md: unknown facts id 'turkey-trade': did you mean 'turkey-ca-trade-2019'?"
    err = UnknownId("terms", "zzz", ["csto"])
    assert str(err) == "unknown terms id 'zzz': use one of the ids in docs/data/glossary.yml"
