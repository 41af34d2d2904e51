"""``corridor-app check``: validate a file; exit 0 clean, 1 problems, 2 unreadable."""

from __future__ import annotations

import argparse
import sys

from corridor_app.cli.common import EXIT_OK, EXIT_PROBLEMS, add_mapping_arguments, load_with_encoding, mapping_from
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.encoding import display_name
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, reconcile_totals
from corridor_app.model.validate import validate


def cmd_check(args: argparse.Namespace) -> int:
    try:
        workbook, encoding = load_with_encoding(args.file, mapping_from(args))
    except LoadError as exc:
        for p in exc.problems[1:]:
            print(f"{args.file}: {p}", file=sys.stderr)
        if exc.problems:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        raise
    if encoding:
        print(f"{args.file}: read as {display_name(encoding)} text", flush=True)  # before the findings on stderr
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command to the parser."""
    c = sub.add_parser("check", help="validate a file: exit 0 clean, 1 problems, 2 unreadable")
    c.add_argument("file")
    add_mapping_arguments(c)
    c.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT)
    c.add_argument("--strict", action="store_true", help="count unreconciled totals as problems too")
    c.set_defaults(func=cmd_check)
