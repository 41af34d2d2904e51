"""The money part of ``summary``: projects by corridor and currency, the corridor comparison, what was excluded.

Pure data for ``cli.summary_json`` (documented in docs/FORMAT.md) and the text
summary; keys are added over time, never renamed.
"""

from __future__ import annotations

from corridor_app.model.corridors import corridor_comparison
from corridor_app.model.money import Display, fx_rates
from corridor_app.model.projects import (
    CurrencyTotal,
    compare_projects_to_contributions,
    project_aggregates,
    project_corridors,
)
from corridor_app.model.workbook import Workbook


def _currencies(by_currency: dict[str, CurrencyTotal]) -> dict[str, object]:
    return {
        c.currency: {"amount": c.amount, "unit": c.unit, "projects": c.projects, "converted": c.converted}
        for c in by_currency.values()
    }


def money_summary(workbook: Workbook, display: Display | None = None) -> dict[str, object]:
    """Keys ``display``, ``fx``, ``projects``, ``by_currency``, ``comparison``, ``projects_vs_contributions``,
    ``not_costed`` and ``excluded`` (every amount that could not be converted: project or country, currency,
    amount)."""
    display = display or Display()
    fx = fx_rates(workbook)
    everything = project_aggregates(workbook, display, None, fx)
    projects = []
    for name in project_corridors(workbook):
        agg = project_aggregates(workbook, display, name, fx)
        projects.append(
            {
                "corridor": name,
                "unit": str(display),
                "total": agg.total,
                "projects_counted": len(agg.items),
                "by_country": agg.by_country,
                "by_route": agg.by_route,
                "by_mode": agg.by_mode,
                "by_currency": _currencies(agg.by_currency),
                "excluded_count": len(agg.excluded),
            }
        )
    comparison = corridor_comparison(workbook, display, fx)
    versus = []
    for name in comparison.corridors:
        cmp = compare_projects_to_contributions(workbook, name, display, fx)
        versus.append(
            {
                "corridor": name,
                "unit": str(display),
                "countries": [
                    {
                        "country": r.country,
                        "contribution": r.contribution,
                        "projects": r.projects,
                        "difference": r.difference,
                    }
                    for r in cmp.rows
                ],
            }
        )
    table = workbook.table("projects")
    return {
        "display": str(display),
        "fx": [
            {"currency": r.currency, "units_per_usd": r.units_per_usd, "as_of": r.as_of, "source": r.source}
            for r in fx.rates.values()
        ],
        "projects": projects,
        "by_currency": _currencies(everything.by_currency),
        "comparison": {
            "unit": str(display),
            "corridors": list(comparison.corridors),
            "countries": comparison.values,
            "reconciliations": [
                {
                    "corridor": col.corridor,
                    "sum_of_parts": col.sum_of_parts,
                    "published_total": col.published_total,
                    "residual": col.residual,
                    "reconciled": None
                    if col.reconciliation.published_total is None
                    else not col.reconciliation.flagged,
                }
                for col in comparison.columns
            ],
        },
        "projects_vs_contributions": versus,
        "not_costed": [
            {"corridor": str(table.value(row, "corridor") or ""), "project": name}
            for row, name in everything.not_costed
        ],
        "excluded": [e.to_json() for e in (*everything.excluded, *comparison.excluded)],
    }


def print_money_summary(summary: dict[str, object]) -> None:
    """The text form of ``money_summary`` for ``corridor-app summary`` (nothing printed without projects)."""
    unit = summary["display"]
    projects = summary["projects"]
    assert isinstance(projects, list)
    for entry in projects:
        print(f"Projects: {entry['corridor'] or '(no corridor)'} ({unit})")
        for country, amount in entry["by_country"].items():
            print(f"  {country:<28}  {amount:>12,.2f}")
        print(f"  {'total converted':<28}  {entry['total']:>12,.2f}  ({entry['projects_counted']} projects)")
        print()
    by_currency = summary["by_currency"]
    assert isinstance(by_currency, dict)
    if by_currency:
        print("Project costs by currency (each summed only with itself)")
        for cur in by_currency.values():
            shown = "no rate" if cur["converted"] is None else f"= {cur['converted']:,.2f} {unit}"
            print(f"  {cur['unit']:<10}  {cur['amount']:>14,.3f}  ({cur['projects']} projects)  {shown}")
        print()
    excluded = summary["excluded"]
    assert isinstance(excluded, list)
    if excluded:
        print(f"Not converted, so in no total ({len(excluded)}):")
        for e in excluded:
            name = e.get("project") or e.get("country") or "(unnamed)"
            print(f"  {name}: {e['amount']:g} {e['unit'] or e['currency']}: {e['reason']}")
        print()


def print_comparison(summary: dict[str, object]) -> None:
    """Countries across corridors in the display currency, when the workbook has more than one corridor."""
    comparison = summary["comparison"]
    assert isinstance(comparison, dict)
    corridors: list[str] = comparison["corridors"]
    if len(corridors) < 2:
        return
    print(f"Corridors compared ({comparison['unit']}; each reconciled against its own published total)")
    width = max(12, *(len(c) for c in corridors))
    print(f"  {'':<20}" + "".join(f"  {c:>{width}}" for c in corridors))
    for country, row in comparison["countries"].items():
        cells = "".join(f"  {'—' if row[c] is None else f'{row[c]:,.2f}':>{width}}" for c in corridors)
        print(f"  {country:<20}{cells}")
    for rec in comparison["reconciliations"]:
        verdict = {True: "reconciles", False: "does not reconcile", None: "no published total"}[rec["reconciled"]]
        print(f"  {rec['corridor']}: {verdict}")
    print()
