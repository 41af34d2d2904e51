"""Views that follow the work (issue 14): the chart follows the table in use unless the user pinned one,
and numbers show with the precision their unit and values call for."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_chart_follows_the_table_until_the_user_pins_one(window) -> None:  # type: ignore[no-untyped-def]
    area = window.workspace.chart_tabs
    area.show_for_table("targets")
    assert area.currentWidget() is area.pacing_panel
    area.show_for_table("projects")
    assert area.currentWidget() is area.projects_chart
    area.show_for_table("scenarios")
    assert area.currentWidget() is area.scenario_charts
    area.show_for_table("fx")  # no chart of its own: the chart on screen stays
    assert area.currentWidget() is area.scenario_charts
    area.show_for_table("contributions")
    assert area.currentWidget() is area.chart
    # The user chooses Shares by hand: it is pinned and stays while the tables change.
    area.setCurrentWidget(area.shares_chart)
    assert area.pinned is area.shares_chart
    assert area.tabToolTip(area.indexOf(area.shares_chart)).startswith("Pinned")
    area.show_for_table("targets")
    assert area.currentWidget() is area.shares_chart
    # Choosing the chart of the table in use lets the charts follow again.
    area.setCurrentWidget(area.pacing_panel)
    assert area.pinned is None and area.tabToolTip(area.indexOf(area.shares_chart)) == ""
    area.show_for_table("projects")
    assert area.currentWidget() is area.projects_chart


def test_unpin_brings_the_tables_chart_back(window) -> None:  # type: ignore[no-untyped-def]
    area = window.workspace.chart_tabs
    area.show_for_table("projects")
    area.setCurrentWidget(area.comparison_chart)
    area.unpin()
    assert area.pinned is None and area.currentWidget() is area.projects_chart


def test_table_numbers_show_the_precision_their_unit_calls_for(window) -> None:  # type: ignore[no-untyped-def]
    targets = window.workspace.table_models["targets"]
    table = window.workbook.table("targets")

    def shown(key: str) -> dict[str, str]:
        col = table.keys.index(key)
        return {table.value(r, "target"): targets.index(r, col).data() for r in range(len(table))}

    values, baselines = shown("value"), shown("baseline")
    assert values["Railway track repaired"] == "11,000"  # km: no decimals (was 11,000.00)
    assert values["Gasification of the country"] == "60.0"  # %: one decimal (was 60.00)
    assert baselines["Gasification of population, 2025 plan"] == "62.4"
    assert values["Crude oil refining"] == "21" and baselines["Crude oil refining"] == "18.4"
    contributions = window.workspace.table_models["contributions"]
    amount = window.workbook.table("contributions").keys.index("amount")
    assert [contributions.index(r, amount).data() for r in range(4)] == ["13.2", "12.87", "6.32", "6.7"]
    scenarios = window.workspace.scenario_panel.totals
    assert scenarios.index(0, 0).data(Qt.ItemDataRole.DisplayRole) == "13.2"


def test_chart_labels_write_numbers_as_the_table_does(window) -> None:  # type: ignore[no-untyped-def]
    chart = window.workspace.chart
    texts = [label.textItem.toPlainText() for label in chart._labels if label.isVisible()]
    assert "13.2" in texts and "12.87" in texts and "+0.89" in texts
    legend = [item[1].text for item in window.workspace.chart_tabs.scenario_charts.legend.items]
    assert "Baseline: 39.09" in legend
