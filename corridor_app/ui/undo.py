"""Edits on the undo stack: a thin ``QUndoCommand`` around a model edit.

The edit is applied (and so validated) before it is pushed, so a refused value
never reaches the stack; the command then only swaps the edit and its inverse.
``last_applied`` is the edit the command last applied (on push, undo or redo),
which the autosave journal records: undo and redo are edits too.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from corridor_app.model.changelog import apply_logged
from corridor_app.model.edits import Edit, describe
from corridor_app.model.workbook import Workbook


class EditCommand(QUndoCommand):
    """Undoable wrapper of one already-applied edit."""

    def __init__(self, workbook: Workbook, edit: Edit, inverse: Edit, text: str) -> None:
        super().__init__(text)
        self._workbook = workbook
        self._edit = edit
        self._inverse = inverse
        self._applied = True  # push() calls redo() once; the edit is already in place
        self.last_applied: Edit = edit

    def redo(self) -> None:
        if self._applied:
            return
        self._inverse = apply_logged(self._workbook, self._edit, "redo")
        self._applied = True
        self.last_applied = self._edit

    def undo(self) -> None:
        applied = self._inverse
        self._edit = apply_logged(self._workbook, applied, "undo")
        self._applied = False
        self.last_applied = applied


def push_edit(stack: QUndoStack, workbook: Workbook, edit: Edit) -> None:
    """Apply ``edit`` and record it; raises ``ParseError``/``IndexError`` without touching the stack."""
    text = describe(workbook, edit)
    inverse = apply_logged(workbook, edit)
    stack.push(EditCommand(workbook, edit, inverse, text))
