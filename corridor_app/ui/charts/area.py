"""The chart side of the window: every chart over one workbook, in tabs, built when first shown.

Each chart subscribes to the workbook itself; this area builds them, forwards the
corridor, display-currency and scenario choices, detaches them all when the window
switches to another file, and brings the chart of the table in use
(``show_for_table``) unless the user pinned one.

Start-up pays only for the chart on screen (issue 14): a tab is an empty page until it
is first shown or its chart is asked for (``area.projects_chart``), and the chart
modules, with pyqtgraph, are imported then. With ``deferred`` even the first chart is
built just after the window's first paint, so the window appears before pyqtgraph has
loaded. ``staged`` keeps the older contract of issue 7: the caller runs ``build_steps``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from corridor_app.model.money import Display
from corridor_app.model.pacing import DEFAULT_START_YEAR
from corridor_app.model.workbook import Workbook
from corridor_app.ui.number_format import localize_plots

if TYPE_CHECKING:
    from corridor_app.ui.charts.comparison import CorridorComparisonChart
    from corridor_app.ui.charts.contributions import ContributionsChart, SharesChart
    from corridor_app.ui.charts.pacing import PacingPanel
    from corridor_app.ui.charts.progress import ProgressChart
    from corridor_app.ui.charts.projects import ProjectsBreakdownChart
    from corridor_app.ui.charts.scenarios import ScenarioCharts
    from corridor_app.ui.charts.years import YearsChart

# (attribute, tab title) of every chart, in tab order.
CHARTS = (
    ("chart", QT_TRANSLATE_NOOP("ChartArea", "By country")),
    ("shares_chart", QT_TRANSLATE_NOOP("ChartArea", "Shares")),
    ("scenario_charts", QT_TRANSLATE_NOOP("ChartArea", "Scenarios")),
    ("pacing_panel", QT_TRANSLATE_NOOP("ChartArea", "Targets pacing")),
    ("progress_chart", QT_TRANSLATE_NOOP("ChartArea", "Targets over time")),
    ("projects_chart", QT_TRANSLATE_NOOP("ChartArea", "Projects")),
    ("comparison_chart", QT_TRANSLATE_NOOP("ChartArea", "Corridors compared")),
    ("years_chart", QT_TRANSLATE_NOOP("ChartArea", "By year")),
)
# The chart each table brings (attribute names of ChartArea).
TABLE_CHARTS = {
    "contributions": "chart",
    "totals": "chart",
    "targets": "pacing_panel",
    "progress": "progress_chart",
    "projects": "projects_chart",
    "scenarios": "scenario_charts",
}
PINNED_TIP = QT_TRANSLATE_NOOP(
    "ChartArea", "Pinned: this chart stays when you change tables. Choose the table's own chart to follow again."
)


class ChartArea(QTabWidget):
    """Tabs: by country, shares, scenarios, targets pacing, targets over time, projects, corridors compared, by year.

    ``sig_bar_clicked`` relays the contributions chart's (table rows of a clicked bar) and
    ``highlight_rows`` reaches it once built, so the window can wire both before it exists.
    """

    sig_bar_clicked = Signal(tuple)
    sig_chart_built = Signal(str)  # the attribute name of a chart just built
    sig_start_year_changed = Signal(int)  # the pacing start year chosen on the pacing page
    sig_own_ranges_changed = Signal(bool)  # the tornado moves each country to its own low/high (issue 18)

    def __init__(
        self, workbook: Workbook, corridor: str, display: Display, *, staged: bool = False, deferred: bool = False
    ) -> None:
        super().__init__()
        self._workbook = workbook
        self._corridor = corridor
        self._display = display
        self._scenario = ""
        self._start_year = DEFAULT_START_YEAR
        self._own_ranges = False
        self._highlight: tuple[int, ...] = ()
        self._charts: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        self._detached = False
        self._deferred = deferred
        self._pinned: QWidget | None = None  # the page of the chart the user chose by hand, which stays
        self._table_key = "contributions"
        self._following_table = False
        for name, title in CHARTS:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
            self.addTab(page, QCoreApplication.translate("ChartArea", title))
        self.currentChanged.connect(self._on_current_changed)
        # With ``staged`` the caller runs these steps (the first chart) before the area is used.
        self.build_steps = self._build()
        if not staged:
            for _ in self.build_steps:
                pass

    def _build(self) -> Iterator[None]:
        if not self._deferred:
            self._ensure(CHARTS[0][0])
        yield

    # --- charts, built on demand -------------------------------------------------------
    def _make(self, name: str) -> QWidget:
        """Import and build one chart with the area's current choices."""
        wb, corridor, display = self._workbook, self._corridor, self._display
        if name == "chart":
            from corridor_app.ui.charts.contributions import ContributionsChart

            chart = ContributionsChart(wb, corridor)
            chart.sig_bar_clicked.connect(self.sig_bar_clicked)
            if self._highlight:
                chart.highlight_rows(self._highlight)
            return chart
        if name == "shares_chart":
            from corridor_app.ui.charts.contributions import SharesChart

            return SharesChart(wb, corridor)
        if name == "scenario_charts":
            from corridor_app.ui.charts.scenarios import ScenarioCharts

            scenario_charts = ScenarioCharts(wb, corridor, self._scenario)
            scenario_charts.own_ranges.setChecked(self._own_ranges)
            scenario_charts.own_ranges.toggled.connect(self.sig_own_ranges_changed)
            return scenario_charts
        if name == "pacing_panel":
            from corridor_app.ui.charts.pacing import PacingPanel

            pacing = PacingPanel(wb, self._start_year)
            pacing.start.valueChanged.connect(self.sig_start_year_changed)
            return pacing
        if name == "progress_chart":
            from corridor_app.ui.charts.progress import ProgressChart

            return ProgressChart(wb, self._start_year)
        if name == "projects_chart":
            from corridor_app.ui.charts.projects import ProjectsBreakdownChart

            return ProjectsBreakdownChart(wb, display, corridor)
        if name == "years_chart":
            # A country-by-year table: one year, all years stacked, or the trend (issue 17).
            from corridor_app.ui.charts.years import YearsChart

            return YearsChart(wb, corridor)
        from corridor_app.ui.charts.comparison import CorridorComparisonChart

        return CorridorComparisonChart(wb, display)

    def _ensure(self, name: str) -> Any:
        chart = self._charts.get(name)
        if chart is None:
            chart = self._make(name)
            localize_plots(chart)  # tick labels with the user's decimal sign (2,5 in Russian)
            self._charts[name] = chart
            page = self._pages[name]
            layout = page.layout()
            assert layout is not None
            layout.addWidget(chart)
            self.sig_chart_built.emit(name)
        return chart

    def built(self) -> tuple[str, ...]:
        """The charts built so far (attribute names)."""
        return tuple(self._charts)

    @property
    def chart(self) -> ContributionsChart:
        return self._ensure("chart")  # type: ignore[no-any-return]

    @property
    def shares_chart(self) -> SharesChart:
        return self._ensure("shares_chart")  # type: ignore[no-any-return]

    @property
    def scenario_charts(self) -> ScenarioCharts:
        return self._ensure("scenario_charts")  # type: ignore[no-any-return]

    @property
    def pacing_panel(self) -> PacingPanel:
        return self._ensure("pacing_panel")  # type: ignore[no-any-return]

    @property
    def progress_chart(self) -> ProgressChart:
        return self._ensure("progress_chart")  # type: ignore[no-any-return]

    @property
    def projects_chart(self) -> ProjectsBreakdownChart:
        return self._ensure("projects_chart")  # type: ignore[no-any-return]

    @property
    def years_chart(self) -> YearsChart:
        return self._ensure("years_chart")  # type: ignore[no-any-return]

    @property
    def comparison_chart(self) -> CorridorComparisonChart:
        return self._ensure("comparison_chart")  # type: ignore[no-any-return]

    def sizeHint(self) -> QSize:
        # The charts' own hint, before they are built: the window's splitter gives the area the same room.
        return super().sizeHint().expandedTo(QSize(760, 480))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(360, 300))  # narrower, no chart is readable

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._deferred:  # the window is on screen: now the chart it shows
            self._deferred = False
            QTimer.singleShot(0, self._build_current)

    def _build_current(self) -> None:
        name = self._name_of(super().currentWidget())
        if name and not self._detached:
            self._ensure(name)

    # --- the tab widget's calls, by chart as well as by page ---------------------------
    def _name_of(self, widget: QWidget | None) -> str | None:
        for name, page in self._pages.items():
            if widget is page or (widget is not None and widget is self._charts.get(name)):
                return name
        return None

    def currentWidget(self) -> QWidget:
        """The chart on the current tab, built now if it is not yet (it is asked for)."""
        page = super().currentWidget()
        name = self._name_of(page)
        if name is None or self._detached:
            return self._charts.get(name, page) if name else page
        return self._ensure(name)  # type: ignore[no-any-return]

    def setCurrentWidget(self, widget: QWidget) -> None:
        name = self._name_of(widget)
        super().setCurrentWidget(self._pages[name] if name else widget)

    def indexOf(self, widget: QWidget) -> int:
        name = self._name_of(widget)
        return super().indexOf(self._pages[name] if name else widget)

    # --- choices forwarded to the charts -------------------------------------------------
    def _each(self, names: tuple[str, ...], call: Callable[[Any], None]) -> None:
        for name in names:
            if name in self._charts:
                call(self._charts[name])

    def set_corridor(self, corridor: str) -> None:
        self._corridor = corridor
        names = ("chart", "shares_chart", "scenario_charts", "projects_chart", "years_chart")
        self._each(names, lambda chart: chart.set_corridor(corridor))

    def set_display(self, display: Display) -> None:
        self._display = display
        self._each(("projects_chart", "comparison_chart"), lambda chart: chart.set_display(display))

    def set_scenario(self, scenario: str) -> None:
        """The scenario the waterfall and tornado are drawn for (the scenario panel's selection)."""
        self._scenario = scenario
        self._each(("scenario_charts",), lambda chart: chart.set_scenario(scenario))

    def set_own_ranges(self, own: bool) -> None:
        """Whether the tornado moves each country to its own low/high instead of ±N % (the session's view state)."""
        self._own_ranges = own
        self._each(("scenario_charts",), lambda chart: chart.own_ranges.setChecked(own))

    def set_start_year(self, year: int) -> None:
        """The year pacing and the progress verdicts count from (the session's view state)."""
        self._start_year = year
        self._each(("pacing_panel",), lambda chart: chart.start.setValue(year))
        self._each(("progress_chart",), lambda chart: chart.set_start_year(year))

    def highlight_rows(self, rows: tuple[int, ...]) -> None:
        """Brush the bars of these contributions rows (now, or when the chart is built)."""
        self._highlight = tuple(rows)
        self._each(("chart",), lambda chart: chart.highlight_rows(self._highlight))

    @property
    def corridor(self) -> str:
        return self._corridor

    def detach(self) -> None:
        self._detached = True
        for chart in self._charts.values():
            chart.detach()  # type: ignore[attr-defined]

    # --- following the table in use (issue 14) ------------------------------------------
    def chart_for_table(self, table_key: str) -> QWidget | None:
        """The tab page that shows ``table_key``'s figures, if one does."""
        name = TABLE_CHARTS.get(table_key)
        return self._pages[name] if name else None

    def show_for_table(self, table_key: str) -> None:
        """Bring the chart of the table the user turned to, unless the user pinned another chart.

        Choosing a chart tab by hand pins it: it stays while the tables change. Choosing the
        chart of the table in use (or ``unpin``) lets the charts follow the tables again.
        """
        self._table_key = table_key
        page = self.chart_for_table(table_key)
        if page is None or self._pinned is not None:
            return
        self._following_table = True
        try:
            self.setCurrentWidget(page)
        finally:
            self._following_table = False

    @property
    def pinned(self) -> QWidget | None:
        """The chart the user chose by hand (its page while not built), or None when charts follow tables."""
        name = self._name_of(self._pinned)
        return self._charts.get(name, self._pinned) if name else self._pinned

    def unpin(self) -> None:
        self._pinned = None
        self.show_for_table(self._table_key)

    def _on_current_changed(self, index: int) -> None:
        page = self.widget(index)
        name = self._name_of(page)
        if name and not self._detached and not self._deferred:
            self._ensure(name)
        if self._following_table:
            return
        self._pinned = None if page is self.chart_for_table(self._table_key) else page
        for i in range(self.count()):
            self.setTabToolTip(
                i, QCoreApplication.translate("ChartArea", PINNED_TIP) if self.widget(i) is self._pinned else ""
            )
