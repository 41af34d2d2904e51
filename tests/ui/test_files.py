"""Files like a desktop program (issue 3, item 9): Save in place, prompts, recent files, drop, layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from corridor_app.io.loading.loader import load_workbook
from corridor_app.session import OpenFile, Session, policy_for
from corridor_app.ui.main_window import MainWindow

DATASET = Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx"


def _workbook_with_an_unknown_sheet(path: Path) -> Path:
    """The bundled workbook plus a formatted sheet the app does not own."""
    shutil.copy(DATASET, path)
    book = openpyxl.load_workbook(path)
    ws = book.create_sheet("Analyst notes")
    ws["A1"] = "Checked against the EDB PDF"
    ws["A1"].font = Font(bold=True, color="FFC00000")
    ws["B3"] = 42
    ws.column_dimensions["A"].width = 47
    ws.merge_cells("A5:C5")
    ws["A5"] = "merged note"
    book.save(path)
    return path


def _open(qtbot, settings, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(
        Session(load_workbook(path), OpenFile(str(path), policy_for(str(path)))), load_workbook, settings
    )
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    return window


def test_save_in_place_keeps_an_unknown_sheet_and_its_formatting(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 3: Save then reopen keeps a sheet the app does not own intact."""
    path = _workbook_with_an_unknown_sheet(tmp_path / "corridor.xlsx")
    window = _open(qtbot, settings, path)
    model = window.workspace.table_models["contributions"]
    amount = window.workbook.table("contributions").keys.index("amount")
    assert model.setData(model.index(1, amount), "11,5")
    assert window.windowTitle().startswith("corridor.xlsx *")
    assert window.save()
    assert window.windowTitle().startswith("corridor.xlsx —")
    book = openpyxl.load_workbook(path)
    notes = book["Analyst notes"]
    assert notes["A1"].value == "Checked against the EDB PDF"
    assert notes["A1"].font.bold and notes["A1"].font.color.rgb == "FFC00000"
    assert notes["B3"].value == 42
    assert notes.column_dimensions["A"].width == 47
    assert "A5:C5" in {str(r) for r in notes.merged_cells.ranges}
    assert "Change log" in book.sheetnames
    reloaded = load_workbook(path)
    assert reloaded.table("contributions").value(1, "amount") == 11.5
    assert [e.new for e in reloaded.change_log] == [11.5]


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.xlsx"
    shutil.copy(DATASET, path)
    window = _open(qtbot, settings, path)
    asked: list[int] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(1)
        return QMessageBox.StandardButton.Cancel

    window.ask_unsaved = cancel  # type: ignore[method-assign]
    model = window.workspace.table_models["contributions"]
    assert model.setData(model.index(0, window.workbook.table("contributions").keys.index("amount")), "1")
    assert window.close() is False
    assert asked == [1] and window.isVisible()
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    assert window.close() is True


def test_recent_files_and_layout_are_remembered(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.xlsx"
    shutil.copy(DATASET, path)
    window = _open(qtbot, settings, path)
    assert window.open_path(str(path))
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["&1 c.xlsx"]
    qtbot.waitUntil(lambda: sum(window.workspace.splitter.sizes()) > 0)  # the new views are laid out after the open
    total = sum(window.workspace.splitter.sizes())
    window.workspace.splitter.setSizes([total // 4, total - total // 4])  # charts wider than tables: not the default
    assert window.close()
    assert settings.value("window/geometry") is not None
    again = _open(qtbot, settings, path)
    # The saved share (a quarter; the default gives the tables the larger share) is applied once the window
    # is shown, as far as the tables' minimum width allows.
    qtbot.waitUntil(lambda: again._tables_share is None, timeout=2000)
    left, right = again.workspace.splitter.sizes()
    smallest = again.workspace.tabs.minimumSizeHint().width()
    assert left <= max(smallest, (left + right) // 4) + 8  # the default (3:2) would give the tables more


def test_dropping_a_file_opens_it(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.csv"
    other.write_text("Country;Amount\nIran;1,5\nRussia;2\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.path == str(other), timeout=5000)
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(3.5)


def test_keyboard_only_edit_paste_undo_save(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 3, item 10: find, type, copy, paste, undo and save without the mouse."""
    path = tmp_path / "k.xlsx"
    shutil.copy(DATASET, path)
    window = _open(qtbot, settings, path)
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    panel = window.workspace.panels["contributions"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is panel.filter_box
    qtbot.keyClicks(panel.filter_box, "Iran")
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Return)  # to the first matching row
    view = panel.view
    assert QApplication.focusWidget() is view
    amount = window.workbook.table("contributions").keys.index("amount")
    for _ in range(amount):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, amount)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # F2 edits the current cell, as in Excel
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "7,25")
    assert panel.filter_box.text() == "Iran"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab commits and moves right, as in Excel
    assert window.workbook.table("contributions").value(1, "amount") == 7.25
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "7.25\n"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Return)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert panel.source_row(view.currentIndex().row()) == 3
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.workbook.table("contributions").value(3, "amount") == 7.25
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.workbook.table("contributions").value(3, "amount") == 6.7
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.session.history.is_clean
    assert load_workbook(path).table("contributions").value(1, "amount") == 7.25
