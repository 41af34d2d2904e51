"""Target pacing: progress from a baseline and the yearly pace needed (issue: scenarios, part 5)."""

from __future__ import annotations

import pytest

from corridor_app.model.pacing import target_pacing
from corridor_app.model.workbook import Workbook


def targets(*rows: dict[str, object]) -> Workbook:
    wb = Workbook()
    wb.table("targets").append_many([dict(r) for r in rows], [None] * len(rows))  # type: ignore[misc]
    return wb


def test_fdi_150_bn_over_2023_2029_is_21_43_a_year() -> None:
    wb = targets({"target": "FDI", "value": 150, "unit": "USD bn", "target_year": 2029})
    (pace,) = target_pacing(wb, 2023)
    assert pace.years == 7
    assert pace.pace == pytest.approx(21.428571, abs=1e-6)
    assert pace.progress is None
    assert pace.status == "in progress"


def test_with_a_baseline_pace_counts_from_the_baseline_year() -> None:
    wb = targets({"target": "National Fund", "value": 100, "baseline": 61, "baseline_year": 2023, "target_year": 2029})
    (pace,) = target_pacing(wb, 2025)
    assert pace.progress == pytest.approx(0.61)
    assert pace.remaining == pytest.approx(39)
    assert pace.pace == pytest.approx(6.5)
    assert pace.years == 6


def test_met_past_due_percent_and_incomplete_rows() -> None:
    wb = targets(
        {"target": "met", "value": 24, "baseline": 28, "baseline_year": 2022, "target_year": 2023},
        {"target": "late", "value": 10, "baseline": 6, "baseline_year": 2024, "target_year": 2024},
        {"target": "late, no baseline", "value": 10, "target_year": 2022},
        {"target": "coverage", "value": 100, "unit": "%", "target_year": 2029},
        {"target": "no year", "value": 5},
    )
    met, late, late2, coverage = target_pacing(wb, 2025)
    assert (met.status, met.pace, met.progress) == ("met", None, pytest.approx(28 / 24))
    assert (late.status, late.pace) == ("past due", None)
    assert (late2.status, late2.pace) == ("past due", None)
    assert (coverage.status, coverage.pace) == ("no pace", None)
