"""The benchmark suite runs end to end at its smallest size (issue: fast at any size, item 4).

A smoke test: it checks that every measurement completes and that the table
carries times and ratios, not how fast anything is (CI machines vary too much).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_suite_runs_at_1k_and_prints_ratios(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--cache", str(tmp_path / "cache"), "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    measured = {r["what"] for r in rows}
    for needed in (
        "start-up to first paint: app vs bare PySide6",
        "load, whole process: ours vs pandas+calamine",
        "load, whole process: ours vs pandas+openpyxl",
        "peak memory of the load vs data as DataFrames",
        "load without the child vs pandas+calamine",
        "edit -> table+chart+totals, median",
        "viewport repaint, median: ours vs pandas_iat",
        "event loop during File > Open, longest gap",
        "sort by amount: ours vs QSortFilterProxyModel",
    ):
        assert needed in measured
    assert any(r["what"].startswith("export") and r["ratio"] for r in rows)
    assert all(r["ours"] > 0 for r in rows)
    # Ratios are printed next to the times, and the loaded row count is the generated one.
    assert "x |" in done.stdout and "1k" in done.stdout
    assert "machine:" in done.stdout
