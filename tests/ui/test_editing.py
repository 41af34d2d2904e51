"""Editing like in a spreadsheet (issue 3): sort and filter, clipboard, rows, undo, change log.

Every test drives the real window over the bundled workbook and checks both
directions: what the user does in the view reaches the model and the charts,
and what changes in the model reaches the view.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from corridor_app.model.edits import SetCell, apply


def _row_of(workbook, country: str) -> int:  # type: ignore[no-untyped-def]
    table = workbook.table("contributions")
    return next(r for r in range(len(table)) if table.value(r, "country") == country)


def _heights(window) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return dict(zip(window.workspace.chart.series.labels, window.workspace.chart.series.values, strict=True))


def _col(window, key: str) -> int:  # type: ignore[no-untyped-def]
    return window.workbook.table("contributions").keys.index(key)


def test_paste_of_a_tsv_block_with_decimal_commas_is_one_undo_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 3: a pasted range from Excel (decimal commas, NBSP groups) lands as numbers, undone at once."""
    panel = window.workspace.panels["contributions"]
    wb = window.workbook
    start = panel.proxy.mapFromSource(panel.model.index(0, _col(window, "amount")))
    panel.view.setCurrentIndex(start)
    QGuiApplication.clipboard().setText("14,5\n13,1\n1\u00a0006,3\n")
    before_log = len(wb.change_log)
    window.paste_action.trigger()
    amounts = [wb.table("contributions").value(r, "amount") for r in range(3)]
    assert amounts == [14.5, 13.1, 1006.3]
    assert len(window.session.history) == 1
    assert len(wb.change_log) == before_log + 3
    assert _heights(window)["Russia"] == pytest.approx(14.5)
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(14.5 + 13.1 + 1006.3 + 6.7)
    window.undo_action.trigger()
    assert [wb.table("contributions").value(r, "amount") for r in range(3)] == [13.2, 12.87, 6.32]
    assert _heights(window)["Iran"] == pytest.approx(12.87)
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09)


def test_a_paste_with_a_bad_value_is_refused_whole_naming_the_first_bad_cell(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    wb = window.workbook
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(0, _col(window, "amount"))))
    QGuiApplication.clipboard().setText("1,5\nabc\n2\n")
    window.paste_action.trigger()
    assert [wb.table("contributions").value(r, "amount") for r in range(3)] == [13.2, 12.87, 6.32]
    assert len(window.session.history) == 0
    message = window.statusBar().currentMessage()
    assert "row 2" in message and "Amount" in message and "nothing was changed" in message


def test_a_paste_that_does_not_fit_is_refused(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(3, _col(window, "amount"))))
    QGuiApplication.clipboard().setText("1\n2\n")
    window.paste_action.trigger()
    assert len(window.session.history) == 0
    assert "row remains" in window.statusBar().currentMessage()


def test_copy_gives_tsv_with_headers_on_demand(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    selection = panel.view.selectionModel()
    for key in ("country", "amount"):
        index = panel.proxy.mapFromSource(panel.model.index(1, _col(window, key)))
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "Iran\t12.87\n"
    window.copy_headers_action.trigger()
    assert QGuiApplication.clipboard().text() == "Country\tAmount\nIran\t12.87\n"


def test_an_edit_on_a_sorted_and_filtered_view_lands_on_the_right_record(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 3: sort by amount, filter to two rows, edit the first visible one: the model row is the right one."""
    panel = window.workspace.panels["contributions"]
    wb = window.workbook
    panel.view.sortByColumn(_col(window, "amount"), Qt.SortOrder.AscendingOrder)
    shown = [panel.proxy.index(r, _col(window, "country")).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["Kazakhstan", "all other states", "Iran", "Russia"]
    qtbot.keyClicks(panel.filter_box, "ira")  # case-insensitive, over every column
    shown = [panel.proxy.index(r, _col(window, "country")).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["Iran"]
    index = panel.proxy.index(0, _col(window, "amount"))
    assert panel.proxy.setData(index, "5")
    assert wb.table("contributions").value(_row_of(wb, "Iran"), "amount") == 5.0
    assert wb.table("contributions").value(_row_of(wb, "Russia"), "amount") == 13.2
    assert _heights(window)["Iran"] == 5.0
    panel.filter_box.clear()
    # The sort follows the new value: Iran is now first.
    shown = [panel.proxy.index(r, _col(window, "country")).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["Iran", "Kazakhstan", "all other states", "Russia"]


def test_insert_and_delete_rows_are_undoable(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    table = window.workbook.table("contributions")
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(1, 0)))
    window.insert_action.trigger()
    assert len(table) == 5
    assert table.value(2, "corridor") == "North-South ITC" and table.value(2, "unit") == "USD bn"
    assert window.undo_action.text() == "&Undo insert 1 row in Contributions"
    window.undo_action.trigger()
    assert len(table) == 4
    panel.select_source_rows((0, 2))
    window.delete_rows_action.trigger()
    assert [table.value(r, "country") for r in range(len(table))] == ["Iran", "all other states"]
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(12.87 + 6.7)
    window.undo_action.trigger()
    assert [table.value(r, "country") for r in range(len(table))] == [
        "Russia",
        "Iran",
        "Kazakhstan",
        "all other states",
    ]
    assert table.where(2) == ("Contributions", 4)  # the restored row keeps where it came from


def test_clearing_a_required_cell_is_refused(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    panel.view.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(0, _col(window, "amount"))))
    window.clear_action.trigger()
    assert window.workbook.table("contributions").value(0, "amount") == 13.2
    assert "required" in window.statusBar().currentMessage()


def test_selected_rows_brush_their_bars_and_a_clicked_bar_selects_its_row(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 3: linked brushing both ways."""
    panel = window.workspace.panels["contributions"]
    chart = window.workspace.chart
    panel.select_source_rows((_row_of(window.workbook, "Kazakhstan"),))
    assert [chart.series.labels[i] for i in chart.highlighted] == ["Kazakhstan"]
    brushes = chart.bars.opts["brushes"]
    assert brushes[chart.series.labels.index("Kazakhstan")].color().name() == "#f39c12"
    assert brushes[chart.series.labels.index("Russia")].color().name() == "#3b6ea8"
    # Click the middle of Iran's bar in the chart: its row becomes the selection.
    window.workspace.chart_tabs.setCurrentWidget(chart)
    qtbot.waitExposed(chart)
    i = chart.series.labels.index("Iran")
    view_box = chart.getPlotItem().getViewBox()
    scene_point = view_box.mapViewToScene(pg_point(i, chart.series.values[i] / 2))
    widget_point = chart.mapFromScene(scene_point)
    with qtbot.waitSignal(chart.sig_bar_clicked, timeout=2000) as clicked:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert clicked.args[0] == (_row_of(window.workbook, "Iran"),)
    assert panel.selected_source_rows() == (_row_of(window.workbook, "Iran"),)
    # Hovering the bar names country, amount, share and source.
    text = chart.bar_text(i)
    assert "Iran" in text and "12.87 USD bn" in text and "32.9 % of the sum of parts" in text
    assert "Source: EADB" in text


def pg_point(x: float, y: float):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_model_changes_reach_every_chart(window) -> None:  # type: ignore[no-untyped-def]
    """A chart on screen follows at once; one in a tab behind follows when its tab is shown."""
    wb = window.workbook
    shares_chart = window.workspace.chart_tabs.shares_chart
    before = dict(shares_chart.shares)
    apply(wb, SetCell("contributions", _row_of(wb, "Kazakhstan"), "amount", 20.0))
    assert window.workspace.chart.series.labels[0] == "Kazakhstan"
    assert shares_chart.shares == before  # not drawn while hidden: an edit pays only for what is shown
    window.workspace.chart_tabs.setCurrentWidget(shares_chart)
    assert shares_chart.shares["Kazakhstan"] == pytest.approx(20 / (13.2 + 12.87 + 20 + 6.7) * 100)


def test_change_log_records_each_edit_and_undo(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    wb = window.workbook
    assert panel.proxy.setData(panel.proxy.mapFromSource(panel.model.index(1, _col(window, "amount"))), "10")
    window.undo_action.trigger()
    actions = [(e.action, e.record, e.column, e.old, e.new) for e in wb.change_log]
    assert actions == [("edit", "Iran", "Amount", 12.87, 10.0), ("undo", "Iran", "Amount", 10.0, 12.87)]
    assert window.workspace.log_model.rowCount() == 2
    assert window.workspace.log_model.index(0, 1).data() == "undo"  # newest first


def test_source_tooltips_and_missing_sources_are_marked(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.workspace.panels["contributions"]
    wb = window.workbook
    index = panel.model.index(0, _col(window, "amount"))
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Source: EADB")
    source = panel.model.index(0, _col(window, "source"))
    assert panel.model.setData(source, "")
    assert wb.table("contributions").value(0, "source") is None
    assert source.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("No source given")
