"""Chart series computed from the model.

The on-screen charts and the Excel export both draw these, so the numbers the
analyst sees and the numbers the colleague receives are the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corridor_app.model.reconcile import Reconciliation


@dataclass(frozen=True)
class BarSeries:
    """Bars in drawing order: label, height and the table rows each bar sums."""

    labels: tuple[str, ...]
    values: tuple[float, ...]
    rows: tuple[tuple[int, ...], ...]
    unit: str = ""
    # Each bar's (low, high) (issue 18): equal to its value where no range is stated.
    ranges: tuple[tuple[float, float], ...] = ()

    @property
    def heights(self) -> np.ndarray:
        return np.asarray(self.values, dtype=float)


def contribution_bars(rec: Reconciliation, sort: bool = True) -> BarSeries:
    """Amounts by country for one corridor, largest first (ties keep table order)."""
    items = list(rec.countries.items())
    if sort:
        items.sort(key=lambda kv: -kv[1])
    labels = tuple(k or "(no country)" for k, _ in items)
    values = tuple(v for _, v in items)
    rows = tuple(rec.rows.get(k, ()) for k, _ in items)
    ranges = tuple(rec.ranges.get(k, (v, v)) for k, v in items)
    return BarSeries(labels, values, rows, rec.unit, ranges)


def whiskers(series: BarSeries) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The error bars of the bars that state a range: x, value, and the lengths below and above the value.

    Bars stated as a point get none (a zero-length whisker would still draw its beam).
    """
    ranged = [i for i, (low, high) in enumerate(series.ranges) if high - low > 1e-12]
    values = np.asarray([series.values[i] for i in ranged], dtype=float)
    lows = np.asarray([series.ranges[i][0] for i in ranged], dtype=float)
    highs = np.asarray([series.ranges[i][1] for i in ranged], dtype=float)
    return np.asarray(ranged, dtype=float), values, values - lows, highs - values


def shares(rec: Reconciliation) -> dict[str, float]:
    """Each country's share of the sum of parts, in percent."""
    if not rec.sum_of_parts:
        return {}
    return {k: v / rec.sum_of_parts * 100 for k, v in rec.countries.items()}
