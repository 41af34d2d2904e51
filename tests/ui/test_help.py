"""The Help menu (issue 14): shortcuts listed from the actions, the user guide shipped, About."""

from __future__ import annotations

import tomllib
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, QUrl, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

import corridor_app
from corridor_app.ui.help import USER_GUIDE, ShortcutsDialog, about_text, add_help_menu, menu_actions, open_user_guide

ROOT = Path(__file__).resolve().parents[2]


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_shortcuts_dialog_lists_the_menus_keys(window) -> None:  # type: ignore[no-untyped-def]
    rows = ShortcutsDialog(menu_actions(window.menuBar())).rows
    assert ("File", "Save", _native("Ctrl+S")) in rows
    assert ("File", "Export to Excel…", _native("Ctrl+E")) in rows
    assert ("Edit", "Paste", _native("Ctrl+V")) in rows
    assert any(row[1] == "Insert row" and _native("Ctrl+Shift+=") in row[2] for row in rows)


def test_a_key_added_to_a_menu_is_listed_without_editing_a_list(window) -> None:  # type: ignore[no-untyped-def]
    menu = add_help_menu(window.menuBar(), window)
    action = window.menuBar().actions()[0].menu().addAction("Frobnicate")
    action.setShortcut(QKeySequence("Ctrl+Alt+F"))
    shortcuts = menu.actions()[0]
    shown: list[ShortcutsDialog] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        shown.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_dialog)
    shortcuts.trigger()
    assert ("File", "Frobnicate", _native("Ctrl+Alt+F")) in shown[0].rows
    assert ("Help", "Keyboard shortcuts…", _native("Ctrl+/")) in shown[0].rows
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Keyboard shortcuts…",
        "&User guide",
        "&About corridor_app",
    ]


def test_about_names_version_licence_qt_and_the_data_sources(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = about_text()
    assert corridor_app.__version__ in text
    assert "Licence: MIT" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    assert "EADB" in text and "north_south_itc.xlsx" in text


def test_the_user_guide_ships_with_the_package_and_opens_in_the_browser(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert USER_GUIDE.is_relative_to(Path(corridor_app.__file__).parent)
    assert "<h1>corridor_app user guide</h1>" in USER_GUIDE.read_text(encoding="utf-8")
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "guide/*" in package_data["package-data"]["corridor_app"]
    opened: list[QUrl] = []
    assert open_user_guide(opener=lambda url: opened.append(url) or True)
    assert opened == [QUrl.fromLocalFile(str(USER_GUIDE))]
