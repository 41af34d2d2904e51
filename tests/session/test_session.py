"""The Session: view state with one owner, the open file's policy, the scripting face (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corridor_app
from corridor_app.io.errors import SaveError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.errors import ParseError
from corridor_app.model.money import Display
from corridor_app.session import OpenFile, SavePolicy, Session, policy_for
from corridor_app.session.view_state import ViewState
from tests.session.conftest import BUNDLED, row_of


def test_view_state_announces_changes_once_per_batch() -> None:
    state = ViewState()
    heard: list[tuple[str, object]] = []
    state.subscribe("corridor", lambda v: heard.append(("corridor", v)))
    state.subscribe("display", lambda v: heard.append(("display", v)))
    state.corridor = "A"
    state.corridor = "A"  # unchanged: no announcement
    with state.batch():
        state.corridor = "B"
        state.corridor = "C"
        state.display = Display.parse("EUR mln")
    assert heard == [("corridor", "A"), ("corridor", "C"), ("display", Display.parse("EUR mln"))]
    with pytest.raises(AttributeError):
        state.subscribe("no such thing", print)


def test_session_starts_on_the_first_corridor_and_keeps_it_across_a_reload(session: Session, book_path: Path) -> None:
    assert session.view.corridor == session.corridors()[0]
    heard: list[str] = []
    session.subscribe(heard.append)
    session.view.scenario = session.scenario_names()[0]
    session.replace(load_workbook(book_path), OpenFile(str(book_path), SavePolicy.IN_PLACE))
    assert heard == ["workbook"]
    assert session.view.corridor == session.corridors()[0]
    assert session.view.scenario == session.scenario_names()[0]
    assert len(session.history) == 0


def test_new_rows_start_in_the_current_corridor(session: Session) -> None:
    assert session.defaults_for("contributions") == {"corridor": session.view.corridor, "unit": "USD bn"}
    assert session.defaults_for("fx") == {}


def test_policies() -> None:
    assert policy_for("a.xlsx") is SavePolicy.IN_PLACE
    assert policy_for("a.csv") is SavePolicy.NEW_FILE
    assert policy_for("a.xlsx", template=True) is SavePolicy.TEMPLATE
    assert not OpenFile("a.xlsx", SavePolicy.TEMPLATE).journalled


def test_open_gives_the_seed_figures_and_a_frame_edit_is_one_undo(tmp_path: Path) -> None:
    """Issue 13's "done when": open, read a DataFrame, set Iran from a DataFrame, one undo."""
    s = corridor_app.open(BUNDLED)
    assert s.file.policy is SavePolicy.TEMPLATE
    frame = s.frame("contributions")
    assert dict(zip(frame["country"], frame["amount"], strict=True)) == {
        "Russia": 13.2,
        "Iran": 12.87,
        "Kazakhstan": 6.32,
        "all other states": 6.7,
    }
    assert round(s.reconciliation().residual or 0, 2) == 0.89
    frame.loc[frame["country"] == "Iran", "amount"] = 12.0
    s.set_frame("contributions", frame)
    assert round(s.reconciliation().sum_of_parts, 2) == 38.22
    assert s.history.step_names() == ["set Contributions from a DataFrame"]
    s.undo()
    assert round(s.reconciliation().sum_of_parts, 2) == 39.09


def test_frame_cells_are_checked_like_a_paste(session: Session) -> None:
    frame = session.frame("contributions")
    frame["amount"] = frame["amount"].astype(object)
    frame.loc[row_of(session, "Iran"), "amount"] = "12,5"  # a decimal comma, as pasted from Excel
    session.set_frame("contributions", frame)
    assert session.frame("contributions").loc[row_of(session, "Iran"), "amount"] == 12.5
    frame.loc[row_of(session, "Russia"), "amount"] = "lots"
    with pytest.raises(ParseError, match=r"row 1, Amount"):
        session.set_frame("contributions", frame)
    assert session.frame("contributions").loc[row_of(session, "Russia"), "amount"] == 13.2


def test_frame_with_headers_adds_and_removes_rows(session: Session) -> None:
    frame = session.frame("contributions").rename(columns={"country": "Country", "amount": "Amount"})
    grown = pd.concat([frame, frame.iloc[[0]].assign(Country="Azerbaijan", Amount=0.5)], ignore_index=True)
    session.set_frame("contributions", grown)
    assert "Azerbaijan" in set(session.frame("contributions")["country"])
    session.set_frame("contributions", grown.iloc[:2])
    assert len(session.frame("contributions")) == 2
    session.undo()
    session.undo()
    assert len(session.frame("contributions")) == len(frame)
    with pytest.raises(ParseError, match="no column 'Colour'"):
        session.set_frame("contributions", frame.assign(Colour="red"))


def test_scenarios_are_one_call(session: Session) -> None:
    columns = session.scenarios()
    assert columns[0].name == "Baseline" and len(columns) == 1 + len(session.scenario_names())


def test_save_in_place_and_as(session: Session, tmp_path: Path) -> None:
    session.submit_all([], "nothing")
    iran = row_of(session, "Iran")
    from corridor_app.model.edits import SetCell

    session.submit(SetCell("contributions", iran, "amount", 12.0))
    session.save()
    assert not session.dirty
    assert load_workbook(session.file.path or "").table("contributions").value(iran, "amount") == 12.0
    copy = tmp_path / "copy.xlsx"
    session.save(copy)
    assert session.file.path == str(copy) and session.file.policy is SavePolicy.IN_PLACE


def test_template_is_not_saved_over() -> None:
    s = Session(load_workbook(BUNDLED), OpenFile(str(BUNDLED), SavePolicy.TEMPLATE))
    with pytest.raises(SaveError, match="give a new path"):
        s.save()
