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
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, Reconciliation, reconcile_totals
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
COMMANDS = ("summary", "check", "export")

DEFAULT_DATASET = Path(__file__).resolve().parent.parent / "data" / "north_south_itc.xlsx"


def default_dataset() -> Path:
    """The bundled workbook: beside the package in a checkout, or installed as package data."""
    packaged = Path(__file__).resolve().parent / "data" / "north_south_itc.xlsx"
    return DEFAULT_DATASET if DEFAULT_DATASET.exists() else packaged


def _load(path: str) -> Workbook:
    from corridor_app.io.loader import load_workbook

    return load_workbook(path)


def summary_json(workbook: Workbook, recs: list[Reconciliation], problems: list[Problem]) -> dict[str, object]:
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
    }


def _print_summary(recs: list[Reconciliation], problems: list[Problem]) -> None:
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
    if problems:
        print(f"{len(problems)} finding{'s' if len(problems) != 1 else ''}:")
        for p in problems:
            print(f"  {p.severity}: {p}")


def _cmd_summary(args: argparse.Namespace) -> int:
    workbook = _load(args.file)
    recs = reconcile_totals(workbook, args.tolerance)
    problems = workbook.problems + validate(workbook, recs)
    if args.json:
        json.dump(summary_json(workbook, recs, problems), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_summary(recs, problems)
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


def workbook_scenarios(workbook: Workbook) -> Mapping[str, Mapping[str, float]]:
    """The scenarios a workbook defines, as ``{name: {country: amount}}`` for ``export --scenario``.

    The file format holds no scenarios yet, so there are none to choose; when
    scenarios are stored (model/scenarios.py) this returns them.
    """
    return {}


def _cmd_export(args: argparse.Namespace) -> int:
    from corridor_app.io.report import export_report

    workbook = _load(args.file)
    chosen: dict[str, Mapping[str, float]] = {}
    if args.scenario:
        available = workbook_scenarios(workbook)
        for name in args.scenario:
            if name not in available:
                known = ", ".join(available) if available else "it defines none"
                print(f"error: {args.file}: no scenario named {name!r} ({known})", file=sys.stderr)
                return EXIT_UNREADABLE
            chosen[name] = available[name]
    try:
        export_report(workbook, args.out, scenarios=chosen or None, tolerance_pct=args.tolerance)
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
