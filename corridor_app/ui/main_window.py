"""The main window: the workbook's tables, the linked charts and the reconciliation strip.

Everything that shows data is built over one ``Workbook`` in ``_install``; an
edit in a table becomes a model edit on the undo stack, and the charts and the
reconciliation refresh from the workbook's announcement, not from the table.
Selecting rows brushes their bars; clicking a bar selects its rows.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
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
from corridor_app.io.loading.loader import OPEN_FILTER
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.edits import Edit
from corridor_app.model.errors import Problem
from corridor_app.model.reconcile import corridor_unit
from corridor_app.model.schema import Value
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook
from corridor_app.ui.background import (
    BackgroundTask,
    Cancelled,
    Progress,
    StepRunner,
    run_in_background,
    run_in_steps,
)
from corridor_app.ui.background_save import save_responsively
from corridor_app.ui.changelog_view import ChangeLogModel
from corridor_app.ui.charts.area import ChartArea
from corridor_app.ui.currency_box import DisplayCurrencyBox
from corridor_app.ui.export_actions import ReportExport, add_export_actions
from corridor_app.ui.file_safety import Choice, FileSafety
from corridor_app.ui.recent import recent_files, remember_file
from corridor_app.ui.reconcile_panel import ReconciliationPanel
from corridor_app.ui.scenario_panel import ScenarioPanel
from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.table_panel import TablePanel
from corridor_app.ui.undo import push_edit

TABLE_TABS = (
    ("contributions", "Contributions"),
    ("totals", "Totals"),
    ("targets", "Targets"),
    ("projects", "Projects"),
    ("fx", "FX"),
)
OPENABLE = {".xlsx", ".xlsm", ".ods", ".csv", ".tsv", ".txt", ".xls", ".xlsb"}
IN_PLACE = {".xlsx", ".xlsm"}
Loader = Callable[[str], Workbook]


def workbook_findings(workbook: Workbook) -> list[Problem]:
    """What the status bar reports after a load: the reader's problems, then validation warnings."""
    return workbook.problems + [p for p in validate(workbook) if p.severity != "info"]


class MainWindow(QMainWindow):
    """One workbook on screen: tabs of tables, the charts and the reconciliation."""

    sig_file_opened = Signal(str)  # a file's workbook is on screen (after Open, in the background or not)
    untitled_name = "untitled"  # the title without a file (the bundled dataset says so)

    def __init__(
        self, workbook: Workbook, loader: Loader, path: str | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self._loader = loader
        self._loader_reports = {"progress", "cancelled"} <= set(inspect.signature(loader).parameters)
        self.settings = settings if settings is not None else QSettings()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.workbook = workbook
        self.path = path
        self.panels: dict[str, TablePanel] = {}
        self.table_models: dict[str, WorkbookTableModel] = {}
        self.table_views: dict[str, QTableView] = {}
        self._pending_install: StepRunner | None = None
        self._open_task: BackgroundTask | None = None
        self.setAcceptDrops(True)
        self._build_actions()
        self._install(workbook)
        self.resize(1280, 760)
        self._restore_layout()
        self.safety = FileSafety(self)  # lossy saves, lock files, autosave journal, recovery (issue 6)

    # --- construction ---------------------------------------------------------
    def _add(self, menu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._add(file_menu, "&Open…", self._on_open_triggered, keys.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.save_action = self._add(file_menu, "&Save", self.save, keys.Save)
        self.save_as_action = self._add(file_menu, "Save &As…", self.save_as, keys.SaveAs)
        self.export_action, self.export_chart_action = add_export_actions(self, file_menu)
        file_menu.addSeparator()
        self._add(file_menu, "&Quit", self.close, "Ctrl+Q")
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo_keys = QKeySequence.keyBindings(keys.Redo)
        self.redo_action.setShortcuts(redo_keys + [QKeySequence("Ctrl+Y")] * (QKeySequence("Ctrl+Y") not in redo_keys))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.copy_action = self._add(edit_menu, "&Copy", lambda: self.current_panel().copy_selection(), keys.Copy)
        self.copy_headers_action = self._add(
            edit_menu, "Copy with &headers", lambda: self.current_panel().copy_selection(True), "Ctrl+Shift+C"
        )
        self.paste_action = self._add(edit_menu, "&Paste", lambda: self.current_panel().paste(), keys.Paste)
        self.clear_action = self._add(
            edit_menu, "C&lear cells", lambda: self.current_panel().clear_cells(), keys.Delete
        )
        edit_menu.addSeparator()
        self.insert_action = self._add(
            edit_menu,
            "&Insert row",
            lambda: self.current_panel().insert_row(),
            [QKeySequence("Ctrl+Shift+="), QKeySequence("Ctrl++")],
        )
        self.delete_rows_action = self._add(
            edit_menu, "&Delete rows", lambda: self.current_panel().delete_rows(), "Ctrl+-"
        )
        edit_menu.addSeparator()
        self._add(edit_menu, "&Find…", lambda: self.current_panel().focus_filter(), keys.Find)

    def _install(self, workbook: Workbook, findings: list[Problem] | None = None) -> None:
        """Build every view over ``workbook`` at once; the previous views stop listening."""
        self._stop_pending_install()
        for _ in self._install_steps(workbook, findings):
            pass

    def _install_in_steps(self, workbook: Workbook, findings: list[Problem] | None = None) -> StepRunner:
        """The same, one step per event-loop turn: the window keeps painting (issue 7: never blocked > 50 ms).

        The current views stay on screen, and edits are refused, until the last step swaps the new ones in.
        """
        self._stop_pending_install()
        self._pending_install = run_in_steps(self._install_steps(workbook, findings), self)
        return self._pending_install

    def _stop_pending_install(self) -> None:
        if self._pending_install is not None:
            self._pending_install.stop()
            self._pending_install = None

    def _install_steps(self, workbook: Workbook, findings: list[Problem] | None) -> Iterator[None]:
        """Build the views into locals, yielding between the costly parts, then swap them in at once."""
        corridors = workbook.corridors()
        first = corridors[0] if corridors else ""
        reconciliation = ReconciliationPanel(workbook, first)
        currency_box = DisplayCurrencyBox()
        yield
        chart_tabs = ChartArea(workbook, first, currency_box.display, staged=True)
        for _ in chart_tabs.build_steps:
            yield
        yield  # the last chart's step ends here, not with the first table's
        currency_box.display_changed.connect(chart_tabs.set_display)
        chart_tabs.chart.sig_bar_clicked.connect(self._on_bar_clicked)
        corridor_box = QComboBox()
        corridor_box.addItems(corridors or ["(no corridor)"])
        corridor_box.currentTextChanged.connect(self._on_corridor_changed)
        tabs = QTabWidget()
        panels: dict[str, TablePanel] = {}
        for key, title in TABLE_TABS:
            model = WorkbookTableModel(workbook, key, self.submit_edit)
            model.sig_edit_refused.connect(self._on_message)
            panel = TablePanel(model, self.submit_edit, self._defaults_for, fit_columns=False)
            panel.sig_message.connect(self._on_message)
            panels[key] = panel
            tabs.addTab(panel, title)
            yield
            for _ in panel.fit_column_steps():
                yield
        panels["contributions"].sig_rows_selected.connect(chart_tabs.chart.highlight_rows)
        log_model = ChangeLogModel(workbook)
        log_view = QTableView()
        log_view.setModel(log_model)
        log_view.horizontalHeader().setStretchLastSection(True)
        scenario_panel = ScenarioPanel(workbook, self.submit_edit, first)
        scenario_panel.sig_edit_refused.connect(self._on_message)
        scenario_panel.sig_scenario_changed.connect(chart_tabs.scenario_charts.set_scenario)
        tabs.insertTab(len(TABLE_TABS) - 1, scenario_panel, "Scenarios")
        tabs.addTab(log_view, "Change log")
        if findings is None:
            findings = workbook_findings(workbook)
        yield
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 4, 6, 0)
        top_layout.addWidget(QLabel("Corridor:"))
        top_layout.addWidget(corridor_box)
        top_layout.addWidget(reconciliation, 1)
        top_layout.addWidget(QLabel("Display:"))
        top_layout.addWidget(currency_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tabs)
        splitter.addWidget(chart_tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)
        previous = self.centralWidget()
        if previous is not None:
            # Polish and lay out off screen now, so the swap's turn only paints.
            central.ensurePolished()
            central.resize(previous.size())
            layout.activate()
            yield
        # The swap: from here on the window shows ``workbook``.
        self._detach_views()
        self._pending_install = None
        self.workbook = workbook
        self.undo_stack.clear()
        self.reconciliation, self.currency_box, self.chart_tabs = reconciliation, currency_box, chart_tabs
        self.chart = chart_tabs.chart
        self.projects_chart = chart_tabs.projects_chart
        self.comparison_chart = chart_tabs.comparison_chart
        self.corridor_box, self.tabs, self.splitter = corridor_box, tabs, splitter
        self.panels = panels
        self.table_models = {key: panel.model for key, panel in panels.items()}
        self.table_views = {key: panel.view for key, panel in panels.items()}
        self.log_model, self.scenario_panel = log_model, scenario_panel
        if previous is not None:
            self.takeCentralWidget()
            previous.hide()
            self._dispose_in_steps(previous)
        self.setCentralWidget(central)
        self._update_title()
        self._show_findings(findings)

    def _dispose_in_steps(self, previous: QWidget) -> None:
        """Delete the old views a tab page per event-loop turn, after the first paint of the new ones.

        All at once they took 50-100 ms to destroy (six charts, six tables and their Python wrappers).
        """

        def steps() -> Iterator[None]:
            for tab_widget in previous.findChildren(QTabWidget):
                while shiboken6.isValid(tab_widget) and tab_widget.count():
                    page = tab_widget.widget(tab_widget.count() - 1)
                    tab_widget.removeTab(tab_widget.count() - 1)
                    page.deleteLater()
                    yield
            previous.deleteLater()

        run_in_steps(steps(), self)

    def _detach_views(self) -> None:
        for model in self.table_models.values():
            model.detach()
        if hasattr(self, "chart_tabs"):
            for view in (self.chart_tabs, self.reconciliation, self.log_model, self.scenario_panel):
                view.detach()

    def current_panel(self) -> TablePanel:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TablePanel) else self.panels["contributions"]

    # --- edits ---------------------------------------------------------------
    def submit_edit(self, edit: Edit) -> None:
        """The one road for data changes from the UI: apply, log, record for undo."""
        if self._pending_install is not None:
            # The workbook on screen is about to be replaced: an edit now would be lost without a word.
            self._on_message("Opening a file: the edit was not made")
            return
        push_edit(self.undo_stack, self.workbook, edit)

    def _defaults_for(self, table: str) -> dict[str, Value]:
        corridor = self.chart.corridor
        if table == "contributions":
            return {"corridor": corridor or None, "unit": corridor_unit(self.workbook, corridor) or None}
        if table in ("totals", "projects"):
            return {"corridor": corridor or None}
        return {}

    def _on_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_corridor_changed(self, corridor: str) -> None:
        for view in (self.chart_tabs, self.reconciliation, self.scenario_panel):
            view.set_corridor(corridor)

    def _on_bar_clicked(self, rows: tuple[int, ...]) -> None:
        self.tabs.setCurrentWidget(self.panels["contributions"])
        self.panels["contributions"].select_source_rows(rows)

    # --- files -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if self.undo_stack.isClean():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """The Save / Discard / Cancel question (replaced in tests)."""
        return QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {Path(self.path).name if self.path else 'the workbook'}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )

    def open_path(self, path: str) -> bool:
        """Load ``path`` (blocking: scripts and tests); on failure say why and keep the current workbook."""
        try:
            workbook = self._loader(path)
        except LoadError as exc:
            QMessageBox.warning(self, "Cannot open file", exc.describe())
            return False
        self._install(workbook)
        self._opened(path)
        return True

    def _on_open_triggered(self) -> None:
        if not self.maybe_save():
            return
        start = str(Path(self.path).parent) if self.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open corridor workbook", start, OPEN_FILTER)
        if path:
            self.open_path_in_background(path)

    def open_path_in_background(self, path: str) -> BackgroundTask:
        """Load ``path`` on a worker thread with progress and Cancel; the current workbook stays until then.

        The task's ``finished`` means the file is read; the window then builds its views over a few
        event-loop turns and emits ``sig_file_opened`` when it shows the new workbook. The window stays
        usable meanwhile (progress and Cancel are in the status bar): a newer Open replaces this one, and
        edits made while the file is read are asked about again before it replaces them.
        """
        if self._open_task is not None and self._open_task.running:
            self._open_task.cancel()  # the newest Open wins
        undo_index = self.undo_stack.index()

        def load(progress: Progress, cancelled: Cancelled) -> tuple[Workbook, list[Problem]]:
            if self._loader_reports:  # the child-process loader: real progress, and Cancel stops the child
                workbook = self._loader(path, progress=progress, cancelled=cancelled)  # type: ignore[call-arg]
            else:
                workbook = self._loader(path)
            progress(0.95, "Checking the figures…")
            return workbook, workbook_findings(workbook)  # not on the GUI thread

        task = run_in_background(load, f"Opening {Path(path).name}…", self)
        task.finished.connect(lambda loaded: self._on_background_loaded(path, *loaded, undo_index=undo_index))
        task.failed.connect(self._on_background_load_failed)
        self._open_task = task
        return task

    def _on_background_loaded(
        self, path: str, workbook: Workbook, findings: list[Problem], *, undo_index: int | None = None
    ) -> None:
        if undo_index is not None and self.undo_stack.index() != undo_index and not self.maybe_save():
            self.statusBar().showMessage(f"{Path(path).name} was not opened: the current workbook stays", 10_000)
            return
        self._install_in_steps(workbook, findings).finished.connect(lambda: self._opened(path))

    def _opened(self, path: str) -> None:
        """``path`` is on screen: remember it, title it, offer crash recovery, say so."""
        self.path = path
        remember_file(self.settings, path)
        self._update_title()
        self.safety.file_opened(path)
        self.sig_file_opened.emit(path)

    def _on_background_load_failed(self, error: object) -> None:
        text = error.describe() if isinstance(error, LoadError) else f"The file could not be opened ({error})."
        QMessageBox.warning(self, "Cannot open file", text)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for i, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.open_path_in_background(p))
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def save(self) -> bool:
        """Save in place when the file is an xlsx, keeping what the app does not own; else Save As."""
        if not self.path or Path(self.path).suffix.lower() not in IN_PLACE:
            return self.save_as()
        if Path(self.path).exists() and (decision := self.safety.in_place_decision(self.path)) is not Choice.SAVE_HERE:
            return decision is Choice.SAVE_AS and self.save_as()
        try:
            save_workbook(self.workbook, self.path, preserve=self.path if Path(self.path).exists() else None)
        except SaveError as exc:
            answer = QMessageBox.question(self, "Cannot save in place", f"{exc}\n\nSave as a new file instead?")
            return answer == QMessageBox.StandardButton.Yes and self.save_as()
        return self._saved(self.path)

    def save_to(self, path: str) -> bool:
        """Write a new file at ``path`` (Save As); a large workbook is written on a worker thread."""
        try:
            save_responsively(self, self.workbook, path)
        except SaveError as exc:
            QMessageBox.critical(self, "Cannot save", str(exc))
            return False
        return self._saved(path)

    def _saved(self, path: str) -> bool:
        self.path = path
        remember_file(self.settings, path)
        self.undo_stack.setClean()
        self.safety.saved()
        self._update_title()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def save_as(self) -> bool:
        suggested = str(Path(self.path).with_suffix(".xlsx")) if self.path else "corridor.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, "Save As", suggested, "Excel workbook (*.xlsx)")
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.save_to(path)

    def _update_title(self) -> None:
        name = Path(self.path).name if self.path else self.untitled_name
        dirty = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{name}{dirty} — corridor_app")

    def _show_findings(self, problems: list[Problem]) -> None:
        if problems:
            self.statusBar().showMessage(
                f"{len(problems)} warning{'s' if len(problems) != 1 else ''}: {problems[0]}", 15000
            )
        else:
            self.statusBar().clearMessage()

    # --- drag and drop, layout, close ---------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and Path(urls[0].toLocalFile()).suffix.lower() in OPENABLE:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = event.mimeData().urls()[0].toLocalFile()
        event.acceptProposedAction()
        if self.maybe_save():
            self.open_path_in_background(path)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        share = self.settings.value("window/tables_share")
        if share is not None:
            # A share, not pixel sizes: the window may come back at another width (another screen).
            left = min(max(float(share), 0.15), 0.85)  # type: ignore[arg-type]
            self.splitter.setSizes([int(1000 * left), int(1000 * (1 - left))])

    def ask_stop_export(self, path: str) -> QMessageBox.StandardButton:
        """Whether to stop a running export to close the window (replaced in tests)."""
        return QMessageBox.question(
            self,
            "Export still running",
            f"The report {Path(path).name} is still being written. Stop it and close?\n\n"
            "The previous report, if any, stays as it was.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )

    def _stop_background_work(self) -> bool:
        """Before closing: stop a running export (if the user agrees) and a file being opened."""
        exports = [job for job in self.findChildren(ReportExport) if job.running]
        if exports and self.ask_stop_export(exports[0].path) != QMessageBox.StandardButton.Yes:
            return False
        for job in exports:
            job.stop()
        if self._open_task is not None and self._open_task.running:
            self._open_task.cancel()
            self._open_task.wait()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save() or not self._stop_background_work():
            event.ignore()
            return
        self._stop_pending_install()
        self.settings.setValue("window/geometry", self.saveGeometry())
        sizes = self.splitter.sizes()
        if sum(sizes):
            self.settings.setValue("window/tables_share", sizes[0] / sum(sizes))
        self.settings.sync()
        self.safety.closed()
        self._detach_views()
        event.accept()
