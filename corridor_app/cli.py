"""Command line: ``corridor-app [FILE]`` opens the window; ``summary``, ``check``, ``export`` run headless.

The headless commands use the same model and readers as the window and never
import Qt. Exit codes of ``check``: 0 clean, 1 validation problems, 2 file
unreadable. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from corridor_app.io.errors import LoadError, SaveError
from corridor_app.model.errors import Problem
from corridor_app.model.money import Display
from corridor_app.model.money_report import money_summary, print_comparison, print_money_summary
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, Reconciliation, reconcile_totals
from corridor_app.model.scenarios import (
    ScenarioColumn,
    ScenarioError,
    scenario_names,
    scenario_totals,
    workbook_scenarios,
)
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
COMMANDS = ("summary", "check", "export")

DEFAULT_DATASET = Path(__file__).resolve().parent.parent / "data" / "north_south_itc.xlsx"


def default_dataset() -> Path:
    """The bundled workbook, in the checkout's data/ folder (the README installs with ``pip install -e``)."""
    return DEFAULT_DATASET


def _load(path: str) -> Workbook:
    """Load in a limited child process; the 10 s budget counts from this command's start."""
    from corridor_app.io.loading.isolated import deadline_from_process_start, load_workbook_isolated

    return load_workbook_isolated(path, deadline=deadline_from_process_start())


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
            }
            for r in recs
        ],
        "warnings": [p.to_json() for p in problems],
        "scenarios": [_scenario_json(c) for c in scenarios or []],
        **money_summary(workbook, display),
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
    recs: list[Reconciliation], problems: list[Problem], scenarios: Sequence[ScenarioColumn] = ()
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
        for e in r.excluded:
            print(f"  not counted: {e.country or '(no country)'}: {e.reason}")
        print()
    _print_scenarios(scenarios)
    if problems:
        print(f"{len(problems)} finding{'s' if len(problems) != 1 else ''}:")
        for p in problems:
            print(f"  {p.severity}: {p}")


def _cmd_summary(args: argparse.Namespace) -> int:
    workbook = _load(args.file)
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
        _print_summary(recs, problems, scenarios)
        money = money_summary(workbook, display)
        print_comparison(money)
        print_money_summary(money)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        workbook = _load(args.file)
    except LoadError as exc:
        for p in exc.problems[1:]:
            print(f"{args.file}: {p}", file=sys.stderr)
        if exc.problems:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        raise
    recs = reconcile_totals(workbook, args.tolerance)
    problems = workbook.problems + validate(workbook, recs)
    for p in problems:
        print(f"{args.file}: {p.severity}: {p}", file=sys.stderr)
    # A published total that the parts do not add up to is a finding about the data,
    # reported but not a defect of the file; --strict counts it too.
    counted = [p for p in problems if p.severity != "info" or args.strict]
    if counted:
        print(f"{len(counted)} problem{'s' if len(counted) != 1 else ''} in {args.file}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{args.file}: OK")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from corridor_app.io.report.export import export_report

    workbook = _load(args.file)
    chosen: dict[str, Mapping[str, float]] = {}
    corridor = next((r.corridor for r in reconcile_totals(workbook) if r.countries), "")
    if args.scenario:
        available = workbook_scenarios(workbook, corridor)
        for name in args.scenario:
            if name not in available:
                known = ", ".join(available) if available else "it defines none"
                print(f"error: {args.file}: no scenario named {name!r} ({known})", file=sys.stderr)
                return EXIT_UNREADABLE
            chosen[name] = available[name]
    try:
        export_report(
            workbook,
            args.out,
            scenarios=chosen or None,
            tolerance_pct=args.tolerance,
            scenario_corridor=corridor if chosen else None,
        )
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"{args.out}: report written")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corridor-app",
        description="Compare investment-corridor contributions; opens the window unless a command is given.",
    )
    sub = parser.add_subparsers(dest="command")
    s = sub.add_parser("summary", help="print amounts by country, sum of parts, published total, residual")
    s.add_argument("file")
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
    s.set_defaults(func=_cmd_summary)
    c = sub.add_parser("check", help="validate a file: exit 0 clean, 1 problems, 2 unreadable")
    c.add_argument("file")
    c.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT)
    c.add_argument("--strict", action="store_true", help="count unreconciled totals as problems too")
    c.set_defaults(func=_cmd_check)
    e = sub.add_parser("export", help="write the Excel report with native charts (see docs/EXPORT.md)")
    e.add_argument("file")
    e.add_argument("--out", required=True, metavar="REPORT.xlsx", help="the report to write (replaced atomically)")
    e.add_argument(
        "--scenario", action="append", default=[], metavar="NAME", help="add a scenario to the comparison (repeatable)"
    )
    e.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT)
    e.set_defaults(func=_cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in {"-h", "--help"}):
        if len(argv) > 1 or (argv and argv[0].startswith("-")):
            build_parser().print_usage(sys.stderr)
            print("corridor-app: give one FILE to open, or a command: " + ", ".join(COMMANDS), file=sys.stderr)
            return EXIT_UNREADABLE
        from corridor_app.app import run_gui  # Qt is imported only for the window

        return run_gui(argv[0] if argv else None)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except LoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head or less, closed early
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        print(f"error: {args.file}: unexpected failure: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
