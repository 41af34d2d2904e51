"""The edit history: named steps, undo/redo, groups all or none, the clean mark (issue 13)."""

from __future__ import annotations

import pytest

from corridor_app.model.edits import DeleteRows, SetCell, SetCells
from corridor_app.model.errors import ParseError
from corridor_app.session import Session
from corridor_app.session.history import HistoryEvent
from tests.session.conftest import row_of


def amount(session: Session, country: str) -> float:
    return float(session.frame("contributions").set_index("country").loc[country, "amount"])


def test_push_undo_redo_and_step_names(session: Session) -> None:
    iran = row_of(session, "Iran")
    session.submit(SetCell("contributions", iran, "amount", 11.0))
    assert amount(session, "Iran") == 11.0
    assert session.history.undo_name == "edit Iran amount"
    assert session.dirty
    assert session.undo()
    assert amount(session, "Iran") == 12.87
    assert session.history.redo_name == "edit Iran amount"
    assert not session.dirty
    assert session.redo()
    assert amount(session, "Iran") == 11.0


def test_refused_edit_records_nothing(session: Session) -> None:
    with pytest.raises(ParseError):
        session.submit(SetCell("contributions", 0, "amount", "a lot"))
    assert len(session.history) == 0 and session.history.is_clean


def test_group_is_one_step_and_all_or_none(session: Session) -> None:
    iran, russia = row_of(session, "Iran"), row_of(session, "Russia")
    session.submit_all(
        [SetCell("contributions", iran, "amount", 1.0), SetCell("contributions", russia, "amount", 2.0)], "two"
    )
    assert session.history.step_names() == ["two"]
    session.undo()
    assert (amount(session, "Iran"), amount(session, "Russia")) == (12.87, 13.2)
    with pytest.raises(IndexError):
        session.submit_all([SetCell("contributions", iran, "amount", 5.0), DeleteRows("contributions", (999,))], "bad")
    assert amount(session, "Iran") == 12.87  # the first edit of the failed group was undone
    assert session.history.step_names() == ["two"]


def test_group_announces_the_workbook_once(session: Session) -> None:
    heard = []
    session.workbook.subscribe(heard.append)
    session.submit_all(
        [SetCells("contributions", ((0, "amount", 1.0),)), SetCells("contributions", ((1, "amount", 2.0),))], "x"
    )
    assert len(heard) == 1 and heard[0].rows == (0, 1)


def test_events_name_the_edits_applied(session: Session) -> None:
    events: list[HistoryEvent] = []
    session.history.subscribe(events.append)
    edit = SetCell("contributions", 0, "amount", 1.0)
    session.submit(edit)
    session.undo()
    session.redo()
    assert [e.kind for e in events] == ["push", "undo", "redo"]
    assert events[0].applied == (edit,)
    assert isinstance(events[1].applied[0], SetCell) and events[1].applied[0].value == 13.2
    assert events[2].applied == (edit,)


def test_clean_mark_follows_undo_and_is_lost_when_overwritten(session: Session) -> None:
    session.submit(SetCell("contributions", 0, "amount", 1.0))
    session.history.mark_clean()
    session.undo()
    assert session.dirty
    session.redo()
    assert not session.dirty
    session.undo()
    session.submit(SetCell("contributions", 0, "amount", 2.0))  # the saved state can no longer be reached
    session.undo()
    assert session.dirty


def test_every_edit_and_undo_is_in_the_change_log(session: Session) -> None:
    before = len(session.workbook.change_log)
    session.submit(SetCell("contributions", 0, "amount", 1.0))
    session.undo()
    actions = [e.action for e in session.workbook.change_log[before:]]
    assert actions == ["edit", "undo"]


def test_clearing_a_required_cell_is_refused_but_undo_may_blank_one(session: Session) -> None:
    """Issue 13: validation in the schema; a user clearing Country is refused, undoing a typed Country is not."""
    from corridor_app.model.edits import InsertRows

    with pytest.raises(ParseError, match="Country is required"):
        session.submit(SetCell("contributions", 0, "country", None))
    session.submit(InsertRows("contributions", (0,), ((("amount", 1.0),),)))
    session.submit(SetCell("contributions", 0, "country", "Azerbaijan"))
    assert session.undo()  # the inverse blanks Country again: allowed
    assert session.workbook.table("contributions").value(0, "country") is None
