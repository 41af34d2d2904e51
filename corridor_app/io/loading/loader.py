"""Open any supported file: pick the reader by content, not by extension.

``preflight`` runs first and refuses hostile or unreadable files before any
parser sees them. ``read_sheets`` is the parsing half (run in a child process
by ``load_workbook_isolated``); ``interpret`` turns its sheets into a workbook.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.csv_reader import read_csv
from corridor_app.io.loading.formats import format_name, resave_advice
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.io.loading.preflight import Preflight, preflight
from corridor_app.io.loading.spreadsheet import ParseAhead, read_spreadsheet

if TYPE_CHECKING:
    from collections.abc import Callable

    from corridor_app.model.workbook import Workbook

# What Open offers and a drop accepts; the reader is chosen by content, not by this suffix.
OPENABLE = (".xlsx", ".xlsm", ".ods", ".csv", ".tsv", ".txt", ".xls", ".xlsb")


def read_sheets(path: str | os.PathLike[str], encoding: str | None = None) -> list[RawSheet]:
    """Preflight, then read every sheet of ``path`` as raw cell values (a CSV in ``encoding`` if given).

    Raises
    ------
    LoadError
        The file is refused by the preflight or cannot be parsed.
    """
    path = str(path)
    return read_checked(path, preflight(path), encoding)


def read_checked(
    path: str, checked: Preflight, encoding: str | None = None, ahead: ParseAhead | None = None
) -> list[RawSheet]:
    """Read every sheet of ``path``, which ``preflight`` has passed as ``checked``.

    ``ahead`` is the parse of a spreadsheet started while the preflight ran (io/loading/_child.py).
    """
    if checked.kind == "text":
        return [read_csv(path, encoding)]
    sheets = ahead.sheets(checked.kind) if ahead is not None else read_spreadsheet(path, checked.kind)
    _attach_marks(path, checked, sheets)
    return sheets


def _attach_marks(path: str, checked: Preflight, sheets: list[RawSheet]) -> None:
    """Give each sheet its flagged cells; refuse a read that came back empty though the file has cells."""
    by_name = {s.name: s for s in sheets}
    for name, stats in checked.sheets.items():
        sheet = by_name.get(name)
        if sheet is not None:
            sheet.marks = dict(stats.marks)
            sheet.scenarios = stats.scenarios
        expected = stats.cells - len(stats.marks)
        if expected <= 0:
            continue
        if sheet is None or not any(c not in (None, "") for row in sheet.rows for c in row):
            raise LoadError(
                path,
                f"the file holds {expected:,} cells in this sheet but the reader found none "
                f"(an unusual variant of the {format_name(checked.kind)} format?); {resave_advice(checked.kind)}",
                sheet=name,
            )


def load_workbook(
    path: str | os.PathLike[str],
    mapping: ColumnMapping | None = None,
    *,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Workbook:
    """Load a corridor workbook from xlsx/xlsm/ods/xls/xlsb or CSV, in this process.

    ``mapping`` says which sheet, header row and columns hold the table, and the CSV's encoding,
    where the loader cannot tell by itself (``io/loading/mapping.py``).

    The window and the CLI use ``load_workbook_isolated``, which runs the
    parsing in a child process with time and memory limits; this one is for
    the bundled dataset and tests. It takes the same ``progress`` and
    ``cancelled`` as the isolated loader (one calling convention), and
    reports only its start: an in-process parse cannot be stopped halfway.

    Raises
    ------
    LoadError
        The file cannot be read, or holds values that cannot be parsed.
    """
    path = str(path)
    if progress is not None:
        progress(0.0, f"Reading {os.path.basename(path)}…")
    return build_workbook(path, read_sheets(path, mapping.encoding if mapping else None), mapping)


def source_encoding(sheets: list[RawSheet]) -> str:
    """The text encoding a CSV was read with ("" for a spreadsheet): for the status bar and ``check``."""
    return next((s.encoding for s in sheets if s.encoding), "")


def build_workbook(path: str, sheets: list[RawSheet], mapping: ColumnMapping | None = None) -> Workbook:
    """The workbook from the raw sheets of ``path``, with Excel's own Scenario Manager scenarios."""
    # Imported here so the parsing child (io/_child.py) imports only the readers.
    import zipfile

    from corridor_app.io.loading.interpret import interpret

    book = interpret(path, sheets, mapping)
    # The preflight says whether a sheet holds scenarios (None: it did not look); none, and the reader of
    # Excel's scenarios (defusedxml, the model's scenarios) is not even imported.
    if zipfile.is_zipfile(path) and any(s.scenarios is not False for s in sheets):
        from corridor_app.io.saving.excel_scenarios import import_excel_scenarios

        import_excel_scenarios(book, path, sheets)
    return book
