"""The chart side of the window: every chart over one workbook, in tabs.

Each chart subscribes to the workbook itself; this area only builds them,
forwards the corridor and display-currency choices, and detaches them all when
the window switches to another file, and brings the chart of the table in use
(``show_for_table``) unless the user pinned one. Building the six charts takes about
120 ms, so a window opening a file builds them one per event-loop turn
(``staged=True``, then ``build_steps``) instead of blocking for all six (issue 7).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QTabWidget, QWidget

from corridor_app.model.money import Display
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.comparison import CorridorComparisonChart
from corridor_app.ui.charts.contributions import ContributionsChart, SharesChart
from corridor_app.ui.charts.pacing import PacingPanel
from corridor_app.ui.charts.projects import ProjectsBreakdownChart
from corridor_app.ui.charts.scenarios import ScenarioCharts

# The chart each table brings (attribute names of ChartArea).
TABLE_CHARTS = {
    "contributions": "chart",
    "totals": "chart",
    "targets": "pacing_panel",
    "projects": "projects_chart",
    "scenarios": "scenario_charts",
}
PINNED_TIP = "Pinned: this chart stays when you change tables. Choose the table's own chart to follow again."


class ChartArea(QTabWidget):
    """Tabs: by country, shares, scenarios, targets pacing, projects, corridors compared.

    ``show_for_table`` brings the chart of the table in use; a chart the user chooses is pinned.
    """

    def __init__(self, workbook: Workbook, corridor: str, display: Display, *, staged: bool = False) -> None:
        super().__init__()
        self.pinned: QWidget | None = None  # the chart the user chose by hand, which stays
        self._table_key = "contributions"
        self._following_table = False
        # With ``staged`` the caller runs these steps (one chart each) before the area is used.
        self.build_steps = self._build(workbook, corridor, display)
        if not staged:
            for _ in self.build_steps:
                pass

    def _build(self, workbook: Workbook, corridor: str, display: Display) -> Iterator[None]:
        self.chart = ContributionsChart(workbook, corridor)
        self.addTab(self.chart, "By country")
        yield
        self.shares_chart = SharesChart(workbook, corridor)
        self.addTab(self.shares_chart, "Shares")
        yield
        self.scenario_charts = ScenarioCharts(workbook, corridor, staged=True)
        for _ in self.scenario_charts.build_steps:  # three plots: one step each
            yield
        self.addTab(self.scenario_charts, "Scenarios")
        yield
        self.pacing_panel = PacingPanel(workbook)
        self.addTab(self.pacing_panel, "Targets pacing")
        yield
        self.projects_chart = ProjectsBreakdownChart(workbook, display, corridor)
        self.addTab(self.projects_chart, "Projects")
        yield
        self.comparison_chart = CorridorComparisonChart(workbook, display)
        self.addTab(self.comparison_chart, "Corridors compared")
        self.currentChanged.connect(self._on_current_changed)

    # --- following the table in use (issue 14) ------------------------------------------
    def chart_for_table(self, table_key: str) -> QWidget | None:
        """The chart that shows ``table_key``'s figures, if one does."""
        name = TABLE_CHARTS.get(table_key)
        return getattr(self, name, None) if name else None

    def show_for_table(self, table_key: str) -> None:
        """Bring the chart of the table the user turned to, unless the user pinned another chart.

        Choosing a chart tab by hand pins it: it stays while the tables change. Choosing the
        chart of the table in use (or ``unpin``) lets the charts follow the tables again.
        """
        self._table_key = table_key
        chart = self.chart_for_table(table_key)
        if chart is None or self.pinned is not None:
            return
        self._following_table = True
        try:
            self.setCurrentWidget(chart)
        finally:
            self._following_table = False

    def unpin(self) -> None:
        self.pinned = None
        self.show_for_table(self._table_key)

    def _on_current_changed(self, index: int) -> None:
        if self._following_table:
            return
        widget = self.widget(index)
        self.pinned = None if widget is self.chart_for_table(self._table_key) else widget
        for i in range(self.count()):
            pinned = self.widget(i) is self.pinned
            self.setTabToolTip(i, PINNED_TIP if pinned else "")

    def set_corridor(self, corridor: str) -> None:
        for view in (self.chart, self.shares_chart, self.scenario_charts, self.projects_chart):
            view.set_corridor(corridor)

    def set_display(self, display: Display) -> None:
        self.projects_chart.set_display(display)
        self.comparison_chart.set_display(display)

    def detach(self) -> None:
        for view in (
            self.chart,
            self.shares_chart,
            self.scenario_charts,
            self.pacing_panel,
            self.projects_chart,
            self.comparison_chart,
        ):
            view.detach()
