"""Open any supported file: pick the reader by content, not by extension."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from corridor_app.io.csv_reader import read_csv
from corridor_app.io.errors import LoadError
from corridor_app.io.excel_scenarios import import_excel_scenarios
from corridor_app.io.interpret import interpret
from corridor_app.io.spreadsheet import read_spreadsheet
from corridor_app.model.workbook import Workbook

OPEN_FILTER = "Spreadsheets (*.xlsx *.xlsm *.ods *.csv *.tsv *.txt *.xls *.xlsb);;All files (*)"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_kind(path: str) -> str:
    """'zip', 'ole' or 'text', from the file's first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise LoadError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise LoadError(path, "this is a folder, not a file") from None
    except PermissionError:
        raise LoadError(path, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise LoadError(path, f"the file cannot be read ({exc.strerror})") from None
    if not head:
        raise LoadError(path, "the file is empty")
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head == _OLE:
        return "ole"
    return "text"


def load_workbook(path: str | os.PathLike[str]) -> Workbook:
    """Load a corridor workbook from xlsx/xlsm/ods/xls/xlsb or CSV.

    Raises
    ------
    LoadError
        The file cannot be read, or holds values that cannot be parsed.
    """
    path = str(path)
    kind = sniff_kind(path)
    if kind == "zip":
        if not zipfile.is_zipfile(path):
            raise LoadError(path, "the file looks like a zip package but is damaged")
        sheets = read_spreadsheet(path)
        book = interpret(path, sheets)
        import_excel_scenarios(book, path, sheets)  # Excel's Scenario Manager scenarios, if any
        return book
    elif kind == "ole":
        sheets = read_spreadsheet(path)  # .xls, or an encrypted xlsx (reported as password-protected)
    else:
        if Path(path).suffix.lower() in {".xlsx", ".xlsm", ".ods", ".xls", ".xlsb"}:
            raise LoadError(
                path,
                f"the file is named {Path(path).suffix} but holds plain text, not a spreadsheet; "
                "if it is a CSV file, rename it to .csv",
            )
        sheets = [read_csv(path)]
    return interpret(path, sheets)
