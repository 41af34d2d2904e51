"""Typed errors and problems the user can cause.

A ``ParseError`` is raised by the cell parsers; a ``Problem`` is a finding about
loaded data (a bad value, a missing source, an unreconciled total) that carries
where it was found so that the window, the CLI and the JSON can all name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


class ParseError(ValueError):
    """A cell's text cannot be read as the column's type."""

    def __init__(self, message: str, text: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.text = text


@dataclass(frozen=True)
class Problem:
    """One finding about the data, located as precisely as the source allows.

    ``row`` is the 1-based row as a spreadsheet program shows it (or the table
    row for records created in the app); ``column`` is the header as written in
    the file, or the column's display label.
    """

    severity: Severity
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    cell: str = ""

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}")
        elif self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def to_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "message": self.message,
        }


def column_letter(index: int) -> str:
    """0-based column index to a spreadsheet column name (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
