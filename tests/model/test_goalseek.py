"""Goal seek on the sum of parts: one country's amount, or one percent on every country (issue 16)."""

from __future__ import annotations

import pytest

from corridor_app.model.edits import SetCell, SetCells, apply
from corridor_app.model.goalseek import GoalSeekError, goal_seek, goal_seek_edit, goal_seek_scenario
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.scenarios import ScenarioError, scenario_totals
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook
from tests.conftest import CORRIDOR


def test_kazakhstan_needs_5_43_to_reconcile_with_the_published_38_2(seed: Workbook) -> None:
    """Issue 16, done when: 6.32 - 0.89 = 5.43."""
    answer = goal_seek(seed, "kazakhstan")
    assert (answer.country, answer.current, answer.required, answer.change) == ("Kazakhstan", 6.32, 5.43, -0.89)
    assert answer.change_pct == pytest.approx(-0.89 / 6.32 * 100)
    assert (answer.total, answer.reachable, answer.nearest_total) == (38.2, True, None)
    edit = goal_seek_edit(seed, answer)
    assert edit == SetCell("contributions", 2, "amount", 5.43)
    inverse = apply(seed, edit)
    (rec,) = reconcile_totals(seed)
    assert (rec.sum_of_parts, rec.residual) == (38.2, 0.0)
    apply(seed, inverse)
    assert reconcile_totals(seed)[0].sum_of_parts == 39.09


def test_a_total_out_of_reach_says_so_with_the_nearest_reachable_total(seed: Workbook) -> None:
    answer = goal_seek(seed, "Kazakhstan", 20)
    assert (answer.reachable, answer.required, answer.nearest_total) == (False, pytest.approx(-12.77), 32.77)
    assert "cannot bring the sum of parts to 20.00 USD bn" in answer.describe()
    assert "nearest reachable total is 32.77" in answer.describe()
    with pytest.raises(GoalSeekError):
        goal_seek_edit(seed, answer)


def test_every_country_by_one_percent(seed: Workbook) -> None:
    answer = goal_seek(seed, "*", 50)
    assert answer.change_pct == pytest.approx((50 / 39.09 - 1) * 100)
    edit = goal_seek_edit(seed, answer)
    assert isinstance(edit, SetCells) and len(edit.cells) == 4
    apply(seed, edit)
    assert reconcile_totals(seed)[0].sum_of_parts == pytest.approx(50)
    assert not goal_seek(seed, "*", -5).reachable


def test_the_change_lands_in_the_rows_own_unit_and_several_rows_scale_alike() -> None:
    book = Workbook()
    book.table("contributions").append_many(
        [
            {"corridor": "C", "country": "A", "amount": 10, "unit": "USD bn"},
            {"corridor": "C", "country": "B", "amount": 2000, "unit": "USD mln"},
            {"corridor": "C", "country": "B", "amount": 1000, "unit": "USD mln"},
        ],
        [Origin("Contributions", r) for r in (2, 3, 4)],
    )
    book.table("totals").append_many([{"corridor": "C", "published_total": 14, "unit": "USD bn"}], [None])
    answer = goal_seek(book, "B")
    assert (answer.current, answer.required) == (3, 4)
    assert goal_seek_edit(book, answer) == SetCells(
        "contributions", ((1, "amount", pytest.approx(8000 / 3)), (2, "amount", pytest.approx(4000 / 3)))
    )
    book.table("contributions").delete([2])
    answer = goal_seek(book, "B")  # one row of 2,000 USD mln: it takes the 2 bn it lacks, in its own unit
    assert goal_seek_edit(book, answer) == SetCell("contributions", 1, "amount", 4000)


def test_saved_as_a_scenario_it_gives_the_total(seed: Workbook) -> None:
    apply(seed, goal_seek_scenario(seed, goal_seek(seed, "Kazakhstan"), "Reconciled"))
    apply(seed, goal_seek_scenario(seed, goal_seek(seed, "Iran"), "Iran by percent", percent=True))
    apply(seed, goal_seek_scenario(seed, goal_seek(seed, "*", 40), "All up"))
    _, reconciled, iran, everyone = scenario_totals(seed, CORRIDOR, ["Reconciled", "Iran by percent", "All up"])
    assert (reconciled.total, iran.total, everyone.total) == (38.2, pytest.approx(38.2), pytest.approx(40))
    assert reconciled.countries["Kazakhstan"] == 5.43
    with pytest.raises(ScenarioError, match="already"):
        goal_seek_scenario(seed, goal_seek(seed, "Iran"), "Reconciled")


def test_unknown_corridor_country_or_published_total(seed: Workbook) -> None:
    with pytest.raises(GoalSeekError, match=r"no country 'Peru'.*Russia"):
        goal_seek(seed, "Peru")
    with pytest.raises(GoalSeekError, match="no corridor named 'Middle'"):
        goal_seek(seed, "Iran", corridor="Middle")
    seed.table("totals").delete([0])
    with pytest.raises(GoalSeekError, match="no published total"):
        goal_seek(seed, "Iran")
    assert goal_seek(seed, "Iran", 40).required == pytest.approx(13.78)
