"""Undo and Redo as Qt actions over the session's history (which knows nothing of Qt).

The actions' text names the step ("Undo edit Iran amount"), as QUndoStack's did;
``sig_clean_changed`` tells the window's title when the workbook matches the file.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from corridor_app.session.history import History, HistoryEvent
from corridor_app.ui.terms import table_name

# model/edits.describe and model/paste.paste_name name the steps in English: the counted ones are
# translated whole, the others ("edit Iran amount") keep the record's and column's words after the verb.
_COUNTED = {
    "edit": re.compile(r"^edit (\d+) cells? in (.+)$"),
    "insert": re.compile(r"^insert (\d+) rows? in (.+)$"),
    "delete": re.compile(r"^delete (\d+) rows? from (.+)$"),
    "paste": re.compile(r"^Paste (\d+) cells?()$"),
}


class HistoryActions(QObject):
    """``undo`` and ``redo`` actions that follow ``history``."""

    sig_clean_changed = Signal(bool)

    def __init__(self, history: History, parent: QObject) -> None:
        super().__init__(parent)
        self._history = history
        keys = QKeySequence.StandardKey
        self.undo = QAction(self.tr("&Undo"), parent)
        self.undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
        self.undo.triggered.connect(self._on_undo_triggered)
        self.redo = QAction(self.tr("&Redo"), parent)
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
        undo, redo = self.tr("&Undo"), self.tr("&Redo")
        self.undo.setText(f"{undo} {self.step_name(history.undo_name)}" if history.can_undo else undo)
        self.redo.setText(f"{redo} {self.step_name(history.redo_name)}" if history.can_redo else redo)

    def step_name(self, name: str) -> str:
        """An undo step's English name (``describe``) in the interface's language, as far as it can be told."""
        for verb, pattern in _COUNTED.items():
            if match := pattern.match(name):
                n, table = int(match.group(1)), table_name(match.group(2))
                if verb == "edit":
                    return self.tr("edit %Ln cell(s) in {table}", "", n).format(table=table)
                if verb == "insert":
                    return self.tr("insert %Ln row(s) in {table}", "", n).format(table=table)
                if verb == "delete":
                    return self.tr("delete %Ln row(s) from {table}", "", n).format(table=table)
                return self.tr("Paste %Ln cell(s)", "", n)
        verb, _, rest = name.partition(" ")
        return self.tr("edit {what}").format(what=rest) if verb == "edit" else name
