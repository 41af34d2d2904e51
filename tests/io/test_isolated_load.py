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
from corridor_app.io.errors import LoadError
from corridor_app.io.loading import answer, isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.transfer import dumps

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
        (-6, b"thread '<unnamed>' panicked at src/xlsx.rs", "the reader crashed on this file"),
        (-24, b"", "took longer than 10 s"),
        (1, b"Traceback ... MemoryError", "needed more than 1 GiB"),
        (1, b"SystemError", "crashed on this file"),
        (1, b"ImportError: x.so: failed to map segment from shared object", "needed more than 1 GiB"),
    ],
)
def test_how_a_dead_child_is_explained(code: int, stderr: bytes, expected: str) -> None:
    err = answer.failure("f.xlsx", code, stderr, isolated.LOAD_MEMORY_BYTES, 10.0)
    assert expected in err.message
    # issue 17: what the reader said is kept for a bug report, not shown.
    assert "panicked" not in err.message and "SystemError" not in err.message
    if "crashed" in expected:
        assert stderr.decode() in err.detail


def test_only_plain_data_is_accepted_from_the_child() -> None:
    assert answer.unpickle_answer(dumps(("ok", [print], 0))) is None
    assert answer.unpickle_answer(b"garbage") is None
    assert answer.unpickle_answer(pickle.dumps(("ok", [], 0))) is None  # not in the hand-over form
    assert answer.unpickle_answer(dumps(("ok", [], 0))) == ("ok", [], 0)


def test_cli_counts_its_own_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # In a long-running process (this test run) the count starts now, not at the process start.
    monkeypatch.setattr(isolated, "_process_age", lambda: 60.0)
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


def test_the_workbook_built_in_the_child_is_the_app_s_own() -> None:
    # issue 7: the child builds the workbook; it comes back with the format's own table specs and fresh stamps.
    from corridor_app.model.sheets import CONTRIBUTIONS

    here = load_workbook(BUNDLED)
    loaded = isolated.load_isolated(BUNDLED)
    table = loaded.workbook.table("contributions")
    assert table.spec is CONTRIBUTIONS
    assert table.records() == here.table("contributions").records()
    assert table.stamp("amount") > here.table("contributions").stamp("amount")  # stamped in this process
    assert 0 < loaded.peak_bytes < isolated.LOAD_MEMORY_BYTES


def test_a_workbook_answer_admits_model_classes_but_nothing_that_runs_code() -> None:
    book = load_workbook(BUNDLED)
    got = answer.unpickle_answer(dumps(("ok", (book, {"encoding": ""}), 0)), model=True)
    assert got is not None
    assert got[1][0].table("contributions").records() == book.table("contributions").records()  # type: ignore[index]
    assert answer.unpickle_answer(dumps(("ok", (book, {}), 0))) is None  # a sheets answer may not hold a workbook
    assert answer.unpickle_answer(dumps(("ok", (book, {"encoding": 1}), 0)), model=True) is None  # facts are text
    from corridor_app.model import reconcile

    assert answer.unpickle_answer(dumps(("ok", [reconcile.reconcile_totals], 0)), model=True) is None
    assert answer.unpickle_answer(dumps(("ok", [print], 0)), model=True) is None


def test_the_channel_reads_budget_progress_then_the_answer() -> None:
    script = "import sys; sys.stdout.buffer.write(b'@budget 12.5 99\\n@progress 500\\n@budget 99 99\\n@answer\\nxyz')"
    seen: list[float] = []
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    channel = answer.Channel(proc, lambda fraction, _text: seen.append(fraction), max_answer=1000)
    proc.wait(timeout=30)
    channel.join(proc)
    assert channel.budget == (12.5, 99)  # only the first: a later one could come from a compromised parser
    assert [f for f in seen] == [0.5] and channel.answer == b"xyz"


@pytest.mark.parametrize(
    ("announced", "sent", "expected"),
    [
        (b"5", b"12345", b"12345"),  # read in place into a buffer of the announced size (issue 7)
        (b"8", b"12345", b"12345"),  # cut short: what came, and transfer.loads refuses it
        (b"99999", b"12345", b"12345"),  # more than the child could hold: read as it comes
        (b"x", b"12345", b"12345"),
    ],
)
def test_the_channel_reads_an_announced_answer_in_place(announced: bytes, sent: bytes, expected: bytes) -> None:
    script = f"import sys; sys.stdout.buffer.write(b'@answer ' + {announced!r} + b'\\n' + {sent!r})"
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    channel = answer.Channel(proc, None, max_answer=1000)
    proc.wait(timeout=30)
    channel.join(proc)
    assert bytes(channel.answer) == expected


def test_cancel_stops_the_child() -> None:
    started = time.monotonic()
    with pytest.raises(isolated.LoadCancelled):
        isolated.load_workbook_isolated(BUNDLED, cancelled=lambda: True)
    assert time.monotonic() - started < 5


def test_a_bug_in_the_child_ends_it_at_once_with_its_traceback(tmp_path: Path) -> None:
    # The child ends with os._exit even when it fails unexpectedly, so a parse ahead still running in a
    # thread cannot keep it alive; the traceback goes to stderr, which the parent logs (issue 17).
    path = make_xlsx(tmp_path / "f.xlsx")
    cmd = [sys.executable, "-I", "-c", isolated._BOOTSTRAP, isolated._PACKAGE_ROOT, str(path), "not-a-number"]
    done = subprocess.run(cmd, capture_output=True, timeout=30)
    assert done.returncode == 1
    assert b"Traceback" in done.stderr and b"ValueError" in done.stderr
