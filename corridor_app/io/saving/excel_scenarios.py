"""Excel's own Scenario Manager scenarios, written and read on the Contributions sheet.

On save, every scenario becomes an Excel scenario (the worksheet ``scenarios``
element) whose changing cells are the Contributions amount cells, holding the
amounts the scenario gives each row, so it appears in Excel's Scenario Manager.
On load, an Excel scenario that the Scenarios sheet does not already have is
turned into ``override`` rows (Excel stores absolute cell values, not rules);
one that it has is checked against it and a difference is reported.

Excel allows at most 32 changing cells per scenario: with more amount rows
only the cells the scenario changes are written, and a scenario changing more
than 32 cells is not written to Excel (it stays in the Scenarios sheet).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

import defusedxml.ElementTree as SafeET

from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.interpret import table_layout
from corridor_app.io.loading.xmlscan import parse_ref
from corridor_app.model.errors import Problem, column_letter
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.scenarios import scenario_amounts_full, scenario_names
from corridor_app.model.schema import Value
from corridor_app.model.units import conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_CHANGING_CELLS = 32
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DIGITS = 9
_USER = "corridor_app"


def scenario_cell_values(workbook: Workbook, name: str) -> dict[int, float]:
    """Contributions row -> the amount the scenario gives that row, in the row's own unit.

    A country's scenario amount is spread over its rows in proportion to their
    baseline amounts; an excluded country's rows get 0. Rows that are not
    counted in any corridor sum (no amount, foreign unit) are left out.
    """
    contrib = workbook.table("contributions")
    recs = reconcile_totals(workbook)
    values: dict[int, float] = {}
    for rec in recs:
        amounts = scenario_amounts_full(workbook, name, rec.corridor, recs)
        for country, rows in rec.rows.items():
            new = amounts.get(country) or 0.0
            old = rec.countries.get(country, 0.0)
            for i, row in enumerate(rows):
                amount = float(contrib.value(row, "amount") or 0.0)
                if old:
                    values[row] = round(amount * new / old, _DIGITS)
                else:  # all rows zero: the whole new amount on the first row, in its unit
                    factor = conversion_factor(parse_unit(contrib.value(row, "unit")), parse_unit(rec.unit)) or 1.0
                    values[row] = round(new / factor, _DIGITS) if i == 0 else 0.0
    return values


def add_excel_scenarios(ws: WriteOnlyWorksheet, workbook: Workbook, amount_col: int, first_row: int = 2) -> list[str]:
    """Attach every scenario to the Contributions worksheet ``ws``; returns the names left out.

    ``amount_col`` is the 0-based column of the amounts, ``first_row`` the
    sheet row of table row 0.
    """
    from openpyxl.worksheet.scenario import InputCells, Scenario  # writing only: loading does without openpyxl

    letter = column_letter(amount_col)
    contrib = workbook.table("contributions")
    skipped = []
    for name in scenario_names(workbook):
        values = scenario_cell_values(workbook, name)
        if len(values) > MAX_CHANGING_CELLS:
            values = {r: v for r, v in values.items() if v != contrib.value(r, "amount")}
        if not values or len(values) > MAX_CHANGING_CELLS:
            skipped.append(name)
            continue
        cells = [InputCells(r=f"{letter}{row + first_row}", val=_text(v)) for row, v in sorted(values.items())]
        comment = f"Made in corridor_app; the rules are on the Scenarios sheet. {_notes(workbook, name)}".strip()
        ws.scenarios.append(Scenario(inputCells=cells, name=name[:255], user=_USER, comment=comment[:255]))
    return skipped


def _notes(workbook: Workbook, name: str) -> str:
    table = workbook.table("scenarios")
    rows = [r for r in range(len(table)) if table.value(r, "scenario") == name and table.value(r, "note")]
    return " ".join(dict.fromkeys(str(table.value(r, "note")) for r in rows))


def _text(value: float) -> str:
    return repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(round(value, _DIGITS))


@dataclass(frozen=True)
class ExcelScenario:
    """One scenario of Excel's Scenario Manager as stored in a sheet: name, comment, cell -> value."""

    sheet: str
    name: str
    comment: str
    cells: tuple[tuple[str, str], ...]


def read_excel_scenarios(path: str, sheet_names: set[str] | None = None) -> list[ExcelScenario]:
    """The Scenario Manager scenarios of an .xlsx/.xlsm package, of the named sheets only if given.

    The sheet XML is streamed with defusedxml, so a large sheet costs no memory
    and a hostile one no entity expansion. Raises ``zipfile.BadZipFile``,
    ``KeyError`` or a ``defusedxml``/``xml`` error on a damaged package.
    """
    result: list[ExcelScenario] = []
    with zipfile.ZipFile(path) as package:
        for sheet, part in _sheet_parts(package):
            if sheet_names is not None and sheet not in sheet_names:
                continue
            with package.open(part) as fh:
                fragment = _scenarios_fragment(fh)
            if fragment is None:
                with package.open(part) as fh:
                    result.extend(_scenarios_in(sheet, fh))  # prefixed elements: the full streamed parse
            elif fragment:
                wrapped = b'<w xmlns="' + _MAIN.encode() + b'">' + fragment + b"</w>"
                result.extend(_scenarios_in(sheet, io.BytesIO(wrapped)))
    return result


def _scenarios_fragment(fh: IO[bytes], chunk: int = 1 << 20) -> bytes | None:
    """The sheet's ``<scenarios>..</scenarios>`` bytes, b"" when it has none, None for a prefixed form.

    The element follows the cell data, so a byte search finds it without parsing
    a million cells (the common case: no scenarios at all).
    """
    tail = b""
    taken: bytearray | None = None
    while block := fh.read(chunk):
        if taken is not None:
            taken += block
        else:
            data = tail + block
            start = data.find(b"<scenarios")
            if start < 0:
                if b":scenarios" in data:
                    return None
                tail = data[-16:]
                continue
            taken = bytearray(data[start:])
        end = taken.find(b"</scenarios>")
        if end >= 0:
            return bytes(taken[: end + len(b"</scenarios>")])
    if taken is None:
        return b""
    # An empty <scenarios/> holds none; anything else unterminated goes to the full parse, which says why.
    return b"" if bytes(taken).split(b">", 1)[0].endswith(b"/") else None


def _sheet_parts(package: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    names = set(package.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return
    rels = SafeET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_PKG_REL}}}Relationship")}
    book = SafeET.fromstring(package.read("xl/workbook.xml"))
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if part in names:
            yield sheet.get("name", ""), part


def _scenarios_in(sheet: str, fh: object) -> list[ExcelScenario]:
    found: list[ExcelScenario] = []
    for _, elem in SafeET.iterparse(fh, events=("end",)):
        tag = elem.tag
        if tag == f"{{{_MAIN}}}scenario":
            cells = tuple((c.get("r", ""), c.get("val", "")) for c in elem.iter(f"{{{_MAIN}}}inputCells") if c.get("r"))
            found.append(ExcelScenario(sheet, elem.get("name", ""), elem.get("comment", ""), cells))
        elif tag in (f"{{{_MAIN}}}row", f"{{{_MAIN}}}sheetData"):
            elem.clear()  # rows are not needed: keep memory flat on big sheets
    return found


def import_excel_scenarios(workbook: Workbook, path: str, sheets: list[RawSheet]) -> None:
    """Add the file's Excel scenarios to ``workbook`` (see the module docstring); findings go to ``problems``."""
    contrib = workbook.table("contributions")
    contrib_sheets = contrib.origins.sheets()
    # Sheets the preflight saw without scenarios are not read again (a second inflate of a big sheet).
    wanted = contrib_sheets - {s.name for s in sheets if s.scenarios is False}
    if not wanted:
        return
    try:
        scenarios = read_excel_scenarios(path, wanted)
    except (OSError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        workbook.problems.append(Problem("warning", f"Excel scenarios could not be read ({exc}); they are ignored"))
        return
    if not scenarios:
        return
    amount_cols = _amount_columns(sheets, contrib_sheets)
    by_origin = {(o.sheet, o.row): r for r, o in enumerate(contrib.origins) if o is not None}
    known = set(scenario_names(workbook))
    new_records: list[dict[str, Value]] = []
    for scenario in scenarios:
        values = _cell_values(workbook, scenario, amount_cols, by_origin)
        if scenario.name in known:
            _compare(workbook, scenario, values)
        elif scenario.name:
            new_records.extend(_override_records(workbook, scenario, values))
            known.add(scenario.name)
    workbook.table("scenarios").append_many(new_records, [None] * len(new_records))


def _amount_columns(sheets: list[RawSheet], names: set[str]) -> dict[str, int]:
    cols = {}
    for sheet in sheets:
        layout = table_layout(sheet) if sheet.name in names else None
        if layout is not None:
            pos = next((p for p, k in layout[2].items() if k == "amount"), None)
            if pos is not None:
                cols[sheet.name] = sheet.first_col + pos
    return cols


def _cell_values(
    workbook: Workbook, scenario: ExcelScenario, amount_cols: dict[str, int], by_origin: dict[tuple[str, int], int]
) -> dict[int, float]:
    values: dict[int, float] = {}
    for ref, text in scenario.cells:
        try:
            at = parse_ref(ref)
            if at is None:
                raise ValueError(ref)
            row_number, col = at
            value = float(text)
        except ValueError:
            _warn(workbook, scenario, f"cell {ref} holds {text!r}, not a number; it is ignored")
            continue
        row = by_origin.get((scenario.sheet, row_number))
        if row is None or amount_cols.get(scenario.sheet) != col:
            _warn(workbook, scenario, f"cell {ref} is not a contribution amount; it is ignored")
            continue
        values[row] = value
    return values


def _warn(workbook: Workbook, scenario: ExcelScenario, message: str) -> None:
    workbook.problems.append(Problem("warning", f"Excel scenario {scenario.name!r}: {message}", scenario.sheet))


def _override_records(workbook: Workbook, scenario: ExcelScenario, values: dict[int, float]) -> list[dict[str, Value]]:
    """Override rows for the countries whose cells the Excel scenario changes; a declaration if none."""
    contrib = workbook.table("contributions")
    note = ("From Excel's Scenario Manager. " + scenario.comment).strip()
    records: list[dict[str, Value]] = []
    for rec in reconcile_totals(workbook):
        for country, rows in rec.rows.items():
            if not any(r in values and values[r] != contrib.value(r, "amount") for r in rows):
                continue
            total = 0.0
            for r in rows:
                factor = conversion_factor(parse_unit(contrib.value(r, "unit")), parse_unit(rec.unit)) or 1.0
                total += values.get(r, float(contrib.value(r, "amount") or 0.0)) * factor
            records.append(
                {
                    "scenario": scenario.name,
                    "country": country,
                    "kind": "override",
                    "value": round(total, _DIGITS),
                    "corridor": rec.corridor or None,
                    "note": note,
                }
            )
    return records or [{"scenario": scenario.name, "kind": "none", "note": note}]


def _compare(workbook: Workbook, scenario: ExcelScenario, values: dict[int, float]) -> None:
    ours = scenario_cell_values(workbook, scenario.name)
    differs = [r for r, v in values.items() if r in ours and abs(ours[r] - v) > 1e-9 * max(1.0, abs(v))]
    if differs:
        _warn(
            workbook,
            scenario,
            f"differs from the Scenarios sheet in {len(differs)} cell{'s' if len(differs) != 1 else ''} "
            "(changed in Excel's Scenario Manager?); the Scenarios sheet is used",
        )
