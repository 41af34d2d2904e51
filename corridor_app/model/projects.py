"""Project-level records aggregated by country, route and mode, in one display currency.

Projects come in their own currencies and scales (EUR mln, KZT mln, RUB mln).
Each cost is converted through the FX sheet (``model.money``); a cost that
cannot be converted is an ``ExcludedAmount``, listed beside the totals and
never in them. The country sums are then set beside the country-level
contributions, difference shown: the two rarely agree, and the gap is a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from corridor_app.model.errors import Problem
from corridor_app.model.money import Display, ExcludedAmount, FxRates, Money, fx_rates, money_of, round_amount
from corridor_app.model.numbers import SCALES
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.units import parse_unit
from corridor_app.model.workbook import Workbook

Dimension = Literal["country", "route", "mode", "corridor"]
_BLANK = {"country": "(no country)", "route": "(no route)", "mode": "(no mode)", "corridor": "(no corridor)"}


@dataclass(frozen=True)
class ProjectAmount:
    """One costed project converted to the display currency."""

    row: int
    corridor: str
    project: str
    country: str
    route: str
    mode: str
    money: Money
    amount: float
    # The stated cost range in the display currency, through the same rate (issue 18); ``None``: not stated.
    low: float | None = None
    high: float | None = None

    def label(self, dim: Dimension) -> str:
        value: str = getattr(self, dim)
        return value or _BLANK[dim]


@dataclass(frozen=True)
class CurrencyTotal:
    """Costs in one currency, added only to each other: in that currency and the display scale."""

    currency: str
    amount: float
    unit: str
    projects: int
    converted: float | None


@dataclass(frozen=True)
class StackedSeries:
    """Bars (``categories``) split into stacked segments (``stacks``): ``values[stack][category]``."""

    categories: tuple[str, ...]
    stacks: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    unit: str

    @property
    def totals(self) -> tuple[float, ...]:
        return tuple(round_amount(sum(v[i] for v in self.values)) for i in range(len(self.categories)))


@dataclass(frozen=True)
class ProjectAggregates:
    """The costed projects of a corridor (or all) in ``display``, and what could not be counted."""

    corridor: str | None
    display: Display
    items: tuple[ProjectAmount, ...]
    excluded: tuple[ExcludedAmount, ...]
    not_costed: tuple[tuple[int, str], ...]
    by_currency: dict[str, CurrencyTotal]

    @property
    def total(self) -> float:
        return round_amount(sum(i.amount for i in self.items))

    def by(self, dim: Dimension) -> dict[str, float]:
        """Sum per country / route / mode, largest first (ties keep table order)."""
        sums: dict[str, float] = {}
        for item in self.items:
            key = item.label(dim)
            sums[key] = sums.get(key, 0.0) + item.amount
        return {k: round_amount(v) for k, v in sorted(sums.items(), key=lambda kv: -kv[1])}

    @property
    def by_country(self) -> dict[str, float]:
        return self.by("country")

    @property
    def by_route(self) -> dict[str, float]:
        return self.by("route")

    @property
    def by_mode(self) -> dict[str, float]:
        return self.by("mode")

    def stacked(self, bars: Dimension, stacks: Dimension) -> StackedSeries:
        """Bars by ``bars`` (largest first) stacked by ``stacks``: the numbers the chart draws."""
        categories = tuple(self.by(bars))
        stack_names = tuple(self.by(stacks))
        cells = {(s, c): 0.0 for s in stack_names for c in categories}
        for item in self.items:
            cells[(item.label(stacks), item.label(bars))] += item.amount
        values = tuple(tuple(round_amount(cells[(s, c)]) for c in categories) for s in stack_names)
        return StackedSeries(categories, stack_names, values, str(self.display))


def project_corridors(workbook: Workbook) -> list[str]:
    """Corridor names of the Projects sheet in first-seen order."""
    names: dict[str, None] = {}
    for value in workbook.table("projects").column("corridor"):
        names.setdefault(str(value or ""))
    return list(names)


def project_aggregates(
    workbook: Workbook, display: Display | None = None, corridor: str | None = None, fx: FxRates | None = None
) -> ProjectAggregates:
    """Convert and group the projects of ``corridor`` (``None``: every corridor)."""
    display = display or Display()
    fx = fx or fx_rates(workbook)
    table = workbook.table("projects")
    items: list[ProjectAmount] = []
    excluded: list[ExcludedAmount] = []
    not_costed: list[tuple[int, str]] = []
    native: dict[str, list[float]] = {}
    for row in range(len(table)):
        rec = table.record(row)
        name = str(rec.get("corridor") or "")
        if corridor is not None and name != corridor:
            continue
        project = str(rec.get("project") or "")
        cost = rec.get("cost")
        if cost is None:
            not_costed.append((row, project))
            continue
        money, reason = money_of(cost, rec.get("currency"), rec.get("cost_unit"))
        country = str(rec.get("country") or "")
        currency = str(rec.get("currency") or "")
        unit_text = str(rec.get("cost_unit") or "")
        if money is None:
            excluded.append(
                ExcludedAmount(name, project, country, currency, float(cost), unit_text, reason, "projects", row)
            )  # type: ignore[arg-type]
            continue
        native.setdefault(money.currency, []).append(money.value * _scale_factor(money.scale, display.scale))
        amount = money.to(display, fx)
        if amount is None:
            reason = fx.missing(money.currency, display)
            excluded.append(
                ExcludedAmount(name, project, country, money.currency, money.value, money.unit, reason, "projects", row)
            )
            continue
        low, high = (
            None if rec.get(k) is None else fx.convert(float(rec[k]), money.currency, money.scale, display)  # type: ignore[arg-type]
            for k in ("cost_low", "cost_high")
        )
        route, mode = str(rec.get("route") or ""), str(rec.get("mode") or "")
        items.append(ProjectAmount(row, name, project, country, route, mode, money, amount, low, high))
    by_currency = {}
    for cur, values in native.items():
        amount = round_amount(sum(values))
        converted = fx.convert(amount, cur, display.scale, display)
        by_currency[cur] = CurrencyTotal(
            cur,
            amount,
            f"{cur} {display.scale}".strip(),
            len(values),
            None if converted is None else round_amount(converted),
        )
    return ProjectAggregates(corridor, display, tuple(items), tuple(excluded), tuple(not_costed), by_currency)


def _scale_factor(source: str, target: str) -> float:
    return SCALES[source] / SCALES[target]


def project_problems(workbook: Workbook, display: Display | None = None) -> list[Problem]:
    """Warnings for every project cost not counted (located at its cost cell) and for unusable FX rows."""
    fx = fx_rates(workbook)
    aggregates = project_aggregates(workbook, display, None, fx)
    table = workbook.table("projects")
    problems = list(fx.problems)
    for ex in aggregates.excluded:
        sheet, at = table.where(ex.row)
        problems.append(
            Problem(
                "warning",
                f"{ex.project or 'a project'}: cost {ex.amount:g} {ex.unit or ex.currency} not counted: {ex.reason}",
                sheet,
                at,
                table.header("cost"),
            )
        )
    return problems


@dataclass(frozen=True)
class CountryComparison:
    """A country's contribution beside the sum of its projects, in the display currency."""

    country: str
    contribution: float | None
    projects: float | None
    difference: float | None


@dataclass(frozen=True)
class ProjectsVsContributions:
    """Country-level figures against project-level sums for one corridor; the gap is shown, not hidden."""

    corridor: str
    display: Display
    rows: tuple[CountryComparison, ...]
    excluded: tuple[ExcludedAmount, ...] = field(default=())

    @property
    def contributions_total(self) -> float:
        return round_amount(sum(r.contribution or 0.0 for r in self.rows))

    @property
    def projects_total(self) -> float:
        return round_amount(sum(r.projects or 0.0 for r in self.rows))


def compare_projects_to_contributions(
    workbook: Workbook, corridor: str, display: Display | None = None, fx: FxRates | None = None
) -> ProjectsVsContributions:
    """Per country: contribution, sum of its costed projects, and projects − contribution.

    Countries match by name, case-insensitively; a project country such as
    "Kazakhstan/Turkmenistan" stays its own row rather than being split by guess.
    """
    display = display or Display()
    fx = fx or fx_rates(workbook)
    contributions, excluded = contributions_in_display(workbook, corridor, display, fx)
    projects = project_aggregates(workbook, display, corridor, fx)
    names: dict[str, str] = {}
    for country in [*contributions, *projects.by_country]:
        names.setdefault(country.casefold().strip(), country)
    proj = {k.casefold().strip(): v for k, v in projects.by_country.items()}
    contrib = {k.casefold().strip(): v for k, v in contributions.items()}
    rows = []
    for key, label in names.items():
        c, p = contrib.get(key), proj.get(key)
        diff = round_amount((p or 0.0) - (c or 0.0)) if c is not None or p is not None else None
        rows.append(CountryComparison(label, c, p, diff))
    return ProjectsVsContributions(corridor, display, tuple(rows), (*excluded, *projects.excluded))


def contributions_in_display(
    workbook: Workbook, corridor: str, display: Display, fx: FxRates
) -> tuple[dict[str, float], list[ExcludedAmount]]:
    """A corridor's reconciled country amounts converted to ``display``, and the ones that could not be."""
    rec = next((r for r in reconcile_totals(workbook) if r.corridor == corridor), None)
    if rec is None:
        return {}, []
    unit = parse_unit(rec.unit)
    out: dict[str, float] = {}
    excluded = [
        ExcludedAmount(corridor, None, e.country, _currency(e.unit), e.amount, e.unit, e.reason, "contributions", e.row)
        for e in rec.excluded
    ]
    for country, amount in rec.countries.items():
        value = None
        if unit is not None and unit.currency and not unit.percent:
            value = fx.convert(amount, unit.currency, unit.scale, display)
        if value is None:
            reason = (
                fx.missing(unit.currency, display) if unit and unit.currency else f"unit '{rec.unit}' is no currency"
            )
            row = rec.rows.get(country, [0])[0]
            excluded.append(
                ExcludedAmount(
                    corridor,
                    None,
                    country,
                    unit.currency if unit else "",
                    amount,
                    rec.unit,
                    reason,
                    "contributions",
                    row,
                )
            )
            continue
        out[country] = round_amount(value)
    return out, excluded


def _currency(unit_text: str) -> str:
    unit = parse_unit(unit_text)
    return unit.currency if unit is not None else ""
