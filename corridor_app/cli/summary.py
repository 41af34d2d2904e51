"""``corridor-app summary``: amounts, sum of parts, published total, residual; ``--json`` for scripts."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence

from corridor_app.cli.common import EXIT_OK, EXIT_UNREADABLE, add_mapping_arguments, load, mapping_from
from corridor_app.model.by_year import totals_by_year
from corridor_app.model.errors import Problem
from corridor_app.model.money import Display
from corridor_app.model.money_report import money_summary, print_comparison, print_money_summary
from corridor_app.model.progress import Verdict, sorted_by_status, target_progress
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, Reconciliation, reconcile_totals
from corridor_app.model.scenarios import (
    ScenarioColumn,
    ScenarioError,
    scenario_names,
    scenario_totals,
)
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook


def summary_json(
    workbook: Workbook,
    recs: list[Reconciliation],
    problems: list[Problem],
    scenarios: list[ScenarioColumn] | None = None,
    display: Display | None = None,
) -> dict[str, object]:
    """The documented JSON of ``summary --json`` (docs/FORMAT.md): keys are added, never renamed."""
    return {
        "file": workbook.source_path,
        "corridors": [
            {
                "corridor": r.corridor,
                "countries": r.countries,
                "unit": r.unit,
                "sum_of_parts": r.sum_of_parts,
                "published_total": r.published_total,
                "residual": r.residual,
                "residual_pct": None if r.residual_pct is None else round(r.residual_pct, 2),
                "reconciled": None if r.published_total is None else not r.flagged,
                "excluded": [
                    {"country": e.country, "amount": e.amount, "unit": e.unit, "reason": e.reason} for e in r.excluded
                ],
                **_ranges_json(r),
                # Added by issue 17: year -> sum of parts, for contributions with a Year ({} when none has one).
                "by_year": {str(year): total for year, total in totals_by_year(workbook, r).items()},
            }
            for r in recs
        ],
        "warnings": [p.to_json() for p in problems],
        "scenarios": [_scenario_json(c) for c in scenarios or []],
        **money_summary(workbook, display),
        "progress": [_progress_json(v) for v in target_progress(workbook)],
    }


def _progress_json(verdict: Verdict) -> dict[str, object]:
    """One target and its verdict (issue 16); ``observations`` maps each year to its figure as given."""
    return {
        "target": verdict.target,
        "country": verdict.country,
        "unit": verdict.unit,
        "measure": verdict.measure,
        "baseline": verdict.baseline,
        "baseline_year": verdict.baseline_year,
        "goal": verdict.goal,
        "target_year": verdict.target_year,
        "observations": {str(o.year): o.value for o in verdict.observations},
        "projected": verdict.projected,
        "reach_year": verdict.reach_year,
        "status": verdict.status,
    }


def _print_progress(verdicts: Sequence[Verdict]) -> None:
    """Targets with figures, behind first: the verdict and its reason."""
    judged = [v for v in sorted_by_status(verdicts) if v.observations]
    if not judged:
        return
    print("targets with yearly figures:")
    for v in judged:
        print(f"  {v.status:<9}  {v.label}: {v.basis}")
    print()


def _ranges_json(rec: Reconciliation) -> dict[str, object]:
    """The issue 18 keys of one corridor: the parts' and the published range, and whether they overlap."""
    low, high = rec.parts_interval
    return {
        "sum_of_parts_low": low,
        "sum_of_parts_high": high,
        "published_low": rec.published_low,
        "published_high": rec.published_high,
        "consistent_within_ranges": rec.consistent_within_ranges,
        "ranges": {country: [lo, hi] for country, (lo, hi) in rec.ranges.items()},
    }


def _scenario_json(column: ScenarioColumn) -> dict[str, object]:
    """One scenario of one corridor; an excluded country is listed in "excluded", not in "countries"."""
    return {
        "scenario": column.name,
        "corridor": column.corridor,
        "unit": column.unit,
        "countries": {k: v for k, v in column.countries.items() if v is not None},
        "excluded": [k for k, v in column.countries.items() if v is None],
        "total": column.total,
        "delta": column.delta,
        "delta_pct": None if column.delta_pct is None else round(column.delta_pct, 2),
        "published_total": column.published_total,
        "residual": column.residual,
        "residual_pct": None if column.residual_pct is None else round(column.residual_pct, 2),
    }


def _requested_scenarios(
    workbook: Workbook, recs: list[Reconciliation], args: argparse.Namespace
) -> list[ScenarioColumn]:
    """The scenario columns asked for by --scenario/--all-scenarios, for every corridor, scenario by scenario."""
    names = scenario_names(workbook) if args.all_scenarios else list(dict.fromkeys(args.scenario or []))
    if not names:
        return []
    by_corridor = [scenario_totals(workbook, r.corridor, names, recs)[1:] for r in recs]
    return [columns[i] for i in range(len(names)) for columns in by_corridor]


def _print_scenarios(columns: Sequence[ScenarioColumn]) -> None:
    for c in columns:
        unit = f" {c.unit}" if c.unit else ""
        pct = f", {c.delta_pct:+.1f} %" if c.delta_pct is not None else ""
        print(
            f"scenario {c.name!r}, {c.corridor or '(no corridor)'}: total {c.total:,.2f}{unit} ({c.delta:+,.2f}{pct})"
        )
        width = max((len(k) for k in c.countries), default=10)
        for country, amount in c.countries.items():
            shown = "excluded" if amount is None else f"{amount:,.2f}"
            print(f"  {country:<{width}}  {shown:>12}  {c.country_delta[country]:>+10,.2f}")
        print()


def _print_summary(
    recs: list[Reconciliation],
    problems: list[Problem],
    scenarios: Sequence[ScenarioColumn] = (),
    workbook: Workbook | None = None,
) -> None:
    for r in recs:
        unit = f" {r.unit}" if r.unit else ""
        print(f"{r.corridor or '(no corridor)'}{f' ({r.unit})' if r.unit else ''}")
        width = max((len(c) for c in r.countries), default=10)
        for country, amount in r.countries.items():
            print(f"  {country:<{width}}  {amount:>12,.2f}")
        print(f"  {'sum of parts':<{width}}  {r.sum_of_parts:>12,.2f}")
        if r.published_total is None:
            print(f"  {'published total':<{width}}  {'(none)':>12}")
        else:
            print(f"  {'published total':<{width}}  {r.published_total:>12,.2f}")
            pct = f" ({r.residual_pct:+.1f} %)" if r.residual_pct is not None else ""
            print(f"  {'residual':<{width}}  {r.residual:>+12,.2f}{unit}{pct}  {r.verdict}")
        if r.has_ranges:
            _print_ranges(r, width)
        for e in r.excluded:
            print(f"  not counted: {e.country or '(no country)'}: {e.reason}")
        years = totals_by_year(workbook, r) if workbook is not None else {}
        if years:  # a country-by-year table (issue 17): the sum of parts per year
            print("  by year: " + ", ".join(f"{year} {total:,.2f}" for year, total in years.items()))
        print()
    _print_scenarios(scenarios)
    if problems:
        print(f"{len(problems)} finding{'s' if len(problems) != 1 else ''}:")
        for p in problems:
            print(f"  {p.severity}: {p}")


def _print_ranges(r: Reconciliation, width: int) -> None:
    """The stated ranges under the point figures: what an analyst defending the residual needs."""
    low, high = r.parts_interval
    stated = f" to {high:,.2f}" if high != low else "  (no part states a range)"
    print(f"  {'parts range':<{width}}  {low:>12,.2f}{stated}")
    published = r.published_interval
    if published is not None:
        lo = "" if published[0] == -math.inf else f"{published[0]:,.2f}"
        hi = "" if published[1] == math.inf else f"{published[1]:,.2f}"
        shown = f"{lo} to {hi}" if lo and hi else f"at least {lo}" if lo else f"at most {hi}"
        print(f"  {'published range':<{width}}  {shown:>12}  {r.range_verdict}")


def cmd_summary(args: argparse.Namespace) -> int:
    workbook = load(args.file, mapping_from(args))
    recs = reconcile_totals(workbook, args.tolerance)
    problems = workbook.problems + validate(workbook, recs)
    try:
        scenarios = _requested_scenarios(workbook, recs, args)
    except ScenarioError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        display = Display.parse(args.currency)
    except ValueError as exc:
        print(f"error: --currency: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        payload = summary_json(workbook, recs, problems, scenarios, display)
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_summary(recs, problems, scenarios, workbook)
        _print_progress(target_progress(workbook))
        money = money_summary(workbook, display)
        print_comparison(money)
        print_money_summary(money)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``summary`` command to the parser."""
    s = sub.add_parser("summary", help="print amounts by country, sum of parts, published total, residual")
    s.add_argument("file")
    add_mapping_arguments(s)
    s.add_argument("--json", action="store_true", help="machine-readable output (see docs/FORMAT.md)")
    s.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE_PCT,
        help="residual in percent above which a total is flagged (default %(default)s)",
    )
    s.add_argument(
        "--scenario",
        action="append",
        metavar="NAME",
        help="also show this scenario's amounts and total (repeatable; see the Scenarios sheet)",
    )
    s.add_argument("--all-scenarios", action="store_true", help="also show every scenario")
    s.add_argument(
        "--currency",
        default="USD bn",
        help="display currency for projects and the corridor comparison: USD, EUR, RUB, KZT (bn or mln); "
        "converted only through the FX sheet (default %(default)s)",
    )
    s.set_defaults(func=cmd_summary)
