"""Autosave journal: edits survive a crash and replay onto the reloaded file (issue item 6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.safety.journal import (
    Journal,
    JournalError,
    edit_from_json,
    edit_to_json,
    find_journal,
    journal_path_for,
    read_journal,
)
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.edits import DeleteRows, InsertRows, SetCell, SetCells, apply
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook
from corridor_app.session.history import History
from corridor_app.session.safety import replay as replay_edits

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"

EDITS = [
    SetCell("contributions", 0, "amount", 14.5),
    SetCells("contributions", ((1, "amount", 12.0), (1, "note", "revised"))),
    InsertRows("contributions", (2,), ((("country", "Azerbaijan"), ("amount", 0.5), ("unit", "USD bn")),), (None,)),
    DeleteRows("contributions", (3,)),
    SetCell("targets", 0, "baseline_year", 2021),
    InsertRows("totals", (0,), ((("corridor", "Test"), ("published_total", 1.0)),), (Origin("Totals", 9),)),
]


def replay(path: str | Path, workbook: Workbook, source: Path) -> int:
    """The recovery road the window takes: read the journal, push its edits through a history."""
    header, edits = read_journal(path)
    return replay_edits(History(workbook), edits, str(source), header)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "book.xlsx"
    save_workbook(load_workbook(BUNDLED), path)
    return path


def test_edits_round_trip_through_json() -> None:
    for edit in [*EDITS, SetCell("projects", 0, "note", dt.date(2024, 1, 2))]:
        assert edit_from_json(edit_to_json(edit)) == edit


def test_crash_then_replay_gives_the_same_workbook(source: Path) -> None:
    edited = load_workbook(source)
    journal = Journal(journal_path_for(source), source)
    for edit in EDITS:
        apply(edited, edit)
        journal.append([edit])
    journal.close()  # the process "dies" here: nothing saved
    assert find_journal(source) == journal_path_for(source)
    fresh = load_workbook(source)
    assert replay(find_journal(source) or "", fresh, source) == len(EDITS)
    for key in edited.tables:
        assert fresh.table(key).records() == edited.table(key).records()


def test_undo_is_journaled_as_its_inverse(source: Path) -> None:
    book = load_workbook(source)
    with Journal(journal_path_for(source), source) as journal:
        inverse = apply(book, EDITS[0])
        journal.append([EDITS[0]])
        apply(book, inverse)
        journal.append([inverse])
    fresh = load_workbook(source)
    replay(journal.path, fresh, source)
    assert fresh.table("contributions").records() == load_workbook(source).table("contributions").records()


def test_line_cut_short_by_a_crash_is_ignored(source: Path) -> None:
    journal = Journal(journal_path_for(source), source)
    journal.append(EDITS[:2])
    journal.close()
    with open(journal.path, "a", encoding="utf-8") as fh:
        fh.write('{"edit": {"type": "SetCell", "tab')
    _header, edits = read_journal(journal.path)
    assert edits == EDITS[:2]


def test_journal_for_other_bytes_is_refused(source: Path) -> None:
    with Journal(journal_path_for(source), source) as journal:
        journal.append(EDITS[:1])
    book = load_workbook(source)
    apply(book, SetCell("contributions", 0, "amount", 1.0))
    save_workbook(book, source)
    with pytest.raises(JournalError, match="the file has changed"):
        replay(journal.path, load_workbook(source), source)


def test_edit_that_no_longer_applies_rolls_back(source: Path) -> None:
    with Journal(journal_path_for(source), source) as journal:
        journal.append([EDITS[0], DeleteRows("contributions", (999,))])
    book = load_workbook(source)
    before = book.table("contributions").records()
    with pytest.raises(JournalError, match="change 2 of 2 no longer applies"):
        replay(journal.path, book, source)
    assert book.table("contributions").records() == before


def test_discard_after_save(source: Path) -> None:
    journal = Journal(journal_path_for(source), source)
    journal.append(EDITS[:1])
    journal.discard()
    assert find_journal(source) is None


def test_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "x.journal"
    path.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(JournalError, match="not a corridor journal"):
        read_journal(path)
