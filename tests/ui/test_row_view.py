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


def _small_pieces(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Tables of 1000 rows or more search in pieces of 500 rows (a column of 4000 rows: eight turns)."""
    from corridor_app.model import ordering

    monkeypatch.setattr(row_view, "DEBOUNCE_ROWS", 1000)
    monkeypatch.setattr(
        row_view, "filter_steps", lambda table, needle, shown: ordering.filter_steps(table, needle, shown, 500)
    )


def test_a_large_table_is_searched_a_piece_per_turn_and_shown_once_done(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 7
    from PySide6.QtCore import QTimer

    _small_pieces(monkeypatch)
    view = RowView(WorkbookTableModel(_big_book(4000), "contributions", lambda edit: None))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(view.rowCount()))
    timer.start(0)
    view.setFilterFixedString("ira")
    qtbot.waitUntil(lambda: view.filtering, timeout=2000)  # the typing paused: the search runs
    assert view.rowCount() == 4000  # nothing shown changes until the search is done
    view.setFilterFixedString("iran")  # typing again stops that search at once
    assert not view.filtering
    with qtbot.waitSignal(view.layoutChanged, timeout=5000):
        pass
    timer.stop()
    assert view.filter_text() == "iran" and set(_countries(view)) == {"Iran"} and view.rowCount() == 1000
    assert ticks.count(4000) >= 3  # the loop ran between the pieces, with the rows still all shown
    assert not view.filtering


def test_flush_finishes_a_search_under_way(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _small_pieces(monkeypatch)
    view = RowView(WorkbookTableModel(_big_book(4000), "contributions", lambda edit: None))
    view.setFilterFixedString("russia")
    view.flush()  # Enter: no pause, no steps
    assert not view.filtering and view.rowCount() == 1000 and set(_countries(view)) == {"Russia"}
    view.setFilterFixedString("india")
    qtbot.waitUntil(lambda: view.filtering, timeout=2000)
    view.flush()  # Enter during the search: done now
    assert not view.filtering and view.rowCount() == 1000 and set(_countries(view)) == {"India"}


def test_a_table_changed_during_a_search_is_searched_again(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from corridor_app.model.edits import SetCell, apply

    _small_pieces(monkeypatch)
    book = _big_book(4000)
    view = RowView(WorkbookTableModel(book, "contributions", lambda edit: None))
    view.setFilterFixedString("india")
    qtbot.waitUntil(lambda: view.filtering, timeout=2000)
    apply(book, SetCell("contributions", 0, "country", "India"))  # row 0 was Iran
    with qtbot.waitSignal(view.layoutChanged, timeout=5000):
        pass
    assert view.rowCount() == 1001 and view.mapToSource(view.index(0, 0)).row() == 0


def test_the_panel_says_a_large_table_is_being_searched_and_what_was_found(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _small_pieces(monkeypatch)
    model = WorkbookTableModel(_big_book(4000), "contributions", lambda edit: None)
    panel = TablePanel(model, lambda edit: None, lambda table: {})
    qtbot.addWidget(panel)
    said: list[str] = []
    panel.sig_message.connect(said.append)
    panel.filter_box.setText("kaz")
    qtbot.waitUntil(lambda: len(said) >= 2, timeout=5000)
    assert said == ["Searching 4,000 rows for “kaz”…", "1,000 rows match “kaz”"]
    assert panel.proxy.rowCount() == 1000
