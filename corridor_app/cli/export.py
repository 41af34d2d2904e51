"""``corridor-app export``: the Excel report with native charts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from corridor_app.cli.common import EXIT_OK, EXIT_UNREADABLE, add_mapping_arguments, load, mapping_from
from corridor_app.io.errors import SaveError
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, reconcile_totals
from corridor_app.model.scenarios import (
    workbook_scenarios,
)


def cmd_export(args: argparse.Namespace) -> int:
    from corridor_app.io.report.export import export_report

    workbook = load(args.file, mapping_from(args))
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` command to the parser."""
    e = sub.add_parser("export", help="write the Excel report with native charts (see docs/EXPORT.md)")
    e.add_argument("file")
    add_mapping_arguments(e)
    e.add_argument("--out", required=True, metavar="REPORT.xlsx", help="the report to write (replaced atomically)")
    e.add_argument(
        "--scenario", action="append", default=[], metavar="NAME", help="add a scenario to the comparison (repeatable)"
    )
    e.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT)
    e.set_defaults(func=cmd_export)
