"""The window's file road: Open (in the background, with the import step), Open Recent, Save, Save As.

A mixin of ``MainWindow``: it uses the window's session, loader, settings, safety and status bar, and
``_install_in_steps`` to show what was opened. Its strings are translated in the window's context
("MainWindow"), as they were when these methods lived there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication as Q  # short: the strings are the window's (context MainWindow)
from PySide6.QtWidgets import QFileDialog, QMessageBox

from corridor_app.io.errors import LoadError, SaveError
from corridor_app.io.loading.loader import OPENABLE
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.model.errors import Problem
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook
from corridor_app.session import OpenFile, policy_for
from corridor_app.ui.background import BackgroundTask, Cancelled, Progress, run_in_background
from corridor_app.ui.background_save import save_responsively
from corridor_app.ui.file_safety import Choice
from corridor_app.ui.import_dialog import offer_import_step
from corridor_app.ui.recent import recent_files, remember_file
from corridor_app.ui.terms import file_title


class Loader(Protocol):
    """The one loader calling convention: progress, Cancel, and the column mapping of the import step."""

    def __call__(
        self,
        path: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        mapping: ColumnMapping | None = None,
    ) -> Workbook: ...


def workbook_findings(workbook: Workbook) -> list[Problem]:
    """What the status bar reports after a load: the reader's problems, then validation warnings."""
    return workbook.problems + [p for p in validate(workbook) if p.severity != "info"]


class FileRoad:
    """Open and save for ``MainWindow`` (see the module docstring)."""

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.session.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """The Save / Discard / Cancel question (replaced in tests)."""
        return QMessageBox.question(
            self,
            Q.translate("MainWindow", "Unsaved changes"),
            Q.translate("MainWindow", "Save the changes to {name}?").format(name=file_title(self.session.file.name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )

    def open_path(self, path: str) -> bool:
        """Load ``path`` (blocking: scripts and tests); on failure say why and keep the current workbook."""
        try:
            workbook = self._loader(path)
        except LoadError as exc:
            QMessageBox.warning(self, Q.translate("MainWindow", "Cannot open file"), exc.describe())
            return False
        self._stop_pending_install()
        for _ in self._install_steps(workbook, OpenFile(path, policy_for(path)), None):
            pass
        self._opened(path)
        return True

    def _on_open_triggered(self) -> None:
        if not self.maybe_save():
            return
        start = str(Path(self.path).parent) if self.path else ""
        kinds = Q.translate("MainWindow", "Spreadsheets ({patterns});;All files (*)").format(
            patterns=" ".join("*" + s for s in OPENABLE)
        )
        path, _ = QFileDialog.getOpenFileName(self, Q.translate("MainWindow", "Open corridor workbook"), start, kinds)
        if path:
            self.open_path_in_background(path)

    def open_path_in_background(self, path: str, mapping: ColumnMapping | None = None) -> BackgroundTask:
        """Load ``path`` on a worker thread with progress and Cancel; the current workbook stays until then.

        ``finished`` means the file is read; the window then builds the new workspace over a few turns and
        emits ``sig_file_opened``. A newer Open replaces this one, and edits made while the file is read are
        asked about again before it replaces them.
        """
        if self._open_task is not None and self._open_task.running:
            self._open_task.cancel()  # the newest Open wins
        undo_index = self.session.history.index

        def load(progress: Progress, cancelled: Cancelled) -> tuple[Workbook, list[Problem]]:
            workbook = self._loader(path, progress=progress, cancelled=cancelled, mapping=mapping)
            progress(0.95, Q.translate("MainWindow", "Checking the figures…"))
            return workbook, workbook_findings(workbook)  # not on the GUI thread

        task = run_in_background(load, Q.translate("MainWindow", "Opening {name}…").format(name=Path(path).name), self)
        task.finished.connect(lambda loaded: self._on_background_loaded(path, *loaded, undo_index=undo_index))
        task.failed.connect(lambda error: self._on_background_load_failed(error, path))
        self._open_task = task
        return task

    def _on_background_loaded(
        self, path: str, workbook: Workbook, findings: list[Problem], *, undo_index: int | None = None
    ) -> None:
        if undo_index is not None and self.session.history.index != undo_index and not self.maybe_save():
            self._say(
                Q.translate("MainWindow", "{name} was not opened: the current workbook stays").format(
                    name=Path(path).name
                ),
                10_000,
            )
            return
        file = OpenFile(path, policy_for(path))
        self._install_in_steps(workbook, file, findings).finished.connect(lambda: self._opened(path))

    def _opened(self, path: str) -> None:
        """``path`` is on screen: remember it, offer crash recovery, say so."""
        remember_file(self.settings, path)
        self._update_title()
        self.safety.file_opened(path)
        self.sig_file_opened.emit(path)

    def _on_background_load_failed(self, error: object, path: str = "") -> None:
        # No table recognised: the import step lets the user say which column is which (issue 17).
        mapping = offer_import_step(error, path, self.settings, self) if path else None
        if mapping is not None:
            self.open_path_in_background(path, mapping)
            return
        fallback = Q.translate("MainWindow", "The file could not be opened ({error}).").format(error=error)
        text = error.describe() if isinstance(error, LoadError) else fallback
        QMessageBox.warning(self, Q.translate("MainWindow", "Cannot open file"), text)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for i, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.open_path_in_background(p))
        if not files:
            self.recent_menu.addAction(Q.translate("MainWindow", "(none)")).setEnabled(False)

    def save(self) -> bool:
        """Save in place when the file's policy allows it, keeping what the app does not own; else Save As."""
        file = self.session.file
        if not file.saves_in_place or file.path is None:
            return self.save_as()
        if Path(file.path).exists() and (decision := self.safety.in_place_decision(file.path)) is not Choice.SAVE_HERE:
            return decision is Choice.SAVE_AS and self.save_as()
        return self.save_to(file.path, in_place=True)

    def save_to(self, path: str, *, in_place: bool = False) -> bool:
        """The one save road: verified, atomic, a large workbook written on a worker thread."""
        preserve = path if in_place and Path(path).exists() else None
        try:
            save_responsively(self, self.workbook, path, preserve=preserve)
        except SaveError as exc:
            if in_place:
                question = Q.translate("MainWindow", "{error}\n\nSave as a new file instead?").format(error=exc)
                answer = QMessageBox.question(self, Q.translate("MainWindow", "Cannot save in place"), question)
                return answer == QMessageBox.StandardButton.Yes and self.save_as()
            QMessageBox.critical(self, Q.translate("MainWindow", "Cannot save"), str(exc))
            return False
        self.session.saved(path)
        remember_file(self.settings, path)
        self.safety.saved()
        self._say(Q.translate("MainWindow", "Saved {name}").format(name=Path(path).name), 5000)
        return True

    def save_as(self) -> bool:
        suggested = str(Path(self.path).with_suffix(".xlsx")) if self.path else "corridor.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self,
            Q.translate("MainWindow", "Save As"),
            suggested,
            Q.translate("MainWindow", "Excel workbook (*.xlsx)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.save_to(path)
