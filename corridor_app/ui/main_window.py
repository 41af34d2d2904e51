"""The main window: menus and actions over one Session, and the workspace that shows its workbook.

The window owns no data and no view state: the session holds the workbook, the
edit history, the corridor and currency on screen and the open file; the
``Workspace`` (tables, charts, strip) follows it. Opening a file replaces the
session's workbook and builds a new workspace over a few event-loop turns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from corridor_app.io.loading.loader import OPENABLE
from corridor_app.model.edits import Edit
from corridor_app.model.errors import Problem
from corridor_app.model.workbook import Workbook
from corridor_app.session import OpenFile, Session
from corridor_app.ui.background import BackgroundTask, StepRunner, run_in_steps
from corridor_app.ui.export_actions import ExportContext, ReportExport, add_export_actions
from corridor_app.ui.file_road import FileRoad, Loader, workbook_findings
from corridor_app.ui.file_safety import FileSafety
from corridor_app.ui.goal_seek_dialog import GoalSeekDialog
from corridor_app.ui.help import add_help_menu
from corridor_app.ui.history_actions import HistoryActions
from corridor_app.ui.i18n import add_language_menu
from corridor_app.ui.terms import file_title
from corridor_app.ui.workspace import Workspace


class MainWindow(FileRoad, QMainWindow):
    """Menus, actions and the workspace over ``session``; ``loader`` reads the files the user opens."""

    sig_file_opened = Signal(str)  # a file's workbook is on screen (after Open, in the background or not)

    def __init__(self, session: Session, loader: Loader, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self._loader = loader
        self.settings = settings if settings is not None else QSettings()
        self.history_actions = HistoryActions(session.history, self)
        self.history_actions.sig_clean_changed.connect(self._update_title)
        session.subscribe(self._on_session_changed)
        self.workspace: Workspace | None = None
        self._pending_install: StepRunner | None = None
        self._open_task: BackgroundTask | None = None
        self._tables_share: float | None = None
        self.setAcceptDrops(True)
        self.safety = FileSafety(session, self, self._say)  # lossy saves, lock files, journal, recovery (issue 6)
        self._build_actions()
        self._install(session.workbook)
        self.resize(1280, 760)
        self._restore_layout()

    @property
    def workbook(self) -> Workbook:
        """The workbook on screen (the session's)."""
        return self.session.workbook

    @property
    def path(self) -> str | None:
        return self.session.file.path

    # --- actions ----------------------------------------------------------------------
    def _add(self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._add(file_menu, self.tr("&Open…"), self._on_open_triggered, keys.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.save_action = self._add(file_menu, self.tr("&Save"), self.save, keys.Save)
        self.save_as_action = self._add(file_menu, self.tr("Save &As…"), self.save_as, keys.SaveAs)
        self.export_context = ExportContext(
            self.session, self.settings, self, self.statusBar(), lambda: self.workspace and self.workspace.chart_tabs
        )
        self.export_action, self.export_chart_action = add_export_actions(self.export_context, file_menu)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action, self.redo_action = self.history_actions.undo, self.history_actions.redo
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        panel = self.current_panel
        self.copy_action = self._add(edit_menu, self.tr("&Copy"), lambda: panel().copy_selection(), keys.Copy)
        self.copy_headers_action = self._add(
            edit_menu, self.tr("Copy with &headers"), lambda: panel().copy_selection(True), "Ctrl+Shift+C"
        )
        self.paste_action = self._add(edit_menu, self.tr("&Paste"), lambda: panel().paste(), keys.Paste)
        self.clear_action = self._add(edit_menu, self.tr("C&lear cells"), lambda: panel().clear_cells(), keys.Delete)
        edit_menu.addSeparator()
        self.insert_action = self._add(
            edit_menu,
            self.tr("&Insert row"),
            lambda: panel().insert_row(),
            [QKeySequence("Ctrl+Shift+="), QKeySequence("Ctrl++")],
        )
        self.delete_rows_action = self._add(edit_menu, self.tr("&Delete rows"), lambda: panel().delete_rows(), "Ctrl+-")
        edit_menu.addSeparator()
        self._add(edit_menu, self.tr("&Find…"), lambda: panel().focus_filter(), keys.Find)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.goal_seek_action = self._add(tools_menu, self.tr("&Goal Seek…"), self.open_goal_seek, "Ctrl+G")
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        add_language_menu(view_menu, self.settings, parent=self)
        self.help_menu = add_help_menu(self.menuBar(), self)

    def open_goal_seek(self) -> GoalSeekDialog:
        """Tools > Goal Seek…: what one country (or all) would need for the parts to reach a total."""
        dialog = GoalSeekDialog(self.workbook, self.session.view.corridor, self.submit_edit, self)
        dialog.open()
        return dialog

    def current_panel(self):  # type: ignore[no-untyped-def]
        assert self.workspace is not None
        return self.workspace.current_panel()

    # --- the workspace over a workbook ----------------------------------------------------
    def _install(self, workbook: Workbook, findings: list[Problem] | None = None) -> None:
        """Build the workspace over ``workbook`` at once."""
        self._stop_pending_install()
        for _ in self._install_steps(workbook, None, findings):
            pass

    def _install_in_steps(
        self, workbook: Workbook, file: OpenFile, findings: list[Problem] | None = None
    ) -> StepRunner:
        """The same, a step per event-loop turn (issue 7: never blocked > 50 ms); edits are refused meanwhile."""
        self._stop_pending_install()
        self._pending_install = run_in_steps(self._install_steps(workbook, file, findings), self)
        return self._pending_install

    def _stop_pending_install(self) -> None:
        if self._pending_install is not None:
            self._pending_install.stop()
            self._pending_install = None

    def _install_steps(
        self, workbook: Workbook, file: OpenFile | None, findings: list[Problem] | None
    ) -> Iterator[None]:
        """Build the new workspace off screen, yielding between the costly parts, then swap it in at once."""
        workspace = Workspace(self.session, workbook, self.submit_edit, staged=True)
        workspace.sig_message.connect(self._say)
        yield from workspace.build_steps
        if findings is None:
            findings = workbook_findings(workbook)
        previous = self.workspace
        if previous is not None:
            # Polish and lay out off screen now, so the swap's turn only paints.
            workspace.ensurePolished()
            workspace.resize(previous.size())
            workspace.layout().activate()
            yield
            previous.detach()
        self._pending_install = None
        if file is not None:  # the swap: the session works on the new workbook, which the new views follow
            self.session.replace(workbook, file)
        self.workspace = workspace
        if previous is not None:
            self.takeCentralWidget()
            previous.hide()
            self._dispose_in_steps(previous)
        self.setCentralWidget(workspace)
        self._update_title()
        self._show_findings(findings)

    def _dispose_in_steps(self, previous: QWidget) -> None:
        """Delete the old views a tab page per event-loop turn (all at once took 50-100 ms)."""

        def steps() -> Iterator[None]:
            for tab_widget in previous.findChildren(QTabWidget):
                while shiboken6.isValid(tab_widget) and tab_widget.count():
                    page = tab_widget.widget(tab_widget.count() - 1)
                    tab_widget.removeTab(tab_widget.count() - 1)
                    page.deleteLater()
                    yield
            previous.deleteLater()

        run_in_steps(steps(), self)

    # --- edits -------------------------------------------------------------------------
    def submit_edit(self, edit: Edit) -> None:
        """The one road for data changes from the UI: the session's history applies, logs and records it."""
        if self._pending_install is not None:
            # The workbook on screen is about to be replaced: an edit now would be lost without a word.
            self._say(self.tr("Opening a file: the edit was not made"))
            return
        self.session.submit(edit)

    def _say(self, message: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(message, ms)

    def _on_session_changed(self, event: str) -> None:
        self._update_title()

    def _update_title(self, *_: object) -> None:
        dirty = " *" if self.session.dirty else ""
        self.setWindowTitle(f"{file_title(self.session.file.name)}{dirty} — corridor_app")

    def _show_findings(self, problems: list[Problem]) -> None:
        if problems:
            self._say(self.tr("%Ln warning(s): {first}", "", len(problems)).format(first=problems[0]), 15000)
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
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        share = self.settings.value("window/tables_share")
        # A share, not pixel sizes: the window may come back at another width (another screen). Applied
        # once the window is shown: the splitter's first layout would undo sizes given before.
        self._tables_share = None if share is None else min(max(float(share), 0.15), 0.85)  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._tables_share is not None:
            QTimer.singleShot(0, self._apply_tables_share)

    def _apply_tables_share(self) -> None:
        share, self._tables_share = self._tables_share, None
        if share is not None and self.workspace is not None:
            total = sum(self.workspace.splitter.sizes()) or 1000
            self.workspace.splitter.setSizes([int(total * share), total - int(total * share)])

    def ask_stop_export(self, path: str) -> QMessageBox.StandardButton:
        """Whether to stop a running export to close the window (replaced in tests)."""
        return QMessageBox.question(
            self,
            self.tr("Export still running"),
            self.tr(
                "The report {name} is still being written. Stop it and close?\n\n"
                "The previous report, if any, stays as it was."
            ).format(name=Path(path).name),
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
        if self.workspace is not None:
            sizes = self.workspace.splitter.sizes()
            if sum(sizes):
                self.settings.setValue("window/tables_share", sizes[0] / sum(sizes))
            self.workspace.detach()
        self.settings.sync()
        self.safety.closed()
        self.history_actions.detach()
        self.session.unsubscribe(self._on_session_changed)
        event.accept()
