"""The table panel opens without work proportional to the table (issue 7: never blocked for more than 50 ms)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from corridor_app.ui.table_model import SORT_ROLE, WorkbookTableModel
from corridor_app.ui.table_panel import FIT_SAMPLE_ROWS, TablePanel


class CountingModel(WorkbookTableModel):
    """Counts the rows whose sort key the view asked for."""

    sort_rows: set[int]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == SORT_ROLE:
            self.sort_rows.add(index.row())
        return super().data(index, role)


def test_a_new_panel_is_unsorted_and_sorts_nothing(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    # issue 7: enabling sorting used to sort by column 0 first: 3 s of data() calls at 100k rows.
    model = CountingModel(workbook, "contributions", lambda edit: None)
    model.sort_rows = set()
    panel = TablePanel(model, lambda edit: None, lambda table: {})
    qtbot.addWidget(panel)
    assert model.sort_rows == set()
    assert panel.view.isSortingEnabled() and panel.view.horizontalHeader().sortIndicatorSection() == -1
    assert [panel.source_row(r) for r in range(panel.proxy.rowCount())] == list(range(model.rowCount()))
    panel.view.sortByColumn(model.workbook.table("contributions").keys.index("amount"), Qt.SortOrder.AscendingOrder)
    assert len(model.sort_rows) == model.rowCount()  # a click on a header still sorts


def test_columns_are_fitted_from_a_bounded_sample(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    panel = TablePanel(model, lambda edit: None, lambda table: {}, fit_columns=False)
    qtbot.addWidget(panel)
    assert panel.view.horizontalHeader().resizeContentsPrecision() == FIT_SAMPLE_ROWS
    steps = list(panel.fit_column_steps())
    assert len(steps) == model.columnCount()
    assert all(60 <= panel.view.columnWidth(c) <= 260 for c in range(model.columnCount() - 1))
