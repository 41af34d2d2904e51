"""Undo and Redo as Qt actions over the session's history (which knows nothing of Qt).

The actions' text names the step ("Undo edit Iran amount"), as QUndoStack's did;
``sig_clean_changed`` tells the window's title when the workbook matches the file.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from corridor_app.session.history import History, HistoryEvent
from corridor_app.ui.terms import table_name

# model/edits.describe and model/paste.paste_name name the steps in English; the counted ones are
# translated whole, the others ("edit Iran amount", a scenario's own name) keep their words after a verb.
_COUNTED = (
    (re.compile(r"^edit (\d+) cells? in (.+)$"), "edit %Ln cell(s) in {table}"),
    (re.compile(r"^insert (\d+) rows? in (.+)$"), "insert %Ln row(s) in {table}"),
    (re.compile(r"^delete (\d+) rows? from (.+)$"), "delete %Ln row(s) from {table}"),
    (re.compile(r"^Paste (\d+) cells?()$"), "paste %Ln cell(s)"),
)


def _counted(template: str, count: int) -> str:
    """``template`` translated with its plural form (the templates are listed literally for lupdate)."""
    texts = {
        "edit %Ln cell(s) in {table}": QCoreApplication.translate("UndoStep", "edit %Ln cell(s) in {table}", "", count),
        "insert %Ln row(s) in {table}": QCoreApplication.translate(
            "UndoStep", "insert %Ln row(s) in {table}", "", count
        ),
        "delete %Ln row(s) from {table}": QCoreApplication.translate(
            "UndoStep", "delete %Ln row(s) from {table}", "", count
        ),
        "paste %Ln cell(s)": QCoreApplication.translate("UndoStep", "paste %Ln cell(s)", "", count),
    }
    return texts[template]


def step_name(name: str) -> str:
    """An undo step's English name (``describe``) in the interface's language, as far as it can be told."""
    for pattern, template in _COUNTED:
        if match := pattern.match(name):
            return _counted(template, int(match.group(1))).format(table=table_name(match.group(2)))
    verb, _, rest = name.partition(" ")
    if verb == "edit":
        return QCoreApplication.translate("UndoStep", "edit {what}").format(what=rest)
    return name


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
        self.undo.setText(f"{undo} {step_name(history.undo_name)}" if history.can_undo else undo)
        self.redo.setText(f"{redo} {step_name(history.redo_name)}" if history.can_redo else redo)
