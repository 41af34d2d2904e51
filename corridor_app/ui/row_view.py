"""The rows a table view shows: sorted and filtered with numpy, mapped to the table by an index array.

It stands where a ``QSortFilterProxyModel`` would, with the same mapping calls
(``mapToSource``, ``mapFromSource``, ``sort``, ``setFilterFixedString``), but
sorts and filters a column at a time (``model/ordering.py``) instead of asking
for two cells per comparison: at 100k rows a sort took 16 s and each key typed
in the filter box 6 s through Qt's proxy; here both take milliseconds, and a
million rows stay usable. Large tables filter a moment after the last key, not
on every key, and a piece of a column per event-loop turn (``filter_steps``): a
million rows of notes take a second or two to search, and the window keeps
painting and answering meanwhile; the view changes once the search is done.

Sorting and filtering apply when asked for (a header click, the filter text)
and when rows are inserted or deleted; an edited cell keeps its place until
then, as in a spreadsheet, so the row being edited never jumps away.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from corridor_app.model.ordering import filter_mask, filter_steps, sort_order
from corridor_app.ui.background import StepRunner, run_in_steps
from corridor_app.ui.table_model import WorkbookTableModel, format_value

AnyIndex = QModelIndex | QPersistentModelIndex
DEBOUNCE_ROWS = 20_000  # a table this large filters 250 ms after the last key typed
DEBOUNCE_MS = 250


def _shown(value: object, kind: str) -> str:
    """The text a cell shows (blank for NaN), as the filter matches it."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return format_value(value, kind)


class RowView(QAbstractTableModel):
    """``source``'s rows in view order: ``_order[view_row]`` is the table row.

    ``sig_search_changed`` carries the text a large table is being searched for, and "" once the search
    has ended (done or given up).
    """

    sig_search_changed = Signal(str)

    def __init__(self, source: WorkbookTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._sort_column = -1
        self._descending = False
        self._needle = ""
        self._order = np.arange(source.rowCount(), dtype=np.int64)
        self._position: np.ndarray | None = None  # table row -> view row (-1 hidden), built on demand
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refilter)
        self._pending_needle = ""
        self._filtering: StepRunner | None = None  # a large table's search in progress
        source.dataChanged.connect(self._on_source_data_changed)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._on_source_reset)
        source.headerDataChanged.connect(self.headerDataChanged)
        for structural in (source.rowsInserted, source.rowsRemoved, source.columnsInserted, source.columnsRemoved):
            structural.connect(self._on_source_structure)
        source.layoutChanged.connect(self._on_source_structure)

    # --- the QSortFilterProxyModel calls the window uses ------------------------------
    def sourceModel(self) -> WorkbookTableModel:
        return self._source

    def mapToSource(self, index: AnyIndex) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return QModelIndex()
        return self._source.index(int(self._order[index.row()]), index.column())

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        position = self._positions()
        row = index.row()
        if not 0 <= row < len(position) or position[row] < 0:
            return QModelIndex()
        return self.index(int(position[row]), index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0 and self._sort_column < 0:
            return  # "unsorted" again (as when sorting is switched on): a million rows need no relayout
        self._sort_column = column
        self._descending = descending
        self._relayout()

    def setFilterFixedString(self, text: str) -> None:
        """Show the rows with a cell containing ``text`` (ignoring case); at once for small tables."""
        self._pending_needle = text
        if self._source.rowCount() < DEBOUNCE_ROWS or not text:
            self._debounce.stop()
            self._refilter()
        else:
            self._stop_search()  # the text it searches for is no longer the one typed
            self._debounce.start()

    def filter_text(self) -> str:
        return self._needle

    def flush(self) -> None:
        """Apply a filter still waiting for the typing to stop, or still searching, now."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._refilter()
        if self._filtering is not None:
            self._filtering.finish_now()

    @property
    def filtering(self) -> bool:
        """True while a large table's search runs (the view shows the previous filter until it is done)."""
        return self._filtering is not None

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._source.columnCount()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._order):
            return None
        return self._source.cell_data(int(self._order[row]), index.column(), role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return bool(self._source.setData(self.mapToSource(index), value, role))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return self._source.flags(self.mapToSource(index))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._order):
                return None
            return self._source.headerData(int(self._order[section]), orientation, role)
        return self._source.headerData(section, orientation, role)

    # --- keeping the order ----------------------------------------------------------------
    def _positions(self) -> np.ndarray:
        if self._position is None:
            position = np.full(self._source.rowCount(), -1, dtype=np.int64)
            position[self._order] = np.arange(len(self._order), dtype=np.int64)
            self._position = position
        return self._position

    def _compute(self, mask: np.ndarray | None = None) -> np.ndarray:
        table = self._source.workbook.table(self._source.table_key)
        keys = table.keys
        if 0 <= self._sort_column < len(keys):
            order = sort_order(table, keys[self._sort_column], self._descending)
        else:
            order = np.arange(len(table), dtype=np.int64)
        if self._needle:
            if mask is None or len(mask) != len(table):
                mask = filter_mask(table, self._needle, _shown)
            order = order[mask[order]]
        return order

    def _relayout(self, mask: np.ndarray | None = None) -> None:
        """Recompute the order (with ``mask``, the filter already computed); selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(self._order[i.row()] if 0 <= i.row() < len(self._order) else -1, i.column()) for i in persistent]
        self._order = self._compute(mask)
        self._position = None
        position = self._positions()
        moved = [
            self.index(int(position[row]), col) if 0 <= row < len(position) and position[row] >= 0 else QModelIndex()
            for row, col in sources
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _refilter(self) -> None:
        needle = self._pending_needle
        self._stop_search()
        if needle == self._needle:
            return
        if not needle or self._source.rowCount() < DEBOUNCE_ROWS:
            self._needle = needle
            self._relayout()
            return
        runner = run_in_steps(self._search(needle), self)
        self._filtering = runner
        runner.finished.connect(lambda: self._on_search_finished(runner))
        self.sig_search_changed.emit(needle)

    def _search(self, needle: str) -> Iterator[None]:
        """Search a piece per turn, then show the rows found; a table changed meanwhile is searched again."""
        table = self._source.workbook.table(self._source.table_key)

        def state() -> tuple[list[int], int]:
            return [table.stamp(key) for key in table.keys], len(table)

        before = state()
        mask: np.ndarray | None = None
        for mask in filter_steps(table, needle, _shown):  # noqa: B007 - the last item is the mask
            yield
        self._needle = needle
        self._relayout(mask if state() == before else None)

    def _stop_search(self) -> None:
        if self._filtering is not None:
            self._filtering.stop()
            self._filtering = None
            self.sig_search_changed.emit("")

    def _on_search_finished(self, runner: StepRunner) -> None:
        if self._filtering is runner:
            self._filtering = None
            self.sig_search_changed.emit("")

    def _on_source_reset(self) -> None:
        self._order = self._compute()
        self._position = None
        self.endResetModel()

    def _on_source_structure(self, *_: object) -> None:
        self.beginResetModel()
        self._on_source_reset()

    def _on_source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        """A cell changed: repaint it where it is shown (it keeps its place until the next sort)."""
        if not len(self._order):
            return
        position = self._positions()
        rows = position[top.row() : bottom.row() + 1]
        shown = rows[rows >= 0]
        if not len(shown):
            return
        first, last = int(shown.min()), int(shown.max())
        self.dataChanged.emit(self.index(first, top.column()), self.index(last, bottom.column()), roles)
