"""The year chart shows one year, all years stacked or the trend, from the model's numbers (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.by_year import year_matrix
from corridor_app.model.edits import SetCell, apply
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.ui.charts.years import YearsChart


@pytest.fixture
def wide(tmp_path: Path) -> Path:
    path = tmp_path / "wide.csv"
    path.write_text("Country,2013,2014\nKazakhstan,1.5,2.5\nChina,10,\nIran,..,4\n", encoding="utf-8")
    return path


def _bars(chart: YearsChart) -> list[pg.BarGraphItem]:
    return [i for i in chart.plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]


def test_the_three_modes_draw_the_model_numbers(qtbot, wide: Path) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(wide)
    matrix = year_matrix(book, reconcile_totals(book)[0])
    assert matrix.years == (2013, 2014) and matrix.totals() == {2013: 11.5, 2014: 6.5}
    chart = YearsChart(book)
    qtbot.addWidget(chart)
    assert chart.year_box.currentText() == "2014"  # the latest year first
    (one,) = _bars(chart)
    assert sorted(one.opts["height"]) == [2.5, 4.0]  # China has no 2014 figure: no bar, not a zero
    chart.set_mode("All years stacked")
    tops = sum(b.opts["height"] for b in _bars(chart))
    assert list(tops) == [11.5, 6.5]
    chart.set_mode("Trend")
    (line,) = chart.plot.getPlotItem().listDataItems()
    assert list(line.yData) == [11.5, 6.5]


def test_an_edit_redraws(qtbot, wide: Path) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(wide)
    chart = YearsChart(book)
    qtbot.addWidget(chart)
    chart.show()
    chart.set_mode("Trend")
    apply(book, SetCell("contributions", 0, "amount", 5.5))
    (line,) = chart.plot.getPlotItem().listDataItems()
    assert list(line.yData) == [15.5, 6.5]


def test_a_table_without_years_says_so(qtbot, workbook) -> None:  # type: ignore[no-untyped-def]
    chart = YearsChart(workbook)
    qtbot.addWidget(chart)
    assert "has a year" in chart.note.text() and not _bars(chart)
