"""The progress chart follows the Targets and Progress sheets, and a hovered point names its source (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from corridor_app.model.edits import InsertRows, SetCell, apply
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.progress import ProgressChart

FDI = "FDI attracted over the 7-year term, cumulative"


@pytest.fixture
def chart(qtbot, workbook: Workbook):  # type: ignore[no-untyped-def]
    widget = ProgressChart(workbook)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _fdi_row(workbook: Workbook) -> int:
    targets = workbook.table("targets")
    return next(r for r in range(len(targets)) if targets.value(r, "target") == FDI)


def _add_fdi_flows(workbook: Workbook) -> InsertRows:
    n = len(workbook.table("progress"))
    records = tuple(
        (("target", FDI), ("year", year), ("value", value), ("unit", "USD bn"), ("source", f"source {year}"))
        for year, value in ((2023, 24.0), (2024, 18.0), (2025, 20.0))
    )
    return InsertRows("progress", (n, n + 1, n + 2), records)


def test_bundled_gasification_is_drawn_first_and_reached(chart: ProgressChart) -> None:
    shown = chart.shown
    assert shown is not None and shown.target == "Gasification of the country"
    xs, ys = chart.observed.getData()
    assert list(xs) == [2022, 2023, 2024, 2025] and list(ys) == [59, 60, 62.4, 64.2]
    assert list(chart.required.getData()[1]) == [59, 60]
    assert chart.goal.data["x"].tolist() == [2029]
    assert "reached" in chart.verdict_label.text()


def test_an_edit_on_the_progress_sheet_reaches_the_chart_and_the_status_list(
    chart: ProgressChart, workbook: Workbook
) -> None:
    """Model -> view: the issue's cumulative case, typed into the bundled data, shows as behind, listed first."""
    undo = apply(workbook, _add_fdi_flows(workbook))
    assert chart.status_table.item(0, 1).text() == FDI
    assert chart.status_table.item(0, 0).text() == "behind"
    assert chart.status_table.item(0, 3).text() == "2030"
    chart.select_target(_fdi_row(workbook))
    assert list(chart.observed.getData()[1]) == [24, 42, 62]  # running totals
    assert list(chart.projection.getData()[0]) == [2025, 2029]
    assert chart.projection.getData()[1][1] == pytest.approx(144.6667, abs=1e-4)
    assert "Needed: 21.43 USD bn a year" in chart.verdict_label.text()
    apply(workbook, SetCell("progress", len(workbook.table("progress")) - 1, "value", 80.0))
    assert chart.status_table.item(chart.status_table.rowCount() - 1, 0).text() != "behind"
    assert chart.shown is not None and chart.shown.status == "on track"
    apply(workbook, undo)
    assert chart.shown is not None and chart.shown.status == "no data"
    assert "No yearly figures yet" in chart.empty_label.toPlainText()


def test_choosing_in_the_status_list_draws_that_target(chart: ProgressChart, workbook: Workbook) -> None:
    apply(workbook, _add_fdi_flows(workbook))
    chart.status_table.cellClicked.emit(0, 1)
    assert chart.shown is not None and chart.shown.target == FDI
    assert chart.selector.currentText().startswith(f"Kazakhstan: {FDI}")
    chart.selector.setCurrentIndex(chart.selector.findData(_fdi_row(workbook) + 1))
    assert chart.shown.row == _fdi_row(workbook) + 1


def test_hovering_a_point_shows_its_year_value_and_source(chart: ProgressChart, workbook: Workbook) -> None:
    apply(workbook, _add_fdi_flows(workbook))
    chart.select_target(_fdi_row(workbook))
    view = chart.plot.getPlotItem().getViewBox()
    at = view.mapViewToScene(QPointF(2024, 42))
    assert chart.hover_at(at + QPointF(3, -2)) == 1
    assert chart.hover_label.isVisible()
    assert chart.hover_label.toPlainText().splitlines()[:2] == ["2024: 18 USD bn (total 42)", "source: source 2024"]
    assert chart.hover_at(view.mapViewToScene(QPointF(2027, 10))) is None
    assert not chart.hover_label.isVisible()


def test_the_plot_fits_a_laptop_screen(chart: ProgressChart) -> None:
    item = chart.plot.getPlotItem()
    visible = chart.plot.mapToScene(chart.plot.viewport().rect()).boundingRect()
    for part in (item, item.legend, item.getAxis("left"), item.getAxis("bottom")):
        assert visible.contains(part.sceneBoundingRect()), part
    assert chart.status_table.columnWidth(1) >= 120  # target names are readable beside the chart


def test_a_figure_typed_in_the_progress_table_reaches_the_chart_and_undo_takes_it_back(
    chart: ProgressChart, workbook: Workbook
) -> None:
    """View -> model -> view: the Progress sheet is edited like any table, one undo step per edit."""
    from corridor_app.session.history import History
    from corridor_app.ui.table_model import WorkbookTableModel

    stack = History(workbook)
    model = WorkbookTableModel(workbook, "progress", stack.push)
    keys = workbook.table("progress").keys
    row = next(r for r in range(model.rowCount()) if workbook.table("progress").value(r, "year") == 2024)
    assert workbook.table("progress").value(row, "target") == "Gasification of the country"
    assert model.setData(model.index(row, keys.index("value")), "58,5")
    assert list(chart.observed.getData()[1])[2] == 58.5
    assert not model.setData(model.index(row, keys.index("year")), "next year")  # refused, nothing pushed
    assert len(stack) == 1
    stack.undo()
    assert list(chart.observed.getData()[1])[2] == 62.4
