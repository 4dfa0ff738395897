"""Rendered PDFs under `.cache/pdf/`, keyed by everything they are made from: the print
document, the files it loads, the stylesheets, and the engine and its version. A warm build,
the offline bundle and a rebuilt edition copy a PDF instead of rendering it again."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .. import paths

FOLDER = paths.PDF_CACHE  # benchmarks point it at an empty folder to time a cold render


def key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:24]


def path_for(name: str, digest: str) -> Path:
    return Path(FOLDER) / f"{name}-{digest}.pdf"


def load(name: str, digest: str) -> bytes | None:
    path = path_for(name, digest)
    return path.read_bytes() if path.is_file() else None


def store(name: str, digest: str, data: bytes) -> None:
    path = path_for(name, digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # atomic: parallel builds never read half a file
