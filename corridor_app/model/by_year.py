"""A corridor's figures per year, for a country-by-year table read in long form (issue 17).

The contributions that count towards a corridor's sum of parts (``Reconciliation.rows``), converted to the
corridor's unit as the sum is, grouped by country and ``Year``. The totals over all years are the sum of
parts. The summary (``by_year``) and the year chart (one year, all years stacked, the trend) draw these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.units import conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

_DIGITS = 9  # as the sum of parts is rounded


@dataclass(frozen=True)
class YearMatrix:
    """Country x year sums of one corridor; NaN where a country has no figure for a year."""

    years: tuple[int, ...]
    countries: tuple[str, ...]
    values: np.ndarray  # shape (countries, years)
    unit: str = ""

    def totals(self) -> dict[int, float]:
        """Year -> the sum of the corridor's parts that year."""
        sums = np.nansum(self.values, axis=0) if len(self.countries) else np.zeros(len(self.years))
        return {y: round(float(s), _DIGITS) for y, s in zip(self.years, sums.tolist(), strict=True)}

    def year(self, year: int) -> dict[str, float]:
        """Country -> its figure in ``year``, for the countries that have one."""
        at = self.years.index(year)
        column = self.values[:, at]
        return {c: float(v) for c, v in zip(self.countries, column.tolist(), strict=True) if not np.isnan(v)}


def year_matrix(workbook: Workbook, rec: Reconciliation) -> YearMatrix:
    """The corridor's counted contributions that have a year, by country and year (years ascending)."""
    contrib = workbook.table("contributions")
    empty = YearMatrix((), (), np.zeros((0, 0)), rec.unit)
    if "year" not in contrib.keys or not rec.rows:
        return empty
    countries = [c for c, rows in rec.rows.items() if rows]
    rows = np.fromiter((r for c in countries for r in rec.rows[c]), dtype=np.int64)
    owner = np.repeat(np.arange(len(countries)), [len(rec.rows[c]) for c in countries])
    years = contrib.column("year")[rows]
    dated = ~np.isnan(years)
    if not dated.any():
        return empty
    rows, owner, years = rows[dated], owner[dated], years[dated].astype(np.int64)
    target = parse_unit(rec.unit)
    units = contrib.column("unit")[rows].tolist()
    factors: dict[object, float] = {}
    for unit in set(units):
        factor = conversion_factor(parse_unit(unit or None), target)
        factors[unit] = np.nan if factor is None else float(factor)
    weights = contrib.column("amount")[rows] * np.array([factors[u] for u in units], dtype=np.float64)
    found, year_codes = np.unique(years, return_inverse=True)
    flat = owner * len(found) + year_codes.reshape(-1)
    size = len(countries) * len(found)
    sums = np.bincount(flat, weights=weights, minlength=size).reshape(len(countries), len(found))
    present = np.bincount(flat, minlength=size).reshape(len(countries), len(found)) > 0
    values = np.where(present, sums, np.nan)
    keep: list[bool] = np.asarray(present.any(axis=1), dtype=bool).tolist()
    return YearMatrix(
        tuple(int(y) for y in found.tolist()),
        tuple(c for c, k in zip(countries, keep, strict=True) if k),
        values[keep],
        rec.unit,
    )


def totals_by_year(workbook: Workbook, rec: Reconciliation) -> dict[int, float]:
    """Year -> sum of the corridor's parts for that year, years ascending; {} when no row has a year."""
    return year_matrix(workbook, rec).totals()
