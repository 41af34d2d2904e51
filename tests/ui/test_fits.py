"""Every page fits (issue 14): at a laptop's 1366x768, a large 1920x1080 and a device-pixel ratio of 2.

The analyst found the Scenarios waterfall 449 px wide in a 394 px view, the tornado 728 px in 393 px and
the pacing chart 601 px in 488 px, and the scenario comparison showing only its Baseline column.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.layout_check import walk_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_tab_page_fits_its_place(window, size) -> None:  # type: ignore[no-untyped-def]
    window.resize(*size)
    QApplication.processEvents()
    assert walk_pages(window) == {}


def test_the_scenario_comparison_shows_every_scenario_side_by_side_at_1366(window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.workspace.tabs.setCurrentWidget(window.workspace.scenario_panel)
    QApplication.processEvents()
    view = window.workspace.scenario_panel.totals_view
    model = view.model()
    assert model.columnCount() == 4  # the baseline and three scenarios
    assert not view.horizontalScrollBar().isVisible()
    for column in range(model.columnCount()):
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert view.columnViewportPosition(column) >= 0 and right <= view.viewport().width()


def test_a_long_title_is_cut_to_its_view_and_kept_whole_in_the_tooltip(window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    charts = window.workspace.chart_tabs.scenario_charts
    window.workspace.chart_tabs.setCurrentWidget(charts)
    QApplication.processEvents()
    label = charts.tornado_plot.getPlotItem().titleLabel
    assert label.text.endswith("…")
    assert label.toolTip() == charts.tornado_fit.title and "Iran's share halved under sanctions" in label.toolTip()


SCRIPT = """
import os, shutil, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from corridor_app.io.loading.loader import load_workbook
from corridor_app.session import OpenFile, Session, policy_for
from corridor_app.ui.main_window import MainWindow
from tests.ui.layout_check import walk_pages
tmp = tempfile.mkdtemp()
settings = QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat)
path = os.path.join(tmp, "w.xlsx")
shutil.copyfile("data/north_south_itc.xlsx", path)
window = MainWindow(Session(load_workbook(path), OpenFile(path, policy_for(path))), load_workbook, settings)
window.resize(1366, 768)
window.show()
app.processEvents()
assert window.devicePixelRatio() == 2, window.devicePixelRatio()
problems = walk_pages(window)
print(problems)
window.session.history.mark_clean()
sys.exit(1 if problems else 0)
"""


def test_every_tab_page_fits_at_a_device_pixel_ratio_of_2() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
