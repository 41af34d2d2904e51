"""Saving in place never drops what the app does not understand: the loss is reported first (issue item 6)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.chart import BarChart, Reference

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.safety.package_parts import parts_lost_on_save
from corridor_app.io.saving.writer import save_workbook

from .hostile_files import CORRIDOR_ROWS, make_ods, make_xlsx

REPO = Path(__file__).resolve().parents[2]


def kinds(path: Path) -> set[str]:
    return {p.what for p in parts_lost_on_save(path)}


def test_own_output_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "own.xlsx"
    save_workbook(load_workbook(REPO / "data" / "north_south_itc.xlsx"), path)
    assert parts_lost_on_save(path) == []


def test_chart_is_reported(tmp_path: Path) -> None:
    wb = XlsxWorkbook()
    ws = wb.active
    assert ws is not None
    for row in [("Country", "Amount"), ("Iran", 1), ("Russia", 2)]:
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    ws.add_chart(chart, "D2")
    path = tmp_path / "chart.xlsx"
    wb.save(path)
    assert {"charts", "drawings and shapes"} <= kinds(path)


def test_formulas_macros_and_extensions_are_reported(tmp_path: Path) -> None:
    rows = CORRIDOR_ROWS + '<row r="4"><c r="B4"><f>SUM(B2:B3)</f><v>26.07</v></c></row>'
    path = make_xlsx(
        tmp_path / "m.xlsm",
        rows,
        after="<extLst><ext uri='{x}'/></extLst>",
        extra={"xl/vbaProject.bin": b"\0" * 10, "xl/connections.xml": "<connections/>"},
    )
    assert {"formulas", "extension data (extLst)", "macros (VBA project)", "data connections"} <= kinds(path)


def test_fill_and_font_are_not_formulas(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "s.xlsx",
        extra={"xl/styles.xml": "<styleSheet><fills><fill/></fills><fonts><font/></fonts></styleSheet>"},
    )
    assert "formulas" not in kinds(path)


def test_other_formats_cannot_be_saved_in_place(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("Country,Amount\nIran,1\n", encoding="utf-8")
    ods = make_ods(tmp_path / "a.ods", '<table:table table:name="S"/>')
    assert [p.what for p in parts_lost_on_save(csv)] == ["the file format (CSV text; the app saves .xlsx)"]
    assert "OpenDocument" in parts_lost_on_save(ods)[0].what
