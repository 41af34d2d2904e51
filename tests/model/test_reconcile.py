"""Published totals against the sum of parts (issue 2)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corridor_app.model.edits import InsertRows, SetCell, SetCells, apply
from corridor_app.model.reconcile import reconcile_totals, reconciliation_problems
from corridor_app.model.series import contribution_bars, shares
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook


def test_seed_figures(seed: Workbook) -> None:
    (rec,) = reconcile_totals(seed)
    assert rec.corridor == "North-South ITC"
    assert rec.unit == "USD bn"
    assert rec.countries == {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}
    assert rec.sum_of_parts == 39.09  # rounded so the float sum reads as the analyst adds it
    assert rec.published_total == 38.2
    assert rec.residual == 0.89
    assert rec.residual_pct == pytest.approx(2.33, abs=0.005)
    assert rec.flagged
    assert rec.verdict == "does not reconcile"
    assert rec.excluded == ()
    assert rec.totals_row == 0


def test_flagged_residual_is_reported_where_the_total_is(seed: Workbook) -> None:
    (problem,) = reconciliation_problems(seed, reconcile_totals(seed))
    assert problem.severity == "info"
    assert (problem.sheet, problem.row, problem.column) == ("Totals", 2, "Published total")
    assert "39.09" in problem.message and "38.2" in problem.message and "+0.89" in problem.message


@pytest.mark.parametrize(("tolerance", "flagged"), [(0.5, True), (2.3, True), (2.34, False), (5.0, False)])
def test_tolerance(seed: Workbook, tolerance: float, flagged: bool) -> None:
    (rec,) = reconcile_totals(seed, tolerance_pct=tolerance)
    assert rec.flagged is flagged
    assert rec.residual == 0.89  # the residual is shown whatever the tolerance, never absorbed


def test_matching_total_reconciles(seed: Workbook) -> None:
    apply(seed, SetCell("totals", 0, "published_total", 39.09))
    (rec,) = reconcile_totals(seed, tolerance_pct=0.0)
    assert rec.residual == 0.0 and not rec.flagged and rec.verdict == "reconciles"


def test_no_published_total(seed: Workbook) -> None:
    apply(seed, SetCell("totals", 0, "published_total", None))
    (rec,) = reconcile_totals(seed)
    assert rec.published_total is None and rec.residual is None and not rec.flagged
    assert rec.verdict == "no published total"


def _two_corridors(make_seed: Callable[..., Workbook]) -> Workbook:
    book = make_seed()
    book.table("contributions").append_many(
        [{"corridor": "Middle Corridor", "country": "Kazakhstan", "amount": 2.0, "unit": "USD bn"}],
        [Origin("Contributions", 10)],
    )
    book.table("totals").append_many([{"corridor": "Middle Corridor", "published_total": 2.0}], [Origin("Totals", 3)])
    return book


def test_each_corridor_against_its_own_total(make_seed: Callable[..., Workbook]) -> None:
    book = _two_corridors(make_seed)
    by_name = {r.corridor: r for r in reconcile_totals(book)}
    assert set(by_name) == {"North-South ITC", "Middle Corridor"}
    assert by_name["North-South ITC"].sum_of_parts == 39.09
    assert by_name["North-South ITC"].published_total == 38.2
    assert by_name["Middle Corridor"].countries == {"Kazakhstan": 2.0}
    assert by_name["Middle Corridor"].published_total == 2.0
    assert not by_name["Middle Corridor"].flagged


def test_row_in_usd_mln_is_converted_to_bn(seed: Workbook) -> None:
    apply(seed, SetCells("contributions", ((3, "amount", 6700.0), (3, "unit", "USD mln"))))
    (rec,) = reconcile_totals(seed)
    assert rec.countries["all other states"] == 6.7
    assert rec.sum_of_parts == 39.09
    assert rec.excluded == ()


def test_row_in_eur_is_excluded_with_a_reason_not_summed(seed: Workbook) -> None:
    apply(
        seed,
        InsertRows(
            "contributions",
            (4,),
            ((("corridor", "North-South ITC"), ("country", "Azerbaijan"), ("amount", 1.0), ("unit", "EUR bn")),),
        ),
    )
    (rec,) = reconcile_totals(seed)
    assert "Azerbaijan" not in rec.countries
    assert rec.sum_of_parts == 39.09
    (ex,) = rec.excluded
    assert (ex.country, ex.amount, ex.unit, ex.row) == ("Azerbaijan", 1.0, "EUR bn", 4)
    assert "EUR bn" in ex.reason and "USD bn" in ex.reason
    warnings = [p for p in reconciliation_problems(seed, [rec]) if p.severity == "warning"]
    assert len(warnings) == 1 and "Azerbaijan" in warnings[0].message


def test_blank_amount_is_excluded_not_zero(seed: Workbook) -> None:
    apply(seed, SetCell("contributions", 1, "amount", None))
    (rec,) = reconcile_totals(seed)
    assert "Iran" not in rec.countries
    assert rec.sum_of_parts == pytest.approx(26.22)
    (ex,) = rec.excluded
    assert (ex.country, ex.amount, ex.reason) == ("Iran", None, "no amount")


def test_repeated_country_is_added(seed: Workbook) -> None:
    apply(
        seed,
        InsertRows("contributions", (4,), ((("corridor", "North-South ITC"), ("country", "Iran"), ("amount", 1.0)),)),
    )
    (rec,) = reconcile_totals(seed)
    assert rec.countries["Iran"] == 13.87
    assert rec.rows["Iran"] == (1, 4)


def test_chart_series_come_from_the_reconciliation(seed: Workbook) -> None:
    (rec,) = reconcile_totals(seed)
    bars = contribution_bars(rec)
    assert bars.labels == ("Russia", "Iran", "all other states", "Kazakhstan")
    assert bars.values == (13.2, 12.87, 6.7, 6.32)
    assert bars.rows == ((0,), (1,), (3,), (2,))
    assert sum(shares(rec).values()) == pytest.approx(100.0)
