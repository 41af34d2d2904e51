"""The import step: say which sheet, header row and columns hold the table, as LibreOffice's import dialog does.

Shown when a file's table cannot be found by its headers ("no corridor table found"): a preview of each
sheet's first rows, the header row, which column is the country, the amount, the unit, the source and the
corridor (guessed: the text column with repeating names, a number column), and for a CSV the text encoding.
It returns a ``ColumnMapping`` (io/loading/mapping.py) that the loader takes. The choice is remembered for files
with the same headers (``QSettings``, key ``import/<headers>``) and offered first next time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.encoding import CHOICES, display_name
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.mapping import (
    ROLES,
    ColumnMapping,
    column_position,
    guess_mapping,
    header_signature,
    needs_mapping,
)
from corridor_app.model.errors import column_letter
from corridor_app.ui.terms import column_label

PREVIEW_ROWS = 30
SETTINGS_GROUP = "import"
_ROLE_LABELS = {
    "country": "Country",
    "amount": "Amount",
    "unit": "Unit",
    "source": "Source",
    "corridor": "Corridor",
}

Reread = Callable[[str | None], list[RawSheet]]


class ImportDialog(QDialog):
    """Preview, header row, column roles and encoding; ``mapping()`` is the user's choice.

    ``reread(encoding)`` reads the file again in another encoding (CSV only); without it the encoding
    choice is hidden. ``encoding`` is the one the file was read with.
    """

    def __init__(
        self,
        path: str,
        sheets: list[RawSheet],
        *,
        encoding: str = "",
        reread: Reread | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=Path(path).name))
        self._sheets = sheets
        self._reread = reread
        self._settings = settings
        self._encoding = encoding
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The app did not recognise this table's headers. Say which row holds the headers and which "
                "column is which; the choice is remembered for files with the same headers."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        self.sheet_box = QComboBox()
        self.sheet_box.addItems([s.name for s in sheets])
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        self.encoding_box = QComboBox()
        for name in CHOICES:
            self.encoding_box.addItem(display_name(name), name)
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet_box, 1)
        top.addWidget(QLabel(self.tr("Header row:")))
        top.addWidget(self.header_row)
        self._encoding_label = QLabel(self.tr("Encoding:"))
        top.addWidget(self._encoding_label)
        top.addWidget(self.encoding_box)
        layout.addLayout(top)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 1)
        roles = QGroupBox(self.tr("Columns"))
        form = QFormLayout(roles)
        self.role_boxes: dict[str, QComboBox] = {}
        for role in ROLES:
            box = QComboBox()
            self.role_boxes[role] = box
            form.addRow(
                column_label(_ROLE_LABELS[role]) + ("" if role in ("unit", "source", "corridor") else " *"), box
            )
        layout.addWidget(roles)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_encoding_choice(encoding)
        self._encoding_label.setVisible(reread is not None)
        self.encoding_box.setVisible(reread is not None)
        self.sheet_box.currentIndexChanged.connect(self._on_sheet_changed)
        self.header_row.valueChanged.connect(self._on_header_row_changed)
        self.encoding_box.currentIndexChanged.connect(self._on_encoding_changed)
        for box in self.role_boxes.values():
            box.currentIndexChanged.connect(self._on_roles_changed)
        self.resize(900, 600)
        self._apply(self._initial_mapping())

    # --- what the user chose -------------------------------------------------

    def mapping(self) -> ColumnMapping:
        """The choice as the loader takes it: sheet, header row, columns (by header or letter), encoding."""
        sheet = self._sheet()
        header = self._header()
        columns: dict[str, str | None] = {}
        for role, box in self.role_boxes.items():
            pos = box.currentData()
            columns[role] = None if pos is None else _column_name(header, int(pos))
        return ColumnMapping(
            sheet=sheet.name if sheet is not None else None,
            header_row=self.header_row.value(),
            encoding=self._encoding if self._reread is not None and self._encoding else None,
            **columns,
        )

    def accept(self) -> None:
        mapping = self.mapping()
        if not mapping.country or not mapping.amount:
            self.status.setText(self.tr("Choose the country and the amount columns."))
            return
        if self._settings is not None:
            self._settings.setValue(f"{SETTINGS_GROUP}/{header_signature(self._header())}", mapping.to_json())
        super().accept()

    # --- state -> widgets ------------------------------------------------------

    def _sheet(self) -> RawSheet | None:
        index = self.sheet_box.currentIndex()
        return self._sheets[index] if 0 <= index < len(self._sheets) else None

    def _header(self) -> list[object]:
        sheet = self._sheet()
        if sheet is None:
            return []
        index = self.header_row.value() - sheet.first_row
        return list(sheet.rows[index]) if 0 <= index < len(sheet.rows) else []

    def _initial_mapping(self) -> ColumnMapping:
        """The remembered choice for a sheet with these headers, else a guess from the first usable sheet."""
        for sheet in self._sheets:
            guess = guess_mapping(sheet, _first_header_index(sheet))
            remembered = self._remembered(sheet, guess.header_row)
            if remembered is not None:
                return replace(remembered, sheet=sheet.name)
        for sheet in self._sheets:
            guess = guess_mapping(sheet, _first_header_index(sheet))
            if guess.country:
                return guess
        return ColumnMapping(sheet=self._sheets[0].name if self._sheets else None, header_row=1)

    def _remembered(self, sheet: RawSheet, header_row: int | None) -> ColumnMapping | None:
        if self._settings is None or header_row is None:
            return None
        index = header_row - sheet.first_row
        if not 0 <= index < len(sheet.rows):
            return None
        text = self._settings.value(f"{SETTINGS_GROUP}/{header_signature(list(sheet.rows[index]))}")
        if not isinstance(text, str):
            return None
        try:
            return ColumnMapping.from_json(text)
        except ValueError:
            return None

    def _apply(self, mapping: ColumnMapping) -> None:
        names = [s.name for s in self._sheets]
        if mapping.sheet in names:
            self.sheet_box.blockSignals(True)
            self.sheet_box.setCurrentIndex(names.index(mapping.sheet))
            self.sheet_box.blockSignals(False)
        self._show_sheet(mapping.header_row)
        header = self._header()
        for role, box in self.role_boxes.items():
            name = getattr(mapping, role)
            pos = column_position(header, name) if name else None
            at = box.findData(pos) if pos is not None else 0
            box.setCurrentIndex(max(0, at))
        self._on_roles_changed()

    def _show_sheet(self, header_row: int | None) -> None:
        sheet = self._sheet()
        rows = sheet.rows[:PREVIEW_ROWS] if sheet is not None else []
        first = sheet.first_row if sheet is not None else 1
        width = max((len(r) for r in rows), default=0)
        self.header_row.blockSignals(True)
        self.header_row.setMinimum(first)
        self.header_row.setMaximum(max(first, first + len(sheet.rows) - 1 if sheet is not None else first))
        self.header_row.setValue(header_row or first)
        self.header_row.blockSignals(False)
        self.preview.clear()
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        first_col = sheet.first_col if sheet is not None else 0
        self.preview.setHorizontalHeaderLabels([column_letter(first_col + c) for c in range(width)])
        self.preview.setVerticalHeaderLabels([str(first + r) for r in range(len(rows))])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    self.preview.setItem(r, c, QTableWidgetItem(str(value)))
        self._mark_header()
        self._fill_role_boxes()

    def _mark_header(self) -> None:
        sheet = self._sheet()
        index = self.header_row.value() - (sheet.first_row if sheet is not None else 1)
        bold = QBrush(QColor("#dbe8f7"))
        plain = QBrush()
        for r in range(self.preview.rowCount()):
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is None:
                    item = QTableWidgetItem("")
                    self.preview.setItem(r, c, item)
                item.setBackground(bold if r == index else plain)
                font = item.font()
                font.setBold(r == index)
                item.setFont(font)

    def _fill_role_boxes(self) -> None:
        header = self._header()
        for box in self.role_boxes.values():
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(none)"), None)
            for pos in range(max(len(header), self.preview.columnCount())):
                title = header[pos] if pos < len(header) else None
                shown = f"{column_letter(pos)}: {title}" if title not in (None, "") else column_letter(pos)
                box.addItem(shown, pos)
            at = box.findData(chosen) if chosen is not None else 0
            box.setCurrentIndex(max(0, at))
            box.blockSignals(False)

    # --- handlers ----------------------------------------------------------------

    def _on_sheet_changed(self, _index: int) -> None:
        sheet = self._sheet()
        if sheet is None:
            return
        guess = guess_mapping(sheet, _first_header_index(sheet))
        self._apply(self._remembered(sheet, guess.header_row) or guess)

    def _on_header_row_changed(self, _value: int) -> None:
        self._mark_header()
        self._fill_role_boxes()
        sheet = self._sheet()
        if sheet is not None:
            remembered = self._remembered(sheet, self.header_row.value())
            guess = remembered or guess_mapping(sheet, self.header_row.value() - sheet.first_row)
            self._apply(replace(guess, sheet=sheet.name, header_row=self.header_row.value()))

    def _on_encoding_changed(self, _index: int) -> None:
        encoding = self.encoding_box.currentData()
        if self._reread is None or not isinstance(encoding, str) or encoding == self._encoding:
            return
        try:
            sheets = self._reread(encoding)
        except LoadError as exc:
            self.status.setText(exc.message)
            self._set_encoding_choice(self._encoding)
            return
        self._encoding = encoding
        self._sheets = sheets
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems([s.name for s in sheets])
        self.sheet_box.blockSignals(False)
        self._apply(replace(self.mapping(), sheet=sheets[0].name if sheets else None))
        self.status.setText(self.tr("Read as {encoding}.").format(encoding=display_name(encoding)))

    def _on_roles_changed(self, _index: int = 0) -> None:
        chosen = [box.currentData() for box in self.role_boxes.values() if box.currentData() is not None]
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        clash = len(chosen) != len(set(chosen))
        needed = all(self.role_boxes[r].currentData() is not None for r in ("country", "amount"))
        ok_button.setEnabled(needed and not clash)
        self.status.setText(
            self.tr("One column is chosen for two roles.")
            if clash
            else ""
            if needed
            else self.tr("Choose the country and amount.")
        )

    def _set_encoding_choice(self, encoding: str) -> None:
        self.encoding_box.blockSignals(True)
        at = self.encoding_box.findData(encoding)
        if at < 0 and encoding:
            self.encoding_box.addItem(display_name(encoding), encoding)
            at = self.encoding_box.count() - 1
        self.encoding_box.setCurrentIndex(max(0, at))
        self.encoding_box.blockSignals(False)


def _first_header_index(sheet: RawSheet) -> int:
    """The first row with two or more filled cells (titles above a table have one)."""
    for index, row in enumerate(sheet.rows[:PREVIEW_ROWS]):
        if sum(1 for c in row if c not in (None, "")) >= 2:
            return index
    return 0


def _column_name(header: list[object], pos: int) -> str:
    """A column as the mapping names it: its header when that is unique in the row, else its letter."""
    title = header[pos] if pos < len(header) else None
    if title is None or str(title).strip() == "":
        return column_letter(pos)
    text = str(title).strip()
    same = [c for c in header if c is not None and str(c).strip() == text]
    return text if len(same) == 1 and column_position(header, text) == pos else column_letter(pos)


def ask_column_mapping(
    path: str, settings: QSettings | None = None, parent: QWidget | None = None
) -> ColumnMapping | None:
    """Read ``path`` in the isolated child, show the import step, return the user's mapping (None: cancelled).

    Raises
    ------
    LoadError
        The file cannot be read at all (then there is nothing to map).
    """
    from corridor_app.io.loading.isolated import read_sheets_isolated

    def reread(encoding: str | None) -> list[RawSheet]:
        read = read_sheets_isolated(path, encoding=encoding)
        return [_trimmed(s) for s in read.sheets]

    sheets = reread(None)
    encoding = next((s.encoding for s in sheets if s.encoding), "")
    dialog = ImportDialog(
        path, sheets, encoding=encoding, reread=reread if encoding else None, settings=settings, parent=parent
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.mapping()


def offer_import_step(
    error: object, path: str, settings: QSettings | None = None, parent: QWidget | None = None
) -> ColumnMapping | None:
    """After a failed load: the import step when no table was recognised, else None (show ``error`` as before).

    The window calls this from its load-failure handler, on the GUI thread; a mapping means "load ``path``
    again with it". A file that cannot be read for the preview gives None: the original error is shown.
    """
    if not isinstance(error, LoadError) or not needs_mapping(error):
        return None
    try:
        return ask_column_mapping(path, settings, parent)
    except LoadError:
        return None


def _trimmed(sheet: RawSheet) -> RawSheet:
    """The sheet's first rows only: the preview and the guess need no more."""
    return replace(sheet, rows=sheet.rows[: PREVIEW_ROWS * 7])
