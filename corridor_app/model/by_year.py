"""A corridor's totals per year, for a country-by-year table read in long form (issue 17).

The contributions that count towards a corridor's sum of parts (``Reconciliation.rows``), converted to the
corridor's unit as the sum is, grouped by their ``Year``. The totals over all years are the sum of parts.
"""

from __future__ import annotations

import numpy as np

from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.units import conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

_DIGITS = 9  # as the sum of parts is rounded


def totals_by_year(workbook: Workbook, rec: Reconciliation) -> dict[int, float]:
    """Year -> sum of the corridor's parts for that year, years ascending; {} when no row has a year."""
    contrib = workbook.table("contributions")
    if "year" not in contrib.keys or not rec.rows:
        return {}
    rows = np.fromiter((r for group in rec.rows.values() for r in group), dtype=np.int64)
    years = contrib.column("year")[rows]
    dated = ~np.isnan(years)
    if not dated.any():
        return {}
    rows, years = rows[dated], years[dated].astype(np.int64)
    target = parse_unit(rec.unit)
    units = contrib.column("unit")[rows]
    factors: dict[object, float] = {}
    for unit in set(units.tolist()):
        factor = conversion_factor(parse_unit(unit or None), target)
        factors[unit] = np.nan if factor is None else float(factor)
    weights = contrib.column("amount")[rows] * np.array([factors[u] for u in units.tolist()], dtype=np.float64)
    found, codes = np.unique(years, return_inverse=True)
    sums = np.bincount(codes.reshape(-1), weights=weights, minlength=len(found))
    return {int(y): round(float(s), _DIGITS) for y, s in zip(found.tolist(), sums.tolist(), strict=True)}
