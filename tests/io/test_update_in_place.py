"""The lost-parts check agrees with what an update in place really keeps (issue 6).

``write_preserving`` keeps the formulas, conditional formatting and data
validation of sheets it does not rewrite, and global defined names; the check
must not refuse a save for those, and must still report them in a rewritten sheet.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl import load_workbook as load_xlsx
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.safety.package_parts import parts_lost_on_save
from corridor_app.io.saving.writer import rewritten_sheets, save_workbook


def _book(path: Path, *, owned_formula: bool = False) -> Path:
    wb = XlsxWorkbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Contributions"
    for row in [
        ("Corridor", "Country", "Amount", "Unit"),
        ("NS", "Russia", 13.2, "USD bn"),
        ("NS", "Iran", 12.87, "USD bn"),
    ]:
        ws.append(row)
    if owned_formula:
        ws["F1"] = "=C2+C3"
    notes = wb.create_sheet("Notes")
    notes["A1"] = 2
    notes["A2"] = "=A1*2"
    notes.conditional_formatting.add(
        "A1:A5", CellIsRule(operator="greaterThan", formula=["0"], fill=PatternFill("solid", start_color="FF0000"))
    )
    validation = DataValidation(type="whole")
    validation.add("B1:B5")
    notes.add_data_validation(validation)
    wb.defined_names["doubled"] = DefinedName("doubled", attr_text="Notes!$A$2")
    wb.save(path)
    return path


def _kinds(path: Path, rewritten: list[str] | None) -> set[str]:
    return {p.what for p in parts_lost_on_save(path, rewritten=rewritten)}


def test_update_keeps_what_other_sheets_hold(tmp_path: Path) -> None:
    """Issue 6: formulas, formatting rules, validation and names of a Notes sheet survive an update."""
    path = _book(tmp_path / "notes.xlsx")
    workbook = load_workbook(path)
    assert {"formulas", "conditional formatting", "data validation", "defined names"} <= _kinds(path, None)
    assert _kinds(path, rewritten_sheets(workbook)) == set()

    save_workbook(workbook, path, preserve=str(path))  # what the claim is about: the kept parts are there
    book = load_xlsx(path)
    assert book["Notes"]["A2"].value == "=A1*2"
    assert book["Notes"].conditional_formatting and book["Notes"].data_validations.dataValidation
    assert "doubled" in book.defined_names


def test_formula_in_a_rewritten_sheet_is_still_reported(tmp_path: Path) -> None:
    """Issue 6: the app rewrites its own sheets, so their formulas would become values."""
    path = _book(tmp_path / "owned.xlsx", owned_formula=True)
    lost = parts_lost_on_save(path, rewritten=rewritten_sheets(load_workbook(path)))
    assert [(p.what, p.count) for p in lost] == [("formulas", 1)]


def test_local_name_of_a_rewritten_sheet_is_reported(tmp_path: Path) -> None:
    path = _book(tmp_path / "local.xlsx")
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b'<definedName name="doubled"', b'<definedName localSheetId="0" name="doubled"'
    )
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert "defined names" in _kinds(path, ["Contributions"])
    assert "defined names" not in _kinds(path, ["Totals"])


def test_unmapped_sheet_keeps_nothing(tmp_path: Path) -> None:
    """A sheet the workbook part does not map is not claimed kept: the check errs on the side of Save As."""
    path = _book(tmp_path / "norels.xlsx")
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert "formulas" in _kinds(path, ["Contributions"])
