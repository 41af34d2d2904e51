"""A sheet as read from any file: a name and rows of raw cell values.

Readers produce ``RawSheet``s; ``interpret`` turns them into tables. Row and
column offsets keep the positions a spreadsheet program shows, so messages can
name the real cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corridor_app.model.numbers import Decimal


@dataclass
class RawSheet:
    """Cell values of one sheet; ``rows[i][j]`` is at row ``first_row + i`` (1-based)."""

    name: str
    rows: list[list[object]]
    first_row: int = 1
    first_col: int = 0
    # For CSV: the decimal separator the file's numbers use, when it could be told.
    decimal: Decimal = None
    notes: list[str] = field(default_factory=list)
    # For CSV: a field past the header's last column means a delimiter inside a value
    # ("Russia,13,2,EADB"), so the row's columns cannot be trusted.
    delimited: bool = False
    # (row 1-based, column 0-based) -> why the cell's value cannot be used as read
    # (a formula saved without its result, an error such as #DIV/0!); set by preflight.
    marks: dict[tuple[int, int], str] = field(default_factory=dict)
    # Whether the preflight saw Excel scenarios in the sheet; None when no preflight looked.
    scenarios: bool | None = None
    # For CSV: the text encoding the file was read with (io/loading/encoding.py), "" for spreadsheets.
    encoding: str = ""
