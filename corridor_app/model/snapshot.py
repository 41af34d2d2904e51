"""A workbook copied a slice at a time, so copying a million-row table never holds the GUI thread for long.

The export runs on a worker thread over a copy (``Workbook.snapshot``) while the
user keeps editing the original. Copying a million-row table at once takes
30-120 ms, more than the 50 ms the event loop may be held (issue 7), so the
window copies in steps between events. Edits made between steps are allowed:
``finish`` copies again every column whose stamp moved since it was copied, so the
result is the workbook exactly as it is when ``finish`` runs.
"""

from __future__ import annotations

import numpy as np

from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

STEP_CELLS = 250_000  # about 5-15 ms of copying on the reference machine (docs/PERFORMANCE.md)


class SnapshotBuilder:
    """Copy ``workbook`` with ``step()`` until ``done``, then ``finish()`` for the snapshot.

    A column longer than one step is copied in slices over several steps;
    the stamp taken at its first slice tells ``finish`` whether it is still
    current (any edit of the column since then gives it a new stamp).
    """

    def __init__(self, workbook: Workbook, step_cells: int = STEP_CELLS) -> None:
        self._workbook = workbook
        self._step_cells = max(1, step_cells)
        self._pending = [(key, column) for key, table in workbook.tables.items() for column in table.keys]
        self._copies: dict[tuple[str, str], tuple[int, np.ndarray]] = {}
        self._partial: tuple[int, np.ndarray, int] | None = None  # stamp, copy so far, rows copied

    @property
    def done(self) -> bool:
        return not self._pending

    def step(self) -> bool:
        """Copy about ``step_cells`` cells (whole columns or a slice of a long one); True when done."""
        budget = self._step_cells
        while self._pending and budget > 0:
            key, column = self._pending[0]
            table = self._workbook.tables.get(key)
            if table is None or column not in table.keys:
                self._pending.pop(0)  # gone since the start; finish() takes the table as it is then
                self._partial = None
                continue
            source = table.column(column)
            stamp = table.stamp(column)
            if self._partial is None or self._partial[0] != stamp or len(self._partial[1]) != len(source):
                self._partial = (stamp, np.empty_like(source), 0)  # (re)start: the column changed meanwhile
            _, copy, start = self._partial
            end = min(len(source), start + budget)
            copy[start:end] = source[start:end]
            budget -= max(1, end - start)
            if end < len(source):
                self._partial = (stamp, copy, end)
                continue
            self._copies[key, column] = (stamp, copy)
            self._partial = None
            self._pending.pop(0)
        return self.done

    def finish(self) -> Workbook:
        """The snapshot: the copies still current, plus fresh copies of whatever changed since."""
        tables: dict[str, Table] = {}
        for key, table in self._workbook.tables.items():
            current = {}
            for column in table.keys:
                copy = self._copies.get((key, column))
                if copy is not None and copy[0] == table.stamp(column) and len(copy[1]) == len(table):
                    current[column] = copy[1]
            tables[key] = table.copy(current)
        self._pending.clear()
        self._partial = None
        return self._workbook.snapshot(tables)
