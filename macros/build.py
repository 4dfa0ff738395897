"""`make build`: the online site in site/, the offline bundle zipped in dist/.

Run as `python -m macros.build [OUT_DIR]`; tests call `build_all()` the same way.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from . import paths

BUNDLE_NAME = paths.BUNDLE_NAME


def mkdocs_build(config: str, site_dir: Path) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(site_dir)]
    result = subprocess.run(cmd, cwd=paths.ROOT)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config} failed (exit {result.returncode}); the lines above name the file and entry")


# MkDocs' 404 page needs a web server and absolute URLs: useless from file://.
NOT_OFFLINE = frozenset({"404.html"})


def zip_dir(folder: Path, zip_path: Path) -> Path:
    """Zip a built site under one top folder, so it unzips into its own directory."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name not in NOT_OFFLINE:
                bundle.write(path, Path(BUNDLE_NAME) / path.relative_to(folder))
    return zip_path


def build_all(out: Path = paths.ROOT) -> dict[str, Path]:
    site, offline, dist = out / "site", out / "build" / "offline", out / "dist"
    mkdocs_build("mkdocs.yml", site)
    mkdocs_build("mkdocs.offline.yml", offline)
    shutil.rmtree(dist, ignore_errors=True)
    bundle = zip_dir(offline, dist / f"{BUNDLE_NAME}.zip")
    # The online site offers the bundle for download.
    (site / paths.BUNDLE_DOWNLOAD).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundle, site / paths.BUNDLE_DOWNLOAD)
    return {"site": site, "offline": offline, "zip": bundle}


if __name__ == "__main__":
    built = build_all(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else paths.ROOT)
    for name, path in built.items():
        print(f"{name}: {path}")
