"""``corridor-app export``: the Excel report with native charts, from the same defaults as File > Export."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from corridor_app.cli.common import EXIT_OK, EXIT_UNREADABLE, add_mapping_arguments, load, mapping_from
from corridor_app.io.errors import SaveError
from corridor_app.io.report.options import LANGUAGES, ReportOptions
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT
from corridor_app.model.scenarios import scenario_names


def report_options(args: argparse.Namespace) -> ReportOptions:
    """The command line as ``ReportOptions``: every scenario unless ``--scenario`` or ``--no-scenarios``."""
    options = ReportOptions(pictures=args.pictures, lang=args.lang, tolerance_pct=args.tolerance)
    if args.no_scenarios:
        return replace(options, scenarios=())
    if args.scenario:
        return replace(options, scenarios=tuple(args.scenario))
    return options


def cmd_export(args: argparse.Namespace) -> int:
    from corridor_app.io.report.export import export_report

    if args.no_scenarios and args.scenario:
        print("error: --scenario and --no-scenarios contradict each other; give one", file=sys.stderr)
        return EXIT_UNREADABLE
    workbook = load(args.file, mapping_from(args))
    options = report_options(args)
    unknown = options.unknown_scenarios(workbook)
    if unknown:
        known = ", ".join(scenario_names(workbook)) or "it defines none"
        print(f"error: {args.file}: no scenario named {unknown[0]!r} ({known})", file=sys.stderr)
        return EXIT_UNREADABLE
    images: dict[str, bytes] = {}
    if options.pictures:
        try:
            from corridor_app.ui.report_pictures import paint_report_pictures
        except ImportError as exc:
            print(f"error: --pictures needs Qt (PySide6), which cannot be imported here ({exc})", file=sys.stderr)
            return EXIT_UNREADABLE
        images = paint_report_pictures(workbook, options)
    try:
        export_report(workbook, args.out, options, images=images)
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
        "--scenario",
        action="append",
        default=[],
        metavar="NAME",
        help="compare only these scenarios (repeatable; default: every scenario of the workbook)",
    )
    e.add_argument("--no-scenarios", action="store_true", help="leave the Scenario summary out")
    e.add_argument(
        "--pictures", action="store_true", help="also place pictures of the on-screen charts (needs Qt: PySide6)"
    )
    e.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report's sheets and charts")
    e.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT)
    e.set_defaults(func=cmd_export)
