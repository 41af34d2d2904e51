"""Edits on the undo stack: a thin ``QUndoCommand`` around a model edit.

The edit is applied (and so validated) before it is pushed, so a refused value
never reaches the stack; the command then only swaps the edit and its inverse.
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

    def redo(self) -> None:
        if self._applied:
            return
        self._inverse = apply_logged(self._workbook, self._edit, "redo")
        self._applied = True

    def undo(self) -> None:
        self._edit = apply_logged(self._workbook, self._inverse, "undo")
        self._applied = False


def push_edit(stack: QUndoStack, workbook: Workbook, edit: Edit) -> None:
    """Apply ``edit`` and record it; raises ``ParseError``/``IndexError`` without touching the stack."""
    text = describe(workbook, edit)
    inverse = apply_logged(workbook, edit)
    stack.push(EditCommand(workbook, edit, inverse, text))
