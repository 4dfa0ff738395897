"""`make bench`: build time of every edition, then each page of the newest edition: what it
weighs on first load with its maps drawn, its PDFs (course pack size and pages, chapter pages,
cold render time), and Lighthouse's scores and total blocking time, each figure beside its
budget (benchmarks.budgets).

Run as `python -m benchmarks.run [--runs N] [--site BUILT]`. Exits 1 when a budget is missed.
Not a test: the figures depend on the machine, so they are printed for a person to read.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import budgets, lighthouse, pdf
from .page_weight import kb, measure_pages
from .server import page_url, serve
from .weights import reading_pages

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not lighthouse.LIGHTHOUSE.exists():
        raise SystemExit(f"{lighthouse.LIGHTHOUSE} is missing: `make bench` installs it (npm ci --prefix benchmarks)")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        missed = [] if args.site else report_build(Path(tmp))
        site = args.site or Path(tmp) / "site"
        pages = reading_pages(site)
        missed += report_weights(site, pages)
        missed += pdf.report(site)
        missed += report_lighthouse(site, pages, args.runs, Path(tmp))
    return verdict(missed)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=budgets.RUNS, help=f"Lighthouse runs per page; the median counts (default {budgets.RUNS})")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building (skips the build time)")
    return parser.parse_args(argv)


# ---- the three measurements ----------------------------------------------------------------


def report_build(out: Path) -> list[str]:
    seconds = timed_build(out)
    ok = seconds <= budgets.BUILD_SECONDS
    print(f"Build of every edition, online site and offline zips (python -m macros.output.build): {seconds:.1f} s; budget <= {budgets.BUILD_SECONDS:.0f} s  {judge(ok)}")
    return [] if ok else [f"build {seconds:.1f} s"]


def report_weights(site: Path, pages: list[str]) -> list[str]:
    print(f"\nCompressed bytes on first load (empty cache, gzip as a host sends it), every map on the page scrolled into view and drawn; budget <= {kb(budgets.PAGE_BYTES)}:")
    measured = sorted(measure_pages(site, pages), key=lambda m: -m[0].transferred)
    width = max(len(w.page) for w, _ in measured)
    missed = []
    for w, maps in measured:
        ok = w.transferred <= budgets.PAGE_BYTES
        print(f"  {w.page:<{width}}  {kb(w.transferred):>9}  {maps} map(s)  {w.requests:>3} requests  {judge(ok)}")
        missed += [] if ok else [f"{w.page} weighs {kb(w.transferred)}"]
    return missed


def report_lighthouse(site: Path, pages: list[str], runs: int, report_dir: Path) -> list[str]:
    floors = ", ".join(f"{c} >= {f}" for c, f in budgets.CATEGORY_FLOORS.items())
    print(f"\nLighthouse {lighthouse.version()}, default mobile settings, median of {runs} run(s); budgets: {floors}, total blocking time <= {budgets.TOTAL_BLOCKING_MS} ms:")
    width = max(map(len, pages))
    missed = []
    with serve(site) as base:
        for rel in pages:
            result = lighthouse.measure(page_url(base, rel), runs, report_dir)
            missed += print_result(rel.ljust(width), result)
    return missed


# ---- helpers -------------------------------------------------------------------------------


def timed_build(out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros.output.build", str(out)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    if result.returncode != 0:
        raise SystemExit(f"the build failed (exit {result.returncode}): fix it before benchmarking")
    return time.perf_counter() - start


def print_result(label: str, result: lighthouse.Result) -> list[str]:
    missed = [f"{label.strip()} {c} {s} < {budgets.CATEGORY_FLOORS[c]}" for c, s in result.scores.items() if s < budgets.CATEGORY_FLOORS[c]]
    if result.blocking_ms > budgets.TOTAL_BLOCKING_MS:
        missed.append(f"{label.strip()} blocks {result.blocking_ms} ms")
    scores = "  ".join(f"{c} {s}" for c, s in result.scores.items())
    print(f"  {label}  {scores}  TBT {result.blocking_ms:>3} ms  (machine index {result.speed})  {judge(not missed)}")
    for line in result.lost:
        print(f"      lost points: {line}")
    return missed


def judge(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def verdict(missed: list[str]) -> int:
    if missed:
        print("\nBudgets missed: " + "; ".join(missed))
        return 1
    print("\nEvery budget met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
