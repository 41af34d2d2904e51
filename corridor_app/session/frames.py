"""Tables as pandas DataFrames for scripts and notebooks, and DataFrames back as one edit step.

``table_frame`` gives a copy with the model's column keys. ``frame_edits`` turns a
DataFrame into the edits that make the table equal to it: changed cells, rows
added at the end, rows removed from the end. Each value is checked like a paste
(text goes through ``parse_cell``, so ``"13,2"`` is 13.2), and the first bad cell
is named; nothing is changed until every cell is good.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from corridor_app.model.edits import DeleteRows, Edit, InsertRows, SetCells
from corridor_app.model.errors import ParseError
from corridor_app.model.schema import Value, check_value, parse_cell
from corridor_app.model.workbook import Workbook

if TYPE_CHECKING:
    import pandas as pd


def table_frame(workbook: Workbook, key: str) -> pd.DataFrame:
    """A copy of table ``key`` as a DataFrame whose columns are the model's keys (``country``, ``amount``...)."""
    return workbook.table(key).to_frame()


def _column_keys(workbook: Workbook, key: str, columns: list[object]) -> list[str]:
    table = workbook.table(key)
    by_name = {k: k for k in table.keys} | {table.label(k).casefold(): k for k in table.keys}
    keys = []
    for column in columns:
        found = by_name.get(str(column)) or by_name.get(str(column).casefold())
        if found is None:
            known = ", ".join(table.keys)
            raise ParseError(f"{table.spec.label} has no column {column!r} (its columns: {known})", str(column))
        keys.append(found)
    return keys


def _cell(workbook: Workbook, key: str, column: str, raw: object, row: int) -> Value:
    table = workbook.table(key)
    spec = table.column_spec(column)
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        raw = None
    elif hasattr(raw, "item") and not isinstance(raw, str):  # numpy scalars
        raw = raw.item()
    try:
        if raw is None or isinstance(raw, str):
            value, _ = parse_cell(spec, raw)
            return value
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ParseError(f"{spec.label} cannot hold {raw!r}", str(raw))
        return check_value(spec, raw, keep_numbers=column in table.extra_columns)
    except ParseError as exc:
        raise ParseError(f"{table.spec.label}, row {row + 1}, {spec.label}: {exc.message}", exc.text) from None


def frame_edits(workbook: Workbook, key: str, frame: pd.DataFrame) -> list[Edit]:
    """The edits that make table ``key`` hold ``frame``'s rows (by position); raises ``ParseError`` naming a cell."""
    table = workbook.table(key)
    columns = _column_keys(workbook, key, list(frame.columns))
    records = list(frame.itertuples(index=False, name=None))
    values = [
        [_cell(workbook, key, c, raw, i) for c, raw in zip(columns, rec, strict=True)] for i, rec in enumerate(records)
    ]
    kept = min(len(values), len(table))
    cells = tuple(
        (i, column, value)
        for i in range(kept)
        for column, value in zip(columns, values[i], strict=True)
        if table.value(i, column) != value
    )
    edits: list[Edit] = []
    if cells:
        edits.append(SetCells(key, cells))
    if len(values) > len(table):
        added = range(len(table), len(values))
        edits.append(InsertRows(key, tuple(added), tuple(tuple(zip(columns, values[i], strict=True)) for i in added)))
    elif len(values) < len(table):
        edits.append(DeleteRows(key, tuple(range(len(values), len(table)))))
    return edits
