"""Target pacing and the scenario comparison: the numbers both the screen and the report show."""

from __future__ import annotations

import pytest

from corridor_app.model.pacing import DEFAULT_START_YEAR, TargetPace, target_pacing
from corridor_app.model.scenarios import BASELINE, scenario_totals
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


def _with_scenarios() -> Workbook:
    book = seed_workbook()
    rows = [
        {"scenario": "Iran delays", "country": "Iran", "kind": "override", "value": 8.0},
        {"scenario": "India joins", "country": "India", "kind": "add", "value": 2.5, "corridor": "North-South ITC"},
        {"scenario": "Without Kazakhstan", "country": "Kazakhstan", "kind": "exclude"},
    ]
    book.table("scenarios").append_many(rows, [None] * len(rows))  # type: ignore[arg-type]
    return book


def test_one_comparison_keeps_unmentioned_countries_and_adds_new_ones() -> None:  # issue 13 item 3
    base, delays, joins, _without = scenario_totals(_with_scenarios(), "North-South ITC")
    assert base.name == BASELINE == "Baseline" and base.baseline
    assert list(base.countries) == ["Russia", "Iran", "Kazakhstan", "all other states", "India"]
    assert base.countries["India"] is None  # not in the baseline: absent, not a zero contribution
    assert delays.total == pytest.approx(39.09 - 12.87 + 8.0)
    assert joins.total == pytest.approx(41.59)
    assert delays.residual == pytest.approx(34.22 - 38.2)
    assert joins.country_delta["India"] == pytest.approx(2.5)
    assert joins.country_delta["Iran"] == 0.0


def test_an_excluded_country_is_none_never_zero() -> None:  # issue 13 item 3
    *_, without = scenario_totals(_with_scenarios(), "North-South ITC")
    assert without.countries["Kazakhstan"] is None
    assert without.total == pytest.approx(39.09 - 6.32)
    assert without.country_delta["Kazakhstan"] == pytest.approx(-6.32)  # its money leaves the total
