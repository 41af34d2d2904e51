"""Saving loses nothing: verified temp file, backups, disk-full and kill injection (issue item 6)."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corridor_app.io.errors import SaveError
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving import writer
from corridor_app.io.saving.writer import backup_paths, save_workbook
from corridor_app.model.edits import SetCell, apply
from corridor_app.model.workbook import ExtraSheet, Workbook

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"
KILL_TRIALS = int(os.environ.get("CORRIDOR_KILL_TRIALS", "12"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables(book: Workbook) -> dict[str, list[dict[str, Any]]]:
    return {k: t.records() for k, t in book.tables.items()}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    target = tmp_path / "corridors.xlsx"
    save_workbook(load_workbook(BUNDLED), target)
    return target


def test_round_trip_is_verified_cell_by_cell(saved: Path) -> None:
    book = load_workbook(BUNDLED)
    result = save_workbook(book, saved)
    assert result.verified_cells > 100
    assert tables(load_workbook(saved)) == tables(book)


def test_three_backups_are_kept(saved: Path) -> None:
    book = load_workbook(saved)
    versions = [digest(saved)]
    for amount in (1.0, 2.0, 3.0, 4.0):
        apply(book, SetCell("contributions", 0, "amount", amount))
        save_workbook(book, saved)
        versions.append(digest(saved))
    backups = backup_paths(saved)
    assert [digest(p) for p in backups] == versions[-2::-1][:3]
    assert not (saved.parent / ".corridor-backups" / "corridors.4.xlsx").exists()


@pytest.mark.parametrize("bad", [float("inf"), float("-inf")])
def test_infinite_numbers_are_refused_not_blanked(saved: Path, bad: float) -> None:
    before = digest(saved)
    book = load_workbook(saved)
    book.table("contributions").set_value(1, "amount", bad)  # bypasses edits, as a bug would
    with pytest.raises(SaveError, match=r"sheet 'Contributions', cell C3 is not a finite number"):
        save_workbook(book, saved)
    assert digest(saved) == before


def test_nan_kept_from_another_sheet_is_refused_not_blanked(saved: Path) -> None:
    # In number columns NaN is the model's blank; anywhere else it would silently become one.
    before = digest(saved)
    book = load_workbook(saved)
    book.extra_sheets.append(ExtraSheet("Notes", [["kept", float("nan")]]))
    with pytest.raises(SaveError, match="sheet 'Notes', cell B1 is not a finite number"):
        save_workbook(book, saved)
    assert digest(saved) == before


class FullDisk:
    """A file that accepts ``room`` bytes, then fails as a full disk does."""

    def __init__(self, real: Any, room: int) -> None:
        self.real = real
        self.room = room

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return int(self.real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.3, 0.7, 0.97])
def test_disk_full_leaves_the_original_intact(saved: Path, monkeypatch: pytest.MonkeyPatch, fraction: float) -> None:
    before = digest(saved)
    room = int(saved.stat().st_size * fraction)
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: FullDisk(real_fdopen(fd, mode, *a, **k), room))
    book = load_workbook(saved)
    apply(book, SetCell("contributions", 0, "amount", 99.0))
    with pytest.raises(SaveError, match="No space left on device"):
        save_workbook(book, saved)
    assert digest(saved) == before
    assert [p.name for p in saved.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_fsync_failure_leaves_the_original_intact(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = digest(saved)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError):
        save_workbook(load_workbook(saved), saved)
    assert digest(saved) == before


def test_read_back_mismatch_is_not_saved(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = digest(saved)
    assert not hasattr(writer, "read_spreadsheet")  # imported inside verify_written, so patch its home

    from corridor_app.io.loading.spreadsheet import read_spreadsheet as read

    def corrupt(path: str) -> list[RawSheet]:
        sheets = read(path)
        sheets[0].rows[1][2] = 0.0
        return sheets

    monkeypatch.setattr("corridor_app.io.loading.spreadsheet.read_spreadsheet", corrupt)
    with pytest.raises(SaveError, match="read-back check failed at sheet 'Contributions', cell C2"):
        save_workbook(load_workbook(BUNDLED), saved)
    assert digest(saved) == before


KILLER = """
import sys
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.edits import SetCell, apply
book = load_workbook(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    apply(book, SetCell("contributions", 0, "amount", float(n)))
    save_workbook(book, sys.argv[1])
"""


def kill_trial(target: Path, delay: float) -> str:
    """Save in a loop in a child, SIGKILL it after ``delay`` s; return 'intact' or what went wrong."""
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(target)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.kill()
    proc.communicate()
    try:
        book = load_workbook(target)
    except Exception as exc:  # noqa: BLE001 - any failure here is the finding
        return f"unreadable: {exc}"
    amount = book.table("contributions").value(0, "amount")
    rest = tables(book)
    rest["contributions"] = rest["contributions"][1:]
    return "intact" if isinstance(amount, float) and rest == EXPECTED_REST else f"changed: {amount!r}"


EXPECTED_REST: dict[str, list[dict[str, Any]]] = {}


def test_kill_at_any_moment_of_a_save(saved: Path) -> None:
    EXPECTED_REST.update(tables(load_workbook(saved)))
    EXPECTED_REST["contributions"] = EXPECTED_REST["contributions"][1:]
    rng = random.Random(20240601)
    outcomes = [kill_trial(saved, rng.uniform(0.0, 0.4)) for _ in range(KILL_TRIALS)]
    assert outcomes == ["intact"] * KILL_TRIALS
