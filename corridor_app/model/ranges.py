"""Figures as ranges (issue 18): the Low/High/Approximate cells of a figure, their checks, their intervals.

A figure that takes ranges (``ColumnSpec.low``: a contribution's Amount, a
published total, a project's Cost and Length) keeps its point value in its own
column and its stated bounds in sibling columns. A bound written in the figure's
cell ("over 38", "12–14", "около 38") fills those siblings (``bound_cells``);
the loader, typing in a table and pasting all go through here, and all refuse a
low above the point, a high below it, or a low above the high (``range_errors``).

Two readings of a missing bound, and why:

- In a sum of parts a missing bound counts as the point (``part_interval``): one
  part known only as "over 13" must not make the whole sum unbounded.
- A published total with only one bound stated ("over US$38 bn") is open on its
  other side (``published_interval``): that is what the source says, and it is
  what decides "consistent within the ranges".
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from corridor_app.model.columns import ColumnSpec
from corridor_app.model.numbers import Quantity
from corridor_app.model.schema import Value
from corridor_app.model.sheets import TableSpec

APPROXIMATE = "approximate"
_EPS = 1e-9


def ranged_columns(spec: TableSpec) -> tuple[ColumnSpec, ...]:
    """The table's figures that take ranges (the Amount of Contributions, the Cost and Length of Projects...)."""
    return tuple(c for c in spec.columns if c.low)


def bound_cells(column: ColumnSpec, quantity: Quantity | None, factor: float = 1.0) -> dict[str, Value]:
    """The Low, High and Approximate cells a bound written in ``column``'s cell states.

    Empty for a plain number (the siblings keep what they hold). A bound text
    states the whole range, so every sibling is written: "over 38" clears a High.
    ``factor`` converts the bounds as the loader converted the point (a unit change).
    """
    if quantity is None or not column.low or not quantity.states_range:
        return {}
    return {
        column.low: None if quantity.low is None else quantity.low * factor,
        column.high: None if quantity.high is None else quantity.high * factor,
        column.approx: APPROXIMATE if quantity.approximate else None,
    }


def _tol(value: float) -> float:
    return _EPS * max(1.0, abs(value))


def range_errors(spec: TableSpec, record: Mapping[str, Value]) -> list[tuple[str, str]]:
    """``(column key, message)`` for each bound that contradicts its figure in one record."""
    errors: list[tuple[str, str]] = []
    for column in ranged_columns(spec):
        point, low, high = (_number(record.get(k)) for k in (column.key, column.low, column.high))
        low_label, high_label = spec.column(column.low).label, spec.column(column.high).label
        if low is not None and high is not None and low > high + _tol(high):
            errors.append((column.low, f"{low_label} {low:g} is above {high_label} {high:g}"))
            continue
        if point is None:
            if low is not None or high is not None:
                given = low_label if low is not None else high_label
                errors.append((column.key, f"{column.label} is blank but {given} is given: write the figure to count"))
            continue
        if low is not None and low > point + _tol(point):
            errors.append((column.low, f"{low_label} {low:g} is above the {column.label.lower()} {point:g}"))
        if high is not None and high < point - _tol(point):
            errors.append((column.high, f"{high_label} {high:g} is below the {column.label.lower()} {point:g}"))
    return errors


def violations(spec: TableSpec, columns: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    """Rows (a mask) where ``range_errors`` would find something: the loader's column-at-a-time check."""
    bad = np.zeros(n, dtype=bool)
    for column in ranged_columns(spec):
        point, low, high = (columns.get(k) for k in (column.key, column.low, column.high))
        if low is None and high is None:
            continue
        nan = np.full(n, np.nan)
        p = nan if point is None else point.astype(np.float64)
        lo = nan if low is None else low.astype(np.float64)
        hi = nan if high is None else high.astype(np.float64)
        tol = _EPS * np.maximum(1.0, np.abs(np.nan_to_num(p)))
        with np.errstate(invalid="ignore"):
            bad |= (lo > p + tol) | (hi < p - tol) | (lo > hi + tol)
            bad |= np.isnan(p) & (~np.isnan(lo) | ~np.isnan(hi))
    return bad


def edit_cells(
    spec: TableSpec, current: Mapping[str, Value], key: str, value: Value, quantity: Quantity | None
) -> tuple[dict[str, Value], str | None]:
    """The cells one typed value writes (its own, and the bounds it states) and the first contradiction, if any.

    ``current`` is the record as it is now; the check is on the record as it would be.
    """
    known = {c.key: c for c in spec.columns}
    column = known.get(key)
    cells: dict[str, Value] = {key: value}
    if column is not None:
        cells.update(bound_cells(column, quantity))
    errors = range_errors(spec, {**current, **cells})
    if not errors:
        return cells, None
    at, message = errors[0]
    return cells, message if at == key or at in cells else f"{message} (edit {known[at].label} first)"


def _number(value: Value) -> float | None:
    if value is None or isinstance(value, str):
        return None
    number = float(value)
    return None if math.isnan(number) else number


def part_interval(point: float, low: float | None, high: float | None) -> tuple[float, float]:
    """A part's interval for a sum: a missing bound counts as the point."""
    return (point if low is None else low, point if high is None else high)


def published_interval(point: float, low: float | None, high: float | None) -> tuple[float, float]:
    """A published figure's interval: a side left blank beside a stated bound is open.

    "over 38" (point 38, Low 38) is [38, inf); 38.2 with a Low of 38 (the EDB's
    "over 38" beside an article's 38.2) is [38, inf) too: nothing caps it;
    "up to 40" is (-inf, 40]; 38.2 alone is [38.2, 38.2].
    """
    lo = low if low is not None else -math.inf if high is not None else point
    hi = high if high is not None else math.inf if low is not None else point
    return lo, hi


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two closed intervals share a point (to rounding)?"""
    return a[0] <= b[1] + _tol(b[1] if math.isfinite(b[1]) else 0.0) and b[0] <= a[1] + _tol(
        a[1] if math.isfinite(a[1]) else 0.0
    )


def is_approximate(value: Value) -> bool:
    return value == APPROXIMATE


def merge_bounds(
    spec: TableSpec, record: dict[str, Value], quantities: Mapping[str, Quantity], factors: Mapping[str, float]
) -> list[tuple[str, str]]:
    """Fill a loaded record's Low/High/Approximate from bounds written in its figure cells, then check it.

    A Low or High column beside the text may add what the text leaves out
    ("over 38" and a High of 45), never contradict it. ``factors`` are the unit
    conversions the loader applied to each figure. Returns ``(column key, message)``.
    """
    problems: list[tuple[str, str]] = []
    for column in ranged_columns(spec):
        for key, stated in bound_cells(column, quantities.get(column.key), factors.get(column.key, 1.0)).items():
            given = record.get(key)
            if stated is None:
                continue
            if given is None or given == stated or _close(given, stated):
                record[key] = stated
                continue
            shown = f"{stated:g}" if isinstance(stated, float) else stated
            message = f"{spec.column(key).label} {given} contradicts the {shown} written in {column.label}"
            problems.append((key, message))
    return problems + range_errors(spec, record)


def _close(a: Value, b: Value) -> bool:
    x, y = _number(a), _number(b)
    return x is not None and y is not None and abs(x - y) <= _tol(y)
