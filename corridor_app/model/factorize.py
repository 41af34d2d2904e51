"""Columns as integer codes: the grouping step of every aggregate, cached per column stamp.

Reconciliation groups a hundred thousand rows by corridor, country and unit on
every edit. Turning a text column into codes costs a pass over Python objects;
an amount edit does not change those columns, so their codes are kept (per
table, keyed by the column's ``Table.stamp``) and only the sums are redone,
which numpy does in a millisecond.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from corridor_app.model.table import Table


@dataclass(frozen=True)
class Codes:
    """``codes[i]`` indexes ``labels``: the column's distinct texts in first-seen order.

    Blank cells (``None`` or "") share the label "".
    """

    codes: np.ndarray
    labels: tuple[str, ...]


_PIECE = 100_000
_CACHE: weakref.WeakKeyDictionary[Table, dict[str, tuple[int, Codes]]] = weakref.WeakKeyDictionary()


def text_codes(table: Table, key: str) -> Codes:
    """The codes of a text column (values as ``str``, blank as "")."""
    stamp = table.stamp(key)
    per_table = _CACHE.setdefault(table, {})
    hit = per_table.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    column = table.column(key)
    labels: dict[str, int] = {}
    raw_to_code: dict[object, int] = {}
    codes = np.empty(len(column), dtype=np.int64)
    # A piece at a time: each call into C stays short, so a window whose worker thread is
    # validating a million rows keeps painting (issue 7).
    for start in range(0, len(column), _PIECE):
        values = column[start : start + _PIECE].tolist()
        for raw in dict.fromkeys(values):
            if raw not in raw_to_code:
                label = str(raw) if raw is not None and raw != "" else ""
                raw_to_code[raw] = labels.setdefault(label, len(labels))
        codes[start : start + len(values)] = np.fromiter(map(raw_to_code.__getitem__, values), np.int64, len(values))
    result = Codes(codes, tuple(labels))
    per_table[key] = (stamp, result)
    return result
