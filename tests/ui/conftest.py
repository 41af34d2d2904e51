"""Qt tests run offscreen, against a real workbook loaded by the real readers."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.workbook import Workbook

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "data" / "north_south_itc.xlsx"


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp):  # type: ignore[no-untyped-def]
    """The interface in English with its plural forms ("1 row", "2 rows"), whatever the machine's locale."""
    from corridor_app.ui.i18n import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def workbook() -> Workbook:
    return load_workbook(DATASET)


@pytest.fixture
def settings(tmp_path):  # type: ignore[no-untyped-def]
    """Settings in a temporary file, so tests never read or write the user's."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, workbook, settings, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from corridor_app.session import OpenFile, Session, policy_for
    from corridor_app.ui.main_window import MainWindow

    # A copy, so the autosave journal and backups of edits land in tmp_path, never beside the repository's data.
    copy = tmp_path / DATASET.name
    shutil.copyfile(DATASET, copy)
    win = MainWindow(Session(workbook, OpenFile(str(copy), policy_for(str(copy)))), load_workbook, settings)
    # Closing at teardown must not stop at the modal "unsaved changes" question.
    win.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
