"""Tools > Goal Seek: the answer, applied as one undo step or saved as a scenario (issue 16)."""

from __future__ import annotations

import pytest

from corridor_app.model.edits import SetCell, apply
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.scenarios import scenario_names, scenario_totals
from corridor_app.model.workbook import Workbook
from corridor_app.session.history import History
from corridor_app.ui.goal_seek_dialog import EVERY_COUNTRY, GoalSeekDialog

CORRIDOR = "North-South ITC"


@pytest.fixture
def stack(workbook: Workbook) -> History:
    return History(workbook)


@pytest.fixture
def dialog(qtbot, workbook: Workbook, stack: History):  # type: ignore[no-untyped-def]
    dlg = GoalSeekDialog(workbook, CORRIDOR, stack.push)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _sum(workbook: Workbook) -> float:
    return reconcile_totals(workbook)[0].sum_of_parts


def test_kazakhstan_reconciles_at_5_43_in_one_undo_step(dialog: GoalSeekDialog, workbook: Workbook, stack) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, done when: the answer applied in the window is one undo step."""
    dialog.country_box.setCurrentIndex(dialog.country_box.findData("Kazakhstan"))
    assert "Kazakhstan needs 5.43 USD bn instead of 6.32 (-0.89, -14.08 %)" in dialog.result.text()
    assert "38.20" in dialog.reconcile.text()
    dialog.apply_button.click()
    assert len(stack) == 1
    assert _sum(workbook) == 38.2
    # The dialog follows the workbook: the answer is now "no change".
    assert dialog.answer is not None and dialog.answer.change == 0
    stack.undo()
    assert _sum(workbook) == 39.09
    assert dialog.answer is not None and dialog.answer.required == 5.43


def test_an_edit_elsewhere_moves_the_answer(dialog: GoalSeekDialog, workbook: Workbook) -> None:
    dialog.country_box.setCurrentIndex(dialog.country_box.findData("Kazakhstan"))
    contributions = workbook.table("contributions")
    russia = next(r for r in range(len(contributions)) if contributions.value(r, "country") == "Russia")
    apply(workbook, SetCell("contributions", russia, "amount", 14.0))
    assert dialog.answer is not None and dialog.answer.required == pytest.approx(5.43 - 0.8)


def test_an_unreachable_total_is_said_plainly_and_cannot_be_applied(dialog: GoalSeekDialog) -> None:
    dialog.country_box.setCurrentIndex(dialog.country_box.findData("Iran"))
    dialog.to_total.setChecked(True)
    dialog.total.setValue(10)
    assert "cannot bring the sum of parts to 10.00 USD bn" in dialog.result.text()
    assert "nearest reachable total is 26.22" in dialog.result.text()
    assert not dialog.apply_button.isEnabled() and not dialog.save_button.isEnabled()


def test_every_country_saved_as_a_scenario(dialog: GoalSeekDialog, workbook: Workbook, stack) -> None:  # type: ignore[no-untyped-def]
    dialog.country_box.setCurrentText(EVERY_COUNTRY)
    dialog.to_total.setChecked(True)
    dialog.total.setValue(40)
    assert "every country changed by +2.328 %" in dialog.result.text()
    name = dialog.scenario_name.text()
    assert name == "Goal seek: every country to 40.00"
    dialog.save_button.click()
    assert len(stack) == 1 and name in scenario_names(workbook)
    assert scenario_totals(workbook, CORRIDOR, [name])[1].total == pytest.approx(40)
    assert _sum(workbook) == 39.09  # the figures themselves are unchanged
    assert dialog.scenario_name.text() == "Goal seek: every country to 40.00 (2)"
    stack.undo()
    assert name not in scenario_names(workbook)


def test_tools_goal_seek_in_the_window_is_one_undo_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 through the real menu action: Kazakhstan 5.43 applied, the strip reconciles, one undo restores."""
    window.goal_seek_action.trigger()
    dialog = window.findChild(GoalSeekDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.country_box.setCurrentIndex(dialog.country_box.findData("Kazakhstan"))
    dialog.apply_button.click()
    assert window.session.history.step_names()[-1:] and len(window.session.history) == 1
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(38.2)
    window.undo_action.trigger()
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09)
