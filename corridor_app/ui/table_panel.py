"""One table on screen: a filter box over a sortable view, with clipboard and row editing.

The view shows the table through a ``RowView`` (sorted, filtered); every action maps
proxy rows back to table rows, so an edit, paste or delete on a sorted or
filtered view lands on the right record. All changes go out as model edits
through ``submit`` (the undo stack).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from corridor_app.io.tsv import format_tsv, parse_tsv
from corridor_app.model.edits import DeleteRows, Edit, InsertRows, SetCells
from corridor_app.model.errors import ParseError
from corridor_app.model.paste import block_size, build_fill, build_paste, is_single_value, tile
from corridor_app.model.schema import Value
from corridor_app.ui.background import run_in_steps
from corridor_app.ui.keys import AppKeysFirst, KeysFirstDelegate
from corridor_app.ui.row_view import RowView
from corridor_app.ui.table_model import WorkbookTableModel

Defaults = Callable[[str], dict[str, Value]]
# Rows measured when fitting a column (Qt's default is 1000: 36 ms a column, the window stalled on open).
FIT_SAMPLE_ROWS = 250


class TablePanel(QWidget):
    """Filter box + table view over one ``WorkbookTableModel``."""

    sig_rows_selected = Signal(tuple)
    sig_message = Signal(str)

    def __init__(
        self, model: WorkbookTableModel, submit: Callable[[Edit], None], defaults: Defaults, *, fit_columns: bool = True
    ) -> None:
        """Without ``fit_columns`` the caller runs ``fit_column_steps`` (one column per event-loop turn)."""
        super().__init__()
        self.model = model
        self._submit = submit
        self._defaults = defaults
        # Sorted and filtered with numpy, not through Qt's proxy (issue 7: usable at a million rows).
        self.proxy = RowView(model, self)
        self.filter_box = QLineEdit(placeholderText=self.tr("Filter rows (Ctrl+F)"), clearButtonEnabled=True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        # Ctrl+E, Ctrl+S, Ctrl+O... reach the window from the filter box; its own typing keeps Ctrl+Z.
        self._app_keys = AppKeysFirst(self)
        self.filter_box.installEventFilter(self._app_keys)
        self._searching = ""
        self._fit_pending = False
        self.proxy.sig_search_changed.connect(self._on_search_changed)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(KeysFirstDelegate(self.view))  # Ctrl+S while typing saves what is typed
        # The indicator goes to "unsorted" before sorting is enabled: enabling sorts by the indicator's
        # column, and the table opens in its own order.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        # Low, High and Approximate take no room while no row states a range (issue 14: no sideways scroll
        # at 1366 px); they appear with the first range, and the header's menu shows them at any time.
        self._range_columns = [
            i for i, c in enumerate(model.workbook.table(model.table_key).spec.columns) if c.bound_of
        ]
        self._show_ranges = QAction(self.tr("Show the Low, High and Approximate columns"), self)
        self._show_ranges.setCheckable(True)
        self._show_ranges.toggled.connect(self._show_range_columns_in_use)
        if self._range_columns:
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            header.addAction(self._show_ranges)
        model.modelReset.connect(self._show_range_columns_in_use)
        model.dataChanged.connect(self._on_cells_changed)
        self._show_range_columns_in_use()
        if fit_columns:
            self.fit_columns()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        QWidget.setTabOrder(self.filter_box, self.view)
        # Enter in the filter box goes to the first matching row, so find-then-edit needs no mouse.
        self.filter_box.returnPressed.connect(self._on_filter_return_pressed)
        self._build_actions()

    def _on_search_changed(self, text: str) -> None:
        """Say that a large table is being searched (the rows change once it is done)."""
        if text:
            self._searching = text
            message = self.tr("Searching %Ln row(s) for “{text}”…", "", self.model.rowCount())
            self.sig_message.emit(message.format(text=text))
        elif self._searching and self.proxy.filter_text() == self._searching:  # done, not given up for newer text
            found = self.proxy.rowCount()
            message = self.tr("%Ln row(s) match “{text}”", "", found).format(text=self._searching)
            self.sig_message.emit(message)

    def _show_range_columns_in_use(self) -> None:
        table = self.model.workbook.table(self.table_key)
        keys = table.keys
        for col in self._range_columns:
            shown = self._show_ranges.isChecked() or _holds_anything(table.column(keys[col]))
            self.view.setColumnHidden(col, not shown)

    def _on_cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if any(top_left.column() <= c <= bottom_right.column() for c in self._range_columns):
            self._show_range_columns_in_use()

    def fit_column_steps(self) -> Iterator[None]:
        """Fit each column to its header and first rows, within 60-260 px; one column per step.

        Measuring a column asks the model for every role of ``FIT_SAMPLE_ROWS`` cells (about
        10 ms a column), so a window opening a file spreads the columns over event-loop turns.
        """
        if self.isHidden() and self.parentWidget() is not None:
            # A tab behind the first one: fitted when first shown, not at start-up (issue 14).
            self._fit_pending = True
            return
        self._fit_pending = False
        for col in range(self.model.columnCount()):
            if self.view.isColumnHidden(col):  # an empty range column: Qt's default width when it appears
                yield
                continue
            self.view.resizeColumnToContents(col)
            self.view.setColumnWidth(col, min(max(self.view.columnWidth(col), 60), 260))
            yield

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            run_in_steps(self.fit_column_steps(), self)

    def fit_columns(self) -> None:
        for _ in self.fit_column_steps():
            pass

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        # Shortcuts live on the window's Edit menu (one owner per key); these serve the context menu.
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        self._action(self.tr("Copy") + "\tCtrl+C", self.copy_selection)
        self._action(self.tr("Copy with headers") + "\tCtrl+Shift+C", lambda: self.copy_selection(with_headers=True))
        self._action(self.tr("Paste") + "\tCtrl+V", self.paste)
        self._action(self.tr("Insert row below") + "\tCtrl+Shift+=", self.insert_row)
        self._action(self.tr("Delete rows") + "\tCtrl+-", self.delete_rows)
        self._action(self.tr("Clear cells") + "\tDel", self.clear_cells)

    @property
    def table_key(self) -> str:
        return self.model.table_key

    # --- row mapping ------------------------------------------------------------
    def source_row(self, proxy_row: int) -> int:
        return int(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def selected_source_rows(self) -> tuple[int, ...]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()}
        return tuple(sorted(rows))

    def select_source_rows(self, rows: tuple[int, ...]) -> None:
        """Select whole rows of the table (e.g. when a bar is clicked), scrolling to the first."""
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for row in rows:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, self.proxy.index(index.row(), last))
        model = self.view.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not selection.isEmpty():
            first = selection.indexes()[0]
            model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def _on_selection_changed(self, *_: object) -> None:
        self.sig_rows_selected.emit(self.selected_source_rows())

    def _on_filter_return_pressed(self) -> None:
        self.proxy.flush()  # a large table waits for the typing to stop; Enter means it has
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    # --- clipboard ---------------------------------------------------------------
    def copy_selection(self, with_headers: bool = False) -> None:
        """Copy the selected block as TSV, in view order, as Excel and LibreOffice paste it."""
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        selected = {(i.row(), i.column()) for i in indexes}
        block: list[list[object]] = []
        if with_headers:
            block.append([self.proxy.headerData(c, Qt.Orientation.Horizontal) for c in cols])
        for r in rows:
            block.append(
                [self.proxy.index(r, c).data(Qt.ItemDataRole.EditRole) if (r, c) in selected else "" for c in cols]
            )
        QGuiApplication.clipboard().setText(format_tsv(block))
        n = len(selected)
        self.sig_message.emit(self.tr("Copied %Ln cell(s)", "", n))

    def paste(self) -> None:
        """Paste the clipboard as a spreadsheet does, as one undo step, or refuse it whole (issue 14).

        A block lands at the current cell (the top-left of a selected rectangle), as many rows and
        columns as it has, over the rows the view shows; a single value fills the selected cells when
        several are selected, and only those; a block whose size divides the selected rectangle is
        repeated over it.
        """
        current = self.view.currentIndex()
        if not current.isValid():
            self.sig_message.emit(self.tr("Paste: select the cell where the block should start"))
            return
        block: list[list[str]] = parse_tsv(QGuiApplication.clipboard().text())
        selection = self.view.selectionModel().selectedIndexes()
        try:
            block_size(block)
            if is_single_value(block) and len(selection) > 1:
                targets = [(self.proxy.mapToSource(i).row(), i.column()) for i in selection]
                edit = build_fill(self.model.workbook, self.table_key, targets, block[0][0])
                pasted = selection
            else:
                top, left = current.row(), current.column()
                rect = _rectangle(selection)
                if rect is not None and len(selection) > 1:
                    top, left, n_rows, n_cols = rect
                    block = tile(block, n_rows, n_cols) or block
                last = min(top + len(block), self.proxy.rowCount())
                rows = [self.source_row(r) for r in range(top, last)]
                edit = build_paste(
                    self.model.workbook, self.table_key, rows, left, block, rows_left=self.proxy.rowCount() - top
                )
                width = max(len(r) for r in block)
                pasted = [self.proxy.index(r, c) for r in range(top, last) for c in range(left, left + width)]
            self._submit(edit)
        except ParseError as exc:
            self.sig_message.emit(exc.message)
            return
        self._select_indexes(pasted)
        self.sig_message.emit(self.tr("Pasted %Ln cell(s)", "", len(edit.cells)))

    def _select_indexes(self, indexes: list[QModelIndex]) -> None:
        """Select what a paste wrote, as a spreadsheet shows it (the current cell stays)."""
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        model = self.view.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- rows ---------------------------------------------------------------------
    def insert_row(self) -> None:
        """Insert a record below the current one (at the end of an empty or unselected table)."""
        current = self.view.currentIndex()
        table = self.model.workbook.table(self.table_key)
        position = self.source_row(current.row()) + 1 if current.isValid() else len(table)
        record = self._defaults(self.table_key)
        self._submit(InsertRows(self.table_key, (position,), (tuple(record.items()),)))
        first_text = next((i for i, k in enumerate(table.keys) if k in ("country", "project", "target")), 0)
        index = self.proxy.mapFromSource(self.model.index(position, first_text))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.sig_message.emit(self.tr("Row inserted: type its values; Ctrl+Z removes it"))

    def delete_rows(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            return
        self._submit(DeleteRows(self.table_key, rows))
        self.sig_message.emit(self.tr("Deleted %Ln row(s); Ctrl+Z restores", "", len(rows)))

    def clear_cells(self) -> None:
        indexes = [self.proxy.mapToSource(i) for i in self.view.selectionModel().selectedIndexes()]
        if not indexes:
            return
        keys = self.model.workbook.table(self.table_key).keys
        cells = tuple((i.row(), keys[i.column()], None) for i in indexes)
        try:
            self._submit(SetCells(self.table_key, cells))
        except ParseError as exc:
            self.sig_message.emit(exc.message)

    def current_source_index(self) -> QModelIndex:
        return self.proxy.mapToSource(self.view.currentIndex())


def _rectangle(indexes: list[QModelIndex]) -> tuple[int, int, int, int] | None:
    """(top, left, rows, columns) when ``indexes`` fill one rectangle exactly, else None."""
    if not indexes:
        return None
    rows = {i.row() for i in indexes}
    cols = {i.column() for i in indexes}
    top, left = min(rows), min(cols)
    n_rows, n_cols = max(rows) - top + 1, max(cols) - left + 1
    if len({(i.row(), i.column()) for i in indexes}) != n_rows * n_cols:
        return None
    return top, left, n_rows, n_cols


def _holds_anything(column: np.ndarray) -> bool:
    """Whether any row of a stored column has a value (NaN and None are blank)."""
    if column.dtype.kind == "f":
        return bool((~np.isnan(column)).any())
    return any(v is not None and v != "" for v in column.tolist())
