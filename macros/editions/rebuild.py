"""Rebuild a published edition from its recorded commit, with its own pinned set-up.

The commit's files come from git (`git archive`), its Python packages from its own
requirements and constraints (a venv per distinct set, cached under `.cache/editions/`), its
front-end assets from its own package-lock. Its pages gain a notice that a newer edition
exists and Material's edition switch; everything else is as the edition published it. A
rebuild is cached by everything it depends on, so a warm `make build` only copies it.

mike, the ecosystem's versioning tool, deploys to a git branch; here every edition is rebuilt
into one folder from main's history, so only mike's `versions.json` format is used.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from .. import paths
from .catalogue import Edition

CACHE = paths.CACHE / "editions"
EDITION_CONFIG = "mkdocs.edition.yml"
OFFLINE_CONFIG = "mkdocs.offline.yml"  # the bundle stays as published: no notice, no switch
OVERRIDES = "overrides-edition"
NOTICE = """
{% block announce %}
<div class="edition-notice" role="note">You are reading <strong>edition @OLD@</strong> (@DATE@), kept as it was published.
{%- set up = base_url.rstrip('/') ~ '/../' -%}
<a href="{{ up }}{{ page.url if page else '' }}">Read this page in the newest edition, @NEW@</a>
· <a href="{{ up }}editions/@NEW@/">what changed</a></div>
{% endblock %}
"""


@dataclass(frozen=True)
class Built:
    site: Path  # the online site, to be served under <version>/
    offline: Path  # the offline bundle's folder, as the edition built it


def build(edition: Edition, newest: Edition, site_url: str) -> Built:
    """The edition's online site and offline zip, rebuilt from its commit (or from the cache)."""
    key = cache_key(edition, newest, site_url)
    done = CACHE / edition.version / key
    if not (done / "site" / "index.html").is_file():
        src = checkout(edition, CACHE / edition.version / "src")
        python = environment(src)
        write_config(src, edition, newest, site_url)
        shutil.rmtree(done, ignore_errors=True)
        for config, out in ((EDITION_CONFIG, "site"), (OFFLINE_CONFIG, "offline")):
            run([str(python), "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(done / out)], src)
    return Built(done / "site", done / "offline")


# ---- helpers ------------------------------------------------------------------------------


def cache_key(edition: Edition, newest: Edition, site_url: str) -> str:
    text = "|".join([edition.commit or "", newest.version, site_url, NOTICE, Path(__file__).read_text(encoding="utf-8")])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def checkout(edition: Edition, src: Path) -> Path:
    """The edition's files exactly as its commit holds them."""
    archive = subprocess.run(["git", "archive", "--format=tar", edition.commit], cwd=paths.ROOT, capture_output=True)
    if archive.returncode != 0:
        raise SystemExit(f"edition {edition.version}: commit {edition.commit} is not in this clone ({archive.stderr.decode().strip()}); fetch main's full history")
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(src, filter="data")
    derived = src.parent / "derived"  # its basemaps and the like, kept across rebuilds (keyed by their inputs)
    derived.mkdir(exist_ok=True)
    (src / ".cache").symlink_to(derived)
    return src


def environment(src: Path) -> Path:
    """The edition's own pinned Python packages and front-end assets; returns its python."""
    pins = (src / "requirements.txt").read_bytes() + (src / "constraints.txt").read_bytes()
    venv = CACHE / f"venv-{hashlib.sha256(pins).hexdigest()[:12]}"
    if not (venv / "ready").is_file():
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", str(venv)], src)
        run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt", "-c", "constraints.txt"], src)
        (venv / "ready").touch()
    run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], src)
    return venv / "bin" / "python"


def write_config(src: Path, edition: Edition, newest: Edition, site_url: str) -> None:
    """The edition's own config, at its own address, with the notice and the edition switch."""
    overrides = src / OVERRIDES
    shutil.copytree(src / "overrides", overrides, dirs_exist_ok=True)
    notice = NOTICE.replace("@OLD@", edition.version).replace("@DATE@", edition.date.isoformat()).replace("@NEW@", newest.version)
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + notice, encoding="utf-8")
    config = f"INHERIT: mkdocs.yml\nsite_url: {site_url}{edition.version}/\ntheme:\n  custom_dir: {OVERRIDES}\nextra:\n  version:\n    provider: mike\n"
    (src / EDITION_CONFIG).write_text(config, encoding="utf-8")


def run(cmd: list[str], cwd: Path) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} … failed in {cwd} (exit {result.returncode}):\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
