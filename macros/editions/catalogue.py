"""The editions a syllabus can assign: each stays readable and citable at its own address.

`docs/data/editions.yml` lists them newest first. The newest is the working tree; each older
one names the commit it was published from (`rebuild.py` rebuilds it from there).
"""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import yaml
from pydantic import Field, ValidationError, model_validator

from .. import paths
from ..data.datafiles import parse
from ..data.messages import explained, validated
from ..data.problems import DataError, Problem, UnknownId
from ..data.records import Record, Source, Text, Version
from ..site import AUTHORS, PUBLISHER, SITE_NAME
from .address import edition_root


class Edition(Record):
    version: Version
    date: date
    commit: str | None = Field(default=None, pattern=r"^[0-9a-f]{7,40}$")
    summary: Text

    @property
    def label(self) -> str:
        return f"Edition {self.version} ({self.date.isoformat()})"


class Editions(Record):
    items: list[Edition] = Field(min_length=1)

    @model_validator(mode="after")
    def newest_first_and_only_the_newest_unpublished(self):
        if [e.date for e in self.items] != sorted((e.date for e in self.items), reverse=True):
            raise ValueError("the editions are not newest first: list them by date, the newest on top")
        if len({e.version for e in self.items}) != len(self.items):
            raise ValueError("two editions share a version: give each edition its own version number")
        if self.items[0].commit is not None:
            raise ValueError(f"the newest edition, {self.items[0].version}, is the working tree: remove its commit: (an edition gets one when a newer edition is added above it)")
        unpublished = [e.version for e in self.items[1:] if e.commit is None]
        if unpublished:
            raise ValueError(f"edition {unpublished[0]} is not the newest but names no commit: give it commit: with the commit it was published from")
        return self

    @property
    def newest(self) -> Edition:
        return self.items[0]

    def before(self, version: str) -> Edition | None:
        versions = [e.version for e in self.items]
        at = versions.index(version)
        return self.items[at + 1] if at + 1 < len(self.items) else None

    def get(self, version: str) -> Edition:
        found = [e for e in self.items if e.version == version]
        if not found:
            raise UnknownId("editions", version, [e.version for e in self.items])
        return found[0]


def edition_source_id(version: str) -> str:
    """The bibliography entry of an earlier edition, cited for what it said: ngg-edition-2-0."""
    return "ngg-edition-" + version.replace(".", "-")


def edition_sources(editions: Editions, site_url: str) -> list[Source]:
    """A bibliography entry for each earlier edition, at its own address: made from editions.yml
    and the build's address, never typed into sources.yml (the address is not known until then)."""
    newest = editions.newest
    return [
        Source(
            id=edition_source_id(e.version), kind="edition", title=f"{SITE_NAME}, edition {e.version}", authors=list(AUTHORS),
            publisher=PUBLISHER, date=e.date.isoformat(), url=edition_root(site_url, e.version), accessed=newest.date,
            description=f"Edition {e.version} of this site, kept as it was published and rebuilt from its recorded commit. The changes pages cite it for what it said.",
            caveats=f"Superseded by edition {newest.version}: what it showed is given on the changes pages for comparison, not as current.",
        )
        for e in editions.items[1:]
    ]


def load_editions(path: Path = paths.DATA / paths.EDITIONS_FILE) -> Editions:
    """The editions file, checked: each entry, their order, and that every older edition's commit
    is in this clone (it is rebuilt from there); a DataError names every problem and its fix."""
    name = f"docs/data/{path.name}"
    raw, problems = parse(path, name)
    items, found = validated(raw, name, Edition, key="version")
    problems += found
    if raw is not None and not raw:
        problems.append(Problem(name, message="lists no edition: add the edition being written, with version:, date: and summary:"))
    if problems:
        raise DataError(problems)
    try:
        editions = Editions(items=items)
    except ValidationError as err:
        raise DataError([Problem(name, "", "", explained(e, Editions)) for e in err.errors()]) from None
    problems = [Problem(name, e.version, "commit", missing_commit(e.commit)) for e in editions.items[1:] if not has_commit(e.commit)]
    if problems:
        raise DataError(problems)
    return editions


def has_commit(commit: str) -> bool:
    result = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=paths.ROOT, capture_output=True)
    return result.returncode == 0


def missing_commit(commit: str) -> str:
    return f"commit {commit} is not in this clone: fetch the full history (git fetch --unshallow), or give the commit the edition was published from"


def file_at(edition: Edition, rel: str) -> str | None:
    """A file's text as an edition published it (the working tree for the newest), or None."""
    if edition.commit is None:
        path = paths.ROOT / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None
    result = subprocess.run(["git", "show", f"{edition.commit}:{rel}"], cwd=paths.ROOT, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def files_at(edition: Edition, folder: str) -> list[str]:
    """The files under a folder as an edition published it."""
    if edition.commit is None:
        return sorted(str(p.relative_to(paths.ROOT)) for p in (paths.ROOT / folder).rglob("*") if p.is_file())
    result = subprocess.run(["git", "ls-tree", "-r", "--name-only", edition.commit, folder], cwd=paths.ROOT, capture_output=True, text=True, check=True)
    return result.stdout.split()
