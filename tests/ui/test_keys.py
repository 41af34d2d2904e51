"""Shortcuts wherever the focus is (issue 14): Ctrl+E did nothing from the filter box.

The window's keys (open, save, export, undo/redo of the workbook) reach the window from
a focused text field; the field keeps its clipboard and word keys, and its own undo while
it has typing to undo.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from corridor_app.ui.keys import install_app_keys

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def active(window, qtbot):  # type: ignore[no-untyped-def]
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _record(action) -> list[bool]:  # type: ignore[no-untyped-def]
    """Replace what ``action`` does by a note that it was triggered (no dialog opens in a test)."""
    action.triggered.disconnect()
    fired: list[bool] = []
    action.triggered.connect(lambda *_: fired.append(True))
    return fired


def _filter_box(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    box = window.workspace.panels["contributions"].filter_box
    assert QApplication.focusWidget() is box
    return box


class ClaimsEmacsKeys(QObject):
    """What a line edit does on X11 desktops: claims Ctrl+E (end of line) before the shortcuts see it.

    The offscreen platform has no such binding, so the test puts it back; installed after the panel's
    filter, it runs first and leaves the event to the filters and the field.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        ctrl_e = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_E and event.modifiers() == CTRL
        if event.type() == QEvent.Type.ShortcutOverride and ctrl_e:
            event.accept()
        return False


def test_ctrl_e_exports_from_the_filter_box(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    fired = _record(active.export_action)
    box = _filter_box(active, qtbot)
    claims = ClaimsEmacsKeys(box)
    box.installEventFilter(claims)
    qtbot.keyClicks(box, "ira")
    qtbot.keyClick(box, Qt.Key.Key_E, CTRL)
    assert fired == [True]
    assert box.text() == "ira"


@pytest.mark.parametrize("name", ["open_action", "save_action", "save_as_action"])
def test_file_keys_work_from_the_filter_box(active, qtbot, name) -> None:  # type: ignore[no-untyped-def]
    action = getattr(active, name)
    fired = _record(action)
    box = _filter_box(active, qtbot)
    combo = action.shortcut()[0]
    qtbot.keyClick(box, combo.key(), combo.keyboardModifiers())
    assert fired


def test_the_filter_box_keeps_its_own_undo_then_undo_goes_to_the_workbook(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = active.workspace.panels["contributions"]
    amount = active.workbook.table("contributions").keys.index("amount")
    assert panel.proxy.setData(panel.proxy.index(1, amount), "10")
    box = _filter_box(active, qtbot)
    qtbot.keyClicks(box, "xyz")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.text() == ""  # the typing is undone, the workbook is not
    assert active.workbook.table("contributions").value(1, "amount") == 10.0
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)  # nothing left to undo in the box: the workbook's undo
    assert active.workbook.table("contributions").value(1, "amount") == 12.87
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)  # redo goes the same way: the box's typing first
    assert box.text() == "xyz" and active.workbook.table("contributions").value(1, "amount") == 12.87
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)
    assert active.workbook.table("contributions").value(1, "amount") == 10.0


def test_the_filter_box_keeps_its_clipboard_and_select_all(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    fired = _record(active.copy_action)
    box = _filter_box(active, qtbot)
    qtbot.keyClicks(box, "Iran")
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(box, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "Iran"
    assert fired == []  # the table's Copy did not run


def test_installed_on_the_application_any_text_field_lets_the_window_keys_through(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    keys = install_app_keys(QApplication.instance())
    try:
        fired = _record(active.export_action)
        spin = active.workspace.chart_tabs.pacing_panel.start
        active.workspace.chart_tabs.setCurrentWidget(active.workspace.chart_tabs.pacing_panel)
        spin.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() in (spin, spin.lineEdit()), timeout=2000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
        assert fired == [True]
    finally:
        QApplication.instance().removeEventFilter(keys)


def test_the_keys_a_text_field_keeps() -> None:
    from corridor_app.ui.keys import goes_to_window

    field = QLineEdit()

    def key(sequence: str) -> bool:
        combo = QKeySequence(sequence)[0]
        event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
        return goes_to_window(event, field)

    assert [key(k) for k in ("Ctrl+E", "Ctrl+S", "Ctrl+O", "Ctrl+Shift+S", "Ctrl+-", "Ctrl+Z")] == [True] * 6
    assert [key(k) for k in ("Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+A", "Ctrl+Left", "Ctrl+Backspace", "E")] == [False] * 7


def test_ctrl_s_while_typing_in_a_cell_saves_what_is_typed(qtbot, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """As in a spreadsheet: the cell is committed, then the file is saved with it."""
    import shutil
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from corridor_app.io.loading.loader import load_workbook
    from corridor_app.session import OpenFile, Session, policy_for
    from corridor_app.ui.main_window import MainWindow

    path = tmp_path / "k.xlsx"
    shutil.copy(Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx", path)
    session = Session(load_workbook(path), OpenFile(str(path), policy_for(str(path))))
    window = MainWindow(session, load_workbook, settings)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    panel = window.workspace.panels["contributions"]
    amount = window.workbook.table("contributions").keys.index("amount")
    panel.view.setCurrentIndex(panel.proxy.index(2, amount))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "8")
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert window.workbook.table("contributions").value(2, "amount") == 8.0
    assert window.session.history.is_clean
    assert load_workbook(path).table("contributions").value(2, "amount") == 8.0
