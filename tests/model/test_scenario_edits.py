"""Scenario actions are ordinary edits: applied, announced and undone like a cell edit (issue: scenarios)."""

from __future__ import annotations

import pytest

from corridor_app.model.edits import apply
from corridor_app.model.scenario_edits import (
    add_adjustment,
    delete_scenario,
    duplicate_scenario,
    new_scenario,
    remove_adjustment,
    rename_scenario,
)
from corridor_app.model.scenarios import ScenarioError, scenario_amounts, scenario_names
from corridor_app.model.workbook import Change, Workbook

ITC = "North-South ITC"


def book() -> Workbook:
    wb = Workbook()
    wb.table("contributions").append_many(
        [{"corridor": ITC, "country": "Russia", "amount": 13.2}, {"corridor": ITC, "country": "Iran", "amount": 12.87}],
        [None, None],
    )
    return wb


def test_create_add_rename_duplicate_delete_and_undo_all_of_it() -> None:
    wb = book()
    heard: list[Change] = []
    wb.subscribe(heard.append)
    undo = [apply(wb, new_scenario(wb, "sanctions"))]
    assert scenario_names(wb) == ["sanctions"]
    assert scenario_amounts(wb, "sanctions", ITC) == {"Russia": 13.2, "Iran": 12.87}
    undo.append(apply(wb, add_adjustment(wb, "sanctions", "Iran", "percent", -50)))
    assert scenario_amounts(wb, "sanctions", ITC)["Iran"] == pytest.approx(6.435)
    undo.append(apply(wb, duplicate_scenario(wb, "sanctions", "sanctions 2")))
    undo.append(apply(wb, rename_scenario(wb, "sanctions", "Iran halved")))
    assert scenario_names(wb) == ["Iran halved", "sanctions 2"]
    assert scenario_amounts(wb, "sanctions 2", ITC)["Iran"] == pytest.approx(6.435)
    undo.append(apply(wb, delete_scenario(wb, "Iran halved")))
    assert scenario_names(wb) == ["sanctions 2"]
    assert all(c.table == "scenarios" for c in heard) and len(heard) == 5
    for inverse in reversed(undo):
        apply(wb, inverse)
    assert scenario_names(wb) == []
    assert len(wb.table("scenarios")) == 0


def test_an_adjustment_lands_after_its_scenario_rows() -> None:
    wb = book()
    apply(wb, new_scenario(wb, "a"))
    apply(wb, new_scenario(wb, "b"))
    apply(wb, add_adjustment(wb, "a", "Iran", "add", 1.0))
    assert list(wb.table("scenarios").column("scenario")) == ["a", "a", "b"]


def test_removing_the_last_adjustment_keeps_the_scenario() -> None:
    wb = book()
    apply(wb, new_scenario(wb, "a"))
    apply(wb, add_adjustment(wb, "a", "Iran", "add", 1.0))
    apply(wb, remove_adjustment(wb, 1))
    assert len(wb.table("scenarios")) == 1
    undo = apply(wb, remove_adjustment(wb, 0))
    assert scenario_names(wb) == ["a"]
    assert wb.table("scenarios").value(0, "kind") == "none"
    assert wb.table("scenarios").value(0, "country") is None
    apply(wb, undo)
    assert wb.table("scenarios").value(0, "kind") == "none"


def test_names_must_be_new_and_not_blank() -> None:
    wb = book()
    apply(wb, new_scenario(wb, "a"))
    with pytest.raises(ScenarioError, match="already"):
        new_scenario(wb, "a")
    with pytest.raises(ScenarioError, match="needs a name"):
        rename_scenario(wb, "a", "  ")
    with pytest.raises(ScenarioError, match="no scenario named 'zz'"):
        delete_scenario(wb, "zz")
