"""Target pacing and the scenario comparison: the numbers both the screen and the report show."""

from __future__ import annotations

import pytest

from corridor_app.model.comparison import CURRENT, compare_scenarios
from corridor_app.model.pacing import DEFAULT_START_YEAR, TargetPace, target_pacing
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.workbook import Workbook

from ..io.report_support import seed_workbook


def _pace_of(value: float, baseline: float | None, base_year: int | None, year: int) -> TargetPace:
    book = Workbook()
    record = {"target": "t", "value": value, "baseline": baseline, "baseline_year": base_year, "target_year": year}
    book.table("targets").append_many([record], [None])
    (result,) = target_pacing(book, DEFAULT_START_YEAR)
    return result


def test_pace_needed_to_reach_target_and_its_compound_rate() -> None:
    p = _pace_of(100, 61, 2023, 2029)
    assert p.remaining == 39 and p.years == 6 and p.status == "in progress"
    assert p.progress_pct == pytest.approx(61.0)
    assert p.pace == pytest.approx(6.5)
    assert p.growth_pct_per_year is not None
    assert (1 + p.growth_pct_per_year / 100) ** 6 * 61 == pytest.approx(100)  # compounding reaches the target


def test_remaining_is_rounded_like_reconcile() -> None:
    assert _pace_of(21, 18.4, 2026, 2029).remaining == 2.6


def test_no_compound_rate_through_zero_or_once_met() -> None:
    assert _pace_of(10, 0, 2022, 2025).growth_pct_per_year is None
    met = _pace_of(24, 28, 2022, 2023)
    assert met.status == "met" and met.growth_pct_per_year is None


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
