"""The isolated loader: every outcome is a Workbook or a LoadError, within the time and memory bound.

Guards the issue "bad input never crashes, hangs or loses data", item 2.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corridor_app import cli
from corridor_app.io import isolated
from corridor_app.io.errors import LoadError
from corridor_app.io.loader import load_workbook

from .hostile_files import inline, make_xlsx, number

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"


def test_isolated_load_equals_in_process_load() -> None:
    a = isolated.load_workbook_isolated(BUNDLED)
    b = load_workbook(BUNDLED)
    for key in b.tables:
        assert a.table(key).records() == b.table(key).records()
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]


def test_refusal_in_the_child_comes_back_as_load_error(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "far.xlsx",
        '<row r="1">' + inline("A1", "x") + '</row><row r="1048576">' + number("XFD1048576", 1) + "</row>",
    )
    with pytest.raises(LoadError) as info:
        isolated.load_workbook_isolated(path)
    assert info.value.sheet == "Contributions" and "columns" in info.value.message


def test_cell_problems_keep_their_location(tmp_path: Path) -> None:
    rows = (
        '<row r="1">'
        + inline("A1", "Country")
        + inline("B1", "Amount")
        + '</row><row r="2">'
        + inline("A2", "Iran")
        + '<c r="B2"><f>A1*2</f></c></row>'
    )
    with pytest.raises(LoadError) as info:
        isolated.load_workbook_isolated(make_xlsx(tmp_path / "f.xlsx", rows))
    assert info.value.problems[0].cell == "B2"
    assert "never calculated" in info.value.message


def test_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"took longer than 0\.01 s"):
        isolated.read_sheets_isolated(BUNDLED, timeout=0.01)
    assert time.monotonic() - started < 5


def test_deadline_already_passed() -> None:
    with pytest.raises(LoadError, match="took longer"):
        isolated.read_sheets_isolated(BUNDLED, deadline=time.monotonic() - 1)


def test_memory_limit() -> None:
    with pytest.raises(LoadError, match="needed more than 16 MiB"):
        isolated.read_sheets_isolated(BUNDLED, memory=16 * 1024**2)


def test_child_measures_its_own_peak_memory() -> None:
    read = isolated.read_sheets_isolated(BUNDLED)
    assert 0 < read.peak_bytes < isolated.LOAD_MEMORY_BYTES
    assert read.sheets and read.sheets[0].name


@pytest.mark.parametrize(
    ("code", "stderr", "expected"),
    [
        (-6, b"memory allocation of 68719476736 bytes failed\n", "needed more than 1 GiB"),
        (-6, b"thread '<unnamed>' panicked at src/xlsx.rs", "the reader crashed on this file (signal 6)"),
        (-24, b"", "took longer than 10 s"),
        (1, b"Traceback ... MemoryError", "needed more than 1 GiB"),
        (1, b"SystemError", "crashed on this file (exit code 1)"),
    ],
)
def test_how_a_dead_child_is_explained(code: int, stderr: bytes, expected: str) -> None:
    err = isolated._failure("f.xlsx", code, stderr, isolated.LOAD_MEMORY_BYTES, 10.0)
    assert expected in err.message


def test_only_plain_data_is_accepted_from_the_child() -> None:
    assert isolated._answer(pickle.dumps(("ok", [print], 0))) is None
    assert isolated._answer(b"garbage") is None
    assert isolated._answer(pickle.dumps(("ok", [], 0))) == ("ok", [], 0)


def test_cli_counts_its_own_start_up() -> None:
    # In a long-running process (this test run) the count starts now, not at the process start.
    assert isolated.deadline_from_process_start(10) == pytest.approx(time.monotonic() + 10, abs=0.5)


def test_cli_refuses_hostile_file_with_one_line(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "dtd.xlsx", extra={"xl/sharedStrings.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "corridor_app", "check", str(path)], cwd=REPO, capture_output=True, text=True, timeout=30
    )
    assert time.monotonic() - started < 10
    assert done.returncode == cli.EXIT_UNREADABLE
    assert done.stderr.count("\n") == 1 and "DTD" in done.stderr and "Traceback" not in done.stderr
