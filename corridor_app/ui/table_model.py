"""Qt table model over one table of the workbook; it stores no data of its own.

``setData`` parses the text with ``schema.parse_cell``; a refused value returns
False and the reason goes out through ``sig_edit_refused`` for the status bar.
A valid value becomes a ``SetCell`` edit handed to ``submit`` (the undo stack).
The view refreshes only from the workbook's change announcements.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from corridor_app.model.edits import Edit, SetCell, SetCells
from corridor_app.model.errors import ParseError
from corridor_app.model.precision import cell_unit
from corridor_app.model.ranges import edit_cells
from corridor_app.model.schema import parse_cell
from corridor_app.model.workbook import Change, Workbook
from corridor_app.ui.number_format import edit_number, shown_number
from corridor_app.ui.reason_text import translate_reason
from corridor_app.ui.terms import choice, column_label

AnyIndex = QModelIndex | QPersistentModelIndex
_MISSING_SOURCE = QBrush(QColor("#fff4d6"))
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_ROLES = frozenset({_DISPLAY, _EDIT, _ALIGN, _TOOLTIP, _BACKGROUND})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_value(value: object, kind: str, unit: str | None = None) -> str:
    """How a stored value is shown: numbers with thousands separators and the precision their
    ``unit`` and value call for (``model.precision``: ``11,000`` km, ``60.0`` %), years plain."""
    if value is None:
        return ""
    if kind == "year":
        return str(value)
    if kind == "number" and isinstance(value, float | int) and not isinstance(value, bool):
        return shown_number(float(value), unit)
    return str(value)


def edit_text(value: object) -> str:
    """The text an editor starts with: the full value, no grouping, the user's decimal sign (``13,2``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return edit_number(value)
    return str(value)


class WorkbookTableModel(QAbstractTableModel):
    """One workbook table (Contributions, Totals, Targets, Projects) as a Qt model."""

    sig_edit_refused = Signal(str)

    def __init__(self, workbook: Workbook, table: str, submit: Callable[[Edit], None]) -> None:
        super().__init__()
        self._workbook = workbook
        self._key = table
        self._submit = submit
        workbook.subscribe(self._on_workbook_changed)

    @property
    def table_key(self) -> str:
        return self._key

    @property
    def workbook(self) -> Workbook:
        return self._workbook

    def detach(self) -> None:
        """Stop listening to the workbook (when the window switches to another file)."""
        self._workbook.unsubscribe(self._on_workbook_changed)

    def _table(self):  # type: ignore[no-untyped-def]
        return self._workbook.table(self._key)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table().keys)

    def column_key(self, column: int) -> str:
        return str(self._table().keys[column])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self._table()
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(table.keys):
                return None
            key = table.keys[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_label(table.label(key))
            if role == Qt.ItemDataRole.ToolTipRole:
                header = table.header(key)
                if header == table.label(key):
                    return None
                return QCoreApplication.translate("WorkbookTableModel", "In the file: {header}").format(header=header)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell_data(index.row(), index.column(), role)

    def cell_data(self, row: int, column: int, role: int) -> Any:
        """What ``data`` gives for table row ``row`` (the row view calls this without making an index)."""
        # Called ~10 times per visible cell per repaint (once per role): unhandled roles return first,
        # and the cell is read straight from its numpy column.
        if role not in _ROLES:
            return None
        table = self._table()
        key = table.keys[column]
        value = table.value(row, key)
        spec = table.column_spec(key)
        kind = spec.kind
        if spec.choices and isinstance(value, str) and role in (_DISPLAY, _EDIT):
            return choice(value)  # read back as the same choice: each translation is one of its aliases
        if role == _DISPLAY:
            if kind != "number" or value is None:
                return format_value(value, kind)
            return format_value(value, kind, cell_unit(self._key, key, lambda c: table.value(row, c)))
        if role == _EDIT:
            return edit_text(value)
        if role == _ALIGN:
            return _RIGHT if kind != "text" else None
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        if role == _BACKGROUND and key == "source" and value is None:
            return _MISSING_SOURCE
        return None

    def _tooltip(self, row: int, key: str) -> str | None:
        table = self._table()
        if "source" not in table.keys:
            return None
        source = table.value(row, "source")
        sheet, at = table.where(row)
        origin = "\n" + self.tr("From {sheet}, row {row}").format(sheet=sheet, row=at) if at else ""
        missing = self.tr("No source given for this figure")
        if key == "source":
            return missing if source is None else str(source)
        return (self.tr("Source: {source}").format(source=source) if source else missing) + origin

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        table = self._table()
        key = table.keys[index.column()]
        spec = table.column_spec(key)
        try:
            parsed, quantity = parse_cell(spec, value if not isinstance(value, str) else value.strip())
        except ParseError as exc:
            self.sig_edit_refused.emit(self._refused(spec.label, index.row(), exc))
            return False
        # A bound typed into a figure ("over 38", "12–14") also writes its Low/High (issue 18), as one edit.
        cells, refused = edit_cells(table.spec, table.record(index.row()), key, parsed, quantity)
        if refused is not None:
            self.sig_edit_refused.emit(self._refused(spec.label, index.row(), ParseError(refused)))
            return False
        if all(v == table.value(index.row(), k) for k, v in cells.items()):
            return True
        row = index.row()
        edit: Edit = (
            SetCell(self._key, row, key, parsed)
            if len(cells) == 1
            else SetCells(self._key, tuple((row, k, v) for k, v in cells.items()))
        )
        try:
            self._submit(edit)
        except ParseError as exc:
            self.sig_edit_refused.emit(self._refused(spec.label, index.row(), exc))
            return False
        return True

    def _refused(self, label: str, row: int, exc: ParseError) -> str:
        """The status bar's words for a refused value: the column as on screen, the row, the reason."""
        text = self.tr("{column}, row {row}: {reason}; the old value is kept")
        return text.format(column=column_label(label), row=row + 1, reason=translate_reason(exc.message))

    def _on_workbook_changed(self, change: Change) -> None:
        if change.table != self._key:
            return
        if change.structural or change.rows is None:
            self.beginResetModel()
            self.endResetModel()
            return
        keys = self._table().keys
        cols = [keys.index(c) for c in (change.columns or keys) if c in keys]
        if not cols or not change.rows:
            return
        top = self.index(min(change.rows), min(cols))
        bottom = self.index(max(change.rows), max(cols))
        self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
