"""Lighthouse on one page: the median of several runs, and the audits that cost points.

Lighthouse 12.8 is pinned in benchmarks/package.json (installed by `make bench`) and drives
Debian's Chromium; nothing is downloaded.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .budgets import CATEGORY_FLOORS
from .server import CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


@dataclass
class Result:
    scores: dict[str, int]  # category -> median score, 0-100
    blocking_ms: int  # median total blocking time
    speed: int  # Lighthouse's median benchmark index of this machine (higher is faster)
    lost: list[str] = field(default_factory=list)  # audits that cost points, from the median run


def measure(url: str, runs: int, report_dir: Path) -> Result:
    reports = [run_once(url, report_dir / f"{slug(url)}-{n}.json") for n in range(runs)]
    scores = {c: round(100 * statistics.median(r["categories"][c]["score"] or 0 for r in reports)) for c in CATEGORY_FLOORS}
    blocking = [r["audits"]["total-blocking-time"]["numericValue"] for r in reports]
    speed = [r.get("environment", {}).get("benchmarkIndex", 0) for r in reports]
    median_run = sorted(reports, key=performance)[len(reports) // 2]
    return Result(scores, round(statistics.median(blocking)), round(statistics.median(speed)), lost_points(median_run))


def run_once(url: str, out: Path) -> dict:
    cmd = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORY_FLOORS)}",
    ]
    result = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if result.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def lost_points(report: dict) -> list[str]:
    lost = []
    for category in CATEGORY_FLOORS:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.append(f"{category}: {ref['id']} {audit['score']:.2f}{shown}")
    return lost


def performance(report: dict) -> float:
    return report["categories"]["performance"]["score"] or 0


def slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-")


def version() -> str:
    try:
        return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
