"""Cell writing for the Excel report: text stays text, numbers stay numbers.

openpyxl turns any ``str`` starting with ``=`` into a formula; every value from
the user goes through :func:`put`, which keeps it a string, so a country named
``=HYPERLINK("http://x","y")`` is shown, never run. Formulas are written only
by :func:`put_formula`, from text this package builds.
"""

from __future__ import annotations

import math
import struct
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

AMOUNT = "#,##0.00"
PERCENT = '0.0" %"'  # shares are percentages (33.8), as the screen shows them, not fractions
NUMBER = "#,##0.##"
YEAR = "0"

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
NOTE = Font(italic=True, color="595959")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_BORDER = Border(top=Side(style="thin"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def clean(value: object) -> Any:
    """The value as the report stores it: NaN becomes blank, control characters are dropped."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if value is not None and not isinstance(value, int | float | str):
        return str(value)
    return value


def put(
    ws: Worksheet,
    row: int,
    col: int,
    value: object,
    *,
    fmt: str | None = None,
    font: Font | None = None,
    comment: str | None = None,
) -> Cell:
    """Write a value; text is always stored as text, never as a formula."""
    cell = ws.cell(row=row, column=col)
    cell.value = clean(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"
    elif fmt and isinstance(cell.value, int | float):
        cell.number_format = fmt
    if font is not None:
        cell.font = font
    if comment:
        cell.comment = Comment(clean(comment)[:30000], "corridor-app", width=320, height=120)
    return cell


def put_formula(ws: Worksheet, row: int, col: int, formula: str, fmt: str | None = None) -> Cell:
    """Write a formula built by the report itself (never from user text)."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell = ws.cell(row=row, column=col, value=formula)
    if fmt:
        cell.number_format = fmt
    cell.font = NOTE
    return cell


def header_row(ws: Worksheet, row: int, labels: list[str], first_col: int = 1) -> None:
    for i, label in enumerate(labels):
        cell = put(ws, row, first_col + i, label, font=BOLD)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def set_widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def ref(row: int, col: int) -> str:
    """A1 address of a cell, for formulas on the same sheet."""
    return f"{get_column_letter(col)}{row}"


class PngImage(Image):  # type: ignore[misc]
    """A PNG placed in the report from its bytes.

    openpyxl's ``Image`` reads sizes and data through Pillow, which this app
    does not otherwise need; a PNG's size is in its header, so read it there.
    """

    def __init__(self, data: bytes, height_px: int | None = None) -> None:
        if data[:8] != _PNG_SIGNATURE or data[12:16] != b"IHDR":
            raise ValueError("not a PNG image")
        width, height = struct.unpack(">II", data[16:24])
        self.ref = None
        self._png = data
        self.format = "png"
        if height_px and height:
            width, height = round(width * height_px / height), height_px
        self.width, self.height = width, height

    def _data(self) -> bytes:
        return self._png
