"""Helpers for tests that plant mistakes in a writable copy of the data files."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros import paths
from macros.data.loading import load_library
from macros.data.problems import DataError


def edit(data_dir: Path, name: str, change) -> None:
    """Load a data file, let `change` mutate its records, write it back (header comments kept)."""
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    records = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    change(records)
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(header + yaml.dump(records, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(data_dir: Path, seeds_dir: Path = paths.SEEDS) -> list[str]:
    """The sorted problems that loading the data reports (the load must fail)."""
    with pytest.raises(DataError) as err:
        load_library(data_dir, seeds_dir)
    return err.value.problems
