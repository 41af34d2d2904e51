"""The in-memory corridor workbook: its tables and the announcement of changes.

Every view (table, chart, totals) subscribes here and refreshes only from the
``Change`` it is told about, never from the code that made the edit; undo
travels the same road. Bulk operations wrap their edits in ``changing()`` so
subscribers hear once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from corridor_app.model.errors import Problem
from corridor_app.model.sheets import TABLES, TableSpec
from corridor_app.model.table import Table


@dataclass(frozen=True)
class Change:
    """What changed: cells of some rows and columns, or the table's shape.

    ``rows`` and ``columns`` are ``None`` when the whole table may have changed
    (rows inserted or deleted, a load); ``structural`` tells views to reset.
    """

    table: str
    rows: tuple[int, ...] | None = None
    columns: tuple[str, ...] | None = None
    structural: bool = False

    def merge(self, other: Change) -> Change:
        if other.table != self.table:
            raise ValueError("cannot merge changes of different tables")
        if self.structural or other.structural or self.rows is None or other.rows is None:
            return Change(self.table, None, None, self.structural or other.structural)
        rows = tuple(sorted(set(self.rows) | set(other.rows)))
        if self.columns is None or other.columns is None:
            cols = None
        else:
            cols = tuple(dict.fromkeys(self.columns + other.columns))
        return Change(self.table, rows, cols, False)


@dataclass
class ExtraSheet:
    """A sheet the format does not know, kept as values so Save As writes it back."""

    name: str
    rows: list[list[object]] = field(default_factory=list)
    first_row: int = 1
    first_col: int = 0


SHEET_NAME = "Change log"
COLUMNS = ("Time", "Action", "Sheet", "Record", "Column", "Old", "New")


@dataclass(frozen=True)
class LogEntry:
    time: str
    action: str
    sheet: str
    record: str
    column: str
    old: object
    new: object

    def as_row(self) -> tuple[object, ...]:
        return (self.time, self.action, self.sheet, self.record, self.column, self.old, self.new)


Listener = Callable[[Change], None]
_DISTINCT_SLICE = 100_000


class Workbook:
    """The corridor workbook: Contributions, Totals, Targets, Projects and the rest."""

    def __init__(self, tables: dict[str, Table] | None = None) -> None:
        self.tables: dict[str, Table] = {spec.key: Table(spec) for spec in TABLES}
        if tables:
            self.tables.update(tables)
        self.extra_sheets: list[ExtraSheet] = []
        self.sheet_order: list[str] = []
        self.problems: list[Problem] = []
        self.source_path: str | None = None
        # Every applied edit, oldest first (model/changelog.py); saved as the "Change log" sheet.
        self.change_log: list[LogEntry] = []
        self._listeners: list[Listener] = []
        self._batch_depth = 0
        self._pending: dict[str, Change] = {}
        self._corridors: tuple[tuple[int, ...], list[str]] | None = None  # stamps it was computed at, names

    def __getstate__(self) -> dict[str, object]:
        """Pickled without subscribers: views stay in the process that made them (export child)."""
        state = dict(self.__dict__)
        state.update(_listeners=[], _pending={}, _batch_depth=0)
        return state

    def table(self, key: str) -> Table:
        return self.tables[key]

    def spec(self, key: str) -> TableSpec:
        return self.tables[key].spec

    # --- change notification -------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def announce(self, change: Change) -> None:
        """Tell every subscriber, or hold the change until the batch ends."""
        if self._batch_depth:
            prev = self._pending.get(change.table)
            self._pending[change.table] = change if prev is None else prev.merge(change)
            return
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:  # noqa: BLE001 - one failing view must not stop the others or the edit
                # The change happened; every subscriber still hears of it, and the undo stack
                # still records it. The failure goes to the excepthook (stderr; pytest-qt fails on it).
                sys.excepthook(*sys.exc_info())

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Group changes: subscribers hear one merged ``Change`` per table at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                pending, self._pending = self._pending, {}
                for change in pending.values():
                    self.announce(change)

    def snapshot(self, copied: Mapping[str, Table] | None = None) -> Workbook:
        """A copy of the data for work on another thread (export, save) while the user edits this one.

        Tables are copied (``copied`` gives copies already made and current,
        see ``model.snapshot``); listeners are not, so the copy announces to no
        one. Problems and change-log entries are immutable values, and the app
        never edits an extra sheet's rows, so those are shared, not copied.
        """
        given = copied or {}
        out = Workbook({key: given[key] if key in given else t.copy() for key, t in self.tables.items()})
        out.extra_sheets = [ExtraSheet(s.name, list(s.rows), s.first_row, s.first_col) for s in self.extra_sheets]
        out.sheet_order = list(self.sheet_order)
        out.problems = list(self.problems)
        out.source_path = self.source_path
        out.change_log = list(self.change_log)
        return out

    def corridors(self) -> list[str]:
        """Corridor names in first-seen order across Contributions and Totals.

        Kept until either corridor column changes (its stamp moves): validation, every chart and the
        window ask for it, and at a million rows each pass takes 40-80 ms (issue 7).
        """
        stamps = tuple(self.tables[key].stamp("corridor") for key in ("contributions", "totals"))
        if self._corridors is not None and self._corridors[0] == stamps and all(stamps):
            return list(self._corridors[1])
        names: dict[str, None] = {}
        for key in ("contributions", "totals"):
            column = self.tables[key].column("corridor")
            # Distinct values first (C-level passes): a million-row column holds a handful of corridors. In
            # slices, so a worker thread asking lets the window's thread in between (one pass held it 60 ms).
            for start in range(0, len(column), _DISTINCT_SLICE):
                for v in dict.fromkeys(column[start : start + _DISTINCT_SLICE].tolist()):
                    if v:
                        names.setdefault(str(v))
        self._corridors = (stamps, list(names))
        return list(names)
