"""Rows written in blocks read back as cells written one by one (issue 15: the report at the speed of the writer)."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import python_calamine as calamine
import xlsxwriter

from corridor_app.io.report.rows import RowSheet

ROWS = [
    ["Iran", 12.87, 2023.0, '=HYPERLINK("http://x","y")'],
    [" padded ", float("nan"), None, "a & b < c > d"],
    ["bell\x07", 1e-9, 1999.0, "_x0041_ is not A"],
    ["", -3, float("inf"), "Москва"],
]


def _write(path: Path, block: bool) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("T", worksheet_class=RowSheet)
    year = book.add_format({"num_format": "0"})
    ws.write_string(0, 0, "Header")
    columns = [list(col) for col in zip(*ROWS, strict=True)]
    formats = [None, None, year, None]
    if block:
        ws.write_columns(1, columns, formats, 0, 2, [False, False, True, False])
        ws.write_columns(1, columns, formats, 2, 4, [False, False, True, False])
    else:
        for r, row in enumerate(ROWS, start=1):
            for c, value in enumerate(row):
                if value is None or (isinstance(value, float) and not math.isfinite(value)):
                    continue
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, int(value) if c == 2 else value, formats[c])
    ws.write_string(5, 0, "after the block")  # the public path goes on after a block
    book.close()


def test_block_rows_read_back_like_single_cells(tmp_path: Path) -> None:
    one, block = tmp_path / "one.xlsx", tmp_path / "block.xlsx"
    _write(one, block=False)
    _write(block, block=True)
    read = [calamine.CalamineWorkbook.from_path(str(p)).get_sheet_by_name("T").to_python() for p in (one, block)]
    assert read[0] == read[1]
    assert read[1][1][3] == '=HYPERLINK("http://x","y")' and read[1][3][3] == "_x0041_ is not A"
    cells = [[c.value for c in row] for row in openpyxl.load_workbook(block)["T"].iter_rows()]
    expected = [[c.value for c in row] for row in openpyxl.load_workbook(one)["T"].iter_rows()]
    assert cells == expected
    assert cells[2][0] == " padded " and cells[5][0] == "after the block"
    assert all(openpyxl.load_workbook(block)["T"].cell(row=r, column=4).data_type == "s" for r in range(2, 6))
