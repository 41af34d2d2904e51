"""Targets over time: the verdict per target from its yearly figures (issue 16)."""

from __future__ import annotations

import pytest

from corridor_app.model.progress import Observation, judge, sorted_by_status, target_progress, yearly_rows
from corridor_app.model.table import Origin
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook


def obs(*pairs: tuple[int, float]) -> list[Observation]:
    return [Observation(y, v) for y, v in pairs]


def test_level_target_from_59_to_60_is_reached_in_2023() -> None:
    """Issue 16, done when: baseline 59 % (2022), goal 60 % by 2029, figures 60, 62.4, 63.8 -> reached."""
    v = judge(60, 2029, obs((2023, 60), (2024, 62.4), (2025, 63.8)), baseline=59, baseline_year=2022)
    assert v.status == "reached"
    assert v.reach_year == 2023
    # Least squares through (2022, 59), (2023, 60), (2024, 62.4), (2025, 63.8): 1.68 a year.
    assert v.pace == pytest.approx(1.68)
    assert v.projected == pytest.approx(70.54)
    assert v.required_pace == pytest.approx(1 / 7)
    assert v.required == ((2022, 59), (2029, 60))
    assert v.actual == ((2023, 60), (2024, 62.4), (2025, 63.8))
    assert v.projection == ((2025, pytest.approx(63.82)), (2029, pytest.approx(70.54)))


def test_cumulative_150_by_2029_with_flows_24_18_20_is_behind_until_2030() -> None:
    """Issue 16, done when: 150 by 2029 counted from 2023, flows 24, 18, 20 -> behind, reached after 2029."""
    v = judge(150, 2029, obs((2023, 24), (2024, 18), (2025, 20)), measure="cumulative", start_year=2023)
    assert v.status == "behind"
    assert v.actual == ((2023, 24), (2024, 42), (2025, 62))
    assert v.pace == pytest.approx(62 / 3)  # 20.67 a year, the mean flow
    assert v.projected == pytest.approx(62 + 4 * 62 / 3)  # 144.67 by 2029
    assert v.reach_year == 2030
    assert v.required_pace == pytest.approx(150 / 7)  # 21.43 a year
    assert v.required_at(2025) == pytest.approx(3 * 150 / 7)
    assert v.gap == pytest.approx(62 - 3 * 150 / 7)


def test_cumulative_on_track_and_reached() -> None:
    on = judge(150, 2029, obs((2023, 30), (2024, 25)), measure="cumulative", start_year=2023)
    assert (on.status, on.projected, on.reach_year) == ("on track", pytest.approx(55 + 5 * 27.5), 2028)
    done = judge(50, 2029, obs((2023, 30), (2024, 25)), measure="cumulative", start_year=2023)
    assert (done.status, done.reach_year) == ("reached", 2024)


def test_cumulative_counts_from_the_year_after_the_baseline_year_and_adds_the_baseline() -> None:
    v = judge(100, 2026, obs((2022, 99), (2023, 10), (2024, 10)), measure="cumulative", baseline=40, baseline_year=2022)
    assert v.actual == ((2023, 50), (2024, 60))  # 2022 is the baseline's year: not a flow counted
    assert v.required == ((2022, 40), (2026, 100))
    assert (v.status, v.projected, v.reach_year) == ("behind", pytest.approx(80), 2028)


def test_level_on_track_behind_and_a_floor_below_the_baseline() -> None:
    on = judge(20, 2030, obs((2025, 9), (2026, 12)), baseline=6, baseline_year=2024)
    assert on.status == "on track"
    assert on.pace == pytest.approx(3)
    assert on.reach_year == 2029  # 6 + 3 * (y - 2024) reaches 20 at 2028.67
    slow = judge(20, 2030, obs((2025, 6.5), (2026, 7)), baseline=6, baseline_year=2024)
    assert slow.status == "behind"
    assert slow.reach_year is not None and slow.reach_year > 2030
    # "At least USD 24 bn" after 28: a floor (as the pacing reads it), met by 25, missed by 15.
    assert judge(24, 2023, obs((2023, 25)), baseline=28, baseline_year=2022).status == "reached"
    assert judge(24, 2023, obs((2023, 15)), baseline=28, baseline_year=2022).status == "behind"
    flat = judge(20, 2030, obs((2025, 6), (2026, 5)), baseline=6, baseline_year=2024)
    assert (flat.status, flat.reach_year) == ("behind", None)


def test_no_data_and_one_figure() -> None:
    assert judge(60, 2029, []).status == "no data"
    one = judge(60, 2029, obs((2024, 40)))
    assert (one.status, one.pace) == ("no data", None)
    # One figure in the baseline's own year draws no line: the required path judges it.
    assert judge(60, 2029, obs((2024, 59)), baseline=59, baseline_year=2024).status == "on track"
    assert judge(60, 2029, obs((2024, 58)), baseline=59, baseline_year=2024).status == "behind"


def test_a_figure_in_the_target_year_short_of_the_goal_is_behind() -> None:
    v = judge(60, 2025, obs((2024, 50), (2025, 59)), baseline=40, baseline_year=2023)
    assert v.status == "behind"


def _workbook() -> Workbook:
    wb = Workbook()
    wb.table("targets").append_many(
        [
            {
                "country": "Kazakhstan",
                "target": "Gasification",
                "value": 60,
                "unit": "%",
                "baseline": 59,
                "baseline_year": 2022,
                "target_year": 2029,
            },
            {
                "country": "Kazakhstan",
                "target": "FDI, cumulative",
                "value": 150,
                "unit": "USD bn",
                "target_year": 2029,
                "measure": "cumulative",
            },
            {"country": "Kazakhstan", "target": "Railway repaired", "value": 11000, "unit": "km", "target_year": 2029},
        ],
        [Origin("Targets", r) for r in (2, 3, 4)],
    )
    rows = [
        ("gasification", None, 2023, 60, "%"),
        ("GASIFICATION", "kazakhstan", 2024, 62.4, ""),
        ("Gasification", None, 2025, 63.8, "%"),
        ("FDI, cumulative", None, 2023, 24000, "USD mln"),
        ("FDI, cumulative", None, 2024, 18, "USD bn"),
        ("FDI, cumulative", None, 2025, 20, "km"),
        ("FDI cumulative", None, 2025, 20, None),
        ("Literacy", None, 2024, 99, "%"),
        ("Gasification", "Uzbekistan", 2024, 40, "%"),
        ("Gasification", None, 2025, 63.8, "%"),
    ]
    wb.table("progress").append_many(
        [{"target": t, "country": c, "year": y, "value": v, "unit": u, "source": "s"} for t, c, y, v, u in rows],
        [Origin("Progress", r) for r in range(2, 2 + len(rows))],
    )
    return wb


def test_figures_match_targets_by_name_and_convert_their_scale() -> None:
    gas, fdi, rail = target_progress(_workbook())
    assert [(o.year, o.value) for o in gas.observations] == [(2023, 60), (2024, 62.4), (2025, 63.8)]
    assert gas.status == "reached"
    assert fdi.actual == ((2023, 24), (2024, 42), (2025, 62))  # 24,000 USD mln, and the km row left out
    assert (fdi.measure, fdi.status, fdi.reach_year) == ("cumulative", "behind", 2030)
    assert (rail.status, rail.label) == ("no data", "Kazakhstan: Railway repaired")
    assert [v.target for v in sorted_by_status([gas, fdi, rail])] == [
        "FDI, cumulative",
        "Gasification",
        "Railway repaired",
    ]


def test_unmatched_names_units_and_repeated_years_are_warnings_at_their_cells() -> None:
    found = [p for p in validate(_workbook()) if p.sheet == "Progress"]
    messages = {(p.row, p.column): p.message for p in found}
    assert "unit 'km' is not the unit 'USD bn'" in messages[(7, "Unit")]
    assert "no target named 'Literacy'" in messages[(9, "Target")]
    assert "for Uzbekistan" in messages[(10, "Target")]
    assert "already (row 4)" in messages[(11, "Year")]
    assert len(found) == 4


def test_yearly_rows_for_a_report_chart() -> None:
    v = judge(150, 2029, obs((2023, 24), (2024, 18), (2025, 20)), measure="cumulative", start_year=2023)
    rows = yearly_rows(v)
    assert [r[0] for r in rows] == list(range(2022, 2030))
    assert rows[0] == (2022, None, 0, None)
    assert rows[3] == (2025, 62, pytest.approx(3 * 150 / 7), 62)
    assert rows[-1] == (2029, None, 150, pytest.approx(144.666666667))
    assert yearly_rows(judge(60, 2029, [])) == []
