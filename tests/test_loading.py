"""Loading the data (macros/data/loading.py): bad data gets a clear error naming file, entry, field and fix; never a broken page."""
from __future__ import annotations


import yaml

from datafiles import edit, problems
from macros.data.loading import load_library
from macros.data.problems import UnknownId


def test_the_real_data_is_valid():
    load_library()  # raises DataError listing every problem


def test_malformed_yaml_names_the_file_and_line(data_dir):
    (data_dir / "facts.yml").write_text("- id: a\n  statement: [unclosed\n", encoding="utf-8")
    [problem] = problems(data_dir)
    assert problem.startswith("docs/data/facts.yml: line ")
    assert "not valid YAML" in problem


def test_a_missing_field_names_file_entry_and_field(data_dir):
    edit(data_dir, "facts.yml", lambda facts: facts[0].pop("display"))
    fact_id = yaml.safe_load((data_dir / "facts.yml").read_text())[0]["id"]
    assert problems(data_dir) == [f"docs/data/facts.yml: entry '{fact_id}', field 'display': Field required"]


def test_a_fact_with_no_source_is_rejected(data_dir):
    edit(data_dir, "facts.yml", lambda facts: facts[0].update(citations=[]))
    [problem] = problems(data_dir)
    assert "field 'citations'" in problem and "at least 1 item" in problem


def test_a_duplicate_id_is_rejected(data_dir):
    edit(data_dir, "sources.yml", lambda sources: sources.append(dict(sources[0])))
    first = yaml.safe_load((data_dir / "sources.yml").read_text())[0]["id"]
    assert f"docs/data/sources.yml: entry '{first}': duplicate id; every id must be unique in the file" in problems(data_dir)


def test_an_unknown_source_suggests_the_closest_ids(data_dir):
    edit(data_dir, "facts.yml", lambda facts: facts[0]["citations"][0].update(source="seed-teller-2012"))
    [problem] = problems(data_dir)
    assert "unknown sources id 'seed-teller-2012': did you mean 'seed-teller-2021'" in problem


def test_a_quote_not_in_its_seed_is_rejected(data_dir):
    def misquote(facts):
        seed_citation = next(c for f in facts for c in f["citations"] if c["source"].startswith("seed-"))
        seed_citation["quote"] = "reaching 9.5 billion dollars in 2019"

    edit(data_dir, "facts.yml", misquote)
    [problem] = problems(data_dir)
    assert "quote 'reaching 9.5 billion dollars in 2019' is not verbatim in seeds/" in problem
    assert "copy the words exactly from the seed" in problem


def test_a_seed_citation_without_a_quote_is_rejected(data_dir):
    def unquote(facts):
        next(c for f in facts for c in f["citations"] if c["source"].startswith("seed-")).pop("quote")

    edit(data_dir, "facts.yml", unquote)
    [problem] = problems(data_dir)
    assert "is a seed: add quote:" in problem


def test_every_violation_is_reported_at_once_by_file_and_entry(data_dir):
    edit(data_dir, "facts.yml", lambda facts: [facts[0].pop(field) for field in ("display", "as_of")])
    edit(data_dir, "events.yml", lambda events: events[0].pop("title"))
    fact, event = (yaml.safe_load((data_dir / f).read_text())[0]["id"] for f in ("facts.yml", "events.yml"))
    assert problems(data_dir) == [
        f"docs/data/events.yml: entry '{event}', field 'title': Field required",
        f"docs/data/facts.yml: entry '{fact}', field 'as_of': Field required",
        f"docs/data/facts.yml: entry '{fact}', field 'display': Field required",
    ]


def test_unknown_id_message_suggests_close_matches():
    err = UnknownId("facts", "turkey-trade", ["turkey-ca-trade-2019", "russia-bases"], "docs/x.md: ")
    assert str(err) == "docs/x.md: unknown facts id 'turkey-trade': did you mean 'turkey-ca-trade-2019'?"
