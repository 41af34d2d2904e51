"""The analyst's first minutes, driven by keys as a user would (issue 14, item 8).

The real window on a copy of the bundled workbook: type an amount, type a refused value,
save with Ctrl+S and read the file back, undo, paste one value into one cell, save again,
and check the file, the totals and the chart's bars at each step.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from corridor_app.io.loading.loader import load_workbook
from corridor_app.session import OpenFile, Session, policy_for
from corridor_app.ui.main_window import MainWindow

DATASET = Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx"
CTRL = Qt.KeyboardModifier.ControlModifier
ORIGINAL = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}


def _amounts_in(path: Path) -> dict[str, float]:
    table = load_workbook(path).table("contributions")
    return {table.value(r, "country"): table.value(r, "amount") for r in range(len(table))}


def _bars(window: MainWindow) -> dict[str, float]:
    return dict(zip(window.workspace.chart.series.labels, window.workspace.chart.series.values, strict=True))


def _go_to(window: MainWindow, qtbot, country: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F, type the country, Enter, then Right to its amount: the current cell, by keys only."""
    panel = window.workspace.panels["contributions"]
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is panel.filter_box
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.filter_box, country)
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Return)
    view = panel.view
    assert QApplication.focusWidget() is view
    for _ in range(window.workbook.table("contributions").keys.index("amount")):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    index = view.currentIndex()
    assert panel.proxy.index(index.row(), 1).data() == country


def _type_into_current_cell(window: MainWindow, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    view = window.workspace.panels["contributions"].view
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # Enter commits on the next event-loop turn


@pytest.fixture
def analyst(qtbot, settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "north_south_itc.xlsx"
    shutil.copyfile(DATASET, path)
    window = MainWindow(
        Session(load_workbook(path), OpenFile(str(path), policy_for(str(path)))), load_workbook, settings
    )
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window, path


def test_the_analysts_first_minutes(analyst, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, path = analyst
    view = window.workspace.panels["contributions"].view

    # Type an amount with a decimal comma.
    _go_to(window, qtbot, "Kazakhstan")
    _type_into_current_cell(window, qtbot, "7,5")
    assert _bars(window)["Kazakhstan"] == 7.5
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(13.2 + 12.87 + 7.5 + 6.7)
    assert window.windowTitle().startswith(f"{path.name} *")

    # A refused value: the cell keeps its value and the status bar says why.
    _type_into_current_cell(window, qtbot, "seven")
    assert _bars(window)["Kazakhstan"] == 7.5
    assert "Amount" in window.statusBar().currentMessage()
    assert len(window.session.history) == 1

    # Ctrl+S saves in place; the file holds the edit.
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL)
    assert window.session.history.is_clean
    assert _amounts_in(path) == {**ORIGINAL, "Kazakhstan": 7.5}

    # Undo: the table, the chart and the totals go back; the window is dirty again.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert _bars(window)["Kazakhstan"] == 6.32
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09)
    assert not window.session.history.is_clean

    # Paste one value into one cell: only that cell changes (issue 14: it used to fill every row below).
    _go_to(window, qtbot, "Iran")
    QGuiApplication.clipboard().setText("9\n")
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert _bars(window) == {**ORIGINAL, "Iran": 9.0}
    assert window.undo_action.text() == "&Undo Paste 1 cell"

    # Save again: the file has the undo and the paste, and nothing else.
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL)
    assert window.session.history.is_clean
    assert _amounts_in(path) == {**ORIGINAL, "Iran": 9.0}
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(13.2 + 9.0 + 6.32 + 6.7)
    heights = dict(zip(window.workspace.chart.series.labels, window.workspace.chart.bars.opts["height"], strict=True))
    assert heights == {**ORIGINAL, "Iran": 9.0}  # the drawn bars, not only the series
