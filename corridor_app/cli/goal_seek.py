"""``corridor-app goal-seek``: what one country (or ``*``, every country) needs for the parts to reach a total.

Exit codes: 0 answered, 1 the goal cannot be reached (the answer says the
nearest reachable total), 2 unreadable file or an unknown corridor or country.
"""

from __future__ import annotations

import argparse
import json
import sys

from corridor_app.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, load
from corridor_app.model.goalseek import GoalSeekError, goal_seek


def cmd_goal_seek(args: argparse.Namespace) -> int:
    workbook = load(args.file)
    try:
        answer = goal_seek(workbook, args.country, None if args.reconcile else args.total, args.corridor)
    except GoalSeekError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        json.dump(answer.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(answer.describe())
    return EXIT_OK if answer.reachable else EXIT_PROBLEMS


def _total(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``goal-seek`` command to the parser."""
    g = sub.add_parser(
        "goal-seek",
        help="the amount one country needs (or the percent change of every country, --country '*') "
        "for the sum of parts to reach a total",
    )
    g.add_argument("file")
    g.add_argument("--country", required=True, metavar="NAME", help="the country whose amount changes; '*' for all")
    goal = g.add_mutually_exclusive_group(required=True)
    goal.add_argument("--total", type=_total, metavar="X", help="the total the sum of parts should reach")
    goal.add_argument("--reconcile", action="store_true", help="seek the corridor's published total")
    g.add_argument("--corridor", metavar="NAME", help="the corridor (needed when the file has several)")
    g.add_argument("--json", action="store_true", help="machine-readable output (see docs/FORMAT.md)")
    g.set_defaults(func=cmd_goal_seek)
