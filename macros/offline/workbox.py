"""Workbox's build tools and modules, from npm as workbox/package-lock.json pins them."""
from __future__ import annotations

import hashlib
import logging
import subprocess
from pathlib import Path

from .. import paths

log = logging.getLogger("mkdocs.plugins.macros.ngg")

# Workbox's modules the worker imports (workbox/sw-source.js), in the order it imports them.
MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")


def module_file(name: str) -> Path:
    """A module as Workbox builds it for importScripts (it adds itself to self.workbox)."""
    return paths.WORKBOX / "node_modules" / name / "build" / f"{name}.prod.js"


def served_module(name: str) -> str:
    """Where the site serves a module, relative to the edition's root."""
    return f"{paths.WORKBOX_RUNTIME}{name}.prod.js"


def imports() -> list[str]:
    """What the worker imports: each module where the site serves it, with its content hash."""
    return [f"{served_module(name)}?v={hashlib.sha256(module_file(name).read_bytes()).hexdigest()[:12]}" for name in MODULES]


def available() -> bool:
    """Whether the build can write a worker: Workbox's build tools as workbox/package-lock.json
    pins them. `make setup` installs them (npm ci --prefix workbox); an edition rebuilt from its
    commit (editions/rebuild.py installs only the root's packages) gets them here. A partial
    copy of the project without workbox/ (tests/test_build_errors.py) builds without a worker."""
    if not (paths.WORKBOX / "package-lock.json").is_file():
        log.info("workbox/ is not in this copy of the project: the build writes no service worker")
        return False
    if (paths.WORKBOX / "node_modules" / "workbox-build" / "package.json").is_file():
        return True
    cmd = ["npm", "ci", "--prefix", str(paths.WORKBOX), "--no-audit", "--no-fund", "--loglevel=error"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"npm ci --prefix workbox failed (exit {result.returncode}): {result.stderr[-2000:]}")
    return True
