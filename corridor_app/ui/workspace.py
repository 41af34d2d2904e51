"""The window's central widget over one workbook: tables on the left, charts on the right, the strip on top.

Built over the session's current workbook, a step per event-loop turn (``build_steps``) so
that opening a large file never holds the window (issue 7). Every view gets the workbook and
follows its announcements; the corridor, display currency and selected scenario come from the
session's view state, which the corridor box, the currency box and the scenario list set and
every chart follows. No widget reads them back from another widget (issue 13).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget

from corridor_app.model.edits import Edit
from corridor_app.model.workbook import Workbook
from corridor_app.session import Session
from corridor_app.ui.changelog_view import ChangeLogModel
from corridor_app.ui.charts.area import ChartArea

if TYPE_CHECKING:
    from corridor_app.ui.charts.comparison import CorridorComparisonChart
    from corridor_app.ui.charts.contributions import ContributionsChart
    from corridor_app.ui.charts.projects import ProjectsBreakdownChart
from corridor_app.ui.currency_box import DisplayCurrencyBox
from corridor_app.ui.reconcile_panel import ReconciliationPanel
from corridor_app.ui.scenario_panel import ScenarioPanel
from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.table_panel import TablePanel
from corridor_app.ui.terms import table_name

TABLE_TABS = (
    ("contributions", "Contributions"),
    ("totals", "Totals"),
    ("targets", "Targets"),
    ("progress", "Progress"),
    ("projects", "Projects"),
    ("fx", "FX"),
)
Submit = Callable[[Edit], None]


class Workspace(QWidget):
    """Tables, charts and the reconciliation strip over ``workbook``, following ``session.view``.

    ``sig_message`` carries what the status bar should say (a refused edit, a paste).
    """

    sig_message = Signal(str)

    def __init__(self, session: Session, workbook: Workbook, submit: Submit, *, staged: bool = False) -> None:
        super().__init__()
        self._session = session
        self._workbook = workbook
        self._submit = submit
        self._subscriptions: list[tuple[str, Callable[[Any], None]]] = []
        self.build_steps = self._build()
        if not staged:
            for _ in self.build_steps:
                pass

    def _follow(self, name: str, handler: Callable[[Any], None]) -> None:
        self._session.view.subscribe(name, handler)
        self._subscriptions.append((name, handler))

    def _build(self) -> Iterator[None]:
        view, workbook = self._session.view, self._workbook
        self.reconciliation = ReconciliationPanel(workbook, view.corridor)
        self.currency_box = DisplayCurrencyBox()
        self.currency_box.set_display(view.display)
        yield
        # Charts are built when first shown; the first one just after the window's first paint (issue 14).
        self.chart_tabs = ChartArea(workbook, view.corridor, view.display, staged=True, deferred=True)
        self.chart_tabs.set_scenario(view.scenario)
        self.chart_tabs.set_start_year(view.pacing_start_year)
        self.chart_tabs.set_own_ranges(view.tornado_own_ranges)
        for _ in self.chart_tabs.build_steps:
            yield
        self.chart_tabs.sig_bar_clicked.connect(self._on_bar_clicked)
        corridors = workbook.corridors()
        self.corridor_box = QComboBox()
        self.corridor_box.addItems(corridors or [self.tr("(no corridor)")])
        if view.corridor in corridors:
            self.corridor_box.setCurrentText(view.corridor)
        self.tabs = QTabWidget()
        self.panels: dict[str, TablePanel] = {}
        for key, title in TABLE_TABS:
            model = WorkbookTableModel(workbook, key, self._submit)
            model.sig_edit_refused.connect(self.sig_message)
            panel = TablePanel(model, self._submit, self._session.defaults_for, fit_columns=False)
            panel.sig_message.connect(self.sig_message)
            self.panels[key] = panel
            self.tabs.addTab(panel, table_name(title))
            yield
            for _ in panel.fit_column_steps():
                yield
        self.table_models = {key: panel.model for key, panel in self.panels.items()}
        self.table_views = {key: panel.view for key, panel in self.panels.items()}
        self.panels["contributions"].sig_rows_selected.connect(self.chart_tabs.highlight_rows)
        self._table_keys: dict[QWidget, str] = {panel: key for key, panel in self.panels.items()}
        self.log_model = ChangeLogModel(workbook)
        log_view = QTableView()
        log_view.setModel(self.log_model)
        log_view.horizontalHeader().setStretchLastSection(True)
        self.scenario_panel = ScenarioPanel(workbook, self._submit, view.corridor)
        self.scenario_panel.sig_edit_refused.connect(self.sig_message)
        self.tabs.insertTab(len(TABLE_TABS) - 1, self.scenario_panel, table_name("Scenarios"))
        self._table_keys[self.scenario_panel] = "scenarios"
        # The chart follows the table in use, unless the user pinned another chart tab (issue 14).
        self.tabs.currentChanged.connect(
            lambda i: self.chart_tabs.show_for_table(self._table_keys.get(self.tabs.widget(i), ""))
        )
        self.tabs.addTab(log_view, table_name("Change log"))
        yield
        self._lay_out()
        self._bind_view_state()

    def _lay_out(self) -> None:
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 4, 6, 0)
        top_layout.addWidget(QLabel(self.tr("Corridor:")))
        top_layout.addWidget(self.corridor_box)
        top_layout.addWidget(self.reconciliation, 1)
        top_layout.addWidget(QLabel(self.tr("Display:")))
        top_layout.addWidget(self.currency_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.chart_tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)

    def _bind_view_state(self) -> None:
        """The boxes and the scenario list set the session's view state; every view follows it from there."""
        view = self._session.view
        self.corridor_box.currentTextChanged.connect(self._on_corridor_chosen)
        self.currency_box.display_changed.connect(lambda display: setattr(view, "display", display))
        self.scenario_panel.sig_scenario_changed.connect(lambda name: setattr(view, "scenario", name))
        self._follow("corridor", self._on_corridor_changed)
        self._follow("display", self._on_display_changed)
        self._follow("scenario", self.chart_tabs.set_scenario)
        self.chart_tabs.sig_start_year_changed.connect(lambda year: setattr(view, "pacing_start_year", year))
        self.chart_tabs.sig_own_ranges_changed.connect(lambda own: setattr(view, "tornado_own_ranges", own))
        self._follow("tornado_own_ranges", self.chart_tabs.set_own_ranges)
        self._follow("pacing_start_year", self.chart_tabs.set_start_year)
        if view.scenario:
            self.scenario_panel.select(view.scenario)

    def _on_corridor_chosen(self, corridor: str) -> None:
        if corridor in self._workbook.corridors():
            self._session.view.corridor = corridor

    def _on_corridor_changed(self, corridor: str) -> None:
        self.corridor_box.setCurrentText(corridor)
        for view in (self.chart_tabs, self.reconciliation, self.scenario_panel):
            view.set_corridor(corridor)

    def _on_display_changed(self, display: object) -> None:
        self.currency_box.set_display(display)  # type: ignore[arg-type]
        self.chart_tabs.set_display(display)  # type: ignore[arg-type]

    def _on_bar_clicked(self, rows: tuple[int, ...]) -> None:
        self.tabs.setCurrentWidget(self.panels["contributions"])
        self.panels["contributions"].select_source_rows(rows)

    @property
    def chart(self) -> ContributionsChart:
        """The contributions chart (built now if it is not yet)."""
        return self.chart_tabs.chart

    @property
    def projects_chart(self) -> ProjectsBreakdownChart:
        return self.chart_tabs.projects_chart

    @property
    def comparison_chart(self) -> CorridorComparisonChart:
        return self.chart_tabs.comparison_chart

    def current_panel(self) -> TablePanel:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TablePanel) else self.panels["contributions"]

    def detach(self) -> None:
        """Stop following the workbook and the view state (another workbook is coming)."""
        for name, handler in self._subscriptions:
            self._session.view.unsubscribe(name, handler)
        self._subscriptions.clear()
        for panel in self.panels.values():
            panel.model.detach()
        for view in (self.chart_tabs, self.reconciliation, self.log_model, self.scenario_panel):
            view.detach()
