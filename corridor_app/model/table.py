"""One table of the workbook, stored as typed numpy columns.

Columns rather than a DataFrame: a cell read or write is an array index
(the table view reads thousands of cells per repaint) and a column is handed to
pandas or numpy for aggregates without a copy. Numbers are float64 with NaN for
a blank cell; text is an object array with ``None`` for blank. Columns that the
format does not know are kept, as text, in the order the file had them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

import numpy as np

from corridor_app.model.columns import ColumnSpec
from corridor_app.model.schema import Value
from corridor_app.model.sheets import TableSpec

if TYPE_CHECKING:  # pandas is imported on first use: loading and the first window do without it
    import pandas as pd


_STAMPS = itertools.count(1)


@dataclass(frozen=True)
class Origin:
    """Where a record came from: sheet name and 1-based row in that sheet."""

    sheet: str
    row: int


class OriginList:
    """Row origins stored as two integer arrays instead of one ``Origin`` object per row.

    A million-row sheet would otherwise carry a million small objects (about
    0.1 GB and a second to build); ``table.origins[i]`` still gives an
    ``Origin`` (or ``None`` for rows typed in the app).
    """

    def __init__(self, origins: Iterable[Origin | None] = ()) -> None:
        self._sheets: list[str] = []
        self._codes = np.empty(0, dtype=np.int32)  # index into _sheets, -1 for no origin
        self._rows = np.empty(0, dtype=np.int64)
        self.extend(origins)

    def _code(self, sheet: str) -> int:
        if sheet not in self._sheets:
            self._sheets.append(sheet)
        return self._sheets.index(sheet)

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, index: int) -> Origin | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[Origin | None]: ...
    def __getitem__(self, index: int | slice) -> Origin | list[Origin | None] | None:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        code = int(self._codes[index])
        return None if code < 0 else Origin(self._sheets[code], int(self._rows[index]))

    def __iter__(self) -> Iterator[Origin | None]:
        return (self[i] for i in range(len(self)))

    def sheets(self) -> set[str]:
        """The sheets the rows came from, without building an ``Origin`` per row."""
        # bincount, not np.unique: unique's first call imports numpy.ma (35 ms of the start-up).
        used = np.flatnonzero(np.bincount(self._codes[self._codes >= 0], minlength=len(self._sheets)))
        return {self._sheets[int(c)] for c in used}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OriginList | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def extend(self, origins: Iterable[Origin | None]) -> None:
        items = list(origins)
        codes = np.array([-1 if o is None else self._code(o.sheet) for o in items], dtype=np.int32)
        rows = np.array([0 if o is None else o.row for o in items], dtype=np.int64)
        self._codes = np.concatenate([self._codes, codes])
        self._rows = np.concatenate([self._rows, rows])

    def append(self, origin: Origin | None) -> None:
        self.extend([origin])

    def extend_rows(self, sheet: str, rows: np.ndarray) -> None:
        """Append the origins of ``rows`` (1-based sheet rows) of one sheet, without a loop."""
        self._codes = np.concatenate([self._codes, np.full(len(rows), self._code(sheet), dtype=np.int32)])
        self._rows = np.concatenate([self._rows, np.asarray(rows, dtype=np.int64)])

    def insert(self, pos: int, origin: Origin | None) -> None:
        self._codes = np.insert(self._codes, pos, -1 if origin is None else self._code(origin.sheet))
        self._rows = np.insert(self._rows, pos, 0 if origin is None else origin.row)

    def take(self, selector: np.ndarray) -> OriginList:
        """The origins at a boolean mask or integer positions."""
        out = OriginList()
        out._sheets = list(self._sheets)
        out._codes = self._codes[selector]
        out._rows = self._rows[selector]
        return out

    def __repr__(self) -> str:
        return f"OriginList({list(self)!r})"


class Table:
    """Records of one sheet, with the known columns of ``spec`` plus any extras."""

    def __init__(self, spec: TableSpec, extra_columns: Sequence[str] = ()) -> None:
        self.spec = spec
        # The spec's columns by key, built once: the table view asks for them per cell.
        self._known: dict[str, ColumnSpec] = {c.key: c for c in spec.columns}
        self.extra_columns: list[str] = [c for c in extra_columns if c not in self._known]
        self._data: dict[str, np.ndarray] = {k: self._empty(k, 0) for k in self._known}
        self._data.update((k, np.full(0, None, dtype=object)) for k in self.extra_columns)  # extras hold text
        self._origins = OriginList()
        # A fresh stamp per column on every change: caches of derived numbers key on them.
        self._stamps: dict[str, int] = {}
        # Header text each column had in the loaded file, written back on save.
        self.headers: dict[str, str] = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the derived column lookup (rebuilt from the spec)."""
        state = dict(self.__dict__)
        del state["_known"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._known = {c.key: c for c in self.spec.columns}
        # Stamps count per process: a table read in another process gets fresh ones, so no cache here
        # can mistake it for a table it has seen.
        self._touch()

    def stamp(self, key: str) -> int:
        """Changes whenever column ``key`` (or the table's shape) changes; equal stamps mean equal data."""
        return self._stamps.get(key, 0)

    def _touch(self, key: str | None = None) -> None:
        stamp = next(_STAMPS)
        for k in [key] if key is not None else self.keys:
            self._stamps[k] = stamp

    @property
    def origins(self) -> OriginList:
        """Where each record came from (``None`` for rows added in the app)."""
        return self._origins

    @origins.setter
    def origins(self, value: Iterable[Origin | None]) -> None:
        self._origins = value if isinstance(value, OriginList) else OriginList(value)

    @property
    def keys(self) -> list[str]:
        return [*self._known, *self.extra_columns]

    def column_spec(self, key: str) -> ColumnSpec:
        known = self._known.get(key)
        if known is not None:
            return known
        if key in self._data:  # an extra column (a dict lookup: a sheet may have 20,000 of them, issue 17)
            return ColumnSpec(key, key)
        raise KeyError(f"{self.spec.label} has no column {key!r}")

    def label(self, key: str) -> str:
        return self.column_spec(key).label

    def header(self, key: str) -> str:
        """The header a column had in the loaded file, else its label."""
        return self.headers.get(key) or self.label(key)

    def is_numeric(self, key: str) -> bool:
        return self.column_spec(key).kind != "text"

    def _empty(self, key: str, n: int) -> np.ndarray:
        if self.is_numeric(key):
            return np.full(n, np.nan, dtype=np.float64)
        return np.full(n, None, dtype=object)

    def empty_column(self, key: str, n: int) -> np.ndarray:
        """``n`` blank cells in the column's stored form."""
        return self._empty(key, n)

    def stored(self, key: str, value: Value) -> object:
        """The stored form of ``value`` in column ``key`` (what ``set_value`` would keep)."""
        return self._cell(key, value)

    def __len__(self) -> int:
        return len(self.origins)

    def column(self, key: str) -> np.ndarray:
        """The column's array; read-only by convention, edits go through ``edits.apply``."""
        return self._data[key]

    def value(self, row: int, key: str) -> Value:
        v = self._data[key][row]
        if isinstance(v, float | np.floating):
            if math.isnan(v):
                return None
            if self.column_spec(key).kind == "year":
                return int(v)
            return float(v)
        return v  # type: ignore[no-any-return]

    def _cell(self, key: str, value: object) -> object:
        """The stored form of a value: float (NaN blank) for numbers, else str or None.

        Extra columns keep numbers and dates as they came, so a column the app
        does not know is written back with its original types.
        """
        if self.is_numeric(key):
            return np.nan if value is None else float(value)  # type: ignore[arg-type]
        if value is None or value == "":
            return None
        if key not in self._known and not isinstance(value, str):
            return value
        return str(value)

    def set_value(self, row: int, key: str, value: Value) -> None:
        self._data[key][row] = self._cell(key, value)
        self._touch(key)

    def record(self, row: int) -> dict[str, Value]:
        return {k: self.value(row, k) for k in self.keys}

    def records(self) -> list[dict[str, Value]]:
        return [self.record(r) for r in range(len(self))]

    def add_extra_column(self, key: str) -> None:
        if key not in self._known and key not in self._data:
            self.extra_columns.append(key)
            self._data[key] = np.full(len(self), None, dtype=object)  # extra columns hold text
            self._touch(key)

    def insert(
        self,
        positions: Sequence[int],
        records: Sequence[Mapping[str, Value]],
        origins: Sequence[Origin | None] | None = None,
    ) -> None:
        """Insert ``records`` so that each ends up at the given final position."""
        order = sorted(range(len(positions)), key=lambda i: positions[i])
        origins = list(origins) if origins is not None else [None] * len(records)
        for i in order:
            pos = positions[i]
            for key in self.keys:
                arr = self._data[key]
                item = np.empty(1, dtype=arr.dtype)
                item[0] = self._cell(key, records[i].get(key))
                self._data[key] = np.insert(arr, pos, item)
            self.origins.insert(pos, origins[i])
        self._touch()

    def append_many(self, records: Iterable[Mapping[str, Value]], origins: Iterable[Origin | None]) -> None:
        """Bulk append used by loaders: one array build per column."""
        recs = list(records)
        orig = list(origins)
        for key in self.keys:
            new = self._empty(key, len(recs))
            for i, rec in enumerate(recs):
                new[i] = self._cell(key, rec.get(key))
            self._data[key] = np.concatenate([self._data[key], new])
        self.origins.extend(orig)
        self._touch()

    def append_columns(self, columns: Mapping[str, np.ndarray], sheet: str, rows: np.ndarray) -> None:
        """Bulk append of values already in stored form (the loader's vectorised path).

        ``columns`` maps keys to arrays of equal length: float64 (NaN blank) for
        numbers, object (``None`` blank) for text; a key left out is blank.
        ``rows`` are the 1-based rows of ``sheet`` the records come from.
        An empty table keeps the arrays it is given rather than copying them
        (a million-row load then holds its columns once): hand over arrays no
        one else holds.
        """
        n = len(rows)
        empty = len(self) == 0
        for key in self.keys:
            new = columns.get(key)
            if new is None:
                new = self._empty(key, n)
            elif len(new) != n:
                raise ValueError(f"column {key!r} has {len(new)} values for {n} rows")
            old = self._data[key]
            new = new.astype(old.dtype, copy=False)
            self._data[key] = new if empty and len(old) == 0 else np.concatenate([old, new])
        self.origins.extend_rows(sheet, rows)
        self._touch()

    def nbytes(self) -> int:
        """Memory the values take: array buffers plus each distinct text object once."""
        import sys

        total = int(self.origins._codes.nbytes + self.origins._rows.nbytes)
        for arr in self._data.values():
            total += int(arr.nbytes)
            if arr.dtype == object:
                seen = {id(v): v for v in arr if v is not None}
                total += sum(sys.getsizeof(v) for v in seen.values())
        return total

    def delete(self, rows: Sequence[int]) -> None:
        keep = np.ones(len(self), dtype=bool)
        keep[list(rows)] = False
        for key in self.keys:
            self._data[key] = self._data[key][keep]
        self.origins = self.origins.take(keep)
        self._touch()

    def copy(self, copied: Mapping[str, np.ndarray] | None = None) -> Table:
        """An independent copy: edits to either table do not reach the other.

        Columns are copied arrays (text objects are shared: strings are
        immutable); the stamps are kept, since equal stamps mean equal data.
        ``copied`` holds columns the caller already copied and knows to be
        current (``model.snapshot``); they are used as they are.
        """
        given = copied or {}
        out = Table(self.spec, self.extra_columns)
        out._data = {k: given[k] if k in given else arr.copy() for k, arr in self._data.items()}
        out._origins = self._origins.take(np.ones(len(self), dtype=bool))  # a mask copies
        out._stamps = dict(self._stamps)
        out.headers = dict(self.headers)
        return out

    def to_frame(self) -> pd.DataFrame:
        """A DataFrame copy for computation and export; columns are the model keys."""
        import pandas as pd

        return pd.DataFrame({k: self._data[k].copy() for k in self.keys})

    def record_name(self, row: int) -> str:
        """A human name for a record: its country, project, target, scenario or corridor, else its row number."""
        if 0 <= row < len(self):
            name = record_name({k: self.value(row, k) for k in _NAME_KEYS if k in self._data})
            if name:
                return name
        return f"row {row + 1}"

    def where(self, row: int) -> tuple[str, int | None]:
        """Sheet and spreadsheet row of a record, for messages."""
        origin = self.origins[row] if 0 <= row < len(self.origins) else None
        if origin is None:
            return self.spec.label, None
        return origin.sheet, origin.row


_NAME_KEYS = ("country", "project", "target", "scenario", "corridor")


def record_name(values: Mapping[str, object]) -> str:
    """The name a record goes by in messages and the change log ("" when it has none)."""
    return next((str(values[k]) for k in _NAME_KEYS if values.get(k)), "")
