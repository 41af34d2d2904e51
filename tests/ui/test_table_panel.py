"""The table panel opens without work proportional to the table (issue 7: never blocked for more than 50 ms)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.table_panel import FIT_SAMPLE_ROWS, TablePanel


class CountingModel(WorkbookTableModel):
    """Counts the cells the view's model asked for."""

    asked: int = 0

    def cell_data(self, row, column, role):  # type: ignore[no-untyped-def]
        self.asked += 1
        return super().cell_data(row, column, role)


def test_a_new_panel_is_unsorted_and_a_sort_asks_for_no_cells(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    # issue 7: Qt's proxy sorted through two data() calls a comparison: 16 s at 100k rows.
    model = CountingModel(workbook, "contributions", lambda edit: None)
    panel = TablePanel(model, lambda edit: None, lambda table: {})
    qtbot.addWidget(panel)
    assert panel.view.isSortingEnabled() and panel.view.horizontalHeader().sortIndicatorSection() == -1
    assert [panel.source_row(r) for r in range(panel.proxy.rowCount())] == list(range(model.rowCount()))
    amount = model.workbook.table("contributions").keys.index("amount")
    model.asked = 0
    panel.view.sortByColumn(amount, Qt.SortOrder.AscendingOrder)
    shown = [panel.proxy.index(r, amount).data(Qt.ItemDataRole.EditRole) for r in range(panel.proxy.rowCount())]
    assert [float(v) for v in shown] == sorted(float(v) for v in shown)
    assert model.asked == len(shown)  # only the cells read back above: the sort itself read none


def test_columns_are_fitted_from_a_bounded_sample(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    panel = TablePanel(model, lambda edit: None, lambda table: {}, fit_columns=False)
    qtbot.addWidget(panel)
    assert panel.view.horizontalHeader().resizeContentsPrecision() == FIT_SAMPLE_ROWS
    steps = list(panel.fit_column_steps())
    assert len(steps) == model.columnCount()
    shown = [c for c in range(model.columnCount() - 1) if not panel.view.isColumnHidden(c)]
    assert len(shown) >= 5 and all(60 <= panel.view.columnWidth(c) <= 260 for c in shown)


def test_range_columns_take_no_room_until_a_range_is_stated(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 14 with issue 18: at 1366 px Low/High/Approximate, empty in every row, are hidden; typing a
    range in an amount shows them, undo hides them again, and the header's menu shows them on demand."""
    panel = window.workspace.panels["contributions"]
    keys = window.workbook.table("contributions").keys
    low, high = keys.index("low"), keys.index("high")
    assert panel.view.isColumnHidden(low) and panel.view.isColumnHidden(high)
    model = panel.model
    iran = next(
        r for r in range(model.rowCount()) if window.workbook.table("contributions").value(r, "country") == "Iran"
    )
    assert model.setData(model.index(iran, keys.index("amount")), "12–14")
    assert not panel.view.isColumnHidden(low) and not panel.view.isColumnHidden(high)
    window.undo_action.trigger()
    assert panel.view.isColumnHidden(low)
    panel._show_ranges.setChecked(True)
    assert not panel.view.isColumnHidden(low)
