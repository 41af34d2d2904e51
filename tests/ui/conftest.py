"""Qt tests run offscreen, against a real workbook loaded by the real readers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from corridor_app.io.loader import load_workbook
from corridor_app.model.workbook import Workbook

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "data" / "north_south_itc.xlsx"


@pytest.fixture
def workbook() -> Workbook:
    return load_workbook(DATASET)


@pytest.fixture
def window(qtbot, workbook):  # type: ignore[no-untyped-def]
    from corridor_app.ui.main_window import MainWindow

    win = MainWindow(workbook, load_workbook, str(DATASET))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
