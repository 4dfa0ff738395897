"""Every path the project uses, in one place."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DATA = DOCS / "data"
SEEDS = ROOT / "seeds"
TEMPLATES = Path(__file__).resolve().parent / "templates"
NODE_MODULES = ROOT / "node_modules"
# Derived data (clipped basemaps), rebuilt when its inputs change; git-ignored.
CACHE = ROOT / ".cache"

# Data files, each a YAML list of records (schemas in macros/data/records.py).
SOURCES_FILE = "sources.yml"
FACTS_FILE = "facts.yml"
EVENTS_FILE = "events.yml"
GLOSSARY_FILE = "glossary.yml"
PLACES_FILE = "places.yml"
LAYERS_FILE = "layers.yml"
MAPS_FILE = "maps.yml"
CORRECTIONS_FILE = "corrections.yml"
CHARTS_FILE = "charts.yml"
EDITIONS_FILE = "editions.yml"  # read on its own by editions/catalogue.py

# Site paths (relative to the site root) of pages the macros link to.
BIBLIOGRAPHY_PAGE = "bibliography.md"
GLOSSARY_PAGE = "glossary.md"

# Offline bundles carry their edition in their name; `make build` puts each in dist/ and
# under downloads/ in the online site.
LEGACY_BUNDLE_DOWNLOAD = "downloads/new-great-game-offline.zip"  # where edition 1.0 linked its own


def bundle_file(version: str) -> str:
    return f"new-great-game-{version}-offline.zip"


def bundle_download(version: str) -> str:
    return f"downloads/{bundle_file(version)}"

# Map colours: one stylesheet for the live map and its static picture (maps/palette.py reads it).
MAP_STYLESHEET = DOCS / "assets" / "maps.css"

# Print and PDF (macros/print/): the print stylesheet pages link, and where the PDFs go.
PRINT_STYLESHEET = "assets/print.css"  # site path, linked with media="print"
PDF_STYLESHEET = Path(__file__).resolve().parent / "print" / "pdf.css"  # paged media, for the PDF engine only
PDF_FOLDER = "pdf"  # site folder of an edition's PDFs
PDF_CACHE = CACHE / "pdf"  # rendered PDFs, keyed by everything they are made from


def chapter_pdf(version: str, slug: str) -> str:
    """Site path of one chapter's PDF: pdf/new-great-game-2.1-turkey.pdf."""
    return f"{PDF_FOLDER}/new-great-game-{version}-{slug}.pdf"


def course_pack_pdf(version: str) -> str:
    return f"{PDF_FOLDER}/new-great-game-{version}-course-pack.pdf"

# Saving an edition for offline reading in the browser (macros/offline/). Every path here but
# WORKBOX is relative to an edition's root; the worker's scope is that root, so the newest
# edition at the site root and its copy under <version>/ are saved apart.
WORKBOX = ROOT / "workbox"  # Workbox's build tools (npm, pinned; `npm ci --prefix workbox`)
WORKBOX_SCRIPT = WORKBOX / "generate-sw.mjs"  # writes the worker and its precache list
WORKER_SOURCE = WORKBOX / "sw-source.js"  # the worker, before the precache list goes in
WORKER_FILE = "sw.js"  # the worker, beside the edition's index.html
WORKBOX_RUNTIME = "assets/vendor/workbox/"  # Workbox's modules, which the worker imports
SAVE_SUMMARY_FILE = "save-offline.json"  # what saving downloads, for the page to say before
MANIFEST_FILE = "manifest.webmanifest"  # the web app manifest (home screen)
ICONS = "assets/icons/"
NOT_SAVED_PAGE = "not-saved.md"  # what the worker shows, offline, for a page it did not save
SAVE_SCRIPT = "assets/save-offline.js"  # puts the control on every online page, once idle
SAVE_PANEL_SCRIPT = "assets/save-offline-panel.js"  # its workings, once the reader opens it
NOT_SAVED_SCRIPT = "assets/not-saved.js"  # names, on the "not saved" page, the page asked for

# Learning data (macros/learning/): self-checks and source labs for every chapter, teaching plans,
# the comparison of the three powers and the five countries' pages.
SELFCHECK_FILE = "selfcheck.yml"
LABS_FILE = "labs.yml"
TEACHING_FILE = "teaching.yml"
COMPARISON_FILE = "comparison.yml"
COUNTRIES_FILE = "countries.yml"
CHAPTERS_DIR = "chapters"  # under docs/: the chapters, by file name
TIMELINE_PAGE = "timeline.md"


def chapter_page(name: str) -> str:
    return f"{CHAPTERS_DIR}/{name}.md"


def country_page(slug: str) -> str:
    return f"countries/{slug}.md"


def teaching_page(chapter: str) -> str:
    return f"teaching/{chapter}.md"
