"""The main window: tables of the workbook, the linked chart and the reconciliation strip.

Everything that shows data is built over one ``Workbook`` in ``_install``; an
edit in a table becomes a model edit on the undo stack, and the chart and the
reconciliation refresh from the workbook's announcement, not from the table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from corridor_app.io.errors import LoadError, SaveError
from corridor_app.io.loader import OPEN_FILTER
from corridor_app.io.writer import save_workbook
from corridor_app.model.edits import Edit
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts import ContributionsChart
from corridor_app.ui.comparison_chart import CorridorComparisonChart
from corridor_app.ui.currency_box import DisplayCurrencyBox
from corridor_app.ui.projects_chart import ProjectsBreakdownChart
from corridor_app.ui.reconcile_panel import ReconciliationPanel
from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.undo import push_edit

TABLE_TABS = (
    ("contributions", "Contributions"),
    ("totals", "Totals"),
    ("targets", "Targets"),
    ("projects", "Projects"),
    ("fx", "FX"),
)
Loader = Callable[[str], Workbook]


class MainWindow(QMainWindow):
    """One workbook on screen: tabs of tables, the chart and the reconciliation."""

    def __init__(self, workbook: Workbook, loader: Loader, path: str | None = None) -> None:
        super().__init__()
        self._loader = loader
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.workbook = workbook
        self.path = path
        self.table_models: dict[str, WorkbookTableModel] = {}
        self.table_views: dict[str, QTableView] = {}
        self._build_actions()
        self._install(workbook)
        self.resize(1200, 720)

    # --- construction ---------------------------------------------------------
    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.save_as_action = QAction("Save &As…", self, shortcut=QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self._on_save_as_triggered)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.open_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

    def _install(self, workbook: Workbook) -> None:
        """Build every view over ``workbook``; the previous views stop listening."""
        for model in self.table_models.values():
            model.detach()
        if hasattr(self, "chart"):
            self.chart.detach()
            self.reconciliation.detach()
            self.projects_chart.detach()
            self.comparison_chart.detach()
        self.workbook = workbook
        self.undo_stack.clear()
        corridors = workbook.corridors()
        first = corridors[0] if corridors else ""
        self.reconciliation = ReconciliationPanel(workbook, first)
        self.chart = ContributionsChart(workbook, first)
        self.currency_box = DisplayCurrencyBox()
        self.projects_chart = ProjectsBreakdownChart(workbook, self.currency_box.display, first)
        self.comparison_chart = CorridorComparisonChart(workbook, self.currency_box.display)
        self.currency_box.display_changed.connect(self.projects_chart.set_display)
        self.currency_box.display_changed.connect(self.comparison_chart.set_display)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.addTab(self.chart, "Contributions")
        self.chart_tabs.addTab(self.projects_chart, "Projects")
        self.chart_tabs.addTab(self.comparison_chart, "Corridors compared")
        self.corridor_box = QComboBox()
        self.corridor_box.addItems(corridors or ["(no corridor)"])
        self.corridor_box.currentTextChanged.connect(self._on_corridor_changed)
        self.tabs = QTabWidget()
        self.table_models = {}
        self.table_views = {}
        for key, title in TABLE_TABS:
            model = WorkbookTableModel(workbook, key, self.submit_edit)
            model.sig_edit_refused.connect(self._on_edit_refused)
            view = QTableView()
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
            view.setAlternatingRowColors(True)
            view.setWordWrap(False)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            view.resizeColumnsToContents()
            for col in range(model.columnCount()):
                if view.columnWidth(col) > 260:
                    view.setColumnWidth(col, 260)
            self.table_models[key] = model
            self.table_views[key] = view
            self.tabs.addTab(view, title)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 4, 6, 0)
        top_layout.addWidget(QLabel("Corridor:"))
        top_layout.addWidget(self.corridor_box)
        top_layout.addWidget(self.reconciliation, 1)
        top_layout.addWidget(QLabel("Display:"))
        top_layout.addWidget(self.currency_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.chart_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._update_title()
        self._show_findings()

    # --- edits ---------------------------------------------------------------
    def submit_edit(self, edit: Edit) -> None:
        """The one road for data changes from the UI: apply, record for undo."""
        push_edit(self.undo_stack, self.workbook, edit)

    def _on_edit_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_corridor_changed(self, corridor: str) -> None:
        self.chart.set_corridor(corridor)
        self.reconciliation.set_corridor(corridor)
        self.projects_chart.set_corridor(corridor)

    # --- files -----------------------------------------------------------------
    def open_path(self, path: str) -> bool:
        """Load ``path``; on failure say why and keep the current workbook."""
        try:
            workbook = self._loader(path)
        except LoadError as exc:
            QMessageBox.warning(self, "Cannot open file", exc.describe())
            return False
        self.path = path
        self._install(workbook)
        return True

    def _on_open_triggered(self) -> None:
        start = str(Path(self.path).parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open corridor workbook", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def save_to(self, path: str) -> bool:
        try:
            save_workbook(self.workbook, path)
        except SaveError as exc:
            QMessageBox.critical(self, "Cannot save", str(exc))
            return False
        self.path = path
        self.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def _on_save_as_triggered(self) -> None:
        suggested = str(Path(self.path).with_suffix(".xlsx")) if self.path else "corridor.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, "Save As", suggested, "Excel workbook (*.xlsx)")
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.save_to(path)

    def _update_title(self) -> None:
        name = Path(self.path).name if self.path else "untitled"
        dirty = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{name}{dirty} — corridor_app")

    def _show_findings(self) -> None:
        problems = self.workbook.problems + [p for p in validate(self.workbook) if p.severity != "info"]
        if problems:
            self.statusBar().showMessage(
                f"{len(problems)} warning{'s' if len(problems) != 1 else ''}: {problems[0]}", 15000
            )
        else:
            self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        for model in self.table_models.values():
            model.detach()
        event.accept()
