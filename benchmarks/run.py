"""`make bench`: how long the site takes to build, what each page weighs on first load, and
Lighthouse's scores for the home page and the heaviest map chapter, each beside its budget.

Run as `python -m benchmarks.run [--runs N]`. Exits 1 when a budget is missed. Not a test:
the figures depend on the machine, so they are printed for a person to read.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import page_weight
from .page_weight import kb
from .server import CHROMIUM, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
# Lighthouse's default settings: a mid-range phone on a slow 4G link, throttling simulated.
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}


def timed_build(out: Path) -> float:
    """Seconds for `python -m macros.build` into an empty folder: online site and offline zip."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros.build", str(out)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the build failed (exit {result.returncode}): fix it before benchmarking")
    return seconds


def page_weights(site: Path) -> tuple[dict[str, int], str, int]:
    """Page -> compressed bytes transferred, how they were measured, and the chapter budget."""
    how = "first load with every map on the page scrolled into view and drawn (benchmarks.page_weight)"
    weights = page_weight.first_load_weights(site)
    return {w.page: w.transferred for w in weights if not w.page.startswith("maps/")}, how, page_weight.BUDGET


def heaviest_map_chapter(site: Path, weights: dict[str, int]) -> tuple[str, bool]:
    """The chapter with a map that weighs most on first load (or the heaviest chapter, if none has a map)."""
    chapters = [p for p in weights if p.startswith("chapters/")]
    with_maps = [p for p in chapters if "<iframe" in (site / p).read_text(encoding="utf-8")]
    pool = with_maps or chapters or list(weights)
    return max(pool, key=weights.__getitem__), bool(with_maps)


def lighthouse(url: str, runs: int, report_dir: Path) -> tuple[dict[str, int], list[str], int]:
    """Median score per category over `runs` runs, the audits that cost points in the last run,
    and Lighthouse's median benchmark index of this machine (CPU speed: higher is faster)."""
    scores: dict[str, list[float]] = {c: [] for c in BUDGETS}
    speed: list[float] = []
    report: dict = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for n in range(runs):
        out = report_dir / f"lighthouse-{re.sub(r'[^a-z0-9]+', '-', url.lower())}-{n}.json"
        cmd = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(BUDGETS)}",
        ]
        result = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if result.returncode != 0 or not out.is_file():
            raise SystemExit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
        if report.get("runtimeError"):
            raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']}")
        for category in BUDGETS:
            scores[category].append(report["categories"][category]["score"] or 0)
        speed.append(report.get("environment", {}).get("benchmarkIndex", 0))
    medians = {c: round(100 * statistics.median(s)) for c, s in scores.items()}
    lost = []
    for category in BUDGETS:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.append(f"{category}: {ref['id']} score {audit['score']:.2f}{shown}")
    return medians, lost, round(statistics.median(speed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median counts (default 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: `make bench` installs it (npm ci --prefix benchmarks)")
    missed = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out = Path(tmp)
        seconds = timed_build(out)
        site = out / "site"
        print(f"Build from a clean state (python -m macros.build, online site + offline zip): {seconds:.1f} s")

        weights, how, budget = page_weights(site)
        print(f"\nCompressed bytes transferred per page, empty cache, gzip as a host sends it; {how}:")
        width = max(map(len, weights))
        for page, size in sorted(weights.items(), key=lambda kv: -kv[1]):
            line = f"  {page:<{width}}  {kb(size):>10}"
            if budget and page.startswith("chapters/") and "<iframe" in (site / page).read_text(encoding="utf-8"):
                ok = size <= budget
                line += f"  [<={kb(budget)} for a chapter with its map]{'' if ok else ' MISSED'}"
                if not ok:
                    missed.append(f"{page} weighs {kb(size)} > {kb(budget)}")
            print(line)

        chapter, has_map = heaviest_map_chapter(site, weights)
        targets = {"home page": "index.html", ("heaviest map chapter" if has_map else "heaviest chapter (no chapter has a map yet)"): chapter}
        print(f"\nLighthouse {_lighthouse_version()} (default mobile settings; median of {args.runs} run(s)), budgets in brackets:")
        with serve(site) as base:
            for label, rel in targets.items():
                url = base + rel.removesuffix("index.html")
                medians, lost, speed = lighthouse(url, args.runs, out)
                figures = []
                for category, floor in BUDGETS.items():
                    ok = medians[category] >= floor
                    figures.append(f"{category} {medians[category]} [{'>=' if floor < 100 else ''}{floor}]{'' if ok else ' MISSED'}")
                    if not ok:
                        missed.append(f"{label} {category} {medians[category]} < {floor}")
                print(f"  {label} ({rel}): " + ", ".join(figures) + f"  (machine benchmark index {speed})")
                for line in lost:
                    print(f"      lost points: {line}")
    if missed:
        print("\nBudgets missed: " + "; ".join(missed))
        return 1
    print("\nEvery budget met.")
    return 0


def _lighthouse_version() -> str:
    try:
        return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
