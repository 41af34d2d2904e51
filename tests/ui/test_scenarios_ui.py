"""Scenario panel and charts follow the baseline and every scenario; undo restores them (issue: scenarios)."""

from __future__ import annotations

import pytest

from corridor_app.model.workbook import Workbook
from corridor_app.session.history import History
from corridor_app.ui.charts.scenarios import ScenarioCharts
from corridor_app.ui.scenario_panel import ScenarioPanel
from corridor_app.ui.table_model import WorkbookTableModel

ITC = "North-South ITC"
IRAN_HALVED = "Iran's share halved under sanctions"
RUSSIA = "Russia accelerates"
KZ = "Kazakhstan adds the eastern-route programme"


class Screen:
    """A scenario panel and charts wired as the window wires them: one history, one submit road."""

    def __init__(self, workbook: Workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.workbook = workbook
        self.stack = History(workbook)
        self.refused: list[str] = []
        self.panel = ScenarioPanel(workbook, self.submit, ITC)
        self.charts = ScenarioCharts(workbook, ITC)
        self.panel.sig_scenario_changed.connect(self.charts.set_scenario)
        self.panel.sig_edit_refused.connect(self.refused.append)
        self.contributions = WorkbookTableModel(workbook, "contributions", self.submit)
        qtbot.addWidget(self.panel)
        qtbot.addWidget(self.charts)
        self.panel.select(IRAN_HALVED)

    def submit(self, edit) -> None:  # type: ignore[no-untyped-def]
        self.stack.push(edit)

    def amount_index(self, country: str):  # type: ignore[no-untyped-def]
        table = self.workbook.table("contributions")
        row = next(r for r in range(len(table)) if table.value(r, "country") == country)
        return self.contributions.index(row, table.keys.index("amount"))

    def column_amounts(self, country: str) -> dict[str, float | None]:
        """Per column of the totals table: the country's amount, as the table holds it."""
        totals = self.panel.totals
        row = next(r for r in range(totals.rowCount()) if totals.headerData(r, _vertical()) == country)
        return {totals.headerData(c, _horizontal()): totals.value(row, c) for c in range(totals.columnCount())}

    def bar_heights(self, country: str) -> list[float]:
        """Per scenario column: the height of the country's bar in the grouped chart."""
        countries = list(self.charts.columns[0].countries)
        i = countries.index(country)
        return [float(bars.opts["height"][i]) for bars in self.charts.group_bars if bars.isVisible()]


def _vertical():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


@pytest.fixture
def screen(workbook: Workbook, qtbot) -> Screen:  # type: ignore[no-untyped-def]
    return Screen(workbook, qtbot)


def test_editing_a_baseline_amount_moves_every_column_and_chart_and_undo_restores(screen: Screen, qtbot) -> None:  # type: ignore[no-untyped-def]
    totals = screen.panel.totals
    assert [totals.headerData(c, _horizontal()) for c in range(totals.columnCount())] == [
        "Baseline",
        IRAN_HALVED,
        RUSSIA,
        KZ,
    ]
    before = {"Baseline": 12.87, IRAN_HALVED: 6.435, RUSSIA: 12.87, KZ: 12.87}
    assert screen.column_amounts("Iran") == pytest.approx(before)
    assert screen.bar_heights("Iran") == pytest.approx(list(before.values()))
    assert screen.charts.steps[1].label == "Iran" and screen.charts.steps[1].change == pytest.approx(-6.435)

    with qtbot.waitSignal(totals.modelReset, timeout=2000):
        assert screen.contributions.setData(screen.amount_index("Iran"), "20")

    after = {"Baseline": 20.0, IRAN_HALVED: 10.0, RUSSIA: 20.0, KZ: 20.0}
    assert screen.column_amounts("Iran") == pytest.approx(after)
    assert [c.total for c in totals.columns] == pytest.approx([46.22, 36.22, 49.52, 48.12])
    assert screen.bar_heights("Iran") == pytest.approx(list(after.values()))
    assert screen.charts.steps[1].change == pytest.approx(-10.0)
    assert screen.charts.steps[-1].end == pytest.approx(36.22)
    iran = next(b for b in screen.charts.tornado.bars if b.country == "Iran")  # type: ignore[union-attr]
    assert iran.high_total - iran.low_total == pytest.approx(2.0)  # 10 +/- 10 %, on the selected scenario

    screen.stack.undo()
    assert screen.column_amounts("Iran") == pytest.approx(before)
    assert [c.total for c in totals.columns] == pytest.approx([39.09, 32.655, 42.39, 40.99])
    assert screen.bar_heights("Iran") == pytest.approx(list(before.values()))
    assert screen.charts.steps[1].change == pytest.approx(-6.435)


def test_scenario_actions_are_undoable_edits(screen: Screen) -> None:
    panel = screen.panel
    assert panel.create_scenario("Stress")
    assert panel.selected == "Stress"
    assert panel.add_adjustment("Iran", "exclude", None)
    assert panel.duplicate_scenario("Stress", "Stress 2")
    assert panel.rename_scenario("Stress", "No Iran")
    assert panel.delete_scenario(KZ)
    names = [panel.names.item(i).text() for i in range(panel.names.count())]
    assert names == [IRAN_HALVED, RUSSIA, "No Iran", "Stress 2"]
    no_iran = next(c for c in panel.totals.columns if c.name == "No Iran")
    assert no_iran.countries["Iran"] is None and no_iran.total == pytest.approx(26.22)
    assert len(screen.charts.columns) == 5
    assert len(screen.stack) == 5

    while screen.stack.can_undo:
        screen.stack.undo()
    names = [panel.names.item(i).text() for i in range(panel.names.count())]
    assert names == [IRAN_HALVED, RUSSIA, KZ]
    assert len(screen.charts.columns) == 4


def test_editing_an_adjustment_cell_updates_totals_and_undo_restores(screen: Screen) -> None:
    panel = screen.panel
    proxy = panel.adjustments
    assert proxy.rowCount() == 1  # only the selected scenario's rows
    value_col = screen.workbook.table("scenarios").keys.index("value")
    assert proxy.setData(proxy.index(0, value_col), "-25")
    column = next(c for c in panel.totals.columns if c.name == IRAN_HALVED)
    assert column.total == pytest.approx(39.09 - 12.87 * 0.25)
    assert screen.charts.steps[1].change == pytest.approx(-12.87 * 0.25)
    screen.stack.undo()
    column = next(c for c in panel.totals.columns if c.name == IRAN_HALVED)
    assert column.total == pytest.approx(32.655)


def test_refused_actions_say_why_and_leave_no_undo_step(screen: Screen) -> None:
    panel = screen.panel
    assert not panel.create_scenario(RUSSIA)
    assert "already a scenario" in screen.refused[-1]
    kind_col = screen.workbook.table("scenarios").keys.index("kind")
    assert not panel.adjustments.setData(panel.adjustments.index(0, kind_col), "multiply")
    assert "must be one of" in screen.refused[-1]
    assert len(screen.stack) == 0


def test_tornado_follows_the_percentage(screen: Screen) -> None:
    charts = screen.charts
    charts.pct.setValue(20)
    russia = next(b for b in charts.tornado.bars if b.country == "Russia")  # type: ignore[union-attr]
    assert russia.high_total - russia.low_total == pytest.approx(13.2 * 0.4)
    assert float(charts.high_bars.opts["x1"][-1]) == pytest.approx(charts.tornado.total + 13.2 * 0.2)  # type: ignore[union-attr]


def test_pacing_table_and_chart_follow_targets_and_start_year(workbook: Workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    from corridor_app.model.edits import SetCell
    from corridor_app.ui.charts.pacing import PacingPanel

    panel = PacingPanel(workbook, 2023)
    qtbot.addWidget(panel)
    model = panel.model
    fdi = next(r for r, p in enumerate(model.rows) if p.target.startswith("FDI attracted"))
    assert model.index(fdi, 7).data() == "21.43"  # 150 / 7 over 2023-2029
    panel.start.setValue(2026)
    assert model.index(fdi, 7).data() == "37.50"  # 150 / 4 over 2026-2029
    fund = next(r for r, p in enumerate(model.rows) if p.target == "National Fund assets")
    assert model.index(fund, 6).data() == "61 %"
    n_bars = len(panel.bars.opts["x1"])
    stack = History(workbook)
    with qtbot.waitSignal(model.modelReset, timeout=2000):
        stack.push(SetCell("targets", model.rows[fund].row, "baseline", 80.0))
    assert model.index(fund, 6).data() == "80 %"
    assert 80.0 in [float(v) for v in panel.bars.opts["x1"]]
    stack.undo()
    assert model.index(fund, 6).data() == "61 %"
    assert len(panel.bars.opts["x1"]) == n_bars
