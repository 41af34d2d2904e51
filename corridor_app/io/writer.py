"""Save the corridor workbook as .xlsx, atomically.

The file is written to a temporary file in the target's folder, flushed to
disk, and only then moved over the target, so a failure at any moment leaves
the previous file as it was. Text is always written as text: a country named
``=HYPERLINK(...)`` never becomes a formula.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from corridor_app.io.errors import SaveError
from corridor_app.model.changelog import COLUMNS as LOG_COLUMNS
from corridor_app.model.changelog import SHEET_NAME as LOG_SHEET
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

TABLE_ORDER = ("contributions", "totals", "targets", "projects")

_BOLD = Font(bold=True)
_NUMBER_FORMATS = {"number": "#,##0.00##", "year": "0"}


def _cell(ws: WriteOnlyWorksheet, value: object, bold: bool = False, fmt: str | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    if bold:
        cell.font = _BOLD
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


def _owned_tables(workbook: Workbook) -> list[Table]:
    return [workbook.table(k) for k in TABLE_ORDER if k != "projects" or len(workbook.table(k))]


def _log_rows(ws: WriteOnlyWorksheet, workbook: Workbook) -> Iterable[list[WriteOnlyCell]]:
    yield [_cell(ws, c, bold=True) for c in LOG_COLUMNS]
    for entry in workbook.change_log:
        yield [_cell(ws, _plain(v)) for v in entry.as_row()]


def write_xlsx(workbook: Workbook, fh: object, extra: Callable[[XlsxWorkbook], None] | None = None) -> None:
    """Write the workbook's tables, then its other sheets, to an open binary file."""
    out = XlsxWorkbook(write_only=True)
    for table in _owned_tables(workbook):
        ws = out.create_sheet(table.spec.label)
        for row in _table_rows(ws, table):
            ws.append(row)
    if workbook.change_log:
        ws = out.create_sheet(LOG_SHEET)
        for row in _log_rows(ws, workbook):
            ws.append(row)
    for sheet in workbook.extra_sheets:
        ws = out.create_sheet(sheet.name[:31])
        for _ in range(sheet.first_row - 1):
            ws.append([])
        for values in sheet.rows:
            ws.append([None] * sheet.first_col + [_cell(ws, _plain(v)) for v in values])
    if extra is not None:
        extra(out)
    out.save(fh)  # type: ignore[arg-type]


def _sheet_for(table: Table) -> str:
    """The sheet a table goes back to: the one its rows came from, else its own name."""
    sheets = {o.sheet for o in table.origins if o is not None}
    return sheets.pop() if len(sheets) == 1 else table.spec.label


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
    targets = [(_sheet_for(t), t) for t in _owned_tables(workbook)]
    for name, table in targets:
        ws = _replace_sheet(book, name)
        ws.append([table.label(k) if k in table.spec.keys else k for k in table.keys])
        for cell in ws[1]:
            cell.font = _BOLD
        for row in range(len(table)):
            ws.append([_plain(table.value(row, k)) for k in table.keys])
        _keep_text(ws)
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


def save_workbook(workbook: Workbook, path: str | os.PathLike[str], preserve: str | None = None) -> None:
    """Save to ``path`` atomically.

    With ``preserve`` (the path of the xlsx the workbook was loaded from) the
    file is updated rather than rewritten: sheets the app does not own keep
    their formatting.

    Raises
    ------
    SaveError
        Nothing was replaced; the file at ``path``, if any, is unchanged.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a missing or read-only folder is the user's to fix, not a traceback
        raise SaveError(str(target), f"could not be saved ({exc.strerror or exc}); nothing was written") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if preserve is not None:
                write_preserving(workbook, preserve, fh)
            else:
                write_xlsx(workbook, fh)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise SaveError(
            str(target), f"could not be saved ({exc.strerror or exc}); the previous file is unchanged"
        ) from None
    except SaveError:
        _discard(tmp)
        raise
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
