"""Ranges through the arithmetic: sums, residual, the range verdict, scenarios, FX (issue 18)."""

from __future__ import annotations

import math

import pytest

from corridor_app.model.corridors import corridor_comparison
from corridor_app.model.edits import SetCell, SetCells, apply
from corridor_app.model.money import Display
from corridor_app.model.projects import project_aggregates
from corridor_app.model.reconcile import reconcile_totals, reconciliation_problems
from corridor_app.model.scenarios import scenario_totals, sensitivity
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

ROWS = {"Russia": 0, "Iran": 1, "Kazakhstan": 2, "all other states": 3}


def _published_over_38(book: Workbook) -> None:
    apply(book, SetCells("totals", ((0, "published_total", 38.0), (0, "low", 38.0), (0, "high", None))))


def test_published_over_38_is_consistent_but_38_2_alone_is_not(seed: Workbook) -> None:
    """Issue 18, "Done when": sum of parts 39.09, published "более 38" -> consistent; "38.2" alone -> not."""
    (rec,) = reconcile_totals(seed)
    assert rec.sum_of_parts == 39.09 and rec.published_total == 38.2
    assert rec.consistent_within_ranges is False
    assert rec.range_verdict == "outside the ranges"
    _published_over_38(seed)
    (rec,) = reconcile_totals(seed)
    assert (rec.sum_of_parts, rec.published_low, rec.published_high) == (39.09, 38.0, None)
    assert rec.published_interval == (38.0, math.inf)
    assert rec.consistent_within_ranges is True
    assert rec.flagged  # the tolerance verdict stays what it was: +1.09 is +2.9 %
    assert rec.residual_range == (None, 1.09)


def test_sum_of_parts_range_counts_a_missing_bound_as_the_point(seed: Workbook) -> None:
    apply(seed, SetCells("contributions", ((0, "low", 12.0), (0, "high", 14.0), (1, "low", 12.5))))
    (rec,) = reconcile_totals(seed)
    assert rec.ranges["Russia"] == (12.0, 14.0)
    assert rec.ranges["Iran"] == (12.5, 12.87)
    assert rec.ranges["Kazakhstan"] == (6.32, 6.32)
    assert rec.parts_interval == (37.52, 39.89)
    assert rec.sum_of_parts == 39.09  # the point sum does not move
    assert rec.consistent_within_ranges is True  # 38.2 lies in 37.52..39.89
    assert rec.residual_range == (round(37.52 - 38.2, 9), round(39.89 - 38.2, 9))


def test_an_edited_bound_is_seen_at_once(seed: Workbook) -> None:
    assert reconcile_totals(seed)[0].consistent_within_ranges is False
    apply(seed, SetCell("contributions", 0, "low", 12.0))
    assert reconcile_totals(seed)[0].consistent_within_ranges is True


def test_flagged_residual_says_what_the_ranges_say(seed: Workbook) -> None:
    recs = reconcile_totals(seed)
    (plain,) = [p.message for p in reconciliation_problems(seed, recs) if "differs" in p.message]
    assert "range" not in plain  # no figure states a range: the message is as before
    _published_over_38(seed)
    recs = reconcile_totals(seed)
    (note,) = [p.message for p in reconciliation_problems(seed, recs) if "differs" in p.message]
    assert note.endswith("; consistent within the stated ranges (parts 39.09)")


def _scenario(book: Workbook, rows: list[dict[str, object]]) -> None:
    book.table("scenarios").append_many(rows, [None] * len(rows))  # type: ignore[arg-type]


def test_scenarios_carry_ranges(seed: Workbook) -> None:
    apply(seed, SetCells("contributions", ((0, "low", 12.0), (0, "high", 14.0), (1, "low", 12.0), (1, "high", 13.0))))
    _scenario(
        seed,
        [
            {"scenario": "cut", "country": "Russia", "kind": "percent", "value": -50.0},
            {"scenario": "cut", "country": "Iran", "kind": "override", "value": 10.0},
            {"scenario": "cut", "country": "Kazakhstan", "kind": "add", "value": 1.0},
            {"scenario": "cut", "country": "all other states", "kind": "exclude"},
        ],
    )
    base, cut = scenario_totals(seed, "North-South ITC")
    assert base.ranges["Russia"] == (12.0, 14.0)
    assert cut.ranges == {
        "Russia": (6.0, 7.0),
        "Iran": (10.0, 10.0),
        "Kazakhstan": (7.32, 7.32),
        "all other states": None,
    }
    assert (cut.total_low, cut.total_high) == (23.32, 24.32)
    assert cut.consistent_within_ranges is False


def test_tornado_uses_each_countrys_own_range(seed: Workbook) -> None:
    apply(seed, SetCells("contributions", ((1, "low", 12.0), (1, "high", 13.5))))
    tornado = sensitivity(seed, "North-South ITC", 10.0, own_ranges=True)
    bars = {b.country: (b.low_total, b.high_total) for b in tornado.bars}
    assert bars["Iran"] == (round(39.09 - 0.87, 9), round(39.09 + 0.63, 9))
    assert bars["Russia"] == (39.09, 39.09)  # stated as a point: it does not move
    assert tornado.bars[0].country == "Iran" and tornado.own_ranges
    uniform = sensitivity(seed, "North-South ITC", 10.0)
    assert {b.country: b.swing for b in uniform.bars}["Russia"] == pytest.approx(2.64)


def test_conversion_keeps_the_bounds(seed: Workbook) -> None:
    seed.table("fx").append_many([{"currency": "EUR", "units_per_usd": 0.5, "as_of": "2023-12-29"}], [Origin("FX", 2)])
    _published_over_38(seed)
    apply(seed, SetCells("contributions", ((0, "low", 12.0), (0, "high", 14.0))))
    (column,) = corridor_comparison(seed, Display("EUR", "bn")).columns
    assert (column.sum_of_parts_low, column.sum_of_parts_high) == (18.945, 19.945)
    assert (column.published_low, column.published_high) == (19.0, None)


def test_project_cost_range_is_converted_with_its_cost() -> None:
    book = Workbook()
    book.table("fx").append_many([{"currency": "RUB", "units_per_usd": 100.0}], [Origin("FX", 2)])
    book.table("projects").append_many(
        [
            {
                "project": "Volga-Caspian canal",
                "cost": 4080.0,
                "cost_low": 4080.0,
                "cost_high": 4160.0,
                "currency": "RUB",
                "cost_unit": "million",
            }
        ],
        [Origin("Projects", 2)],
    )
    (item,) = project_aggregates(book, Display("USD", "mln")).items
    assert (item.amount, item.low, item.high) == pytest.approx((40.8, 40.8, 41.6))


def test_a_row_in_another_scale_adds_its_bounds_converted(seed: Workbook) -> None:
    apply(seed, SetCells("contributions", ((2, "unit", "USD mln"), (2, "amount", 6320.0), (2, "low", 6000.0))))
    (rec,) = reconcile_totals(seed)
    assert rec.countries["Kazakhstan"] == 6.32
    assert rec.ranges["Kazakhstan"] == (6.0, 6.32)
