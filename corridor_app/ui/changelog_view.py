"""The change log on screen: every applied edit, newest first, read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from corridor_app.model.workbook import COLUMNS, Change, Workbook
from corridor_app.ui.terms import change_log_column


class ChangeLogModel(QAbstractTableModel):
    """Adapter over ``Workbook.change_log``; refreshes on every announced change."""

    def __init__(self, workbook: Workbook) -> None:
        super().__init__()
        self._workbook = workbook
        workbook.subscribe(self._on_workbook_changed)

    def detach(self) -> None:
        self._workbook.unsubscribe(self._on_workbook_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._workbook.change_log)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return change_log_column(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        log = self._workbook.change_log
        entry = log[len(log) - 1 - index.row()]
        value = entry.as_row()[index.column()]
        return "" if value is None else str(value)

    def _on_workbook_changed(self, change: Change) -> None:
        del change
        self.beginResetModel()
        self.endResetModel()
