"""Hundreds of chart updates in a row must not abort the process (issue 7: 1M rows "stays usable").

PySide6 6.12.0 lost references when pyqtgraph emitted its range and title
signals; after a few hundred edits the interpreter aborted ("deallocating
None"). The updates run in a child process so an abort fails this test
instead of killing the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import SetCell, apply
from corridor_app.ui.charts.contributions import ContributionsChart, SharesChart
wb = load_workbook("data/north_south_itc.xlsx")
charts = [ContributionsChart(wb, "North-South ITC"), SharesChart(wb, "North-South ITC")]
for chart in charts:
    chart.show()
for i in range(1500):
    apply(wb, SetCell("contributions", i % 4, "amount", 1.0 + (i * 7919) % 400 / 10))
    if i % 50 == 0:
        app.processEvents()
print("survived")
"""


def test_many_edits_in_a_row_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout


def test_a_crowded_chart_writes_values_compactly() -> None:
    # issue 7: with a registry's sixteen countries the value labels ran into each other (seen in a render).
    from corridor_app.ui.charts.contributions import short_number

    assert [short_number(13061.03), short_number(4001.92, "+"), short_number(12.87), short_number(2.5e9)] == [
        "13.1k",
        "+4k",
        "12.9",
        "2.5G",
    ]
