"""Install the app in the Linux desktop's menu and its Open With list (freedesktop.org), for this user only.

``install()`` writes resources/corridor_app.desktop into ``$XDG_DATA_HOME/applications`` (default
~/.local/share) with ``Exec`` pointing at this very app (the standalone app, the virtualenv's
``corridor-app``, or ``python -m corridor_app``) and the icon into the hicolor theme, then refreshes the
desktop's caches when their tools exist. No administrator rights, no Qt. Used by ``corridor-app desktop``
and tools/install_desktop.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from corridor_app.bundled import DESKTOP_ENTRY, ICON

ENTRY_NAME = "corridor_app.desktop"
ICON_NAME = "corridor_app"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Installed:
    """Where the files went, for the message to the user."""

    entry: Path
    icon: Path
    command: list[str]


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ~/.local/share (the XDG base directory rules)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def app_command() -> list[str]:
    """The program and arguments that start this app: the frozen app, the script beside Python, or ``-m``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name("corridor-app")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(Path(sys.executable)), "-m", "corridor_app"]


def exec_argument(arg: str) -> str:
    """One argument of an ``Exec`` key, quoted as the Desktop Entry Specification asks."""
    arg = arg.replace("%", "%%")
    if not arg or any(ch in _RESERVED for ch in arg):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'
    return arg


def desktop_entry(command: list[str], template: str) -> str:
    """The template with ``Exec`` and ``TryExec`` set to ``command`` (which opens the file given as %f)."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines.append("Exec=" + " ".join(exec_argument(a) for a in command) + " %f")
            lines.append("TryExec=" + command[0])
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def _refresh(tool: str, *args: str) -> None:
    """Run a cache tool of the desktop if it is installed; the entry works without it, only later."""
    found = shutil.which(tool)
    if found:
        subprocess.run([found, *args], capture_output=True, check=False, timeout=60)


def install(home: Path | None = None, command: list[str] | None = None) -> Installed:
    """Write the menu entry and the icon for this user; replaces an earlier install.

    Raises
    ------
    OSError
        A folder could not be written or a bundled file is missing (the message names the path).
    """
    home = home or data_home()
    command = command or app_command()
    template = DESKTOP_ENTRY.read_text(encoding="utf-8")
    applications = home / "applications"
    icon_dir = home / "icons" / "hicolor" / "scalable" / "apps"
    applications.mkdir(parents=True, exist_ok=True)
    icon_dir.mkdir(parents=True, exist_ok=True)
    entry = applications / ENTRY_NAME
    entry.write_text(desktop_entry(command, template), encoding="utf-8")
    icon = icon_dir / f"{ICON_NAME}.svg"
    shutil.copyfile(ICON, icon)
    _refresh("update-desktop-database", str(applications))
    _refresh("gtk-update-icon-cache", "--quiet", "--ignore-theme-index", str(home / "icons" / "hicolor"))
    return Installed(entry, icon, command)


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for path in (
        home / "applications" / ENTRY_NAME,
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg",
    ):
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh("update-desktop-database", str(home / "applications"))
    return removed
