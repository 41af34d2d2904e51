"""The journal follows the history; recovery replays through it, all or none (issue 13, without Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.safety.journal import JournalError, find_journal
from corridor_app.model.edits import DeleteRows, SetCell
from corridor_app.session import OpenFile, Session, policy_for
from corridor_app.session.safety import JournalRecorder, pending_recovery, replay
from tests.session.conftest import row_of


def reopened(path: Path) -> Session:
    return Session(load_workbook(path), OpenFile(str(path), policy_for(str(path))))


def test_crash_then_recover_gives_the_same_workbook_with_undo(session: Session, book_path: Path) -> None:
    recorder = JournalRecorder(session)
    iran = row_of(session, "Iran")
    session.submit(SetCell("contributions", iran, "amount", 11.0))
    session.submit(SetCell("contributions", 0, "note", "revised"))
    session.undo()  # journalled as its inverse
    session.submit(DeleteRows("contributions", (3,)))
    recorder.journal.close() if recorder.journal else None  # the process "dies": nothing saved
    pending = pending_recovery(str(book_path))
    assert pending is not None and pending.header is not None and len(pending.edits) == 4
    fresh = reopened(book_path)
    assert replay(fresh.history, pending.edits, str(book_path), pending.header) == 4
    for key in session.workbook.tables:
        assert fresh.workbook.table(key).records() == session.workbook.table(key).records()
    assert fresh.history.can_undo  # the recovered edits stay undoable
    fresh.history.set_index(0)
    assert fresh.workbook.table("contributions").value(iran, "amount") == 12.87


def test_recovery_that_no_longer_applies_changes_nothing(session: Session, book_path: Path) -> None:
    fresh = reopened(book_path)
    before = fresh.workbook.table("contributions").records()
    log = len(fresh.workbook.change_log)
    with pytest.raises(JournalError, match="change 2 of 2"):
        replay(fresh.history, [SetCell("contributions", 0, "amount", 1.0), DeleteRows("contributions", (999,))])
    assert fresh.workbook.table("contributions").records() == before
    assert len(fresh.history) == 0 and len(fresh.workbook.change_log) == log


def test_save_discards_the_journal_and_a_template_is_not_journalled(session: Session, book_path: Path) -> None:
    recorder = JournalRecorder(session)
    session.submit(SetCell("contributions", 0, "amount", 1.0))
    assert find_journal(str(book_path)) is not None
    session.save()
    recorder.close(discard=True)
    assert find_journal(str(book_path)) is None


def test_unwritable_journal_turns_off_once(session: Session, book_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corridor_app.session.safety as safety

    def broken(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safety, "Journal", broken)
    heard: list[OSError] = []
    JournalRecorder(session, heard.append)
    session.submit(SetCell("contributions", 0, "amount", 1.0))
    session.submit(SetCell("contributions", 0, "amount", 2.0))
    assert len(heard) == 1
