"""Row orders and filters of a table, a column at a time: what a sorted, filtered view shows.

A view that sorts through Qt asks the model for two cells per comparison, each
a Python call: twenty million of them for a million rows (16 s at 100k rows).
Here a sort is one ``numpy.argsort`` over the column (text through the ranks
of its distinct values), and a filter tests each distinct value once, so a
million-row table sorts and filters in well under a second.

Blanks go last in both directions, and equal values keep the table's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from corridor_app.model.table import Table

Display = Callable[[object, str], str]
_NUMBER_CHARS = frozenset("0123456789.,-+e% ")
FILTER_STEP_ROWS = 50_000  # a column's piece per step: about 10-20 ms of testing


def sort_order(table: Table, key: str, descending: bool = False) -> np.ndarray:
    """Row positions of ``table`` sorted by column ``key`` (stable; blanks last either way)."""
    values = table.column(key)
    if values.dtype.kind == "f":
        blank = np.isnan(values)
        ranks = values
    else:
        ranks, blank = _text_ranks(values)
    if descending:
        ranks = -ranks
    ordered = np.argsort(ranks, kind="stable")
    if blank.any():  # NaN already sorts last, but -rank of a text blank would not
        ordered = np.concatenate([ordered[~blank[ordered]], np.flatnonzero(blank)])
    return ordered.astype(np.int64, copy=False)


def _text_ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each cell among the column's distinct values (numbers before text), and a blank mask."""
    items = values.tolist()
    distinct = [v for v in dict.fromkeys(items) if v is not None and v != ""]

    def key(v: object) -> tuple[int, float, str]:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return (0, float(v), "")
        return (1, 0.0, str(v).casefold())

    keys = {v: key(v) for v in distinct}
    place = {k: float(i) for i, k in enumerate(sorted(set(keys.values())))}  # "Iran" and "iran" tie
    rank: dict[object, float] = {v: place[k] for v, k in keys.items()}
    rank[None] = rank[""] = float(len(place))
    ranks = np.fromiter(map(rank.__getitem__, items), dtype=np.float64, count=len(items))
    return ranks, ranks == len(place)


def filter_mask(table: Table, needle: str, display: Display) -> np.ndarray:
    """Rows where any cell, as shown (``display(value, kind)``), contains ``needle`` ignoring case."""
    mask: np.ndarray | None = None
    for mask in filter_steps(table, needle, display):  # noqa: B007 - the last item is the answer
        pass
    assert mask is not None  # filter_steps always ends with the mask
    return mask


def filter_steps(
    table: Table, needle: str, display: Display, step_rows: int = FILTER_STEP_ROWS
) -> Iterator[np.ndarray | None]:
    """``filter_mask`` in pieces: ``None`` after each ``step_rows`` rows of a column, then the mask.

    A million rows of distinct notes take 1-2 s to test; a window advancing this
    one piece per event-loop turn keeps painting and answering meanwhile (issue 7).
    Each distinct value of a column is still tested once, across its pieces. The
    table must not change until the mask is yielded.
    """
    n = len(table)
    wanted = needle.casefold()
    hit = np.zeros(n, dtype=bool)
    if not wanted:
        yield np.ones(n, dtype=bool)
        return
    maybe_number = set(wanted) <= _NUMBER_CHARS
    for key in table.keys:
        kind = table.column_spec(key).kind
        values = table.column(key)
        if values.dtype.kind == "f" and not maybe_number:
            continue  # a shown number holds only digits and separators: "ira" cannot be in one
        tested: set[object] = set()
        matching: set[object] = set()
        for start in range(0, n, max(1, step_rows)):
            items = values[start : start + step_rows].tolist()
            for v in dict.fromkeys(items):
                if v not in tested:
                    tested.add(v)
                    if wanted in display(v, kind).casefold():
                        matching.add(v)
            if matching:
                hit[start : start + len(items)] |= np.fromiter(
                    map(matching.__contains__, items), dtype=bool, count=len(items)
                )
            yield None
    yield hit
