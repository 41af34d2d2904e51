"""Target pacing and the scenario comparison: the numbers both the screen and the report show."""

from __future__ import annotations

import pytest

from corridor_app.model.comparison import CURRENT, compare_scenarios
from corridor_app.model.pacing import pace
from corridor_app.model.reconcile import reconcile_totals

from ..io.report_support import seed_workbook


def test_pace_needed_to_reach_target() -> None:
    gap, progress, years, per_year, growth, status = pace(100, 61, 2023, 2029)
    assert gap == 39 and years == 6
    assert progress == pytest.approx(61.0)
    assert per_year == pytest.approx(6.5)
    assert (1 + growth / 100) ** 6 * 61 == pytest.approx(100)  # compounding reaches the target
    assert status == "to reach"


def test_gap_is_rounded_like_reconcile() -> None:
    assert pace(21, 18.4, 2026, 2029)[0] == 2.6


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ((None, 5, 2020, 2025), "no target value"),
        ((10, None, 2020, 2025), "no baseline"),
        ((10, 5, None, 2025), "no baseline year"),
        ((10, 5, 2020, None), "no target year"),
        ((10, 5, 2025, 2025), "target year not after baseline year"),
        ((24, 28, 2022, 2023), "reached at baseline"),
    ],
)
def test_pace_says_why_a_figure_is_missing(args: tuple, status: str) -> None:
    assert pace(*args)[-1] == status


def test_no_compound_rate_through_zero() -> None:
    assert pace(10, 0, 2020, 2025)[4] is None


def test_comparison_keeps_unmentioned_countries_and_adds_new_ones() -> None:
    rec = reconcile_totals(seed_workbook())[0]
    comparison = compare_scenarios(rec, {"Iran delays": {"Iran": 8.0}, "India joins": {"India": 2.5}})
    assert comparison.countries == ("Russia", "Iran", "all other states", "Kazakhstan", "India")
    assert comparison.amounts[CURRENT][-1] == 0.0
    assert comparison.sums["Iran delays"] == pytest.approx(39.09 - 12.87 + 8.0)
    assert comparison.sums["India joins"] == pytest.approx(41.59)
    assert comparison.residual("Iran delays") == pytest.approx(34.22 - 38.2)
    assert comparison.deltas("India joins") == (0.0, 0.0, 0.0, 0.0, 2.5)


def test_scenario_cannot_take_the_current_column_name() -> None:
    rec = reconcile_totals(seed_workbook())[0]
    with pytest.raises(ValueError, match="Current values"):
        compare_scenarios(rec, {CURRENT: {"Iran": 1.0}})
