"""Save the corridor workbook as .xlsx, atomically, verified, with backups.

The file is written to a temporary file in the target's folder, flushed to
disk, read back and compared cell by cell with what was meant to be written,
and only then moved over the target, so a failure at any moment (a full disk,
a kill) leaves the previous file as it was. The previous file is kept as the
newest of three backups in ``.corridor-backups/`` beside it
(``name.1.xlsx`` newest .. ``name.3.xlsx`` oldest). Text is always written as
text: a country named ``=HYPERLINK(...)`` never becomes a formula; NaN and
infinity are refused rather than written as blank cells.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from corridor_app.io.errors import SaveError
from corridor_app.io.saving.atomic import atomic_write
from corridor_app.io.saving.excel_scenarios import add_excel_scenarios
from corridor_app.model.errors import column_letter
from corridor_app.model.table import Table
from corridor_app.model.workbook import COLUMNS as LOG_COLUMNS
from corridor_app.model.workbook import SHEET_NAME as LOG_SHEET
from corridor_app.model.workbook import Workbook

if TYPE_CHECKING:  # openpyxl (0.15-0.3 s to import) is imported by the first save, not at start-up
    from openpyxl import Workbook as XlsxWorkbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

TABLE_ORDER = ("contributions", "totals", "targets", "projects", "scenarios", "fx", "progress")
_OPTIONAL = ("projects", "scenarios", "fx", "progress")  # written only when they hold rows

_NUMBER_FORMATS = {"number": "#,##0.00##", "year": "0"}
BACKUP_FOLDER = ".corridor-backups"
BACKUPS_KEPT = 3

# Sheet name -> {(row 1-based, column 0-based): value} of every non-blank cell written.
Written = dict[str, dict[tuple[int, int], object]]


class NonFiniteValue(ValueError):
    """A NaN or infinite number would be written as a blank cell; it is refused instead."""

    def __init__(self, sheet: str, row: int, column: int) -> None:
        super().__init__(
            f"sheet '{sheet}', cell {column_letter(column)}{row} holds a value that is not a finite number"
        )
        self.where = f"sheet '{sheet}', cell {column_letter(column)}{row}"


@dataclass(frozen=True)
class SaveResult:
    """What a save did: where the previous version went, and how many cells were verified."""

    path: Path
    backup: Path | None
    verified_cells: int


@cache
def _bold() -> Font:
    from openpyxl.styles import Font

    return Font(bold=True)


def _cell(ws: WriteOnlyWorksheet, value: object, bold: bool = False, fmt: str | None = None) -> WriteOnlyCell:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    if bold:
        cell.font = _bold()
    if fmt and isinstance(value, int | float):
        cell.number_format = fmt
    return cell


def _table_rows(ws: WriteOnlyWorksheet, table: Table) -> Iterable[list[WriteOnlyCell]]:
    keys = table.keys
    yield [_cell(ws, table.label(k) if k in table.spec.keys else k, bold=True) for k in keys]
    fmts = [_NUMBER_FORMATS.get(table.column_spec(k).kind) for k in keys]
    for row in range(len(table)):
        yield [_cell(ws, _plain(table.value(row, k)), fmt=f) for k, f in zip(keys, fmts, strict=True)]


def _plain(value: object) -> object:
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def _record(written: Written, name: str, row: int, cells: list[WriteOnlyCell | None]) -> None:
    sheet = written.setdefault(name, {})
    for col, cell in enumerate(cells):
        value = None if cell is None else cell.value
        if isinstance(value, float) and not math.isfinite(value):
            raise NonFiniteValue(name, row, col)
        if value is not None and value != "":
            sheet[(row, col)] = value


def _owned_tables(workbook: Workbook) -> list[Table]:
    return [workbook.table(k) for k in TABLE_ORDER if k not in _OPTIONAL or len(workbook.table(k))]


def _log_rows(ws: WriteOnlyWorksheet, workbook: Workbook) -> Iterable[list[WriteOnlyCell]]:
    yield [_cell(ws, c, bold=True) for c in LOG_COLUMNS]
    for entry in workbook.change_log:
        yield [_cell(ws, _plain(v)) for v in entry.as_row()]


def write_xlsx(
    workbook: Workbook,
    fh: object,
    extra: Callable[[XlsxWorkbook], None] | None = None,
    written: Written | None = None,
) -> None:
    """Write the workbook's tables, then its other sheets, to an open binary file.

    ``written``, when given, receives every non-blank cell written (to verify the file).

    Raises
    ------
    NonFiniteValue
        A cell holds NaN or infinity, which xlsx would show as a blank cell.
    """
    from openpyxl import Workbook as XlsxWorkbook
    from openpyxl.writer.excel import ExcelWriter

    out = XlsxWorkbook(write_only=True)
    try:
        record: Written = {} if written is None else written
        for table in _owned_tables(workbook):
            ws = out.create_sheet(table.spec.label)
            for number, row in enumerate(_table_rows(ws, table), start=1):
                _record(record, ws.title, number, list(row))
                ws.append(row)
            if table.spec.key == "contributions":
                # Scenarios also as Excel's own Scenario Manager scenarios over the amount cells.
                add_excel_scenarios(ws, workbook, table.keys.index("amount"))
        if workbook.change_log:
            ws = out.create_sheet(LOG_SHEET)
            for number, row in enumerate(_log_rows(ws, workbook), start=1):
                _record(record, ws.title, number, list(row))
                ws.append(row)
        for sheet in workbook.extra_sheets:
            ws = out.create_sheet(sheet.name[:31])
            for _ in range(sheet.first_row - 1):
                ws.append([])
            for number, values in enumerate(sheet.rows, start=sheet.first_row):
                cells: list[WriteOnlyCell | None] = [None] * sheet.first_col + [_cell(ws, _plain(v)) for v in values]
                _record(record, ws.title, number, cells)
                ws.append(cells)
        if extra is not None:
            extra(out)
        if not out.worksheets:
            out.create_sheet()
        # openpyxl's own save() leaves its zip open when a write fails; own the archive to abandon it cleanly.
        archive = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)  # type: ignore[call-overload]
        try:
            ExcelWriter(out, archive).save()
        except BaseException:
            archive.fp = None  # the temporary file is discarded; no central directory to write
            raise
    except BaseException:
        _abandon(out)
        raise


def _abandon(out: XlsxWorkbook) -> None:
    """Close openpyxl's half-written sheet streams now, so a failed save leaves no dangling generators."""
    for ws in out.worksheets:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()


def _sheet_for(table: Table) -> str:
    """The sheet a table goes back to: the one its rows came from, else its own name."""
    sheets = {o.sheet for o in table.origins if o is not None}
    return sheets.pop() if len(sheets) == 1 else table.spec.label


def rewritten_sheets(workbook: Workbook) -> list[str]:
    """The sheets ``write_preserving`` replaces; every other sheet of the original is kept as it was."""
    names = [_sheet_for(t)[:31] for t in _owned_tables(workbook)]
    return names + ([LOG_SHEET] if workbook.change_log else [])


def write_preserving(workbook: Workbook, original: str, fh: object) -> None:
    """Update ``original`` with the workbook's tables and keep everything else it holds.

    Sheets the app does not own keep their cells, formatting, merged cells and
    column widths (what openpyxl round-trips); the app's own sheets are
    rewritten where they were, keeping their column widths.
    """
    from openpyxl import load_workbook as load_xlsx

    try:
        book = load_xlsx(original, keep_vba=original.lower().endswith(".xlsm"), keep_links=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on files it cannot model
        raise SaveError(original, f"cannot be updated in place ({type(exc).__name__}); use Save As") from None
    for name, table in [(_sheet_for(t), t) for t in _owned_tables(workbook)]:
        ws = _replace_sheet(book, name)
        ws.append([table.label(k) if k in table.spec.keys else k for k in table.keys])
        for cell in ws[1]:
            cell.font = _bold()
        for row in range(len(table)):
            ws.append([_plain(table.value(row, k)) for k in table.keys])
        _keep_text(ws)
        if table.spec.key == "contributions":
            add_excel_scenarios(ws, workbook, table.keys.index("amount"))
    if workbook.change_log:
        ws = _replace_sheet(book, LOG_SHEET)
        ws.append(list(LOG_COLUMNS))
        for entry in workbook.change_log:
            ws.append([_plain(v) for v in entry.as_row()])
        _keep_text(ws)
    book.save(fh)


def _replace_sheet(book: XlsxWorkbook, name: str):  # type: ignore[no-untyped-def]
    title = name[:31]
    if title in book.sheetnames:
        old = book[title]
        index = book.sheetnames.index(title)
        widths = {k: d.width for k, d in old.column_dimensions.items() if d.width}
        book.remove(old)
        ws = book.create_sheet(title, index)
        for k, w in widths.items():
            ws.column_dimensions[k].width = w
        return ws
    return book.create_sheet(title)


def _keep_text(ws: object) -> None:
    """openpyxl reads any str starting with '=' as a formula: mark user text as text."""
    for row in ws.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def save_workbook(
    workbook: Workbook, path: str | os.PathLike[str], *, keep_backups: bool = True, preserve: str | None = None
) -> SaveResult:
    """Save to ``path``: temporary file, fsync, read back and verify, back up the old file, replace.

    With ``preserve`` (the xlsx the workbook was loaded from) the file is
    updated rather than rewritten: sheets the app does not own keep their
    formatting (see ``write_preserving``).

    Raises
    ------
    SaveError
        Nothing was replaced; the file at ``path``, if any, is unchanged.
    """
    target = Path(path)
    written: Written = {}
    verified: list[int] = []
    backups: list[Path] = []

    def write(fh: BinaryIO) -> None:
        if preserve is not None:
            write_preserving(workbook, preserve, fh)
        else:
            write_xlsx(workbook, fh, written=written)

    def check_then_back_up(tmp: str) -> None:
        verified.append(verify_written(tmp, written))
        if keep_backups and target.exists():
            backups.append(_rotate_backups(target))

    try:
        atomic_write(target, write, before_replace=check_then_back_up)
    except NonFiniteValue as exc:
        raise SaveError(
            str(target), f"{exc.where} is not a finite number (NaN or infinity); nothing was saved"
        ) from None
    return SaveResult(target, backups[0] if backups else None, verified[0])


def verify_written(tmp: str, written: Written) -> int:
    """Read the file just written and compare every cell with what was meant; return the cell count.

    Raises
    ------
    OSError
        (errno EIO) the file on disk does not hold what was written.
    """
    from corridor_app.io.errors import LoadError
    from corridor_app.io.loading.spreadsheet import read_spreadsheet

    try:
        sheets = {s.name: s for s in read_spreadsheet(tmp)}
    except LoadError as exc:
        raise OSError(5, f"the written file cannot be read back ({exc.message})") from None
    count = 0
    for name, cells in written.items():
        sheet = sheets.get(name)
        found: dict[tuple[int, int], object] = {}
        if sheet is not None:
            for i, row in enumerate(sheet.rows):
                for j, value in enumerate(row):
                    if value is not None and value != "":
                        found[(sheet.first_row + i, sheet.first_col + j)] = value
        for key in cells.keys() | found.keys():
            if not _same(cells.get(key), found.get(key)):
                where = f"sheet '{name}', cell {column_letter(key[1])}{key[0]}"
                raise OSError(
                    5, f"read-back check failed at {where}: wrote {cells.get(key)!r}, read {found.get(key)!r}"
                )
        count += len(cells)
    return count


def _same(expected: object, actual: object) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return float(expected) == float(actual)
    if isinstance(expected, dt.datetime | dt.date) and isinstance(actual, dt.datetime | dt.date):
        as_dt = [v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day) for v in (expected, actual)]
        return abs((as_dt[0] - as_dt[1]).total_seconds()) < 0.001
    return expected == actual


def backup_paths(path: str | os.PathLike[str]) -> list[Path]:
    """The backups of ``path``, newest first: ``.corridor-backups/<stem>.1<suffix>`` .. ``.3``."""
    target = Path(path)
    folder = target.parent / BACKUP_FOLDER
    return [folder / f"{target.stem}.{n}{target.suffix}" for n in range(1, BACKUPS_KEPT + 1)]


def _rotate_backups(target: Path) -> Path:
    """Shift the backups by one and make the current file the newest; returns its backup path."""
    paths = backup_paths(target)
    paths[0].parent.mkdir(exist_ok=True)
    for older, newer in zip(reversed(paths[1:]), reversed(paths[:-1]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    staging = paths[0].with_name(paths[0].name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(target, staging)  # the old file's own bytes, no copy; it survives the replace below
    except OSError:
        shutil.copy2(target, staging)
    os.replace(staging, paths[0])
    return paths[0]
