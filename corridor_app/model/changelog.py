"""The change log: every applied edit, as the analyst would read it.

One entry per changed cell or row: when, which sheet and record, which column,
old value and new value. Undo and redo are applied edits too, so they are
logged as such. The log is written to a ``Change log`` sheet on save and read
back on load, so it accumulates across sessions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from corridor_app.model.edits import DeleteRows, Edit, InsertRows, SetCell, SetCells, apply
from corridor_app.model.table import record_name
from corridor_app.model.workbook import LogEntry, Workbook


def entries_for(
    workbook: Workbook, edit: Edit, inverse: Edit, action: str = "edit", now: dt.datetime | None = None
) -> list[LogEntry]:
    """Log entries for ``edit`` just applied to ``workbook`` (``inverse`` holds the old values)."""
    stamp = (now or dt.datetime.now()).isoformat(timespec="seconds")
    table = workbook.table(edit.table)
    sheet = table.spec.label
    if isinstance(edit, SetCell):
        edit = SetCells(edit.table, ((edit.row, edit.column, edit.value),))
        assert isinstance(inverse, SetCell)
        inverse = SetCells(inverse.table, ((inverse.row, inverse.column, inverse.value),))
    if isinstance(edit, SetCells) and isinstance(inverse, SetCells):
        old = {(r, c): v for r, c, v in inverse.cells}
        return [
            LogEntry(
                stamp,
                action,
                sheet,
                table.record_name(r),
                table.label(c),
                old.get((r, c)),
                table.value(r, c),
            )
            for r, c, _ in edit.cells
        ]
    if isinstance(edit, InsertRows):
        return [
            LogEntry(stamp, f"{action}: insert row", sheet, table.record_name(p), "", None, f"row {p + 1}")
            for p in edit.positions
        ]
    if isinstance(edit, DeleteRows) and isinstance(inverse, InsertRows):
        entries = []
        for record in inverse.records:
            values = dict(record)
            name = record_name(values)
            entries.append(LogEntry(stamp, f"{action}: delete row", sheet, name, "", _summary(values), None))
        return entries
    return []


def apply_logged(workbook: Workbook, edit: Edit, action: str = "edit", now: dt.datetime | None = None) -> Edit:
    """Apply ``edit``, log it, and announce once, after the log holds the entries."""
    with workbook.changing():
        inverse = apply(workbook, edit)
        workbook.change_log.extend(entries_for(workbook, edit, inverse, action, now))
    return inverse


def _summary(values: Mapping[str, object]) -> str:
    return "; ".join(f"{k}={v}" for k, v in values.items() if v is not None)
