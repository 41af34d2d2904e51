"""Session tests: plain pytest over the bundled dataset, no Qt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.session import OpenFile, Session, policy_for

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    """A copy of the bundled workbook, so journals and saves land in tmp_path."""
    copy = tmp_path / "book.xlsx"
    shutil.copyfile(BUNDLED, copy)
    return copy


@pytest.fixture
def session(book_path: Path) -> Session:
    return Session(load_workbook(book_path), OpenFile(str(book_path), policy_for(str(book_path))))


def row_of(session: Session, country: str) -> int:
    frame = session.frame("contributions")
    return int(frame.index[frame["country"] == country][0])
