"""One table of the workbook, stored as typed numpy columns.

Columns rather than a DataFrame: a cell read or write is an array index
(the table view reads thousands of cells per repaint) and a column is handed to
pandas or numpy for aggregates without a copy. Numbers are float64 with NaN for
a blank cell; text is an object array with ``None`` for blank. Columns that the
format does not know are kept, as text, in the order the file had them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corridor_app.model.schema import ColumnSpec, TableSpec, Value


@dataclass(frozen=True)
class Origin:
    """Where a record came from: sheet name and 1-based row in that sheet."""

    sheet: str
    row: int


class Table:
    """Records of one sheet, with the known columns of ``spec`` plus any extras."""

    def __init__(self, spec: TableSpec, extra_columns: Sequence[str] = ()) -> None:
        self.spec = spec
        self.extra_columns: list[str] = [c for c in extra_columns if c not in spec.keys]
        self._data: dict[str, np.ndarray] = {k: self._empty(k, 0) for k in self.keys}
        self.origins: list[Origin | None] = []
        # Header text each column had in the loaded file, written back on save.
        self.headers: dict[str, str] = {}

    @property
    def keys(self) -> list[str]:
        return [*self.spec.keys, *self.extra_columns]

    def column_spec(self, key: str) -> ColumnSpec:
        if key in self.spec.keys:
            return self.spec.column(key)
        if key in self.extra_columns:
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
        if key in self.extra_columns and not isinstance(value, str):
            return value
        return str(value)

    def set_value(self, row: int, key: str, value: Value) -> None:
        self._data[key][row] = self._cell(key, value)

    def record(self, row: int) -> dict[str, Value]:
        return {k: self.value(row, k) for k in self.keys}

    def records(self) -> list[dict[str, Value]]:
        return [self.record(r) for r in range(len(self))]

    def add_extra_column(self, key: str) -> None:
        if key not in self.keys:
            self.extra_columns.append(key)
            self._data[key] = self._empty(key, len(self))

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

    def delete(self, rows: Sequence[int]) -> None:
        keep = np.ones(len(self), dtype=bool)
        keep[list(rows)] = False
        for key in self.keys:
            self._data[key] = self._data[key][keep]
        self.origins = [o for o, k in zip(self.origins, keep, strict=True) if k]

    def to_frame(self) -> pd.DataFrame:
        """A DataFrame copy for computation and export; columns are the model keys."""
        return pd.DataFrame({k: self._data[k].copy() for k in self.keys})

    def where(self, row: int) -> tuple[str, int | None]:
        """Sheet and spreadsheet row of a record, for messages."""
        origin = self.origins[row] if 0 <= row < len(self.origins) else None
        if origin is None:
            return self.spec.label, None
        return origin.sheet, origin.row
