"""Settings the window remembers between runs: recent files and layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v and Path(str(v)).exists()]


def remember_file(settings: QSettings, path: str) -> None:
    resolved = str(Path(path).resolve())
    files = [f for f in recent_files(settings) if f != resolved]
    settings.setValue("recent_files", [resolved, *files][:MAX_RECENT])
