"""The error a file the app cannot read raises: where, and why, in plain words."""

from __future__ import annotations

from corridor_app.model.errors import Problem


class LoadError(Exception):
    """A file could not be loaded; names the file and, when known, sheet, row and column.

    ``problems`` lists every bad cell found when the file was readable but its
    values were not (the first few are in the message). ``detail`` is what the
    reader underneath said, for a bug report: it is logged, never shown as the
    message (issue 17: "Expecting 'table-cell', found 'Text(BytesText ...'").
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        cell: str = "",
        problems: list[Problem] | None = None,
        detail: str = "",
    ) -> None:
        self.path = path
        self.detail = detail
        self.message = message
        self.sheet = sheet
        self.row = row
        self.column = column
        self.cell = cell
        self.problems = problems or []
        super().__init__(self.describe())

    def describe(self) -> str:
        where = [f"{self.path}"]
        if self.sheet:
            where.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        if self.cell:
            where.append(f"cell {self.cell}")
        return f"{', '.join(where)}: {self.message}"


class SaveError(Exception):
    """A file could not be written; the previous file, if any, is intact."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was written and the previous file is intact."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: export cancelled; the previous file is unchanged")
