"""The edition's PDFs against their budgets: the course pack's size and pages, each chapter's
pages, and how long a cold render of them all takes (an empty PDF cache; a warm build copies
them). Used by `make bench` (benchmarks.run); `python -m benchmarks.pdf BUILT_SITE` alone."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from . import budgets

ROOT = Path(__file__).resolve().parents[1]


def measure(site: Path) -> dict:
    """Render every PDF of the built site's edition with an empty cache, into a copy's pdf/."""
    import pypdf
    from mkdocs.config import load_config

    from macros.editions.catalogue import load_editions
    from macros.print import build, cache

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    edition = load_editions().newest
    saved = cache.FOLDER
    with tempfile.TemporaryDirectory(prefix="pdf-cache-") as tmp:
        cache.FOLDER = Path(tmp)
        try:
            start = time.perf_counter()
            written = build.write_pdfs(config, edition)
            seconds = time.perf_counter() - start
        finally:
            cache.FOLDER = saved
    pages = {p.name: len(pypdf.PdfReader(str(p)).pages) for p in written}
    pack = site / build.paths.course_pack_pdf(edition.version)
    return {"seconds": seconds, "pages": pages, "pack": pack.name, "pack_bytes": pack.stat().st_size}


def report(site: Path) -> list[str]:
    m = measure(site)
    missed = []
    rows = [
        (f"course pack {m['pack']}: size", f"{m['pack_bytes'] / 1e6:.2f} MB", f"<= {budgets.COURSE_PACK_BYTES / 1e6:.0f} MB", m["pack_bytes"] <= budgets.COURSE_PACK_BYTES),
        ("course pack: pages", f"{m['pages'][m['pack']]}", f"<= {budgets.COURSE_PACK_PAGES}", m["pages"][m["pack"]] <= budgets.COURSE_PACK_PAGES),
        ("every PDF, rendered cold (WeasyPrint)", f"{m['seconds']:.1f} s", f"<= {budgets.PDF_RENDER_SECONDS:.0f} s", m["seconds"] <= budgets.PDF_RENDER_SECONDS),
    ]
    rows += [(f"  {name}: pages", str(n), f"<= {budgets.CHAPTER_PAGES}", n <= budgets.CHAPTER_PAGES) for name, n in sorted(m["pages"].items()) if name != m["pack"]]
    print("\nPDFs of the newest edition (A4):")
    width = max(len(r[0]) for r in rows)
    for label, value, budget, ok in rows:
        print(f"  {label:<{width}}  {value:>9}  budget {budget:<9}  {'ok' if ok else 'MISSED'}")
        missed += [] if ok else [f"{label.strip()} {value}"]
    return missed


if __name__ == "__main__":
    sys.exit(1 if report(Path(sys.argv[1]).resolve()) else 0)
