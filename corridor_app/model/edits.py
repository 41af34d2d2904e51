"""Edits as immutable values; ``apply`` performs one and returns its inverse.

The UI maps every user action to one of these and pushes it on the undo stack;
undo applies the inverse. ``apply`` announces the change to the workbook's
subscribers, so views refresh the same way for an edit, a paste and an undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from corridor_app.model.schema import Value, check_value, is_blank
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Change, Workbook

Record = tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class SetCell:
    """Set one cell to an already parsed value."""

    table: str
    row: int
    column: str
    value: Value


@dataclass(frozen=True)
class SetCells:
    """Set several cells at once (a paste): one undo step, one announcement."""

    table: str
    cells: tuple[tuple[int, str, Value], ...]
    name: str = ""  # the undo step's name when the action has its own ("Paste 6 cells")


@dataclass(frozen=True)
class InsertRows:
    """Insert records so each lands at its given final row position."""

    table: str
    positions: tuple[int, ...]
    records: tuple[Record, ...]
    origins: tuple[Origin | None, ...] = ()


@dataclass(frozen=True)
class DeleteRows:
    """Delete the rows at these positions."""

    table: str
    rows: tuple[int, ...]


Edit = SetCell | SetCells | InsertRows | DeleteRows


def _check_value(workbook: Workbook, table: str, column: str, value: Value) -> Value:
    """The schema's check of a value for its column."""
    target = workbook.table(table)
    return check_value(target.column_spec(column), value, keep_numbers=column in target.extra_columns)


def check_user_edit(workbook: Workbook, edit: Edit) -> None:
    """What a user or a script may not do that undo may: clear a filled required cell.

    Undo, redo and crash recovery apply inverses, which may well blank a cell that a
    new row started without; only the edits people make are checked here.

    Raises
    ------
    ParseError
        A filled required cell would be cleared.
    """
    if isinstance(edit, SetCell):
        edit = SetCells(edit.table, ((edit.row, edit.column, edit.value),))
    if not isinstance(edit, SetCells):
        return
    table = workbook.table(edit.table)
    for row, column, value in edit.cells:
        if 0 <= row < len(table) and not is_blank(table.value(row, column)):
            check_value(table.column_spec(column), value, clearing=True)


def apply(workbook: Workbook, edit: Edit) -> Edit:
    """Apply ``edit`` to ``workbook``, announce it, and return the edit that undoes it.

    Raises
    ------
    ParseError
        A value is not of its column's type; nothing was changed.
    IndexError
        A row is outside the table; nothing was changed.
    ValueError
        An insert's positions, records and origins do not pair up; nothing was changed.
    """
    table = workbook.table(edit.table)
    if isinstance(edit, SetCell):
        edit = SetCells(edit.table, ((edit.row, edit.column, edit.value),))
        inverse = apply(workbook, edit)
        assert isinstance(inverse, SetCells)
        ((row, col, previous),) = inverse.cells
        return SetCell(edit.table, row, col, previous)
    if isinstance(edit, SetCells):
        checked = []
        for row, col, value in edit.cells:
            if not 0 <= row < len(table):
                raise IndexError(f"row {row} is outside {table.spec.label}")
            checked.append((row, col, _check_value(workbook, edit.table, col, value)))
        old = tuple((row, col, table.value(row, col)) for row, col, _ in reversed(checked))
        for row, col, value in checked:
            table.set_value(row, col, value)
        rows = tuple(sorted({r for r, _, _ in checked}))
        cols = tuple(dict.fromkeys(c for _, c, _ in checked))
        workbook.announce(Change(edit.table, rows, cols))
        return SetCells(edit.table, old)
    if isinstance(edit, InsertRows):
        if any(not 0 <= p <= len(table) + len(edit.positions) - 1 for p in edit.positions):
            raise IndexError(f"insert position outside {table.spec.label}")
        # Checked before anything moves: a mismatch found mid-insert would leave half the rows in.
        if len(set(edit.positions)) != len(edit.positions):
            raise ValueError("two inserted rows cannot land at the same position")
        if len(edit.records) != len(edit.positions) or (edit.origins and len(edit.origins) != len(edit.positions)):
            raise ValueError("an insert needs one record (and one origin, if any) per position")
        records = [{k: _check_value(workbook, edit.table, k, v) for k, v in rec} for rec in edit.records]
        table.insert(edit.positions, records, list(edit.origins) if edit.origins else None)
        workbook.announce(Change(edit.table, structural=True))
        return DeleteRows(edit.table, tuple(sorted(edit.positions)))
    if isinstance(edit, DeleteRows):
        rows = tuple(sorted(set(edit.rows)))
        if any(not 0 <= r < len(table) for r in rows):
            raise IndexError(f"row outside {table.spec.label}")
        saved = tuple(tuple(table.record(r).items()) for r in rows)
        saved_origins = tuple(table.origins[r] for r in rows)
        table.delete(rows)
        workbook.announce(Change(edit.table, structural=True))
        return InsertRows(edit.table, rows, saved, saved_origins)
    raise TypeError(f"not an edit: {edit!r}")


def describe(workbook: Workbook, edit: Edit) -> str:
    """A short name for the Edit menu: "edit Iran amount", "paste 6 cells", "delete 2 rows"."""
    table = workbook.table(edit.table)
    if isinstance(edit, SetCell):
        who = table.record_name(edit.row)
        label = table.label(edit.column).lower()
        return f"edit {who} {label}".replace("  ", " ").strip()
    if isinstance(edit, SetCells):
        if edit.name:
            return edit.name
        n = len(edit.cells)
        return f"edit {n} cell{'s' if n != 1 else ''} in {table.spec.label}"
    if isinstance(edit, InsertRows):
        n = len(edit.positions)
        return f"insert {n} row{'s' if n != 1 else ''} in {table.spec.label}"
    n = len(edit.rows)
    return f"delete {n} row{'s' if n != 1 else ''} from {table.spec.label}"
