"""Scenarios side by side with the current figures, in the manner of Excel's Scenario Summary.

A scenario here is a plain mapping ``{country: amount}`` for one corridor, so
this needs nothing from the scenario editor: whatever produces scenarios hands
``{scenario name: {country: amount}}`` and the report and the screen draw the
same comparison. A country a scenario does not mention keeps its current
amount; a country only a scenario mentions is added (current amount 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.series import contribution_bars

_DIGITS = 9


@dataclass(frozen=True)
class ScenarioComparison:
    """Amounts by country for the current figures and each scenario, with their totals.

    ``amounts[name][i]`` is the amount of ``countries[i]`` in scenario ``name``;
    the first name is ``CURRENT``. ``deltas`` hold scenario minus current.
    """

    corridor: str
    unit: str
    countries: tuple[str, ...]
    names: tuple[str, ...]
    amounts: dict[str, tuple[float, ...]]
    sums: dict[str, float]
    published_total: float | None

    def residual(self, name: str) -> float | None:
        if self.published_total is None:
            return None
        return round(self.sums[name] - self.published_total, _DIGITS)

    def residual_pct(self, name: str) -> float | None:
        residual = self.residual(name)
        if residual is None or not self.published_total:
            return None
        return round(residual / self.published_total * 100, _DIGITS)

    def deltas(self, name: str) -> tuple[float, ...]:
        current = self.amounts[CURRENT]
        return tuple(round(a - c, _DIGITS) for a, c in zip(self.amounts[name], current, strict=True))

    @property
    def scenario_names(self) -> tuple[str, ...]:
        return self.names[1:]


CURRENT = "Current values"


def compare_scenarios(rec: Reconciliation, scenarios: Mapping[str, Mapping[str, float]]) -> ScenarioComparison:
    """Lay the current amounts of ``rec`` and each scenario side by side.

    Countries are in the order of the current contribution chart (largest
    first), then countries only scenarios mention, in first-seen order.
    """
    if CURRENT in scenarios:
        raise ValueError(f"a scenario cannot be named {CURRENT!r}: that column holds the current figures")
    by_label = {(k or "(no country)"): k for k in rec.countries}
    order = [by_label[label] for label in contribution_bars(rec).labels]
    for amounts in scenarios.values():
        order.extend(c for c in amounts if c not in order)
    names = (CURRENT, *scenarios)
    table: dict[str, tuple[float, ...]] = {CURRENT: tuple(rec.countries.get(c, 0.0) for c in order)}
    for name in names[1:]:
        given = scenarios[name]
        table[name] = tuple(round(float(given.get(c, rec.countries.get(c, 0.0))), _DIGITS) for c in order)
    sums = {name: round(sum(values), _DIGITS) for name, values in table.items()}
    return ScenarioComparison(rec.corridor, rec.unit, tuple(order), names, table, sums, rec.published_total)
