"""The chart side of the window: every chart over one workbook, in tabs.

Each chart subscribes to the workbook itself; this area only builds them,
forwards the corridor and display-currency choices, and detaches them all when
the window switches to another file. Building the charts takes about
120 ms, so a window opening a file builds them one per event-loop turn
(``staged=True``, then ``build_steps``) instead of blocking for all of them (issue 7).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QTabWidget

from corridor_app.model.money import Display
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.comparison import CorridorComparisonChart
from corridor_app.ui.charts.contributions import ContributionsChart, SharesChart
from corridor_app.ui.charts.pacing import PacingPanel
from corridor_app.ui.charts.projects import ProjectsBreakdownChart
from corridor_app.ui.charts.scenarios import ScenarioCharts
from corridor_app.ui.charts.years import YearsChart


class ChartArea(QTabWidget):
    """Tabs: by country, shares, scenarios, targets pacing, projects, corridors compared, by year."""

    def __init__(self, workbook: Workbook, corridor: str, display: Display, *, staged: bool = False) -> None:
        super().__init__()
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
        yield
        # A country-by-year table: one year, all years stacked, or the trend (issue 17).
        self.years_chart = YearsChart(workbook, corridor)
        self.addTab(self.years_chart, "By year")

    def set_corridor(self, corridor: str) -> None:
        for view in (self.chart, self.shares_chart, self.scenario_charts, self.projects_chart, self.years_chart):
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
            self.years_chart,
        ):
            view.detach()
