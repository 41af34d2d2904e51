"""Several corridors side by side: country contributions across corridors, each reconciled on its own.

The app is a comparator: North-South beside the Trans-Caspian "Middle
Corridor" or the eastern route alone. Each corridor keeps its own
reconciliation (its sum of parts against its own published total, in its own
unit); the country x corridor matrix is in one display currency so the bars
can stand side by side. A corridor figure that cannot be converted is excluded
from the matrix and listed, never drawn at a guessed rate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corridor_app.model.money import Display, ExcludedAmount, FxRates, fx_rates, round_amount
from corridor_app.model.projects import contributions_in_display
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, Reconciliation, reconcile_totals
from corridor_app.model.units import parse_unit
from corridor_app.model.workbook import Workbook


@dataclass(frozen=True)
class CorridorColumn:
    """One corridor: its own reconciliation, and its sum and published total in the display currency."""

    reconciliation: Reconciliation
    sum_of_parts: float | None
    published_total: float | None
    residual: float | None
    # The ranges converted with the same rate (issue 18): a conversion keeps the bounds.
    sum_of_parts_low: float | None = None
    sum_of_parts_high: float | None = None
    published_low: float | None = None
    published_high: float | None = None

    @property
    def corridor(self) -> str:
        return self.reconciliation.corridor

    def describe(self) -> str:
        """One line: "North-South ITC: 39.09 vs 38.2 USD bn, +0.89 (+2.3 %), does not reconcile"."""
        rec = self.reconciliation
        unit = f" {rec.unit}" if rec.unit else ""
        if rec.published_total is None:
            return f"{rec.corridor or '(no corridor)'}: sum of parts {rec.sum_of_parts:,.2f}{unit}, no published total"
        pct = f" ({rec.residual_pct:+.1f} %)" if rec.residual_pct is not None else ""
        return (
            f"{rec.corridor or '(no corridor)'}: sum of parts {rec.sum_of_parts:,.2f} vs published "
            f"{rec.published_total:,.2f}{unit}, residual {rec.residual:+,.2f}{pct}, {rec.verdict}"
        )


@dataclass(frozen=True)
class CorridorComparison:
    """Country x corridor amounts in ``display`` (``None``: no figure there) and each corridor's reconciliation."""

    display: Display
    corridors: tuple[str, ...]
    countries: tuple[str, ...]
    values: dict[str, dict[str, float | None]]
    columns: tuple[CorridorColumn, ...]
    excluded: tuple[ExcludedAmount, ...]

    def matrix(self) -> np.ndarray:
        """countries x corridors, NaN where a country has no (convertible) figure in a corridor."""
        out = np.full((len(self.countries), len(self.corridors)), np.nan)
        for i, country in enumerate(self.countries):
            for j, corridor in enumerate(self.corridors):
                value = self.values[country].get(corridor)
                if value is not None:
                    out[i, j] = value
        return out


def corridor_comparison(
    workbook: Workbook,
    display: Display | None = None,
    fx: FxRates | None = None,
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT,
) -> CorridorComparison:
    """Every corridor of the Contributions sheet, reconciled against its own published total."""
    display = display or Display()
    fx = fx or fx_rates(workbook)
    recs = reconcile_totals(workbook, tolerance_pct)
    countries: dict[str, str] = {}
    per_corridor: dict[str, dict[str, float]] = {}
    excluded: list[ExcludedAmount] = []
    columns = []
    for rec in recs:
        amounts, dropped = contributions_in_display(workbook, rec.corridor, display, fx)
        per_corridor[rec.corridor] = {k.casefold().strip(): v for k, v in amounts.items()}
        excluded.extend(dropped)
        for country in [*rec.countries, *amounts]:
            countries.setdefault(country.casefold().strip(), country)
        columns.append(_column(rec, display, fx))
    values = {
        label: {rec.corridor: per_corridor[rec.corridor].get(key) for rec in recs} for key, label in countries.items()
    }
    return CorridorComparison(
        display, tuple(r.corridor for r in recs), tuple(countries.values()), values, tuple(columns), tuple(excluded)
    )


def _column(rec: Reconciliation, display: Display, fx: FxRates) -> CorridorColumn:
    unit = parse_unit(rec.unit)
    if unit is None or not unit.currency or unit.percent:
        return CorridorColumn(rec, None, None, None)

    def conv(value: float | None) -> float | None:
        if value is None:
            return None
        converted = fx.convert(value, unit.currency, unit.scale, display)
        return None if converted is None else round_amount(converted)

    low, high = rec.parts_interval
    return CorridorColumn(
        rec,
        conv(rec.sum_of_parts),
        conv(rec.published_total),
        conv(rec.residual),
        conv(low),
        conv(high),
        conv(rec.published_low),
        conv(rec.published_high),
    )
