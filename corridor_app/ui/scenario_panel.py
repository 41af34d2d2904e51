"""The scenario panel: the list of scenarios, the selected one's adjustments, and the side-by-side totals.

Every action (new, duplicate, rename, delete, add or remove an adjustment, edit
a cell) becomes a model edit handed to ``submit`` (the undo stack), the same
road as a cell edit in the tables. The list, the adjustments and the totals
refresh only from the workbook's change announcements.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from corridor_app.model import scenario_edits
from corridor_app.model.edits import Edit
from corridor_app.model.errors import ParseError
from corridor_app.model.scenarios import ScenarioColumn, ScenarioError, scenario_names, scenario_totals
from corridor_app.model.workbook import Change, Workbook
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.keys import KeysFirstDelegate
from corridor_app.ui.number_format import format_percent, shown_number
from corridor_app.ui.table_model import WorkbookTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
_WATCHED = {"contributions", "totals", "scenarios"}
_SUMMARY_ROWS = (
    QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Total"),
    QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Δ vs baseline"),
    QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Δ %"),
    QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Published total"),
    QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Residual"),
)
_BASELINE = QT_TRANSLATE_NOOP("ScenarioTotalsModel", "Baseline")
_BOLD_ROWS = {"Total"}
_NEGATIVE = QBrush(QColor("#b03a2e"))
_POSITIVE = QBrush(QColor("#1e7b34"))


class ScenarioTotalsModel(FollowsWorkbook, QAbstractTableModel):
    """Baseline and every scenario as columns; countries, total, deltas, published total, residual, shares as rows.

    Holds only the last ``scenario_totals`` result, recomputed on every
    announcement of a change to contributions, totals or scenarios.
    """

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__()
        self._workbook = workbook
        self._corridor = corridor
        self.columns: list[ScenarioColumn] = []
        self._rows: list[tuple[str, str]] = []  # (kind, country or label)
        self._follow(workbook)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        try:
            self.columns = scenario_totals(self._workbook, self._corridor)
        except ScenarioError:  # the corridor is gone (all its rows deleted)
            self.columns = []
        countries = list(self.columns[0].countries) if self.columns else []
        self._rows = [("amount", c) for c in countries]
        self._rows += [("summary", label) for label in _SUMMARY_ROWS]
        self._rows += [("share", c) for c in countries]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].name if section < len(self.columns) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.columns):
                return None
            column = self.columns[section]
            return self._translate(_BASELINE) if column.baseline else column.name
        if section >= len(self._rows):
            return None
        kind, label = self._rows[section]
        if kind == "share":
            return self.tr("Share: {country}").format(country=label)
        return self._translate(label) if kind == "summary" else label

    @staticmethod
    def _translate(text: str) -> str:
        return QCoreApplication.translate("ScenarioTotalsModel", text)

    def value(self, row: int, column: int) -> float | None:
        """The number in a cell, as computed by ``scenario_totals``."""
        kind, label = self._rows[row]
        col = self.columns[column]
        if kind == "amount":
            return col.countries[label]
        if kind == "share":
            return col.shares[label]
        return {
            "Total": col.total,
            "Δ vs baseline": col.delta,
            "Δ %": col.delta_pct,
            "Published total": col.published_total,
            "Residual": col.residual,
        }[label]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, label = self._rows[index.row()]
        col = self.columns[index.column()]
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(kind, label, col, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not col.baseline:
            delta = col.country_delta.get(label) if kind == "amount" else col.delta if label == "Total" else None
            if delta:
                return _NEGATIVE if delta < 0 else _POSITIVE
        if role == Qt.ItemDataRole.FontRole and label in _BOLD_ROWS and kind == "summary":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and kind == "amount" and not col.baseline:
            pct = col.country_delta_pct.get(label)
            delta = shown_number(col.country_delta[label], col.unit, sign=True)
            return f"{delta} {col.unit}" + (f" ({format_percent(pct, signed=True)})" if pct is not None else "")
        return None

    @staticmethod
    def _text(kind: str, label: str, col: ScenarioColumn, value: float | None) -> str:
        if value is None:
            return QCoreApplication.translate("ScenarioTotalsModel", "excluded") if kind == "amount" else "—"
        if kind == "share" or label == "Δ %":
            return format_percent(value, signed=True) if label == "Δ %" else format_percent(value)
        if label in ("Δ vs baseline", "Residual"):
            return shown_number(value, col.unit, sign=True)
        return shown_number(value, col.unit)


class ScenarioPanel(QWidget):
    """Create, duplicate, rename and delete scenarios, edit their adjustments, and compare their totals."""

    sig_edit_refused = Signal(str)
    sig_scenario_changed = Signal(str)  # the selected scenario ("" when none)

    def __init__(self, workbook: Workbook, submit: Callable[[Edit], None], corridor: str = "") -> None:
        super().__init__()
        self._workbook = workbook
        self._submit = submit
        self._selected = ""
        self.names = QListWidget()
        self.names.currentTextChanged.connect(self._on_selection_changed)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.duplicate_button = QPushButton(self.tr("Duplicate…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button, handler in (
            (self.new_button, self._on_new_clicked),
            (self.duplicate_button, self._on_duplicate_clicked),
            (self.rename_button, self._on_rename_clicked),
            (self.delete_button, self._on_delete_clicked),
        ):
            button.clicked.connect(handler)
            buttons.addWidget(button)

        self.adjustments_model = WorkbookTableModel(workbook, "scenarios", self._submit_edit)
        self.adjustments_model.sig_edit_refused.connect(self.sig_edit_refused)
        self.adjustments = QSortFilterProxyModel(self)
        self.adjustments.setSourceModel(self.adjustments_model)
        self.adjustments.setFilterKeyColumn(workbook.table("scenarios").keys.index("scenario"))
        self.adjustments_view = QTableView()
        self.adjustments_view.setModel(self.adjustments)
        self.adjustments_view.setItemDelegate(KeysFirstDelegate(self.adjustments_view))  # window keys while typing
        self.adjustments_view.setColumnHidden(self.adjustments.filterKeyColumn(), True)
        self.adjustments_view.horizontalHeader().setStretchLastSection(True)
        self.adjustments_view.verticalHeader().hide()
        self.adjustments_view.setToolTip(
            self.tr(
                "Kind: percent (-50 halves), override (new amount), add (amount to add), exclude, none.\n"
                "A blank country or * means every country; applied top to bottom."
            )
        )
        self.add_button = QPushButton(self.tr("Add adjustment"))
        self.remove_button = QPushButton(self.tr("Remove adjustment"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        adj_buttons = QHBoxLayout()
        adj_buttons.addWidget(self.add_button)
        adj_buttons.addWidget(self.remove_button)
        adj_buttons.addStretch(1)

        self.totals = ScenarioTotalsModel(workbook, corridor)
        self.totals_view = QTableView()
        self.totals_view.setModel(self.totals)
        self.totals_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.totals_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # every scenario in view, not off to the right
        header.setMinimumSectionSize(self.totals_view.fontMetrics().horizontalAdvance("-00,000.000") + 12)
        # Long names wrap onto several lines, so the scenarios fit side by side (issue 14).
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().lineSpacing() * 3 + 8)  # the header does not grow for wrapping
        self.totals_view.verticalHeader().setDefaultSectionSize(self.totals_view.fontMetrics().height() + 6)
        self.totals_view.setAlternatingRowColors(True)

        names_box = QVBoxLayout()
        names_box.addWidget(QLabel(self.tr("<b>Scenarios</b> (illustrations, not forecasts)")))
        names_box.addWidget(self.names, 1)
        names_box.addLayout(buttons)
        adjustments_box = QVBoxLayout()
        adjustments_box.addWidget(QLabel(self.tr("Adjustments of the selected scenario")))
        adjustments_box.addWidget(self.adjustments_view, 1)
        adjustments_box.addLayout(adj_buttons)
        left = QWidget()
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(names_box, 1)
        left_layout.addLayout(adjustments_box, 1)
        # The comparison takes the full width under the list and the adjustments: beside them it
        # showed only the Baseline column at 1366 px (issue 14).
        self.adjustments_view.verticalHeader().setDefaultSectionSize(self.adjustments_view.fontMetrics().height() + 6)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.totals_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        workbook.subscribe(self._on_workbook_changed)
        self._refresh_names()

    def detach(self) -> None:
        self._workbook.unsubscribe(self._on_workbook_changed)
        self.adjustments_model.detach()
        self.totals.detach()

    @property
    def selected(self) -> str:
        return self._selected

    def set_corridor(self, corridor: str) -> None:
        self.totals.set_corridor(corridor)

    def select(self, name: str) -> None:
        matches = self.names.findItems(name, Qt.MatchFlag.MatchExactly)
        if matches:
            self.names.setCurrentItem(matches[0])

    # --- actions: each is one edit on the undo stack ---------------------------------
    def _submit_edit(self, edit: Edit) -> None:
        self._submit(edit)

    def _run(self, build: Callable[[], Edit], select: str | None = None) -> bool:
        """Build the edit (a ScenarioError is refused with its reason) and submit it."""
        try:
            edit = build()
        except (ScenarioError, IndexError) as exc:
            self.sig_edit_refused.emit(str(exc))
            return False
        if select is not None:
            self._selected = select
        try:
            self._submit(edit)
        except ParseError as exc:
            self.sig_edit_refused.emit(exc.message)
            return False
        return True

    def create_scenario(self, name: str) -> bool:
        return self._run(lambda: scenario_edits.new_scenario(self._workbook, name), name.strip())

    def duplicate_scenario(self, name: str, new_name: str) -> bool:
        return self._run(lambda: scenario_edits.duplicate_scenario(self._workbook, name, new_name), new_name.strip())

    def rename_scenario(self, name: str, new_name: str) -> bool:
        return self._run(lambda: scenario_edits.rename_scenario(self._workbook, name, new_name), new_name.strip())

    def delete_scenario(self, name: str) -> bool:
        return self._run(lambda: scenario_edits.delete_scenario(self._workbook, name), "")

    def add_adjustment(self, country: str = "", kind: str = "percent", value: float | None = 0.0) -> bool:
        name = self._selected
        return self._run(lambda: scenario_edits.add_adjustment(self._workbook, name, country, kind, value))

    def remove_adjustment(self, source_row: int) -> bool:
        return self._run(lambda: scenario_edits.remove_adjustment(self._workbook, source_row))

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def _on_new_clicked(self) -> None:
        name = self._ask(self.tr("New scenario"), self.tr("Name:"))
        if name is not None:
            self.create_scenario(name)

    def _on_duplicate_clicked(self) -> None:
        if self._selected:
            copy = self.tr("{name} (copy)").format(name=self._selected)
            name = self._ask(self.tr("Duplicate scenario"), self.tr("Name of the copy:"), copy)
            if name is not None:
                self.duplicate_scenario(self._selected, name)

    def _on_rename_clicked(self) -> None:
        if self._selected:
            name = self._ask(self.tr("Rename scenario"), self.tr("New name:"), self._selected)
            if name is not None:
                self.rename_scenario(self._selected, name)

    def _on_delete_clicked(self) -> None:
        if self._selected:
            self.delete_scenario(self._selected)

    def _on_add_clicked(self) -> None:
        if self._selected:
            self.add_adjustment()

    def _on_remove_clicked(self) -> None:
        index = self.adjustments_view.currentIndex()
        if index.isValid():
            self.remove_adjustment(self.adjustments.mapToSource(index).row())

    # --- refresh from the model --------------------------------------------------
    def _on_workbook_changed(self, change: Change) -> None:
        if change.table == "scenarios":
            self._refresh_names()

    def _refresh_names(self) -> None:
        names = scenario_names(self._workbook)
        wanted = self._selected if self._selected in names else (names[0] if names else "")
        self.names.blockSignals(True)
        self.names.clear()
        self.names.addItems(names)
        self.names.blockSignals(False)
        self._selected = ""  # so that select() announces the selection
        if wanted:
            self.select(wanted)
        else:
            self._on_selection_changed("")

    def _on_selection_changed(self, name: str) -> None:
        if name == self._selected and name:
            return
        self._selected = name
        pattern = QRegularExpression(f"^{QRegularExpression.escape(name)}$") if name else QRegularExpression("^$")
        self.adjustments.setFilterRegularExpression(pattern)
        for button in (self.duplicate_button, self.rename_button, self.delete_button, self.add_button):
            button.setEnabled(bool(name))
        self.sig_scenario_changed.emit(name)
