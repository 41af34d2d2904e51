"""Published totals against the sum of their parts, per corridor.

The seed figures are the reason this exists: Russia 13.2 + Iran 12.87 +
Kazakhstan 6.32 + others 6.7 = 39.09, against a published 38.2. The residual is
shown, never absorbed.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from corridor_app.model.errors import Problem
from corridor_app.model.factorize import text_codes
from corridor_app.model.ranges import APPROXIMATE, is_approximate, overlap, published_interval
from corridor_app.model.table import Table
from corridor_app.model.units import Unit, conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

DEFAULT_TOLERANCE_PCT = 0.5
_DIGITS = 9  # rounding of reported sums, so 13.2 + 12.87 + 6.32 + 6.7 reads 39.09


@dataclass(frozen=True)
class Excluded:
    """A contribution that could not be added to its corridor's sum."""

    country: str
    amount: float | None
    unit: str
    reason: str
    row: int


@dataclass(frozen=True)
class Reconciliation:
    """One corridor: amounts by country, their sum, the published total and the gap."""

    corridor: str
    unit: str
    countries: dict[str, float]
    sum_of_parts: float
    published_total: float | None
    residual: float | None
    residual_pct: float | None
    flagged: bool
    rows: dict[str, tuple[int, ...]] = field(default_factory=dict)
    excluded: tuple[Excluded, ...] = ()
    totals_row: int | None = None
    # Ranges (issue 18): each country's (low, high) with a missing bound counted as the point, their sums,
    # the published total's stated bounds (``None``: not stated), and which figures are only approximate.
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    sum_of_parts_low: float | None = None
    sum_of_parts_high: float | None = None
    published_low: float | None = None
    published_high: float | None = None
    approximate: tuple[str, ...] = ()
    published_approximate: bool = False

    @property
    def verdict(self) -> str:
        if self.published_total is None:
            return "no published total"
        if self.flagged:
            return "does not reconcile"
        return "reconciles"

    @property
    def parts_interval(self) -> tuple[float, float]:
        """The sum of parts as (low, high): each part's missing bound counts as its point."""
        low = self.sum_of_parts if self.sum_of_parts_low is None else self.sum_of_parts_low
        high = self.sum_of_parts if self.sum_of_parts_high is None else self.sum_of_parts_high
        return low, high

    @property
    def published_interval(self) -> tuple[float, float] | None:
        """The published total as (low, high); "over 38" is open above (``inf``). ``None`` without a total."""
        if self.published_total is None:
            return None
        return published_interval(self.published_total, self.published_low, self.published_high)

    @property
    def consistent_within_ranges(self) -> bool | None:
        """Do the parts' range and the published range overlap? ``None`` without a published total."""
        published = self.published_interval
        return None if published is None else overlap(self.parts_interval, published)

    @property
    def residual_range(self) -> tuple[float | None, float | None] | None:
        """The residual's (low, high): parts low minus published high, and so on; ``None`` for an open end."""
        published = self.published_interval
        if published is None:
            return None
        low, high = self.parts_interval[0] - published[1], self.parts_interval[1] - published[0]
        return (
            round(low, _DIGITS) if math.isfinite(low) else None,
            round(high, _DIGITS) if math.isfinite(high) else None,
        )

    @property
    def has_ranges(self) -> bool:
        """Does any figure of the corridor state a range, a bound or an approximation?"""
        return (
            any(low != high for low, high in self.ranges.values())
            or self.published_low is not None
            or self.published_high is not None
            or bool(self.approximate)
            or self.published_approximate
        )

    @property
    def range_verdict(self) -> str:
        """Beside ``verdict``: whether the residual can lie within the stated uncertainty."""
        consistent = self.consistent_within_ranges
        if consistent is None:
            return "no published total"
        return "consistent within the ranges" if consistent else "outside the ranges"


def corridor_unit(workbook: Workbook, corridor: str) -> str:
    """The unit a corridor is reported in: its published total's, else its most common."""
    totals = workbook.table("totals")
    for row in range(len(totals)):
        if (totals.value(row, "corridor") or "") == corridor and totals.value(row, "unit"):
            return str(totals.value(row, "unit"))
    contrib = workbook.table("contributions")
    corridors = text_codes(contrib, "corridor")
    if corridor not in corridors.labels:
        return ""
    units = contrib.column("unit")[corridors.codes == corridors.labels.index(corridor)]
    counts = Counter(str(u) for u in units.tolist() if u)
    return counts.most_common(1)[0][0] if counts else ""


_RESULTS: weakref.WeakKeyDictionary[Workbook, tuple[tuple[object, ...], list[Reconciliation]]] = (
    weakref.WeakKeyDictionary()
)


def _stamps(workbook: Workbook, tolerance_pct: float) -> tuple[object, ...]:
    contrib, totals = workbook.table("contributions"), workbook.table("totals")
    return (
        tolerance_pct,
        id(contrib),
        id(totals),
        *(contrib.stamp(k) for k in ("corridor", "country", "amount", "unit", "low", "high", "approx")),
        *(totals.stamp(k) for k in totals.keys),
    )


def reconcile_totals(workbook: Workbook, tolerance_pct: float = DEFAULT_TOLERANCE_PCT) -> list[Reconciliation]:
    """Reconcile every corridor; a residual above ``tolerance_pct`` percent is flagged.

    The chart, the reconciliation strip and the scenario totals all ask after
    each edit: the answer is computed once per change of the figures (vectorised
    over the rows) and shared. The returned objects are shared too: do not mutate.
    """
    key = _stamps(workbook, tolerance_pct)
    hit = _RESULTS.get(workbook)
    if hit is not None and hit[0] == key:
        return list(hit[1])
    result = _reconcile(workbook, tolerance_pct)
    _RESULTS[workbook] = (key, result)
    return list(result)


@dataclass(frozen=True)
class _Layout:
    """Which rows of one corridor count and how they group by country: all but the amounts.

    Depends only on the corridor, country and unit columns, so an amount edit
    reuses it and redoes one ``bincount``.
    """

    picked: np.ndarray  # the corridor's rows
    factors: np.ndarray  # unit factor per picked row, NaN when the unit cannot be converted
    rows_in: np.ndarray  # the rows counted, ascending
    factors_in: np.ndarray  # their unit factors
    excluded_rows: np.ndarray  # the picked rows not counted, ascending
    codes_in: np.ndarray  # their country codes
    countries: tuple[tuple[int, str], ...]  # (code, label) in first-row order
    rows: dict[str, tuple[int, ...]]


_LAYOUTS: weakref.WeakKeyDictionary[Table, dict[tuple[object, ...], _Layout]] = weakref.WeakKeyDictionary()


def _layout(contrib: Table, name: str, unit_text: str, amounts_nan: np.ndarray | None) -> _Layout:
    """The corridor's layout; rows with a NaN amount are left out when ``amounts_nan`` is given (not cached)."""
    key = (name, unit_text, *(contrib.stamp(k) for k in ("corridor", "country", "unit")))
    cache = _LAYOUTS.setdefault(contrib, {})
    if amounts_nan is None and key in cache:
        return cache[key]
    corridors = text_codes(contrib, "corridor")
    countries = text_codes(contrib, "country")
    units = text_codes(contrib, "unit")
    if name in corridors.labels:
        picked = np.flatnonzero(corridors.codes == corridors.labels.index(name))
    else:
        picked = np.empty(0, dtype=np.int64)
    target_unit = parse_unit(unit_text)
    factor_of_unit = np.array([_factor(label or None, target_unit) for label in units.labels], dtype=np.float64)
    factors = factor_of_unit[units.codes[picked]] if len(factor_of_unit) else np.ones(len(picked))
    counted = ~np.isnan(factors)
    if amounts_nan is not None:
        counted &= ~amounts_nan[picked]
    rows_in = picked[counted]
    codes_in = countries.codes[rows_in]
    order = np.argsort(codes_in, kind="stable")
    sorted_codes = codes_in[order]
    starts = [0, *(np.flatnonzero(np.diff(sorted_codes)) + 1).tolist()] if len(rows_in) else []
    groups = np.split(rows_in[order], starts[1:]) if len(rows_in) else []
    # Countries in the order their first row appears, as the bars' tie order expects.
    firsts = sorted((int(g[0]), int(sorted_codes[at]), g) for g, at in zip(groups, starts, strict=True))
    layout = _Layout(
        picked,
        factors,
        rows_in,
        factors[counted],
        picked[~counted],
        codes_in,
        tuple((code, countries.labels[code]) for _first, code, _g in firsts),
        {countries.labels[code]: tuple(g.tolist()) for _first, code, g in firsts},  # shared, never copied
    )
    return layout


def _reconcile(workbook: Workbook, tolerance_pct: float) -> list[Reconciliation]:
    contrib = workbook.table("contributions")
    countries = text_codes(contrib, "country")
    corridors = text_codes(contrib, "corridor")
    amounts = contrib.column("amount")
    units = contrib.column("unit")
    names = [label for label in corridors.labels if label]
    totals = workbook.table("totals").column("corridor").tolist()
    names += [str(c) for c in dict.fromkeys(totals) if c and str(c) not in names]
    if not names and len(contrib):
        names = [""]
    if "" in corridors.labels and "" not in names:
        names.append("")
    nan = np.isnan(amounts)
    # Codes are cached per column stamp: an amount edit does not rescan a million Approximate cells.
    approx = text_codes(contrib, "approx")
    approx_code = approx.labels.index(APPROXIMATE) if APPROXIMATE in approx.labels else -1
    stated = {k: contrib.column(k) for k in ("low", "high") if not np.isnan(contrib.column(k)).all()}
    result = []
    layouts: dict[tuple[str, str], _Layout] = {}
    for name in names:
        unit_text = corridor_unit(workbook, name)
        layout = _layout(contrib, name, unit_text, None)
        layouts[(name, unit_text)] = layout
        if nan[layout.rows_in].any():
            layout = _layout(contrib, name, unit_text, nan)
        excluded = [
            _excluded(countries.labels[countries.codes[r]], float(amounts[r]), units[r], unit_text, int(r))
            for r in layout.excluded_rows.tolist()
        ]
        weights = amounts[layout.rows_in] * layout.factors_in
        sums = np.bincount(layout.codes_in, weights=weights, minlength=len(countries.labels))
        by_country = {label: float(sums[code]) for code, label in layout.countries}
        total = round(sum(by_country.values()), _DIGITS)
        by_country = {k: round(v, _DIGITS) for k, v in by_country.items()}
        ranges = _country_ranges(stated, layout, amounts, len(countries.labels), by_country)
        approximate: tuple[str, ...] = ()
        if approx_code >= 0:
            marked = np.asarray(approx.codes[layout.rows_in] == approx_code, dtype=np.float64)
            flags = np.bincount(layout.codes_in, weights=marked, minlength=len(countries.labels))
            approximate = tuple(label for code, label in layout.countries if flags[code] > 0)
        published, totals_row = _published_total(workbook, name, parse_unit(unit_text))
        bounds = _published_bounds(workbook, totals_row, parse_unit(unit_text))
        residual = pct = None
        flagged = False
        if published is not None:
            residual = round(total - published, _DIGITS)
            pct = round(residual / published * 100, _DIGITS) if published else None
            flagged = pct is None or abs(pct) > tolerance_pct
        result.append(
            Reconciliation(
                name,
                unit_text,
                by_country,
                total,
                published,
                residual,
                pct,
                flagged,
                layout.rows,
                tuple(excluded),
                totals_row,
                ranges,
                round(sum(low for low, _ in ranges.values()), _DIGITS),
                round(sum(high for _, high in ranges.values()), _DIGITS),
                published_low=bounds[0],
                published_high=bounds[1],
                approximate=approximate,
                published_approximate=bounds[2],
            )
        )
    # Keep this generation's layouts only: older stamps will not come back.
    stamps = tuple(contrib.stamp(k) for k in ("corridor", "country", "unit"))
    _LAYOUTS[contrib] = {(name, unit_text, *stamps): layout for (name, unit_text), layout in layouts.items()}
    return result


def _country_ranges(
    bounds: dict[str, np.ndarray], layout: _Layout, amounts: np.ndarray, size: int, points: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """Each country's (low, high) summed over its rows, a missing bound counting as the row's amount.

    ``bounds`` holds the Low and High columns that have any value; without them every range is the point.
    """
    if not bounds:
        return {label: (value, value) for label, value in points.items()}
    rows = layout.rows_in
    point = amounts[rows]
    sums = []
    for key in ("low", "high"):
        if key not in bounds:
            sums.append(np.bincount(layout.codes_in, weights=point * layout.factors_in, minlength=size))
            continue
        bound = bounds[key][rows]
        weights = np.where(np.isnan(bound), point, bound) * layout.factors_in
        sums.append(np.bincount(layout.codes_in, weights=weights, minlength=size))
    return {
        label: (round(float(sums[0][code]), _DIGITS), round(float(sums[1][code]), _DIGITS))
        for code, label in layout.countries
    }


def _published_bounds(
    workbook: Workbook, row: int | None, unit: Unit | None
) -> tuple[float | None, float | None, bool]:
    """The published total's stated low and high in the corridor's unit, and whether it is approximate."""
    if row is None:
        return None, None, False
    totals = workbook.table("totals")
    factor = conversion_factor(parse_unit(totals.value(row, "unit")), unit) or 1.0
    low, high = (totals.value(row, k) for k in ("low", "high"))
    return (
        None if low is None else round(float(low) * factor, _DIGITS),
        None if high is None else round(float(high) * factor, _DIGITS),
        is_approximate(totals.value(row, "approx")),
    )


def _factor(unit: str | None, target: Unit | None) -> float:
    factor = conversion_factor(parse_unit(unit), target)
    return np.nan if factor is None else float(factor)


def _excluded(country: str, amount: float, unit: object, unit_text: str, row: int) -> Excluded:
    if np.isnan(amount):
        return Excluded(country, None, str(unit or ""), "no amount", row)
    return Excluded(country, amount, str(unit), f"unit {unit} is not {unit_text}", row)


def _published_total(workbook: Workbook, corridor: str, unit: object) -> tuple[float | None, int | None]:
    totals = workbook.table("totals")
    for row in range(len(totals)):
        if (totals.value(row, "corridor") or "") != corridor:
            continue
        value = totals.value(row, "published_total")
        if value is None:
            continue
        factor = conversion_factor(parse_unit(totals.value(row, "unit")), parse_unit(unit)) or 1.0
        return round(float(value) * factor, _DIGITS), row
    return None, None


def _range_note(rec: Reconciliation) -> str:
    """What the stated ranges say about a flagged residual (nothing when no figure states one)."""
    if not rec.has_ranges:
        return ""
    low, high = rec.parts_interval
    parts = f"parts {low:g}" if low == high else f"parts {low:g} to {high:g}"
    if rec.consistent_within_ranges:
        return f"; consistent within the stated ranges ({parts})"
    return f"; outside the stated ranges too ({parts})"


def reconciliation_problems(workbook: Workbook, recs: list[Reconciliation]) -> list[Problem]:
    """Warnings for flagged residuals and excluded amounts, located in the sheets."""
    problems = []
    totals = workbook.table("totals")
    contrib = workbook.table("contributions")
    for rec in recs:
        label = rec.corridor or "(no corridor)"
        if rec.flagged and rec.residual is not None and rec.totals_row is not None:
            sheet, row = totals.where(rec.totals_row)
            problems.append(
                Problem(
                    "info",
                    f"{label}: sum of parts {rec.sum_of_parts:g} differs from the published total "
                    f"{rec.published_total:g} by {rec.residual:+g} ({rec.residual_pct:+.1f} %)" + _range_note(rec),
                    sheet,
                    row,
                    totals.header("published_total"),
                )
            )
        for ex in rec.excluded:
            sheet, row = contrib.where(ex.row)
            problems.append(
                Problem(
                    "warning",
                    f"{label}: {ex.country or 'a row'} not counted: {ex.reason}",
                    sheet,
                    row,
                    contrib.header("amount"),
                )
            )
    return problems


def reconciliation_of(recs: list[Reconciliation], corridor: str) -> Reconciliation | None:
    """``corridor``'s reconciliation among ``recs``; the first corridor's when it has none (None when empty).

    The views show "the corridor chosen, else the first": one rule, here, for all of them.
    """
    return next((r for r in recs if r.corridor == corridor), recs[0] if recs else None)
