"""The edition's service worker and its precache list, by Workbox's build tools.

Once MkDocs has written the edition, `workbox/generate-sw.mjs` (Workbox's injectManifest,
pinned in workbox/package-lock.json) globs the edition's folder, hashes every file it will
save, and writes the worker beside the edition's index.html; then `size.py` weighs what
saving downloads. No list here names the files: only what saving leaves out, and why.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..editions.catalogue import load_editions
from . import size, workbox

# What saving leaves out of the edition's folder (Workbox globs, relative to the edition).
LEFT_OUT = (
    "**/*.zip", "**/*.pdf",  # downloads, not reading: offline bundles and printable copies
    "data/**", "maps/*.geojson", "maps/*.png",  # the data files, map features and map pictures offered as downloads
    "assets/cards/**",  # link-card pictures, for the sites a link is pasted into
    "**/*.map",  # source maps, for developers' tools
    "**/*.gz", "**/*.br",  # a host's precompressed copies of the same files
    "404.html", "sitemap.xml",  # for the web server and for crawlers
    "versions.json",  # the edition switch's list belongs to the site, not to one edition
    "assets/vendor/iframe-worker/**",  # search from file://, in the zip bundle only
    paths.WORKER_FILE, paths.SAVE_SUMMARY_FILE, paths.WORKBOX_RUNTIME + "**",  # the worker's own files
)
# Material loads these only for search in languages other than English.
LUNR_LANGUAGES = "assets/javascripts/lunr/**"


@dataclass(frozen=True)
class Entry:
    url: str  # relative to the edition's root (and to the worker)
    revision: str
    size: int  # bytes as stored


def write_after_build(config) -> size.Download | None:
    """The built edition in config.site_dir gets its worker and the summary the page reads."""
    return write_worker(Path(config["site_dir"]), config, config["extra"]["edition"]["version"])


def write_worker(folder: Path, config, edition: str) -> size.Download | None:
    """An edition's folder (a build, or its copy at the site's root once the root's pages have
    their edition switch drawn in) gets its worker, listing the files as they are now, and the
    summary the page reads."""
    if not workbox.available():
        return None
    entries = write(folder, left_out(config))
    download = size.weigh(folder, [e.url for e in entries] + worker_files())
    (folder / paths.SAVE_SUMMARY_FILE).write_text(json.dumps(size.summary(download, edition, len(entries)), indent=1) + "\n", encoding="utf-8")
    return download


def left_out(config) -> list[str]:
    """LEFT_OUT, the other editions' folders, and lunr's languages where search is English."""
    versions = [f"{e.version}/**" for e in load_editions().items]
    search = config["plugins"].get("search")
    langs = (search.config.get("lang") if search is not None else None) or [config["theme"]["language"]]
    return [*LEFT_OUT, *versions, *([LUNR_LANGUAGES] if list(langs) == ["en"] else [])]


def worker_files() -> list[str]:
    """The worker and the modules it imports: downloaded once, kept by the browser with it."""
    return [paths.WORKER_FILE] + [workbox.served_module(name) for name in workbox.MODULES]


def write(folder: Path, ignore: list[str]) -> list[Entry]:
    """Write the worker into `folder` (a built edition); returns its precache list."""
    source = paths.WORKER_SOURCE.read_text(encoding="utf-8")
    source = source.replace("@MODULES@", json.dumps(workbox.imports())).replace("@NOT_SAVED@", not_saved_url())
    with tempfile.TemporaryDirectory(prefix="sw-") as tmp:
        src = Path(tmp) / paths.WORKER_FILE
        src.write_text(source, encoding="utf-8")
        options = {"folder": str(folder), "source": str(src), "worker": paths.WORKER_FILE, "ignore": ignore}
        result = subprocess.run(["node", str(paths.WORKBOX_SCRIPT), json.dumps(options)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the service worker could not be written (workbox/generate-sw.mjs, exit {result.returncode}):\n{result.stderr[-3000:]}")
    return [Entry(**row) for row in json.loads(result.stdout)["entries"]]


def not_saved_url() -> str:
    """The "not saved" page's directory URL, relative to the edition's root."""
    return paths.NOT_SAVED_PAGE.removesuffix(".md") + "/"

