"""Paste like a spreadsheet (issue 14), driven through the real window with Ctrl+V.

The analyst's bug: one value pasted on Kazakhstan's amount overwrote every amount below it.
A block now covers as many cells as it has from the current cell, a single value fills the
selected cells and only those, and a block that does not fit is refused whole, naming why;
each paste is one undo step named after what it wrote. Sorted and filtered views paste onto
the rows they show.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

ORIGINAL = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}


@pytest.fixture
def active(window, qtbot):  # type: ignore[no-untyped-def]
    """The window active, so its shortcuts (Ctrl+V, Ctrl+Z) reach it from the table."""
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _amounts(window) -> dict[str, float]:  # type: ignore[no-untyped-def]
    table = window.workbook.table("contributions")
    return {table.value(r, "country"): table.value(r, "amount") for r in range(len(table))}


def _col(window, key: str) -> int:  # type: ignore[no-untyped-def]
    return window.workbook.table("contributions").keys.index(key)


def _view_index(window, country: str, key: str = "amount"):  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    for r in range(panel.proxy.rowCount()):
        if panel.proxy.index(r, _col(window, "country")).data() == country:
            return panel.proxy.index(r, _col(window, key))
    raise AssertionError(f"{country} is not shown")


def _select(window, *countries: str) -> None:  # type: ignore[no-untyped-def]
    """Click the first country's amount, Ctrl+click the others (the first stays the current cell)."""
    selection = window.workspace.panels["contributions"].view.selectionModel()
    selection.setCurrentIndex(_view_index(window, countries[0]), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    for country in countries[1:]:
        selection.select(_view_index(window, country), QItemSelectionModel.SelectionFlag.Select)


def _paste(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    view = window.workspace.panels["contributions"].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    return [panel.proxy.index(r, _col(window, "country")).data() for r in range(panel.proxy.rowCount())]


def test_one_value_on_one_cell_changes_that_cell_only(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    _select(active, "Kazakhstan")
    _paste(active, qtbot, "13,2")
    assert _amounts(active) == {**ORIGINAL, "Kazakhstan": 13.2}
    assert len(active.session.history) == 1
    assert active.undo_action.text() == "&Undo Paste 1 cell"
    qtbot.keyClick(active.workspace.panels["contributions"].view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _amounts(active) == ORIGINAL


def test_one_value_fills_the_selected_cells_and_only_those(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    _select(active, "Russia", "Kazakhstan", "all other states")
    _paste(active, qtbot, "2\n")
    assert _amounts(active) == {"Russia": 2.0, "Iran": 12.87, "Kazakhstan": 2.0, "all other states": 2.0}
    assert active.undo_action.text() == "&Undo Paste 3 cells"
    active.undo_action.trigger()
    assert _amounts(active) == ORIGINAL


def test_a_block_covers_its_own_size_from_the_current_cell(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    _select(active, "Iran")
    _paste(active, qtbot, "1\t0,5\t1,5\n2\t1,8\t2,2\n")  # amount, low, high (issue 18's columns)
    assert _amounts(active) == {**ORIGINAL, "Iran": 1.0, "Kazakhstan": 2.0}
    table = active.workbook.table("contributions")
    assert [(table.value(r, "low"), table.value(r, "high")) for r in (1, 2)] == [(0.5, 1.5), (1.8, 2.2)]
    assert active.undo_action.text() == "&Undo Paste 6 cells"
    panel = active.workspace.panels["contributions"]
    assert len(panel.view.selectionModel().selectedIndexes()) == 6  # what was written is selected


def test_a_block_taller_than_the_rows_below_is_refused_whole(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    _select(active, "Kazakhstan")
    _paste(active, qtbot, "1\n2\n3\n")
    assert _amounts(active) == ORIGINAL
    assert len(active.session.history) == 0
    message = active.statusBar().currentMessage()
    assert "3 rows but only 2 rows remain" in message and "insert rows first" in message


def test_a_block_wider_than_the_columns_right_is_refused_whole(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = active.workspace.panels["contributions"]
    last = panel.proxy.columnCount() - 1
    panel.view.setCurrentIndex(panel.proxy.index(0, last))
    before = [panel.proxy.index(0, last).data()]
    _paste(active, qtbot, "x\ty\n")
    assert [panel.proxy.index(0, last).data()] == before
    assert "2 columns wide but only 1 columns remain" in active.statusBar().currentMessage()


def test_a_block_repeats_over_a_selection_that_is_a_multiple_of_it(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    _select(active, "Russia", "Iran", "Kazakhstan", "all other states")
    _paste(active, qtbot, "1\n2\n")
    assert list(_amounts(active).values()) == [1.0, 2.0, 1.0, 2.0]
    assert len(active.session.history) == 1


def test_on_a_sorted_view_a_block_lands_on_the_rows_shown(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = active.workspace.panels["contributions"]
    panel.view.sortByColumn(_col(active, "amount"), Qt.SortOrder.AscendingOrder)
    assert _shown(active) == ["Kazakhstan", "all other states", "Iran", "Russia"]
    _select(active, "all other states")
    _paste(active, qtbot, "7\n8\n")
    assert _amounts(active) == {**ORIGINAL, "all other states": 7.0, "Iran": 8.0}
    _select(active, "Kazakhstan")
    _paste(active, qtbot, "5")
    assert _amounts(active)["Kazakhstan"] == 5.0 and _amounts(active)["all other states"] == 7.0
    assert len(active.session.history) == 2


def test_on_a_filtered_view_paste_skips_the_hidden_rows(active, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = active.workspace.panels["contributions"]
    qtbot.keyClicks(panel.filter_box, "st")  # Iran's row holds no "st"
    panel.proxy.flush()
    assert _shown(active) == ["Russia", "Kazakhstan", "all other states"]
    _select(active, "Russia")
    _paste(active, qtbot, "1\n2\n")
    assert _amounts(active) == {**ORIGINAL, "Russia": 1.0, "Kazakhstan": 2.0}
    # A one-value fill over the visible column leaves the hidden rows alone.
    _select(active, "Russia", "Kazakhstan", "all other states")
    _paste(active, qtbot, "9")
    assert _amounts(active) == {"Russia": 9.0, "Iran": 12.87, "Kazakhstan": 9.0, "all other states": 9.0}
    # A block taller than the rows shown is refused, even though the table has rows below.
    _select(active, "all other states")
    _paste(active, qtbot, "3\n4\n")
    assert _amounts(active)["all other states"] == 9.0
    assert "only 1 row remains" in active.statusBar().currentMessage()
