"""Undo and Redo as Qt actions over the session's history (which knows nothing of Qt).

The actions' text names the step ("Undo edit Iran amount"), as QUndoStack's did;
``sig_clean_changed`` tells the window's title when the workbook matches the file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from corridor_app.session.history import History, HistoryEvent


class HistoryActions(QObject):
    """``undo`` and ``redo`` actions that follow ``history``."""

    sig_clean_changed = Signal(bool)

    def __init__(self, history: History, parent: QObject) -> None:
        super().__init__(parent)
        self._history = history
        keys = QKeySequence.StandardKey
        self.undo = QAction("&Undo", parent)
        self.undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
        self.undo.triggered.connect(self._on_undo_triggered)
        self.redo = QAction("&Redo", parent)
        redo_keys = QKeySequence.keyBindings(keys.Redo)
        ctrl_y = QKeySequence("Ctrl+Y")
        self.redo.setShortcuts(redo_keys + ([ctrl_y] if ctrl_y not in redo_keys else []))
        self.redo.triggered.connect(self._on_redo_triggered)
        self._clean = history.is_clean
        history.subscribe(self._on_history_changed)
        self._update()

    def detach(self) -> None:
        self._history.unsubscribe(self._on_history_changed)

    def _on_undo_triggered(self) -> None:
        self._history.undo()

    def _on_redo_triggered(self) -> None:
        self._history.redo()

    def _on_history_changed(self, event: HistoryEvent) -> None:
        self._update()
        if event.clean != self._clean:
            self._clean = event.clean
            self.sig_clean_changed.emit(event.clean)

    def _update(self) -> None:
        history = self._history
        self.undo.setEnabled(history.can_undo)
        self.redo.setEnabled(history.can_redo)
        self.undo.setText(f"&Undo {history.undo_name}" if history.can_undo else "&Undo")
        self.redo.setText(f"&Redo {history.redo_name}" if history.can_redo else "&Redo")
