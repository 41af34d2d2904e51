"""What-if scenarios: named sets of adjustments to the baseline contributions.

A scenario is rows of the Scenarios table (docs/FORMAT.md, "Scenarios"), one
adjustment per row, applied in table order to the baseline amounts by country
that ``reconcile_totals`` computes (so units are already converted to the
corridor's unit):

- ``percent``  amount * (1 + value / 100); ``-50`` halves it.
- ``override`` amount = value.
- ``add``      amount + value (may be negative).
- ``exclude``  the country is left out of the scenario (its amount is ``None``).
- ``none``     (or a blank kind) declares the scenario and changes nothing, so a
  scenario with no adjustments still exists and survives save and load.

A blank country or ``*`` means every country of the corridor. A blank corridor
means every corridor the country is in; a country no corridor has yet is added
by ``add``/``override`` only to a named corridor, or to the only corridor.
Values of ``add`` and ``override`` are in the corridor's unit.

Everything here returns plain data: the scenario panel, the charts, the CLI and
the Excel export all draw these numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from corridor_app.model.errors import Problem, Severity
from corridor_app.model.ranges import overlap
from corridor_app.model.reconcile import Reconciliation, reconcile_totals
from corridor_app.model.workbook import Workbook

ALL_COUNTRIES = "*"
BASELINE = "Baseline"
KINDS = ("percent", "override", "add", "exclude", "none")
_DIGITS = 9


class ScenarioError(ValueError):
    """A scenario or corridor that the workbook does not have was asked for."""


@dataclass(frozen=True)
class Adjustment:
    """One row of the Scenarios table, read and checked."""

    row: int
    scenario: str
    country: str  # "" = every country
    kind: str
    value: float | None
    corridor: str  # "" = every corridor


def scenario_names(workbook: Workbook) -> list[str]:
    """Scenario names in first-seen table order."""
    names: dict[str, None] = {}
    for name in workbook.table("scenarios").column("scenario"):
        if name is not None and str(name).strip():
            names.setdefault(str(name).strip())
    return list(names)


def _adjustments(workbook: Workbook) -> tuple[list[Adjustment], list[Problem]]:
    """Every usable adjustment, and a problem for each row that cannot be applied."""
    table = workbook.table("scenarios")
    result: list[Adjustment] = []
    problems: list[Problem] = []
    for row in range(len(table)):
        name = str(table.value(row, "scenario") or "").strip()
        country = str(table.value(row, "country") or "").strip()
        kind = str(table.value(row, "kind") or "none")
        raw = table.value(row, "value")
        value = None if raw is None else float(raw)
        corridor = str(table.value(row, "corridor") or "").strip()
        issues = _row_issues(name, country, kind, value)
        sheet, at = table.where(row)
        for severity, message, column, _ in issues:
            problems.append(Problem(severity, f"scenario {name!r}: {message}", sheet, at, table.header(column)))
        if any(skipped for *_, skipped in issues):
            continue
        result.append(Adjustment(row, name, "" if country == ALL_COUNTRIES else country, kind, value, corridor))
    return result, problems


def _row_issues(name: str, country: str, kind: str, value: float | None) -> list[tuple[Severity, str, str, bool]]:
    """What is wrong with one Scenarios row: (severity, message, column, row is skipped)."""
    if not name:
        return [("warning", "the row has no scenario name and is ignored", "scenario", True)]
    if kind not in KINDS:
        return [("warning", f"unknown kind {kind!r}; the row is ignored", "kind", True)]
    if kind in {"percent", "override", "add"} and value is None:
        return [("warning", f"a {kind} adjustment needs a value; the row is ignored", "value", True)]
    if kind == "none" and (value is not None or country):
        return [("warning", "the row has no kind, so it only declares the scenario", "kind", False)]
    if kind == "percent" and value is not None:
        if value < -100:
            return [("warning", f"{value:g} % makes the amount negative", "value", False)]
        if 0 < abs(value) < 1:
            return [("info", f"{value:g} is read as {value:g} %; write -50 for minus 50 %", "value", False)]
    return []


def scenario_problems(workbook: Workbook) -> list[Problem]:
    """Warnings about Scenarios rows that are ignored or look mistaken, located by sheet and row."""
    adjustments, problems = _adjustments(workbook)
    table = workbook.table("scenarios")
    known = {str(c).casefold() for c in dict.fromkeys(workbook.table("contributions").column("country").tolist()) if c}
    single = len(workbook.corridors()) <= 1
    for adj in adjustments:
        if not adj.country or adj.country.casefold() in known:
            continue
        sheet, at = table.where(adj.row)
        if adj.kind in {"percent", "exclude"}:
            message = f"{adj.country} has no contribution, so this {adj.kind} adjustment changes nothing"
        elif not adj.corridor and not single:
            message = f"{adj.country} has no contribution; name the corridor it is added to"
        else:
            continue
        problems.append(Problem("warning", f"scenario {adj.scenario!r}: {message}", sheet, at, table.header("country")))
    return problems


def _reconciliation(workbook: Workbook, corridor: str, recs: list[Reconciliation] | None = None) -> Reconciliation:
    for rec in recs if recs is not None else reconcile_totals(workbook):
        if rec.corridor == corridor:
            return rec
    raise ScenarioError(f"no corridor named {corridor!r}")


def _check_name(workbook: Workbook, name: str) -> None:
    if name not in scenario_names(workbook):
        known = ", ".join(scenario_names(workbook)) or "none"
        raise ScenarioError(f"no scenario named {name!r} (scenarios: {known})")


def apply_adjustments(
    baseline: dict[str, float], adjustments: list[Adjustment], corridor: str, single_corridor: bool
) -> dict[str, float | None]:
    """Apply ``adjustments`` in order to one corridor's amounts by country; ``None`` = excluded."""
    amounts: dict[str, float | None] = dict(baseline)
    folded = {k.casefold(): k for k in amounts}
    for adj in adjustments:
        if adj.corridor and adj.corridor != corridor:
            continue
        if adj.country:
            key = folded.get(adj.country.casefold())
            if key is None:
                if adj.kind not in {"add", "override"} or not (adj.corridor or single_corridor):
                    continue
                key = folded[adj.country.casefold()] = adj.country
                amounts[key] = None if adj.kind == "override" else 0.0
            targets = [key]
        else:
            targets = list(amounts)
        for key in targets:
            amounts[key] = _adjust(amounts[key], adj)
    return {k: None if v is None else round(v, _DIGITS) for k, v in amounts.items()}


def _adjust(amount: float | None, adj: Adjustment) -> float | None:
    value = adj.value if adj.value is not None else 0.0
    if adj.kind == "exclude":
        return None
    if adj.kind == "override":
        return value
    if amount is None:  # an excluded country stays excluded unless overridden
        return None
    if adj.kind == "percent":
        return amount * (1 + value / 100)
    if adj.kind == "add":
        return amount + value
    return amount


def scenario_amounts(
    workbook: Workbook, name: str, corridor: str, recs: list[Reconciliation] | None = None
) -> dict[str, float]:
    """The scenario's amounts by country for one corridor; excluded countries are left out.

    Raises
    ------
    ScenarioError
        There is no such scenario or corridor.
    """
    amounts = scenario_amounts_full(workbook, name, corridor, recs)
    return {k: v for k, v in amounts.items() if v is not None}


def scenario_amounts_full(
    workbook: Workbook, name: str, corridor: str, recs: list[Reconciliation] | None = None
) -> dict[str, float | None]:
    """Like ``scenario_amounts``, with excluded countries kept as ``None``."""
    _check_name(workbook, name)
    rec = _reconciliation(workbook, corridor, recs)
    adjustments = [a for a in _adjustments(workbook)[0] if a.scenario == name]
    return apply_adjustments(rec.countries, adjustments, corridor, len(workbook.corridors()) <= 1)


@dataclass(frozen=True)
class ScenarioColumn:
    """The baseline or one scenario of a corridor: amounts, total, shares, deltas, residual.

    ``countries`` has every country of the baseline and of any scenario, in the
    same order in every column; ``None`` marks a country the scenario excludes.
    Deltas are against the baseline; a percentage is ``None`` where the
    baseline is zero or absent.
    """

    name: str
    baseline: bool
    corridor: str
    unit: str
    countries: dict[str, float | None]
    total: float
    shares: dict[str, float | None]
    country_delta: dict[str, float]
    country_delta_pct: dict[str, float | None]
    delta: float
    delta_pct: float | None
    published_total: float | None
    residual: float | None
    residual_pct: float | None
    # Ranges carried through the adjustments (issue 18): a percent scales the bounds, an add shifts them,
    # an override replaces them with its value. ``None`` for an excluded country.
    ranges: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    total_low: float | None = None
    total_high: float | None = None
    published_interval: tuple[float, float] | None = None

    @property
    def consistent_within_ranges(self) -> bool | None:
        """Does this column's range of totals overlap the published total's range?"""
        if self.published_interval is None or self.total_low is None or self.total_high is None:
            return None
        return overlap((self.total_low, self.total_high), self.published_interval)


def scenario_ranges(
    workbook: Workbook, name: str, corridor: str, recs: list[Reconciliation] | None = None
) -> dict[str, tuple[float, float] | None]:
    """The scenario's (low, high) by country: the baseline ranges through the same adjustments."""
    _check_name(workbook, name)
    rec = _reconciliation(workbook, corridor, recs)
    adjustments = [a for a in _adjustments(workbook)[0] if a.scenario == name]
    single = len(workbook.corridors()) <= 1
    lows = apply_adjustments({c: r[0] for c, r in rec.ranges.items()}, adjustments, corridor, single)
    highs = apply_adjustments({c: r[1] for c, r in rec.ranges.items()}, adjustments, corridor, single)
    out: dict[str, tuple[float, float] | None] = {}
    for country, low in lows.items():
        high = highs.get(country)
        # A cut of more than 100 % turns the bounds over: the range is still from the smaller to the larger.
        out[country] = None if low is None or high is None else (min(low, high), max(low, high))
    return out


def scenario_totals(
    workbook: Workbook, corridor: str, names: list[str] | None = None, recs: list[Reconciliation] | None = None
) -> list[ScenarioColumn]:
    """Baseline first, then each scenario (all of them unless ``names`` is given), side by side.

    Raises
    ------
    ScenarioError
        A name is not a scenario, or the corridor does not exist.
    """
    recs = recs if recs is not None else reconcile_totals(workbook)
    rec = _reconciliation(workbook, corridor, recs)
    wanted = scenario_names(workbook) if names is None else names
    raw: list[tuple[str, bool, dict[str, float | None]]] = [(BASELINE, True, dict(rec.countries))]
    raw += [(n, False, scenario_amounts_full(workbook, n, corridor, recs)) for n in wanted]
    base_ranges: dict[str, tuple[float, float] | None] = dict(rec.ranges)
    all_ranges = [base_ranges, *(scenario_ranges(workbook, n, corridor, recs) for n in wanted)]
    order: dict[str, None] = {}
    for _, _, amounts in raw:
        order.update(dict.fromkeys(amounts))
    base = rec.countries
    base_total = rec.sum_of_parts
    columns = []
    for (name, is_base, amounts), stated in zip(raw, all_ranges, strict=True):
        full = {c: amounts.get(c) if c in amounts else None for c in order}
        ranges = {c: None if v is None else stated.get(c) or (v, v) for c, v in full.items()}
        kept = [r for r in ranges.values() if r is not None]
        total = round(sum(v for v in full.values() if v is not None), _DIGITS)
        country_delta = {c: round((full[c] or 0.0) - base.get(c, 0.0), _DIGITS) for c in order}
        delta = round(total - base_total, _DIGITS)
        residual = None if rec.published_total is None else round(total - rec.published_total, _DIGITS)
        columns.append(
            ScenarioColumn(
                name=name,
                baseline=is_base,
                corridor=corridor,
                unit=rec.unit,
                countries=full,
                total=total,
                shares={c: None if v is None or not total else v / total * 100 for c, v in full.items()},
                country_delta=country_delta,
                country_delta_pct={c: _pct(d, base.get(c)) for c, d in country_delta.items()},
                delta=delta,
                delta_pct=_pct(delta, base_total),
                published_total=rec.published_total,
                residual=residual,
                residual_pct=_pct(residual, rec.published_total),
                ranges=ranges,
                total_low=round(sum(r[0] for r in kept), _DIGITS),
                total_high=round(sum(r[1] for r in kept), _DIGITS),
                published_interval=rec.published_interval,
            )
        )
    return columns


def _pct(delta: float | None, base: float | None) -> float | None:
    if delta is None or base is None or base == 0 or math.isnan(base):
        return None
    return round(delta / base * 100, _DIGITS)


@dataclass(frozen=True)
class WaterfallStep:
    """One bar of the baseline-to-scenario waterfall: it spans ``start`` to ``end``."""

    label: str
    start: float
    end: float
    total: bool = False  # the baseline and scenario bars stand on zero

    @property
    def change(self) -> float:
        return self.end - self.start


def delta_waterfall(column: ScenarioColumn, baseline: ScenarioColumn) -> list[WaterfallStep]:
    """Baseline total, then each country's change (unchanged countries skipped), then the scenario total."""
    steps = [WaterfallStep(BASELINE, 0.0, baseline.total, total=True)]
    level = baseline.total
    for country, delta in column.country_delta.items():
        if abs(delta) < 10**-_DIGITS:
            continue
        steps.append(WaterfallStep(country, level, round(level + delta, _DIGITS)))
        level = round(level + delta, _DIGITS)
    steps.append(WaterfallStep(column.name, 0.0, column.total, total=True))
    return steps


@dataclass(frozen=True)
class SensitivityBar:
    """The corridor total when one country moves down and up by the same percentage."""

    country: str
    amount: float
    low_total: float
    high_total: float

    @property
    def swing(self) -> float:
        return self.high_total - self.low_total


@dataclass(frozen=True)
class Sensitivity:
    """Tornado rows, widest swing first, around ``total`` for a move of plus/minus ``pct`` percent."""

    corridor: str
    scenario: str
    pct: float
    total: float
    bars: tuple[SensitivityBar, ...]
    # Each country moved to its own stated low and high (issue 18) instead of by ``pct``.
    own_ranges: bool = False


def sensitivity(
    workbook: Workbook, corridor: str, pct: float, scenario: str | None = None, own_ranges: bool = False
) -> Sensitivity:
    """What the total becomes when each country alone moves by -pct and +pct percent.

    Computed on the baseline, or on ``scenario``'s amounts when one is given. With
    ``own_ranges`` each country moves to its own stated low and high instead
    (a country stated as a point does not move: nothing says by how much it could).
    """
    if scenario is None:
        amounts = dict(_reconciliation(workbook, corridor).countries)
        ranges: dict[str, tuple[float, float] | None] = dict(_reconciliation(workbook, corridor).ranges)
    else:
        amounts = scenario_amounts(workbook, scenario, corridor)
        ranges = scenario_ranges(workbook, scenario, corridor) if own_ranges else {}
    total = round(sum(amounts.values()), _DIGITS)
    bars = []
    for country, amount in amounts.items():
        down, up = -amount * pct / 100, amount * pct / 100
        if own_ranges:
            low, high = ranges.get(country) or (amount, amount)
            down, up = low - amount, high - amount
        bars.append(SensitivityBar(country, amount, round(total + down, _DIGITS), round(total + up, _DIGITS)))
    bars.sort(key=lambda b: -abs(b.swing))
    return Sensitivity(corridor, scenario or BASELINE, pct, total, tuple(bars), own_ranges)
