"""Where a finding of the load is: the sheet, row and column a problem names (shared by the table readers)."""

from __future__ import annotations

from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.errors import Problem, column_letter


class Located:
    """The errors and warnings found while reading the sheets of ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []


def problem(
    sheet: RawSheet, sheet_row: int, pos: int, header: list[object], message: str, severity: str = "error"
) -> Problem:
    col = sheet.first_col + pos
    name = str(header[pos]).strip() if pos < len(header) and header[pos] is not None else column_letter(col)
    return Problem(severity, message, sheet.name, sheet_row, name, f"{column_letter(col)}{sheet_row}")  # type: ignore[arg-type]
