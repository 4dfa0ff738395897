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
from . import address
from .catalogue import Edition, Editions

CACHE = paths.CACHE / "editions"
EDITION_CONFIG = "mkdocs.edition.yml"
# The bundle stays as published (no notice, no switch) but for the address its citations give.
OFFLINE_CONFIG = "mkdocs.offline.edition.yml"
OVERRIDES = "overrides-edition"
EDITION_HOOKS = "edition_hooks.py"
NOTICE = """
{% block announce %}
<div class="edition-notice" role="note">You are reading <strong>edition @OLD@</strong> (@DATE@), kept as it was published.
{%- set up = base_url.rstrip('/') ~ '/../' -%}
<a href="{{ up }}{{ page.url if page else '' }}">Read this page in the newest edition, @NEW@</a>
· <a href="{{ up }}editions/@NEXT@/">what changed in @NEXT@</a>@LOCAL@</div>
{% endblock %}
"""
LOCAL = " · <em>A local build: addresses here use a placeholder.</em>"
# Edition 1.0's code writes `site_url` + a page's path as its address, so it is given its own
# address; from 2.0 on, the code adds the edition itself, so it is given the site's address and
# a hook gives its pages their own canonical address (MkDocs derives it from site_url).
OWN_ADDRESS = frozenset({"1.0"})
CANONICAL_HOOK = """# Written by macros/editions/rebuild.py: this edition's pages name their own address as canonical.
EDITION_ROOT = {root!r}


def on_pre_page(page, config, files):
    page._set_canonical_url(EDITION_ROOT)
    return page
"""
# Text files in which an edition may have written the placeholder as data (its own edition
# sources, for one): rewritten to the build's address once the edition is built.
TEXT_SUFFIXES = frozenset({".html", ".xml", ".json", ".js", ".yml", ".csv", ".geojson", ".txt"})


@dataclass(frozen=True)
class Built:
    site: Path  # the online site, to be served under <version>/
    offline: Path  # the offline bundle's folder, as the edition built it


def build(edition: Edition, editions: Editions, site_url: str) -> Built:
    """The edition's online site and offline zip, rebuilt from its commit (or from the cache),
    at `site_url`, the address every edition is published under."""
    key = cache_key(edition, editions.newest, site_url)
    done = CACHE / edition.version / key
    if not (done / "site" / "index.html").is_file():
        src = checkout(edition, CACHE / edition.version / "src")
        python = environment(src)
        write_config(src, edition, editions, site_url)
        shutil.rmtree(done, ignore_errors=True)
        for config, out in ((EDITION_CONFIG, "site"), (OFFLINE_CONFIG, "offline")):
            run([str(python), "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(done / out)], src)
            replace_placeholder(done / out, site_url)
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


def write_config(src: Path, edition: Edition, editions: Editions, site_url: str) -> None:
    """The edition's own configs (online and offline) at the build's address; online with the
    notice, the edition switch and its own canonical addresses."""
    overrides = src / OVERRIDES
    shutil.copytree(src / "overrides", overrides, dirs_exist_ok=True)
    notice = NOTICE.replace("@OLD@", edition.version).replace("@DATE@", edition.date.isoformat()).replace("@NEW@", editions.newest.version)
    notice = notice.replace("@NEXT@", next_edition(edition, editions).version).replace("@LOCAL@", LOCAL if address.is_placeholder(site_url) else "")
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + notice, encoding="utf-8")
    root = address.edition_root(site_url, edition.version)
    given = root if edition.version in OWN_ADDRESS else site_url
    hooks = ""
    if edition.version not in OWN_ADDRESS:
        (src / EDITION_HOOKS).write_text(CANONICAL_HOOK.format(root=root), encoding="utf-8")
        hooks = "hooks:\n" + "".join(f"  - {h}\n" for h in [*commit_hooks(src), EDITION_HOOKS])
    config = f"INHERIT: mkdocs.yml\nsite_url: {given}\ntheme:\n  custom_dir: {OVERRIDES}\nextra:\n  version:\n    provider: mike\n{hooks}"
    (src / EDITION_CONFIG).write_text(config, encoding="utf-8")
    (src / OFFLINE_CONFIG).write_text(f"INHERIT: mkdocs.offline.yml\nsite_url: {given}\n", encoding="utf-8")


def next_edition(edition: Edition, editions: Editions) -> Edition:
    """The edition published right after this one (its changes page says what changed)."""
    versions = [e.version for e in editions.items]
    return editions.items[versions.index(edition.version) - 1]


def commit_hooks(src: Path) -> list[str]:
    """The hooks the edition's own mkdocs.yml names (a config that INHERITs replaces the list)."""
    import yaml  # noqa: PLC0415

    text = (src / "mkdocs.yml").read_text(encoding="utf-8")
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)  # MkDocs tags such as !ENV: not needed here
    return list(yaml.load(text, Loader=loader).get("hooks") or [])


def replace_placeholder(folder: Path, site_url: str) -> None:
    """Where the edition wrote the placeholder address as data, write the build's address."""
    if address.is_placeholder(site_url):
        return
    for path in folder.rglob("*"):
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8")
            if address.PLACEHOLDER in text:
                path.write_text(text.replace(address.PLACEHOLDER, site_url), encoding="utf-8")


def run(cmd: list[str], cwd: Path) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} … failed in {cwd} (exit {result.returncode}):\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
