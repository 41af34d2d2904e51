"""Command line: ``corridor-app [FILE]`` opens the window; ``summary``, ``check``, ``export`` run headless.

The headless commands use the same model and readers as the window and never
import Qt. Exit codes of ``check``: 0 clean, 1 validation problems, 2 file
unreadable. Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from corridor_app import __version__
from corridor_app.cli import check, desktop, export, goal_seek, summary
from corridor_app.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.mapping import needs_mapping

# Each command is a module with ``register(subparsers)``; a new command is a new module listed here.
COMMAND_MODULES = (summary, check, export, goal_seek, desktop)
# A command's name is its module's, with a hyphen for an underscore (goal_seek -> goal-seek).
COMMANDS = tuple(m.__name__.rsplit(".", 1)[1].replace("_", "-") for m in COMMAND_MODULES)

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNREADABLE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corridor-app",
        description="Compare investment-corridor contributions; opens the window unless a command is given.",
    )
    parser.add_argument("--version", action="version", version=f"corridor-app {__version__}")
    sub = parser.add_subparsers(dest="command")
    for command in COMMAND_MODULES:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in {"-h", "--help", "--version"}):
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
        if needs_mapping(exc):  # the window offers its import step; here the same choice is given as flags
            print(
                "hint: name the columns, e.g. --country-column NAME --amount-column NAME "
                "(also --sheet, --header-row, --unit-column, --source-column, --corridor-column, --encoding)",
                file=sys.stderr,
            )
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head or less, closed early
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        print(f"error: {args.file}: unexpected failure: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
