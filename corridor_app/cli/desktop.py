"""``corridor-app desktop``: add the app to the Linux desktop's menu and Open With list (or remove it)."""

from __future__ import annotations

import argparse
import sys

from corridor_app.cli.common import EXIT_OK, EXIT_UNREADABLE


def cmd_desktop(args: argparse.Namespace) -> int:
    from corridor_app import desktop

    if sys.platform != "linux":
        print("error: desktop integration is for Linux desktops (freedesktop.org)", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if args.uninstall:
            removed = desktop.uninstall()
            print("removed " + ", ".join(map(str, removed)) if removed else "nothing to remove")
            return EXIT_OK
        done = desktop.install()
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"menu entry {done.entry}\nicon {done.icon}\nstarts {' '.join(done.command)}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``desktop`` command to the parser."""
    d = sub.add_parser(
        "desktop",
        help="add corridor_app to this user's application menu and the Open With list of .xlsx/.ods/.csv (Linux)",
    )
    d.add_argument("--uninstall", action="store_true", help="remove the menu entry and the icon")
    d.set_defaults(func=cmd_desktop)
