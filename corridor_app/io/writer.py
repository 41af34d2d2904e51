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
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

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


def write_xlsx(workbook: Workbook, fh: object, extra: Callable[[XlsxWorkbook], None] | None = None) -> None:
    """Write the workbook's tables, then its other sheets, to an open binary file."""
    out = XlsxWorkbook(write_only=True)
    for key in ("contributions", "totals", "targets", "projects", "fx"):
        table = workbook.table(key)
        if key in ("projects", "fx") and not len(table):
            continue
        ws = out.create_sheet(table.spec.label)
        for row in _table_rows(ws, table):
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


def save_workbook(workbook: Workbook, path: str | os.PathLike[str]) -> None:
    """Save to ``path`` atomically.

    Raises
    ------
    SaveError
        Nothing was replaced; the file at ``path``, if any, is unchanged.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
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
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
