"""Goal seek: what one country (or every country) would need for a corridor's parts to reach a total (issue 16).

Excel's Goal Seek on the sum of parts, solved directly: the sum is linear in
each amount. For one country, the amount needed is the goal total minus what
the other countries give; for every country (``*``) it is the percent change
that scales the sum to the goal. A goal that needs a negative amount cannot be
reached; the answer says so and gives the nearest total that can be (the
country at zero).

The answer becomes an ordinary edit (``goal_seek_edit``: one undo step in the
window) or a new scenario (``goal_seek_scenario``); nothing here changes the
workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from corridor_app.model.edits import InsertRows, Record, SetCell, SetCells
from corridor_app.model.reconcile import Reconciliation, reconcile_totals
from corridor_app.model.scenarios import ALL_COUNTRIES, ScenarioError, scenario_names
from corridor_app.model.units import conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

_DIGITS = 9
ALL = ALL_COUNTRIES


class GoalSeekError(ValueError):
    """The corridor, the country or the goal asked for is not in the workbook."""


@dataclass(frozen=True)
class GoalSeek:
    """The answer: the changing amount now, what it must become, and the total it gives.

    For every country (``country == "*"``) ``current`` and ``required`` are
    the sum of parts before and after, and ``change_pct`` the percent applied
    to each country.
    """

    corridor: str
    country: str
    unit: str
    current: float
    required: float
    change: float
    change_pct: float | None
    total: float
    sum_of_parts: float
    reachable: bool
    nearest_total: float | None  # the total the country can bring the sum to when the goal is out of reach

    @property
    def all_countries(self) -> bool:
        return self.country == ALL

    def describe(self) -> str:
        """One plain sentence for the window and the CLI."""
        unit = f" {self.unit}" if self.unit else ""
        pct = f", {self.change_pct:+.2f} %" if self.change_pct is not None else ""
        if self.all_countries:
            if not self.reachable:
                return (
                    f"{self.corridor}: no percent change of every country gives a total of {self.total:,.2f}{unit} "
                    f"(the parts sum to {self.sum_of_parts:,.2f}); the nearest reachable total is "
                    f"{self.nearest_total or 0:,.2f}{unit}"
                )
            return (
                f"{self.corridor}: every country changed by {self.change_pct or 0:+.4g} % brings the sum of parts "
                f"from {self.current:,.2f} to {self.total:,.2f}{unit}"
            )
        if not self.reachable:
            return (
                f"{self.corridor}: {self.country} cannot bring the sum of parts to {self.total:,.2f}{unit}: it would "
                f"need {self.required:,.2f}{unit}, less than nothing. The nearest reachable total is "
                f"{self.nearest_total or 0:,.2f}{unit}, with {self.country} at 0"
            )
        return (
            f"{self.corridor}: {self.country} needs {self.required:,.2f}{unit} instead of {self.current:,.2f} "
            f"({self.change:+,.2f}{pct}) for the sum of parts to reach {self.total:,.2f}{unit}"
        )

    def to_json(self) -> dict[str, object]:
        """The documented JSON of ``goal-seek --json`` (docs/FORMAT.md): keys are added, never renamed."""
        return {
            "corridor": self.corridor,
            "country": self.country,
            "current": self.current,
            "required": self.required,
            "change": self.change,
            "change_pct": None if self.change_pct is None else round(self.change_pct, 2),
            "total": self.total,
            "unit": self.unit,
            "reachable": self.reachable,
            "nearest_total": self.nearest_total,
        }


def find_reconciliation(workbook: Workbook, corridor: str | None, country: str = "") -> Reconciliation:
    """The corridor asked for; without a name, the only one (or the only one holding ``country``)."""
    recs = reconcile_totals(workbook)
    if corridor is not None:
        for rec in recs:
            if rec.corridor.casefold() == corridor.strip().casefold():
                return rec
        names = ", ".join(repr(r.corridor) for r in recs) or "none"
        raise GoalSeekError(f"no corridor named {corridor!r} (corridors: {names})")
    if len(recs) == 1:
        return recs[0]
    holding = [r for r in recs if country and _country_key(r, country) is not None]
    if len(holding) == 1:
        return holding[0]
    names = ", ".join(repr(r.corridor) for r in recs) or "none"
    raise GoalSeekError(f"name the corridor (corridors: {names})")


def _country_key(rec: Reconciliation, country: str) -> str | None:
    wanted = country.strip().casefold()
    return next((name for name in rec.countries if name.strip().casefold() == wanted), None)


def goal_seek(workbook: Workbook, country: str, total: float | None = None, corridor: str | None = None) -> GoalSeek:
    """What ``country`` (or ``"*"``: every country, by one percent) needs for the parts to sum to ``total``.

    ``total=None`` seeks the corridor's published total (reconcile).

    Raises
    ------
    GoalSeekError
        No such corridor or country, or no published total to reconcile with.
    """
    rec = find_reconciliation(workbook, corridor, country if country != ALL else "")
    label = rec.corridor or "(no corridor)"
    if total is None:
        if rec.published_total is None:
            raise GoalSeekError(f"{label} has no published total to reconcile with: give a total")
        total = rec.published_total
    parts = rec.sum_of_parts
    if country.strip() == ALL:
        if not parts:
            return GoalSeek(rec.corridor, ALL, rec.unit, parts, total, _r(total - parts), None, total, parts,
                            total == parts, parts)  # fmt: skip
        factor = total / parts
        reachable = factor >= 0
        return GoalSeek(
            rec.corridor, ALL, rec.unit, parts, _r(total), _r(total - parts), _r((factor - 1) * 100), _r(total),
            parts, reachable, None if reachable else 0.0,
        )  # fmt: skip
    name = _country_key(rec, country)
    if name is None:
        known = ", ".join(rec.countries) or "none"
        raise GoalSeekError(f"{label} has no country {country!r} (countries: {known})")
    current = rec.countries[name]
    others = parts - current
    required = _r(total - others)
    change = _r(required - current)
    pct = _r(change / current * 100) if current else None
    reachable = required >= 0
    return GoalSeek(
        rec.corridor, name, rec.unit, current, required, change, pct, _r(total), parts, reachable,
        None if reachable else _r(others),
    )  # fmt: skip


def goal_seek_edit(workbook: Workbook, answer: GoalSeek) -> SetCell | SetCells:
    """The Contributions edit that makes the answer true: one undo step.

    One country: its row takes the change (in that row's own unit); a country
    on several rows has each scaled alike. Every country: each row of the
    corridor is scaled by the same factor.

    Raises
    ------
    GoalSeekError
        The goal cannot be reached, or the figures changed since the answer.
    """
    if not answer.reachable:
        raise GoalSeekError("the goal cannot be reached: there is nothing to apply")
    rec = find_reconciliation(workbook, answer.corridor)
    table = workbook.table("contributions")
    if answer.all_countries:
        if not answer.current:
            raise GoalSeekError(f"{answer.corridor}: the parts sum to zero; no percent change can scale them")
        factor = answer.total / answer.current
        rows = [r for name in rec.countries for r in rec.rows.get(name, ())]
        cells = tuple((r, "amount", _r(float(table.value(r, "amount") or 0.0) * factor)) for r in sorted(rows))
        return SetCells("contributions", cells)
    name = _country_key(rec, answer.country)
    if name is None or not rec.rows.get(name):
        raise GoalSeekError(f"{answer.corridor} no longer has {answer.country}")
    own = rec.rows[name]
    if len(own) > 1 and answer.current:
        # Each of the country's rows scaled alike: no row is pushed below zero to carry the whole change.
        scale = answer.required / answer.current
        return SetCells(
            "contributions",
            tuple((r, "amount", _r(float(table.value(r, "amount") or 0.0) * scale)) for r in own),
        )
    row = own[-1]
    factor = conversion_factor(parse_unit(table.value(row, "unit")), parse_unit(rec.unit)) or 1.0
    amount = float(table.value(row, "amount") or 0.0)
    return SetCell("contributions", row, "amount", _r(amount + answer.change / factor))


def goal_seek_scenario(workbook: Workbook, answer: GoalSeek, name: str, percent: bool = False) -> InsertRows:
    """A new scenario holding the answer: ``override`` to the required amount, or ``percent`` (always for ``*``).

    Raises
    ------
    ScenarioError
        The name is blank or taken.
    GoalSeekError
        The goal cannot be reached, or a percent of a zero amount is asked for.
    """
    name = name.strip()
    if not name:
        raise ScenarioError("a scenario needs a name")
    if name in scenario_names(workbook):
        raise ScenarioError(f"there is already a scenario named {name!r}")
    if not answer.reachable:
        raise GoalSeekError("the goal cannot be reached: there is nothing to save")
    unit = f" {answer.unit}" if answer.unit else ""
    note = f"Goal seek: sum of parts {answer.sum_of_parts:,.2f} to {answer.total:,.2f}{unit}"
    if percent or answer.all_countries:
        if answer.change_pct is None:
            raise GoalSeekError(f"{answer.country} has no amount to change by a percentage")
        kind, value = "percent", answer.change_pct
    else:
        kind, value = "override", answer.required
    record: Record = (
        ("scenario", name),
        ("country", answer.country),
        ("kind", kind),
        ("value", value),
        ("corridor", answer.corridor or None),
        ("note", note),
    )
    n = len(workbook.table("scenarios"))
    return InsertRows("scenarios", (n,), (record,))


def _r(x: float) -> float:
    return round(x, _DIGITS)
