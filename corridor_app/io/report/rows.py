"""Whole table rows straight into a constant_memory worksheet: the report's data sheets at a million rows.

XlsxWriter's per-cell calls check, buffer and then serialise each cell one
call at a time: at a million rows that is most of the report's time
(docs/PERFORMANCE.md). ``RowSheet.write_columns`` writes the same XML
XlsxWriter writes for a row of numbers and in-line strings (``<c r="B7"
s="3"><v>…</v></c>``, ``<c t="inlineStr"><is><t>…</t></is></c>``), with the same
escaping (``&<>``, control characters as ``_xHHHH_``, kept whitespace), a
batch of rows per file write, then tells the sheet which rows it holds. The
cells read back the same through calamine and openpyxl as cells written one
by one (tests/io/test_report_rows.py).

It leans on XlsxWriter's constant_memory internals (``fh``, ``previous_row``,
``_write_single_row``, ``_check_dimensions``); tests pin it against the public
path, and ``xlsxwriter>=3.1`` is the version range it was written for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from corridor_app.io.report.cells import MAX_TEXT, col_letter

_ESCAPE = re.compile(r"[&<>]")
_CONTROL = re.compile(r"_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f]|[\ufffe\uffff]")
EXCEL_ROWS = 1_048_576


def _control(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.startswith("_x"):
        return "_x005F" + text  # a literal "_x0041_" must not read back as "A"
    return f"_x{ord(text):04X}_"


def _string(text: str) -> str:
    if len(text) > MAX_TEXT // 2:
        text = text[:MAX_TEXT]
    if _CONTROL.search(text):
        text = _CONTROL.sub(_control, text)
    if _ESCAPE.search(text):
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


class RowSheet(Worksheet):  # type: ignore[misc]
    """A worksheet that also takes a block of rows column by column (``constant_memory`` only)."""

    def write_columns(
        self,
        first_row: int,
        columns: Sequence[Sequence[object]],
        formats: Sequence[Format | None],
        start: int,
        stop: int,
        years: Sequence[bool] = (),
    ) -> None:
        """Write ``columns[c][start:stop]`` as sheet rows ``first_row + start`` onward (0-based rows).

        None, NaN and infinities are left blank; numbers are numbers (``years`` columns as
        integers); anything else is text, never a formula.
        """
        if not self.constant_memory or stop <= start:
            raise ValueError("write_columns needs constant_memory and at least one row")
        top = first_row + start
        bottom = min(first_row + stop, EXCEL_ROWS) - 1
        if bottom < top:
            return
        self._write_single_row(top)  # flush the row XlsxWriter still buffers (the header)
        letters = [col_letter(c + 1) for c in range(len(columns))]
        styles = [f' s="{f._get_xf_index()}"' if f is not None else "" for f in formats]
        year = list(years) or [False] * len(columns)
        parts: list[str] = []
        append = parts.append
        for i in range(start, start + bottom - top + 1):
            r = first_row + i + 1
            append(f'<row r="{r}">')
            for c, column in enumerate(columns):
                value = column[i]
                if value is None:
                    continue
                if isinstance(value, float):
                    if value != value or value in (float("inf"), float("-inf")):
                        continue
                    if year[c]:
                        value = int(value)
                    append(f'<c r="{letters[c]}{r}"{styles[c]}><v>{value:.16G}</v></c>')
                elif isinstance(value, int) and not isinstance(value, bool):
                    append(f'<c r="{letters[c]}{r}"{styles[c]}><v>{value:.16G}</v></c>')
                else:
                    text = value if isinstance(value, str) else str(value)
                    append(f'<c r="{letters[c]}{r}"{styles[c]} t="inlineStr">{_string(text)}</c>')
            append("</row>")
        self.fh.write("".join(parts))
        self._check_dimensions(top, 0)
        self._check_dimensions(bottom, len(columns) - 1)
        self.previous_row = bottom + 1  # the next row XlsxWriter buffers comes after these
