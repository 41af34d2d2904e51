"""Application shortcuts that work wherever the focus is, while text fields keep their editing keys (issue 14).

A focused ``QLineEdit`` (the filter box, a cell editor, a spin box's text) claims
some Ctrl keys for itself before the window's shortcuts see them: on Linux
Ctrl+E moves to the end of the line, so Export did nothing from the filter box.
``AppKeysFirst`` answers the text field's ``ShortcutOverride`` for it: a Ctrl or
Alt combination that is not a text-editing key goes to the window; Undo and Redo
stay the field's while it has typing to undo or redo, then go to the workbook.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

StandardKey = QKeySequence.StandardKey
# What a text field keeps: clipboard, selection, word moves and deletes.
_TEXT_KEYS = (
    StandardKey.Copy,
    StandardKey.Cut,
    StandardKey.Paste,
    StandardKey.SelectAll,
    StandardKey.DeleteStartOfWord,
    StandardKey.DeleteEndOfWord,
    StandardKey.MoveToNextWord,
    StandardKey.MoveToPreviousWord,
    StandardKey.SelectNextWord,
    StandardKey.SelectPreviousWord,
    StandardKey.SelectStartOfLine,
    StandardKey.SelectEndOfLine,
)
_NAVIGATION = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Insert,
}


def _line_edit(widget: QObject | None) -> QLineEdit | None:
    """The line edit a key goes to: the widget itself, or a spin box's or editable combo box's."""
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        return widget.lineEdit()
    return None


def goes_to_window(event: QKeyEvent, field: QLineEdit) -> bool:
    """Whether the window's shortcut, not the text field, should have this key."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False  # typing, Enter, Escape, arrows: the field's
    if event.key() in _NAVIGATION:
        return False  # Ctrl+Left, Ctrl+Backspace...: word moves and deletes
    if event.matches(StandardKey.Undo):
        return not field.isUndoAvailable()
    if event.matches(StandardKey.Redo) or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Y"):
        return not field.isRedoAvailable()
    return not any(event.matches(key) for key in _TEXT_KEYS)


class AppKeysFirst(QObject):
    """Event filter: lets the window's shortcuts through a focused text field (see the module docstring).

    Install it on a text field (``TablePanel`` does on its filter box), or on the application with
    ``install_app_keys`` to cover every field of every panel and dialog.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        field = _line_edit(watched)
        if field is None:
            return False
        if goes_to_window(event, field):
            _commit_cell_editor(field)
            event.ignore()  # not overridden: the shortcut map gets the key
            return True
        return False


def _commit_cell_editor(field: QWidget) -> None:
    """A cell being typed in keeps its text through a window key: it is committed first.

    As in a spreadsheet, Ctrl+S while typing 8 into a cell saves the 8; without this the
    file would be written from the old value and the 8 committed only afterwards.
    """
    viewport = field.parentWidget()
    view = viewport.parentWidget() if viewport is not None else None
    editing = isinstance(view, QAbstractItemView) and view.state() == QAbstractItemView.State.EditingState
    if editing and view.viewport() is viewport:  # type: ignore[union-attr]
        view.commitData(field)
        view.closeEditor(field, QAbstractItemDelegate.EndEditHint.NoHint)


class KeysFirstDelegate(QStyledItemDelegate):
    """The default cell editors, with ``AppKeysFirst`` on each: window keys work while a cell is typed in."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = AppKeysFirst(self)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.installEventFilter(self._keys)
        return editor


def install_app_keys(app: QApplication) -> AppKeysFirst:
    """Apply ``AppKeysFirst`` to every text field of the application; keep the returned filter alive."""
    keys = _ApplicationKeys(app)
    app.installEventFilter(keys)
    return keys


class _ApplicationKeys(AppKeysFirst):
    """The application-wide form: acts only on the focused widget's own ShortcutOverride."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if watched is not QApplication.focusWidget():
            return False
        return super().eventFilter(watched, event)
