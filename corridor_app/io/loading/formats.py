"""What each file format is called, and what a user can do when one cannot be read (issue 17).

Advice names the format the file is in: an .ods is not told to "save it from Excel as .xlsx".
"""

from __future__ import annotations

FORMAT_NAMES = {
    "xlsx": "Excel workbook (.xlsx)",
    "xlsb": "Excel binary workbook (.xlsb)",
    "xls": "Excel 97-2003 workbook (.xls)",
    "ods": "OpenDocument spreadsheet (.ods)",
    "text": "CSV text file",
}
_RESAVE = {
    "xlsx": "open it in Excel or LibreOffice Calc and save it again as .xlsx",
    "xlsb": "open it in Excel and save it as an ordinary .xlsx workbook",
    "xls": "open it in Excel or LibreOffice Calc and save it as .xlsx",
    "ods": "open it in LibreOffice Calc and save it again as .ods (or as .xlsx)",
    "text": "open it in a text editor or spreadsheet program and save it as UTF-8 CSV",
}
PROTECTED = "the workbook is password-protected; save an unprotected copy and open that"


def format_name(kind: str) -> str:
    """ "OpenDocument spreadsheet (.ods)" for the preflight's ``kind``."""
    return FORMAT_NAMES.get(kind, "spreadsheet")


def resave_advice(kind: str) -> str:
    """What to do with a file of ``kind`` that the readers cannot make sense of."""
    return _RESAVE.get(kind, "save it again as .xlsx")


def reader_detail(exc: BaseException) -> str:
    """What a reader said, for the log and a bug report (never for the message)."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text[:2000]}" if text else type(exc).__name__
