"""Ranges on the Summary sheet (issue 18 item 4): Low and High beside each figure, the error bars, the verdict.

When a corridor of the workbook states a range, a bound or an approximation,
the Summary gains four columns after the amount: ``Low`` and ``High`` (each
country's stated range, the parts' range on the sum of parts, the published
bounds, the residual's range; blank where nothing is stated or the range is
open) and the error bars' lengths below and above the figure, as formulas over
Low and High with their values cached. The contributions chart's custom error
bars read those two columns, so a whisker shows only where a range is stated
(``model.series.whiskers``, the screen's rule) and follows an edit in Excel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corridor_app.io.report.cells import AMOUNT, Grid, ref
from corridor_app.io.report.labels import Labels
from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.series import BarSeries, whiskers

WHISKER_COLOUR = "#1B2A3A"  # the screen's (ui/charts/contributions.py)
_EPS = 1e-12


@dataclass(frozen=True)
class Columns:
    """Where each column of a corridor's table is (1-based); ``low`` is 0 without ranges."""

    share: int
    formula: int
    source: int
    low: int = 0
    high: int = 0
    below: int = 0
    above: int = 0

    @classmethod
    def of(cls, recs: Sequence[Reconciliation]) -> Columns:
        """Low and High when a corridor states a range or a bound; the error bar columns when one is drawn."""
        if any(_whiskered(rec) for rec in recs):
            return cls(share=7, formula=8, source=9, low=3, high=4, below=5, above=6)
        if any(rec.has_ranges for rec in recs):
            return cls(share=5, formula=6, source=7, low=3, high=4)
        return cls(share=3, formula=4, source=5)

    @property
    def labels(self) -> list[str]:
        """Header texts in column order (English: the caller translates them)."""
        by_col = {1: "Country", 2: "Amount", self.share: "Share of sum of parts", self.formula: "Formula"}
        by_col[self.source] = "Source"
        if self.low:
            by_col.update({self.low: "Low", self.high: "High"})
        if self.below:
            by_col.update({self.below: "Error bar −", self.above: "Error bar +"})
        return [by_col[c] for c in range(1, self.source + 1)]


def _whiskered(rec: Reconciliation) -> bool:
    """Does the contributions chart draw a whisker: the parts' range, or a published range with both ends?"""
    low, high = rec.parts_interval
    return high - low > _EPS or (rec.published_low is not None and rec.published_high is not None)


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def _put_range(grid: Grid, cols: Columns, row: int, point: float | None, low: float | None, high: float | None) -> None:
    """Low and High at ``row``, and the whiskers' lengths as formulas, where a bound differs from the point."""
    low, high = _finite(low), _finite(high)
    if point is None or ((low is None or abs(point - low) <= _EPS) and (high is None or abs(high - point) <= _EPS)):
        return
    grid.put(row, cols.low, low, fmt=AMOUNT)
    grid.put(row, cols.high, high, fmt=AMOUNT)
    if cols.below and low is not None and high is not None:  # an open range gets no whisker: there is no end to draw
        grid.formula(row, cols.below, f"={ref(row, 2)}-{ref(row, cols.low)}", round(point - low, 9), AMOUNT)
        grid.formula(row, cols.above, f"={ref(row, cols.high)}-{ref(row, 2)}", round(high - point, 9), AMOUNT)


def put_ranges(grid: Grid, cols: Columns, rec: Reconciliation, bars: BarSeries, first_row: int, sum_row: int) -> None:
    """Every range of the corridor into its rows (nothing without range columns)."""
    if not cols.low:
        return
    x, values, below, above = whiskers(bars)
    for i, value, down, up in zip(x.astype(int).tolist(), values.tolist(), below.tolist(), above.tolist(), strict=True):
        _put_range(grid, cols, first_row + i, value, value - down, value + up)
    low, high = rec.parts_interval
    _put_range(grid, cols, sum_row, rec.sum_of_parts, low, high)
    if rec.published_total is not None:
        # The published bounds as stated: "over 38" is Low 38 even though the figure written is 38 too.
        if rec.published_low is not None or rec.published_high is not None:
            grid.put(sum_row + 1, cols.low, rec.published_low, fmt=AMOUNT)
            grid.put(sum_row + 1, cols.high, rec.published_high, fmt=AMOUNT)
        _put_range(grid, cols, sum_row + 1, rec.published_total, rec.published_low, rec.published_high)
        residual = rec.residual_range
        if residual is not None and rec.residual is not None:
            # The residual's range (an open end of the published range leaves its side blank).
            r_low, r_high = residual
            grid.put(sum_row + 2, cols.low, r_low, fmt=AMOUNT)
            grid.put(sum_row + 2, cols.high, r_high, fmt=AMOUNT)


def error_bars(sheet: str, cols: Columns, first_row: int, last_row: int) -> dict[str, Any]:
    """Custom error bars whose lengths are the Error bar columns' cells (blank: no whisker on that bar)."""
    quoted = "'" + sheet.replace("'", "''") + "'"

    def span(col: int) -> str:
        return f"={quoted}!${_letter(col)}${first_row}:${_letter(col)}${last_row}"

    return {
        "type": "custom",
        "plus_values": span(cols.above),
        "minus_values": span(cols.below),
        "end_style": 1,
        "direction": "both",
        "line": {"color": WHISKER_COLOUR, "width": 1.5},
    }


def _letter(col: int) -> str:
    return ref(1, col)[:-1]


def range_text(tr: Labels, rec: Reconciliation) -> str:
    """The verdict within the ranges, the two intervals it compares, and the figures that are only approximate."""
    parts_low, parts_high = rec.parts_interval
    text = tr(rec.range_verdict)
    published = rec.published_interval
    if published is None:
        return text
    text += ": " + tr(
        "sum of parts {parts}; published total {published}",
        parts=_interval(tr, parts_low, parts_high),
        published=_interval(tr, *published),
    )
    approximate = [c or tr("(no country)") for c in rec.approximate]
    if rec.published_approximate:
        approximate.append(tr("Published total"))
    if approximate:
        text += "; " + tr("approximate: {figures}", figures=", ".join(approximate))
    return text


def _interval(tr: Labels, low: float, high: float) -> str:
    if math.isfinite(low) and math.isfinite(high):
        return f"{low:,.2f}" if abs(high - low) <= _EPS else f"{low:,.2f} – {high:,.2f}"
    if math.isfinite(low):
        return tr("{low} or more", low=f"{low:,.2f}")
    if math.isfinite(high):
        return tr("up to {high}", high=f"{high:,.2f}")
    return tr("any value")
