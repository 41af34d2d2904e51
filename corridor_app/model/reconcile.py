"""Published totals against the sum of their parts, per corridor.

The seed figures are the reason this exists: Russia 13.2 + Iran 12.87 +
Kazakhstan 6.32 + others 6.7 = 39.09, against a published 38.2. The residual is
shown, never absorbed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from corridor_app.model.errors import Problem
from corridor_app.model.units import conversion_factor, parse_unit
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
    rows: dict[str, list[int]] = field(default_factory=dict)
    excluded: tuple[Excluded, ...] = ()
    totals_row: int | None = None

    @property
    def verdict(self) -> str:
        if self.published_total is None:
            return "no published total"
        if self.flagged:
            return "does not reconcile"
        return "reconciles"


def corridor_unit(workbook: Workbook, corridor: str) -> str:
    """The unit a corridor is reported in: its published total's, else its most common."""
    totals = workbook.table("totals")
    for row in range(len(totals)):
        if (totals.value(row, "corridor") or "") == corridor and totals.value(row, "unit"):
            return str(totals.value(row, "unit"))
    contrib = workbook.table("contributions")
    units = Counter(
        str(contrib.value(r, "unit"))
        for r in range(len(contrib))
        if (contrib.value(r, "corridor") or "") == corridor and contrib.value(r, "unit")
    )
    return units.most_common(1)[0][0] if units else ""


def reconcile_totals(workbook: Workbook, tolerance_pct: float = DEFAULT_TOLERANCE_PCT) -> list[Reconciliation]:
    """Reconcile every corridor; a residual above ``tolerance_pct`` percent is flagged."""
    contrib = workbook.table("contributions")
    corridors = contrib.column("corridor")
    countries = contrib.column("country")
    amounts = contrib.column("amount")
    units = contrib.column("unit")
    result = []
    names = workbook.corridors() or ([""] if len(contrib) else [])
    if len(contrib) and any(c is None for c in corridors) and "" not in names:
        names.append("")
    for name in names:
        unit_text = corridor_unit(workbook, name)
        target_unit = parse_unit(unit_text)
        by_country: dict[str, float] = {}
        rows: dict[str, list[int]] = {}
        excluded: list[Excluded] = []
        for r in np.flatnonzero([(c or "") == name for c in corridors]):
            row = int(r)
            country = str(countries[row] or "")
            amount = float(amounts[row])
            if np.isnan(amount):
                excluded.append(Excluded(country, None, str(units[row] or ""), "no amount", row))
                continue
            factor = conversion_factor(parse_unit(units[row]), target_unit)
            if factor is None:
                excluded.append(
                    Excluded(country, amount, str(units[row]), f"unit {units[row]} is not {unit_text}", row)
                )
                continue
            by_country[country] = by_country.get(country, 0.0) + amount * factor
            rows.setdefault(country, []).append(row)
        total = round(sum(by_country.values()), _DIGITS)
        by_country = {k: round(v, _DIGITS) for k, v in by_country.items()}
        published, totals_row = _published_total(workbook, name, target_unit)
        residual = pct = None
        flagged = False
        if published is not None:
            residual = round(total - published, _DIGITS)
            pct = round(residual / published * 100, _DIGITS) if published else None
            flagged = pct is None or abs(pct) > tolerance_pct
        result.append(
            Reconciliation(
                name, unit_text, by_country, total, published, residual, pct, flagged, rows, tuple(excluded), totals_row
            )
        )
    return result


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
                    f"{rec.published_total:g} by {rec.residual:+g} ({rec.residual_pct:+.1f} %)",
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
