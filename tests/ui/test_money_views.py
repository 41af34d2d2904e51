"""Projects breakdown, display currency and corridor comparison views (issue 5).

Both directions: a model edit (a cost, an FX rate, a published total) reaches the
chart through the workbook's announcement; a choice in the view (currency,
corridor, grouping) changes what is drawn, never the workbook.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import DeleteRows, SetCell, apply
from corridor_app.model.money import Display
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.comparison import CorridorComparisonChart
from corridor_app.ui.charts.projects import ProjectsBreakdownChart
from corridor_app.ui.currency_box import DisplayCurrencyBox

ROOT = Path(__file__).resolve().parents[2]


def _row(book: Workbook, table: str, column: str, value: str) -> int:
    t = book.table(table)
    return next(r for r in range(len(t)) if t.value(r, column) == value)


def _drawn_total(chart: ProjectsBreakdownChart) -> float:
    return float(sum(np.sum(bar.opts["width"]) for bar in chart._bars if len(bar.opts["width"])))


@pytest.fixture
def projects_chart(qtbot, workbook):  # type: ignore[no-untyped-def]
    chart = ProjectsBreakdownChart(workbook)
    qtbot.addWidget(chart)
    return chart


def test_cost_edit_in_the_model_redraws_the_stacked_bars(projects_chart, workbook) -> None:  # type: ignore[no-untyped-def]
    before = projects_chart.aggregates.total
    assert _drawn_total(projects_chart) == pytest.approx(before)
    row = _row(
        workbook,
        "projects",
        "project",
        "Eastern-route rail modernisation in Kazakhstan (Orsk-Kandyagash-Makat-Beineu-Bolashak; Iletsk-1-Aktobe)",
    )
    apply(workbook, SetCell("projects", row, "cost", 2900.0))  # USD mln: +1 USD bn
    assert projects_chart.aggregates.total == pytest.approx(before + 1.0)
    assert _drawn_total(projects_chart) == pytest.approx(before + 1.0)


def test_fx_edit_shows_at_once_and_a_deleted_rate_lists_the_costs_as_excluded(projects_chart, workbook) -> None:  # type: ignore[no-untyped-def]
    eur = _row(workbook, "fx", "currency", "EUR")
    apply(workbook, SetCell("fx", eur, "units_per_usd", 1.0))  # 1 EUR = 1 USD: EUR costs read at face value
    eur_costs = projects_chart.aggregates.by_currency["EUR"].amount
    assert projects_chart.aggregates.by_currency["EUR"].converted == pytest.approx(eur_costs)
    kzt = _row(workbook, "fx", "currency", "KZT")
    apply(workbook, DeleteRows("fx", (kzt,)))
    excluded = {e.project for e in projects_chart.aggregates.excluded}
    assert excluded == {"Dostyk-Moyynty second tracks", "Darbaza-Maktaaral railway", "Bakhty-Ayagoz railway"}
    assert "Not converted, in no total (3)" in projects_chart.excluded_label.text()
    assert "no FX rate for KZT" in projects_chart.excluded_label.text()
    assert _drawn_total(projects_chart) == pytest.approx(projects_chart.aggregates.total)


def test_choices_in_the_view_change_the_drawing_not_the_workbook(projects_chart, workbook) -> None:  # type: ignore[no-untyped-def]
    usd = projects_chart.aggregates.total
    costs = workbook.table("projects").column("cost").copy()
    projects_chart.set_display(Display("EUR", "bn"))
    rate = next(r for r in range(len(workbook.table("fx"))) if workbook.table("fx").value(r, "currency") == "EUR")
    assert projects_chart.aggregates.total == pytest.approx(usd * workbook.table("fx").value(rate, "units_per_usd"))
    assert "EUR bn" in projects_chart.plot.getPlotItem().titleLabel.text
    projects_chart.set_dimensions("mode", "country")
    assert projects_chart.series.categories == tuple(projects_chart.aggregates.by_mode)
    projects_chart.set_corridor("Kazakhstan national network")
    assert {i.corridor for i in projects_chart.aggregates.items} == {"Kazakhstan national network"}
    assert projects_chart.comparison is None  # that corridor has no country-level figures
    projects_chart.set_corridor("North-South ITC")
    rows = {r.country: r for r in projects_chart.comparison.rows}
    assert rows["Iran"].contribution == pytest.approx(12.87 * workbook.table("fx").value(rate, "units_per_usd"))
    np.testing.assert_array_equal(workbook.table("projects").column("cost"), costs)


def test_currency_box_announces_the_display(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = DisplayCurrencyBox()
    qtbot.addWidget(box)
    assert box.display == Display("USD", "bn")
    with qtbot.waitSignal(box.display_changed) as blocker:
        box.setCurrentText("KZT mln")
    assert blocker.args == [Display("KZT", "mln")]


@pytest.fixture
def two_corridors(two_corridor_xlsx: Path) -> Workbook:
    return load_workbook(two_corridor_xlsx)


def test_comparison_shows_both_corridors_each_against_its_own_total(qtbot, two_corridors) -> None:  # type: ignore[no-untyped-def]
    chart = CorridorComparisonChart(two_corridors)
    qtbot.addWidget(chart)
    assert chart.comparison.corridors == ("North-South ITC", "Middle Corridor")
    assert chart.heights("Middle Corridor") == {"Kazakhstan": pytest.approx(9 / 0.8), "Azerbaijan": pytest.approx(5.0)}
    text = chart.reconciliation_label.text()
    assert "North-South ITC: sum of parts 39.09 vs published 38.20 USD bn" in text and "does not reconcile" in text
    assert "Middle Corridor: sum of parts 13.00 vs published 13.00 EUR bn" in text
    # Model -> view: a published total edited in the Totals sheet re-reconciles that corridor only.
    row = _row(two_corridors, "totals", "corridor", "Middle Corridor")
    apply(two_corridors, SetCell("totals", row, "published_total", 12.0))
    assert "13.00 vs published 12.00 EUR bn, residual +1.00 (+8.3 %), does not reconcile" in (
        chart.reconciliation_label.text()
    )
    # An FX edit moves the converted bars.
    eur = _row(two_corridors, "fx", "currency", "EUR")
    apply(two_corridors, SetCell("fx", eur, "units_per_usd", 1.0))
    assert chart.heights("Middle Corridor")["Kazakhstan"] == pytest.approx(9.0)
    drawn = chart._bars[1].opts["height"]
    assert sorted(drawn) == pytest.approx([4.0, 9.0])


def test_comparison_lists_what_has_no_rate_instead_of_drawing_it(qtbot, two_corridors) -> None:  # type: ignore[no-untyped-def]
    chart = CorridorComparisonChart(two_corridors, Display("KZT", "bn"))
    qtbot.addWidget(chart)
    assert chart.heights("North-South ITC") == {}
    assert "Not in the bars (6)" in chart.excluded_label.text()
    assert all(len(bar.opts["height"]) == 0 for bar in chart._bars)


def test_main_window_has_fx_tab_and_money_views_follow_the_selectors(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    titles = [window.workspace.tabs.tabText(i) for i in range(window.workspace.tabs.count())]
    assert "FX" in titles
    charts = [window.workspace.chart_tabs.tabText(i) for i in range(window.workspace.chart_tabs.count())]
    assert charts == [
        "By country",
        "Shares",
        "Scenarios",
        "Targets pacing",
        "Targets over time",
        "Projects",
        "Corridors compared",
        "By year",
    ]
    window.workspace.currency_box.setCurrentText("EUR bn")
    assert str(window.workspace.projects_chart.aggregates.display) == "EUR bn"
    assert str(window.workspace.comparison_chart.comparison.display) == "EUR bn"
    window.workspace.corridor_box.setCurrentText("North-South ITC")
    assert window.workspace.projects_chart.corridor == "North-South ITC"
    # An FX rate typed in the FX table reaches the projects chart through the model.
    model = window.workspace.table_models["fx"]
    row = next(r for r in range(model.rowCount()) if window.workbook.table("fx").value(r, "currency") == "EUR")
    column = window.workbook.table("fx").keys.index("units_per_usd")
    assert model.setData(model.index(row, column), "0,5")
    assert window.workspace.projects_chart.aggregates.by_currency["EUR"].converted == pytest.approx(
        window.workspace.projects_chart.aggregates.by_currency["EUR"].amount
    )
    window.undo_action.trigger()
    assert window.workbook.table("fx").value(row, "units_per_usd") != 0.5
