"""`make build`: every edition of the site in site/, the newest also at the root, and each
edition's offline bundle, zipped, in dist/ and on the downloads page.

Run as `python -m macros.output.build [OUT_DIR]`; tests call `build_all()` the same way.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from mkdocs.config import load_config

from .. import paths
from ..offline import write_worker
from ..data.problems import ContentError
from ..editions import address, home, rebuild
from . import precompress, security
from ..editions.catalogue import Editions, load_editions

# MkDocs' 404 page needs a web server and absolute URLs: useless from file://.
NOT_OFFLINE = frozenset({"404.html"})


def build_all(out: Path = paths.ROOT, site: str | None = None) -> dict[str, Path]:
    """Every edition at `site` (the address they are published under; SITE_URL by default)."""
    editions = load_editions()
    newest = editions.newest
    root_url = site_url() if site is None else site
    env = os.environ | {address.ENV: root_url}
    online, offline, dist = out / "site", out / "build" / "offline", out / "dist"
    for folder in (online, offline, dist, out / "build" / "editions"):
        shutil.rmtree(folder, ignore_errors=True)
    mkdocs_build("mkdocs.yml", online, env)
    mkdocs_build("mkdocs.offline.yml", offline, env)
    shutil.copytree(online, online / newest.version)  # the newest edition at its own address too
    bundles = {newest.version: bundle(offline, dist / paths.bundle_file(newest.version))}
    for edition in editions.items[1:]:
        built = rebuild.build(edition, editions, root_url)
        shutil.copytree(built.site, online / edition.version)
        bundles[edition.version] = bundle(copied(built.offline, out / "build" / "editions" / edition.version), dist / paths.bundle_file(edition.version))
    publish_bundles(online, editions, bundles)
    (online / "versions.json").write_text(versions_json(editions), encoding="utf-8")
    if home.draw_switch_at_root(online, editions):  # the root's pages changed: list them anew
        write_worker(online, load_config(str(paths.ROOT / "mkdocs.yml")), newest.version)
    security.secure_folder(online)  # the older editions' pages (the newest's have theirs)
    precompress.precompress(online)
    return {"site": online, "offline": offline, "zip": bundles[newest.version], "bundles": dist}


def bundle(folder: Path, zip_path: Path) -> Path:
    """An edition's offline bundle: its pages with their security policy, zipped."""
    security.secure_folder(folder, offline=True)
    return zip_dir(folder, zip_path)


def copied(folder: Path, target: Path) -> Path:
    """A copy to change, so the edition cache keeps the build as it came."""
    shutil.copytree(folder, target)
    return target


def mkdocs_build(config: str, site_dir: Path, env: dict | None = None) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(site_dir)]
    result = subprocess.run(cmd, cwd=paths.ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config} failed (exit {result.returncode}); the lines above name the file and entry")


def zip_dir(folder: Path, zip_path: Path) -> Path:
    """Zip a built site under one top folder named like the zip, so it unzips into its own directory."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    top = Path(zip_path.name.removesuffix(".zip"))
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name not in NOT_OFFLINE:
                bundle.write(path, top / path.relative_to(folder))
    return zip_path


def publish_bundles(site: Path, editions: Editions, bundles: dict[str, Path]) -> None:
    """Each edition's downloads page offers its own bundle and those of the editions before it."""
    for at, edition in enumerate(editions.items):
        folders = [site / edition.version] + ([site] if edition is editions.newest else [])
        for folder in folders:
            for older in editions.items[at:]:
                place(bundles[older.version], folder / paths.bundle_download(older.version))
            if paths.LEGACY_BUNDLE_DOWNLOAD.split("/")[-1] in downloads_page(folder):
                place(bundles[edition.version], folder / paths.LEGACY_BUNDLE_DOWNLOAD)


def downloads_page(folder: Path) -> str:
    page = folder / "downloads" / "index.html"
    return page.read_text(encoding="utf-8") if page.is_file() else ""


def place(bundle: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundle, target)


def versions_json(editions: Editions) -> str:
    """The edition switch's list, in the format of mike (the versioning tool Material reads)."""
    rows = [{"version": e.version, "title": e.label, "aliases": ["latest"] if e is editions.newest else []} for e in editions.items]
    return json.dumps(rows, indent=1) + "\n"


def site_url() -> str:
    """The address the editions are published under (SITE_URL, checked), or the placeholder."""
    try:
        return address.site_url()
    except ContentError as err:
        raise SystemExit(str(err)) from None


if __name__ == "__main__":
    built = build_all(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else paths.ROOT)
    for name, path in built.items():
        print(f"{name}: {path}")
