"""The first window proves the one-direction data flow (issue 2).

View -> model: an edit typed in the table reaches the model, the chart and the
reconciliation. Model -> view: an edit applied to the model reaches the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import SetCell, apply


def _row_of(workbook, country: str) -> int:  # type: ignore[no-untyped-def]
    table = workbook.table("contributions")
    return next(r for r in range(len(table)) if table.value(r, "country") == country)


def _bar_height(chart, label: str) -> float:  # type: ignore[no-untyped-def]
    return float(chart.series.values[chart.series.labels.index(label)])


def test_typing_an_amount_updates_model_chart_and_reconciliation(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 2: an edit through the table changes the bar heights and the reconciliation."""
    wb = window.workbook
    row = _row_of(wb, "Iran")
    view = window.workspace.table_views["contributions"]
    model = window.workspace.table_models["contributions"]
    col = wb.table("contributions").keys.index("amount")
    index = window.workspace.panels["contributions"].proxy.mapFromSource(model.index(row, col))
    assert _bar_height(window.workspace.chart, "Iran") == pytest.approx(12.87)
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09)

    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "10,5")
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    assert wb.table("contributions").value(row, "amount") == pytest.approx(10.5)
    assert _bar_height(window.workspace.chart, "Iran") == pytest.approx(10.5)
    heights = dict(zip(window.workspace.chart.series.labels, window.workspace.chart.bars.opts["height"], strict=True))
    assert heights["Iran"] == pytest.approx(10.5)
    rec = window.workspace.reconciliation.reconciliation
    assert rec.sum_of_parts == pytest.approx(36.72)
    assert rec.residual == pytest.approx(36.72 - 38.2)
    assert "36.72" in window.workspace.reconciliation.sum_label.text()
    assert window.windowTitle().startswith("north_south_itc.xlsx *")


def test_model_change_reaches_the_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 2: a change made in the model (not the view) shows in the table and chart."""
    wb = window.workbook
    row = _row_of(wb, "Russia")
    model = window.workspace.table_models["contributions"]
    col = wb.table("contributions").keys.index("amount")
    with qtbot.waitSignal(model.dataChanged, timeout=2000) as blocker:
        apply(wb, SetCell("contributions", row, "amount", 20.0))
    top_left = blocker.args[0]
    assert top_left.row() == row
    assert model.index(row, col).data() == "20"  # as given (issue 14)
    assert _bar_height(window.workspace.chart, "Russia") == pytest.approx(20.0)
    assert window.workspace.chart.series.labels[0] == "Russia"
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(45.89)


def test_refused_value_keeps_the_old_one_and_says_why(window) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbook
    row = _row_of(wb, "Kazakhstan")
    model = window.workspace.table_models["contributions"]
    col = wb.table("contributions").keys.index("amount")
    messages: list[str] = []
    model.sig_edit_refused.connect(messages.append)
    assert model.setData(model.index(row, col), "six point three") is False
    assert wb.table("contributions").value(row, "amount") == pytest.approx(6.32)
    assert messages and "Amount" in messages[0] and "old value is kept" in messages[0]
    assert len(window.session.history) == 0
    assert "old value is kept" in window.statusBar().currentMessage()


def test_undo_restores_value_chart_and_totals(window) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbook
    row = _row_of(wb, "Iran")
    model = window.workspace.table_models["contributions"]
    col = wb.table("contributions").keys.index("amount")
    assert model.setData(model.index(row, col), "USD 6.435 bn")
    assert window.undo_action.text() == "&Undo edit Iran amount"
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(32.655)
    window.undo_action.trigger()
    assert wb.table("contributions").value(row, "amount") == 12.87
    assert _bar_height(window.workspace.chart, "Iran") == pytest.approx(12.87)
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09)
    window.redo_action.trigger()
    assert _bar_height(window.workspace.chart, "Iran") == pytest.approx(6.435)


def test_open_failure_keeps_the_current_workbook(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.xlsx"
    bad.write_text("not a spreadsheet", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    before = window.workbook
    assert window.open_path(str(bad)) is False
    assert window.workbook is before
    assert shown and "broken.xlsx" in shown[0]


def test_save_as_then_reopen_keeps_the_edit(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbook
    row = _row_of(wb, "Iran")
    model = window.workspace.table_models["contributions"]
    col = wb.table("contributions").keys.index("amount")
    assert model.setData(model.index(row, col), "11")
    target = tmp_path / "edited.xlsx"
    assert window.save_to(str(target))
    assert window.windowTitle().startswith("edited.xlsx —")
    reloaded = load_workbook(target)
    assert reloaded.table("contributions").value(_row_of(reloaded, "Iran"), "amount") == 11.0
    assert window.open_path(str(target))
    assert window.workspace.chart.series.values[window.workspace.chart.series.labels.index("Iran")] == 11.0


def test_targets_tab_shows_kazakhstan_targets(window) -> None:  # type: ignore[no-untyped-def]
    model = window.workspace.table_models["targets"]
    table = window.workbook.table("targets")
    texts = [model.index(r, table.keys.index("target")).data() for r in range(model.rowCount())]
    assert any("FDI" in t for t in texts)
    values = [model.index(r, table.keys.index("value")).data() for r in range(model.rowCount())]
    assert "150" in values and "11,000" in values  # issue 14: km and amounts as given, not 11,000.00
    units = [model.index(r, table.keys.index("unit")).data() for r in range(model.rowCount())]
    assert values[units.index("%")] == "60.0"  # percentages with one decimal
