"""Cell writing for the Excel report: text stays text, numbers stay numbers, rows go out in order.

The report is written with XlsxWriter in ``constant_memory`` mode: each row is
streamed to disk once the next one starts, so memory does not grow with the
row count, and a sheet's rows must be written top to bottom. The small sheets
(Summary, Scenario summary, ...) are gathered in a :class:`Grid` first, in any
order, and written in row order by :meth:`Grid.flush`; the data sheets stream
row by row.

Every value from the user is written with ``write_string`` (never ``write``,
which would turn ``=HYPERLINK(...)`` into a formula); formulas are written only
by :meth:`Grid.formula`, from text this package builds, with their computed
value cached so a reader that does not recalculate still sees the number.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook as XlsxBook
from xlsxwriter.worksheet import Worksheet

Style = Mapping[str, Any]  # XlsxWriter format properties: {"bold": True, "num_format": "0.0"}

AMOUNT = "#,##0.00"
PERCENT = '0.0" %"'  # shares are percentages (33.8), as the screen shows them, not fractions
NUMBER = "#,##0.##"
YEAR = "0"

BOLD: Style = {"bold": True}
TITLE: Style = {"bold": True, "font_size": 14}
NOTE: Style = {"italic": True, "font_color": "#595959"}
HEADER: Style = {"bold": True, "bg_color": "#D9E1F2", "text_wrap": True, "valign": "vcenter"}
TOTAL_BORDER: Style = {"top": 1}
WRAP: Style = {"text_wrap": True, "valign": "top"}
TOP: Style = {"valign": "top"}
EXCLUDED: Style = {"italic": True, "font_color": "#7F7F7F", "align": "right"}

_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # not allowed in XML 1.0
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TEXT = 32767


def clean(value: object) -> object:
    """The value as the report stores it: NaN and infinities become blank, control characters are dropped."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int | float) or value is None:
        return value
    return _ILLEGAL.sub("", str(value))


class Styles:
    """XlsxWriter formats made once per distinct style (a workbook may hold only so many)."""

    def __init__(self, book: XlsxBook) -> None:
        self._book = book
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, style: Style | None) -> Format | None:
        if not style:
            return None
        key = tuple(sorted(style.items()))
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._book.add_format(dict(style))
        return found


@dataclass
class _Cell:
    value: object
    style: dict[str, Any] = field(default_factory=dict)
    formula: str | None = None
    comment: str | None = None
    merge_to: int = 0  # the last column of a merged run of cells on this row (0: not merged)


class Grid:
    """A small sheet's cells, 1-based like the A1 addresses, written in row order by ``flush``."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], _Cell] = {}
        self.heights: dict[int, float] = {}
        self.widths: dict[int, float] = {}
        self.last_row = 0

    def put(self, row: int, col: int, value: object, style: Style | None = None, *, fmt: str | None = None) -> None:
        """Write a value; text is always stored as text, never as a formula."""
        cell = _Cell(clean(value), dict(style or {}))
        if fmt and isinstance(cell.value, int | float):
            cell.style["num_format"] = fmt
        self.cells[(row, col)] = cell
        self.last_row = max(self.last_row, row)

    def formula(self, row: int, col: int, formula: str, value: float | None, fmt: str | None = None) -> None:
        """A formula built by the report itself (never from user text), with its computed value cached."""
        if not formula.startswith("="):
            raise ValueError(f"not a formula: {formula!r}")
        style = dict(NOTE)
        if fmt:
            style["num_format"] = fmt
        self.cells[(row, col)] = _Cell(value, style, formula=formula)
        self.last_row = max(self.last_row, row)

    def note(self, row: int, col: int, text: str) -> None:
        """A cell comment (the source of a figure)."""
        cell = self.cells.setdefault((row, col), _Cell(None))
        cell.comment = str(clean(text))[:30000]

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        """Merge the cell at ``first_col`` with the cells up to ``last_col`` on its row (long wrapped text)."""
        self.cells.setdefault((row, first_col), _Cell(None)).merge_to = last_col

    def restyle(self, row: int, col: int, style: Style) -> None:
        """Add style properties to a cell, written or not (borders under a total row, alignment)."""
        self.cells.setdefault((row, col), _Cell(None)).style.update(style)

    def header(self, row: int, labels: list[str], first_col: int = 1) -> None:
        for i, label in enumerate(labels):
            self.put(row, first_col + i, label, HEADER)

    def flush(self, ws: Worksheet, styles: Styles) -> None:
        """Write every cell, row by row (``constant_memory`` allows no going back)."""
        for col, width in self.widths.items():
            ws.set_column(col - 1, col - 1, width)
        for row, height in sorted(self.heights.items()):
            ws.set_row(row - 1, height)
        for (row, col), cell in sorted(self.cells.items()):
            fmt = styles.get(cell.style)
            r, c = row - 1, col - 1
            if cell.merge_to > col:
                # Merged blank first, then the value written over it by type: merge_range's own
                # write would turn a text starting with "=" into a formula.
                ws.merge_range(r, c, r, cell.merge_to - 1, "", fmt)
            if cell.formula is not None:
                ws.write_formula(r, c, cell.formula, fmt, 0 if cell.value is None else cell.value)
            elif isinstance(cell.value, str):
                ws.write_string(r, c, cell.value[:MAX_TEXT], fmt)
            elif isinstance(cell.value, int | float):
                ws.write_number(r, c, cell.value, fmt)
            elif fmt is not None:
                ws.write_blank(r, c, None, fmt)
            if cell.comment:
                ws.write_comment(r, c, cell.comment, {"author": "corridor-app", "x_scale": 2.5, "y_scale": 2})


def col_letter(col: int) -> str:
    """Column letters of a 1-based column number."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def ref(row: int, col: int) -> str:
    """A1 address of a 1-based cell, for formulas on the same sheet."""
    return f"{col_letter(col)}{row}"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header; ``ValueError`` for anything else."""
    if data[:8] != _PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)
