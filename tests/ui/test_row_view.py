"""The table view's rows: numpy sort and filter behind the QSortFilterProxyModel calls (issues 3 and 7)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from corridor_app.model.edits import SetCell
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook
from corridor_app.ui import row_view
from corridor_app.ui.row_view import RowView
from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.table_panel import TablePanel


def _big_book(n: int) -> Workbook:
    book = Workbook()
    names = ["Iran", "Russia", "Kazakhstan", "India"]
    records = [{"country": names[i % 4], "amount": float((i * 7919) % 1000), "unit": "USD bn"} for i in range(n)]
    book.table("contributions").append_many(records, [Origin("C", i + 2) for i in range(n)])
    return book


def _countries(view: RowView) -> list[str]:
    col = view.sourceModel().workbook.table("contributions").keys.index("country")
    return [view.index(r, col).data() for r in range(view.rowCount())]


def test_selection_and_current_cell_follow_their_rows_through_a_sort(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    panel = TablePanel(model, lambda edit: None, lambda table: {})
    qtbot.addWidget(panel)
    table = workbook.table("contributions")
    russia = next(r for r in range(len(table)) if table.value(r, "country") == "Russia")
    panel.select_source_rows((russia,))
    panel.view.sortByColumn(table.keys.index("amount"), Qt.SortOrder.DescendingOrder)
    assert panel.selected_source_rows() == (russia,)
    assert panel.source_row(panel.view.currentIndex().row()) == russia
    assert panel.proxy.headerData(0, Qt.Orientation.Vertical) == russia + 1  # the table's own row number


def test_an_edit_keeps_its_place_and_repaints_where_it_is_shown(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    applied: list[SetCell] = []

    def submit(edit):  # type: ignore[no-untyped-def]
        from corridor_app.model.edits import apply

        applied.append(edit)
        apply(workbook, edit)

    model = WorkbookTableModel(workbook, "contributions", submit)
    view = RowView(model)
    amount = workbook.table("contributions").keys.index("amount")
    view.sort(amount, Qt.SortOrder.AscendingOrder)
    before = _countries(view)
    with qtbot.waitSignal(view.dataChanged) as changed:
        assert view.setData(view.index(0, amount), "99")
    assert changed.args[0].row() == 0 and _countries(view) == before  # still first, though now the largest
    view.sort(amount, Qt.SortOrder.AscendingOrder)
    assert _countries(view)[-1] == before[0]


def test_a_large_table_filters_once_typing_stops(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(row_view, "DEBOUNCE_ROWS", 1000)
    book = _big_book(4000)
    view = RowView(WorkbookTableModel(book, "contributions", lambda edit: None))
    for text in ("k", "ka", "kaz"):
        view.setFilterFixedString(text)
    assert view.rowCount() == 4000  # nothing yet: the keys came faster than the pause
    with qtbot.waitSignal(view.layoutChanged, timeout=2000):
        pass
    assert view.filter_text() == "kaz" and set(_countries(view)) == {"Kazakhstan"} and view.rowCount() == 1000
    view.setFilterFixedString("")  # clearing is at once
    assert view.rowCount() == 4000


def test_inserted_and_deleted_rows_are_placed_by_the_current_sort_and_filter(workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    from corridor_app.model.edits import DeleteRows, InsertRows, apply

    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    view = RowView(model)
    view.sort(workbook.table("contributions").keys.index("country"), Qt.SortOrder.AscendingOrder)
    shown = _countries(view)
    assert shown == sorted(shown, key=str.casefold)
    apply(workbook, InsertRows("contributions", (0,), ((("country", "India"), ("amount", 1.0)),)))
    assert _countries(view) == sorted([*shown, "India"], key=str.casefold)
    view.setFilterFixedString("INDIA")
    assert _countries(view) == ["India"]
    apply(workbook, DeleteRows("contributions", (0,)))
    assert _countries(view) == []
    selection = QItemSelectionModel(view)
    assert selection.model() is view
