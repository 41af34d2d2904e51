"""Scenario actions (create, duplicate, rename, delete, add or remove an adjustment) as edits.

Each function returns an ordinary edit over the Scenarios table and changes
nothing itself: the caller applies it with ``edits.apply`` (the undo stack
does), so a scenario change travels the same road as a cell edit and is
announced, undone and redone the same way.
"""

from __future__ import annotations

from corridor_app.model.edits import DeleteRows, Edit, InsertRows, Record, SetCells
from corridor_app.model.scenarios import ScenarioError, scenario_names
from corridor_app.model.schema import Value
from corridor_app.model.workbook import Workbook

TABLE = "scenarios"


def scenario_rows(workbook: Workbook, name: str) -> list[int]:
    """Rows of the Scenarios table that belong to ``name``, in table order."""
    column = workbook.table(TABLE).column("scenario")
    return [r for r, v in enumerate(column) if v is not None and str(v).strip() == name]


def _new_name(workbook: Workbook, name: str) -> str:
    name = name.strip()
    if not name:
        raise ScenarioError("a scenario needs a name")
    if name in scenario_names(workbook):
        raise ScenarioError(f"there is already a scenario named {name!r}")
    return name


def _existing(workbook: Workbook, name: str) -> list[int]:
    rows = scenario_rows(workbook, name)
    if not rows:
        raise ScenarioError(f"no scenario named {name!r}")
    return rows


def _append(workbook: Workbook, records: list[Record]) -> InsertRows:
    n = len(workbook.table(TABLE))
    return InsertRows(TABLE, tuple(range(n, n + len(records))), tuple(records))


def new_scenario(workbook: Workbook, name: str, note: str = "") -> InsertRows:
    """A scenario with no adjustments yet: one declaration row of kind ``none``."""
    record: Record = (("scenario", _new_name(workbook, name)), ("kind", "none"), ("note", note or None))
    return _append(workbook, [record])


def duplicate_scenario(workbook: Workbook, name: str, new_name: str) -> InsertRows:
    """A copy of every row of ``name`` under ``new_name``, appended at the end."""
    new_name = _new_name(workbook, new_name)
    table = workbook.table(TABLE)
    records: list[Record] = []
    for row in _existing(workbook, name):
        record = table.record(row)
        record["scenario"] = new_name
        records.append(tuple(record.items()))
    return _append(workbook, records)


def rename_scenario(workbook: Workbook, name: str, new_name: str) -> SetCells:
    """Set the scenario column of every row of ``name`` to ``new_name``."""
    new_name = _new_name(workbook, new_name)
    return SetCells(TABLE, tuple((row, "scenario", new_name) for row in _existing(workbook, name)))


def delete_scenario(workbook: Workbook, name: str) -> DeleteRows:
    """Delete every row of ``name``."""
    return DeleteRows(TABLE, tuple(_existing(workbook, name)))


def add_adjustment(
    workbook: Workbook,
    name: str,
    country: str,
    kind: str,
    value: float | None,
    corridor: str = "",
    note: str = "",
) -> InsertRows:
    """One adjustment row, placed after the scenario's last row."""
    rows = _existing(workbook, name)
    record: dict[str, Value] = {
        "scenario": name,
        "country": country or None,
        "kind": kind,
        "value": value,
        "corridor": corridor or None,
        "note": note or None,
    }
    return InsertRows(TABLE, (rows[-1] + 1,), (tuple(record.items()),))


def remove_adjustment(workbook: Workbook, row: int) -> Edit:
    """Delete one adjustment row; the scenario's last row becomes a declaration instead, so it survives."""
    table = workbook.table(TABLE)
    if not 0 <= row < len(table):
        raise IndexError(f"row {row} is outside {table.spec.label}")
    name = str(table.value(row, "scenario") or "").strip()
    if name and scenario_rows(workbook, name) == [row]:
        cells: list[tuple[int, str, Value]] = [(row, "kind", "none")]
        cells += [(row, key, None) for key in ("country", "value", "corridor")]
        return SetCells(TABLE, tuple(cells))
    return DeleteRows(TABLE, (row,))
