"""Ranges on screen: whiskers on the contributions chart, the strip's ranges, the tornado's own ranges (issue 18)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import SetCell, apply
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.contributions import ContributionsChart
from corridor_app.ui.charts.scenarios import ScenarioCharts
from corridor_app.ui.reconcile_panel import ReconciliationPanel
from corridor_app.ui.table_model import WorkbookTableModel


@pytest.fixture
def ranged(tmp_path: Path) -> Workbook:
    path = tmp_path / "ranges.csv"
    path.write_text(
        "Страна;Сумма, млрд долл.\nРоссия;12–14\nИран;12,5–13,5\nКазахстан;6,32\nпрочие;около 6,7\nИтого;более 38\n",
        encoding="utf-8",
    )
    return load_workbook(path)


def _whiskers(chart: ContributionsChart) -> dict[str, list[float]]:
    opts = chart.whiskers.opts
    return {k: np.asarray(opts[k], dtype=float).tolist() for k in ("x", "y", "top", "bottom")}


def test_whiskers_show_each_stated_range(qtbot, ranged: Workbook) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, "Done when": 12–14 and 12,5–13,5 from a CSV with decimal commas show as whiskers."""
    chart = ContributionsChart(ranged, "ranges")
    qtbot.addWidget(chart)
    item = chart.whiskers
    assert _whiskers(chart) == {"x": [0.0, 1.0], "y": [13.0, 13.0], "top": [1.0, 0.5], "bottom": [1.0, 0.5]}
    assert chart.series.labels[:2] == ("Россия", "Иран")
    # A point edit narrows nothing else and the same item follows it.
    apply(ranged, SetCell("contributions", 1, "high", None))
    apply(ranged, SetCell("contributions", 1, "low", None))
    assert chart.whiskers is item
    assert _whiskers(chart)["x"] == [0.0]
    assert "range 12 to 14" in chart.bar_text(0)


def test_approximate_bar_is_marked(qtbot, ranged: Workbook) -> None:  # type: ignore[no-untyped-def]
    chart = ContributionsChart(ranged, "ranges")
    qtbot.addWidget(chart)
    at = chart.series.labels.index("прочие")
    assert chart._labels[at].textItem.toPlainText() == "≈6.7"
    assert "approximate figure" in chart.bar_text(at)


def test_strip_shows_the_parts_and_the_published_range(qtbot, ranged: Workbook) -> None:  # type: ignore[no-untyped-def]
    panel = ReconciliationPanel(ranged, "ranges")
    qtbot.addWidget(panel)
    text = panel.range_label.text()
    assert "parts <b>37.52–40.52</b>" in text and "published <b>≥ 38.00 USD bn</b>" in text
    assert "consistent within the ranges" in text and not panel.range_label.isHidden()
    assert "does not reconcile" in panel.verdict_label.text()  # the tolerance verdict stays beside it


def test_strip_hides_the_ranges_when_none_is_stated(qtbot, workbook: Workbook) -> None:  # type: ignore[no-untyped-def]
    for row in range(len(workbook.table("totals"))):
        apply(workbook, SetCell("totals", row, "low", None))
    panel = ReconciliationPanel(workbook, "North-South ITC")
    qtbot.addWidget(panel)
    assert panel.range_label.isHidden()


def test_tornado_switches_to_each_countrys_own_range(qtbot, ranged: Workbook) -> None:  # type: ignore[no-untyped-def]
    charts = ScenarioCharts(ranged, "ranges")
    qtbot.addWidget(charts)
    charts.own_ranges.setChecked(True)
    assert charts.tornado is not None and charts.tornado.own_ranges
    assert not charts.pct.isEnabled()
    swings = {b.country: b.swing for b in charts.tornado.bars}
    assert swings == {"Россия": 2.0, "Иран": 1.0, "Казахстан": 0.0, "прочие": 0.0}


def test_typing_a_range_writes_low_and_high_as_one_edit(ranged: Workbook) -> None:
    submitted = []

    def submit(edit):  # type: ignore[no-untyped-def]
        submitted.append(edit)
        apply(ranged, edit)

    model = WorkbookTableModel(ranged, "contributions", submit)
    refused: list[str] = []
    model.sig_edit_refused.connect(refused.append)
    amount = ranged.table("contributions").keys.index("amount")
    assert model.setData(model.index(2, amount), "6–7")
    contrib = ranged.table("contributions")
    assert [contrib.value(2, k) for k in ("amount", "low", "high")] == [6.5, 6.0, 7.0]
    assert len(submitted) == 1
    assert not model.setData(model.index(2, amount), "8")
    assert refused == ["Amount, row 3: High 7 is below the amount 8 (edit High first); the old value is kept"]


def test_the_tornado_s_own_ranges_choice_is_session_state(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the checkbox sets the session's view state, and a rebuilt workspace (a file opened) shows it."""
    charts = window.workspace.chart_tabs.scenario_charts
    charts.own_ranges.setChecked(True)
    assert window.session.view.tornado_own_ranges is True
    assert window.open_path(window.path)
    assert window.workspace.chart_tabs.scenario_charts.own_ranges.isChecked()
    window.session.view.tornado_own_ranges = False
    assert not window.workspace.chart_tabs.scenario_charts.own_ranges.isChecked()
