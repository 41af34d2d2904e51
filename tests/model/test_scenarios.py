"""Scenario adjustments and totals against hand-computed figures from the seed (issue: scenarios)."""

from __future__ import annotations

import pytest

from corridor_app.model.errors import ParseError
from corridor_app.model.scenarios import (
    BASELINE,
    ScenarioError,
    delta_waterfall,
    scenario_amounts,
    scenario_names,
    scenario_problems,
    scenario_totals,
    sensitivity,
)
from corridor_app.model.schema import parse_cell
from corridor_app.model.sheets import SCENARIOS
from corridor_app.model.validate import validate
from corridor_app.model.workbook import Workbook

ITC = "North-South ITC"
SEED = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}


def seed(*adjustments: tuple[object, ...]) -> Workbook:
    """The seed corridor (sum 39.09, published 38.2) plus Scenarios rows (name, country, kind, value[, corridor])."""
    book = Workbook()
    book.table("contributions").append_many(
        [{"corridor": ITC, "country": c, "amount": a, "unit": "USD bn", "source": "seed"} for c, a in SEED.items()],
        [None] * len(SEED),
    )
    book.table("totals").append_many(
        [{"corridor": ITC, "published_total": 38.2, "unit": "USD bn", "source": "seed"}], [None]
    )
    rows = []
    for adj in adjustments:
        name, country, kind, value, *rest = adj
        rows.append(
            {"scenario": name, "country": country, "kind": kind, "value": value, "corridor": rest[0] if rest else None}
        )
    book.table("scenarios").append_many(rows, [None] * len(rows))
    return book


def total(book: Workbook, name: str) -> float:
    return round(sum(scenario_amounts(book, name, ITC).values()), 9)


def test_percent_halves_iran_and_sum_of_parts_is_32_655() -> None:
    book = seed(("Iran halved", "Iran", "percent", -50))
    amounts = scenario_amounts(book, "Iran halved", ITC)
    assert amounts["Iran"] == pytest.approx(6.435)
    assert amounts["Russia"] == 13.2
    assert total(book, "Iran halved") == pytest.approx(32.655)


def test_override_sets_the_amount() -> None:
    book = seed(("Russia 20", "Russia", "override", 20))
    assert scenario_amounts(book, "Russia 20", ITC)["Russia"] == 20
    assert total(book, "Russia 20") == pytest.approx(45.89)


def test_add_adds_and_a_negative_add_subtracts() -> None:
    book = seed(("KZ programme", "Kazakhstan", "add", 1.9), ("less", "all other states", "add", -0.7))
    assert scenario_amounts(book, "KZ programme", ITC)["Kazakhstan"] == pytest.approx(8.22)
    assert total(book, "KZ programme") == pytest.approx(40.99)
    assert total(book, "less") == pytest.approx(38.39)


def test_exclude_leaves_the_country_out() -> None:
    book = seed(("no Iran", "Iran", "exclude", None))
    amounts = scenario_amounts(book, "no Iran", ITC)
    assert "Iran" not in amounts
    assert total(book, "no Iran") == pytest.approx(26.22)


@pytest.mark.parametrize("country", [None, "*"])
def test_all_countries_at_once(country: str | None) -> None:
    book = seed(("all +10", country, "percent", 10))
    assert total(book, "all +10") == pytest.approx(42.999)
    assert scenario_amounts(book, "all +10", ITC)["Kazakhstan"] == pytest.approx(6.952)


def test_adjustments_combine_in_table_order() -> None:
    book = seed(
        ("mix", "*", "percent", 10),  # every amount * 1.1
        ("mix", "Iran", "percent", -50),  # Iran 12.87 * 1.1 * 0.5 = 7.0785
        ("mix", "Kazakhstan", "add", 1.9),  # 6.32 * 1.1 + 1.9 = 8.852
        ("mix", "Russia", "override", 10),  # 10
        ("mix", "all other states", "exclude", None),
    )
    amounts = scenario_amounts(book, "mix", ITC)
    assert amounts == pytest.approx({"Russia": 10.0, "Iran": 7.0785, "Kazakhstan": 8.852})
    assert total(book, "mix") == pytest.approx(25.9305)


def test_order_matters_override_then_percent() -> None:
    book = seed(("a", "Iran", "override", 10), ("a", "Iran", "percent", 50))
    assert scenario_amounts(book, "a", ITC)["Iran"] == pytest.approx(15.0)


def test_new_country_by_add_in_a_single_corridor_workbook() -> None:
    book = seed(("India joins", "India", "add", 2.5))
    assert scenario_amounts(book, "India joins", ITC)["India"] == 2.5
    assert total(book, "India joins") == pytest.approx(41.59)


def test_adjustment_for_another_corridor_does_not_apply() -> None:
    book = seed(("elsewhere", "Iran", "percent", -50, "Middle Corridor"))
    assert total(book, "elsewhere") == pytest.approx(39.09)


def test_a_scenario_with_only_a_declaration_row_equals_the_baseline() -> None:
    book = seed(("empty", None, "none", None))
    assert scenario_names(book) == ["empty"]
    assert scenario_amounts(book, "empty", ITC) == pytest.approx(SEED)


def test_unknown_scenario_or_corridor_is_a_typed_error() -> None:
    book = seed(("a", "Iran", "percent", -50))
    with pytest.raises(ScenarioError, match="no scenario named 'b'"):
        scenario_amounts(book, "b", ITC)
    with pytest.raises(ScenarioError, match="no corridor"):
        scenario_amounts(book, "a", "Nowhere")


def test_side_by_side_totals_shares_deltas_and_residual() -> None:
    book = seed(("Iran halved", "Iran", "percent", -50), ("no Iran", "Iran", "exclude", None))
    base, halved, without = scenario_totals(book, ITC)
    assert (base.name, base.baseline) == (BASELINE, True)
    assert base.total == pytest.approx(39.09)
    assert base.residual == pytest.approx(0.89)
    assert base.residual_pct == pytest.approx(2.329842932, abs=1e-6)
    assert base.delta == 0
    assert halved.total == pytest.approx(32.655)
    assert halved.delta == pytest.approx(-6.435)
    assert halved.delta_pct == pytest.approx(-6.435 / 39.09 * 100)
    assert halved.country_delta["Iran"] == pytest.approx(-6.435)
    assert halved.country_delta_pct["Iran"] == pytest.approx(-50)
    assert halved.country_delta["Russia"] == 0
    assert halved.shares["Russia"] == pytest.approx(13.2 / 32.655 * 100)
    assert halved.published_total == 38.2
    assert halved.residual == pytest.approx(32.655 - 38.2)
    assert list(without.countries) == list(base.countries)
    assert without.countries["Iran"] is None
    assert without.shares["Iran"] is None
    assert without.country_delta["Iran"] == pytest.approx(-12.87)


def test_totals_follow_a_baseline_edit() -> None:
    from corridor_app.model.edits import SetCell, apply

    book = seed(("Iran halved", "Iran", "percent", -50))
    inverse = apply(book, SetCell("contributions", 1, "amount", 20.0))
    assert scenario_totals(book, ITC)[1].countries["Iran"] == pytest.approx(10.0)
    apply(book, inverse)
    assert scenario_totals(book, ITC)[1].countries["Iran"] == pytest.approx(6.435)


def test_waterfall_steps_from_baseline_to_scenario() -> None:
    book = seed(("mix", "Iran", "percent", -50), ("mix", "Kazakhstan", "add", 1.9))
    base, mix = scenario_totals(book, ITC)
    steps = delta_waterfall(mix, base)
    assert [s.label for s in steps] == [BASELINE, "Iran", "Kazakhstan", "mix"]
    assert steps[1].start == pytest.approx(39.09)
    assert steps[1].end == pytest.approx(32.655)
    assert steps[2].change == pytest.approx(1.9)
    assert steps[-1].end == pytest.approx(34.555)


def test_sensitivity_tornado_sorted_by_swing() -> None:
    book = seed(("Iran halved", "Iran", "percent", -50))
    tornado = sensitivity(book, ITC, 10)
    assert [b.country for b in tornado.bars] == ["Russia", "Iran", "all other states", "Kazakhstan"]
    russia = tornado.bars[0]
    assert russia.low_total == pytest.approx(39.09 - 1.32)
    assert russia.high_total == pytest.approx(39.09 + 1.32)
    on_scenario = sensitivity(book, ITC, 10, scenario="Iran halved")
    assert on_scenario.total == pytest.approx(32.655)
    assert [b.country for b in on_scenario.bars][:2] == ["Russia", "all other states"]


def test_kind_cell_accepts_synonyms_and_russian_and_refuses_others() -> None:
    kind = SCENARIOS.column("kind")
    assert parse_cell(kind, "Percent")[0] == "percent"
    assert parse_cell(kind, "%")[0] == "percent"
    assert parse_cell(kind, "Исключить")[0] == "exclude"
    assert parse_cell(kind, "добавить")[0] == "add"
    with pytest.raises(ParseError, match="must be one of percent, override, add, exclude, none"):
        parse_cell(kind, "multiply")


def test_problems_name_the_row_and_column() -> None:
    book = seed(
        ("a", "Iran", "percent", None),  # no value: ignored
        ("b", "Iran", "weird", 3),  # unknown kind: ignored
        ("c", "Atlantis", "percent", -10),  # no such country
        ("d", "Iran", "percent", -0.5),  # probably meant -50
    )
    problems = scenario_problems(book)
    messages = [p.message for p in problems]
    assert any("needs a value" in m for m in messages)
    assert any("unknown kind 'weird'" in m for m in messages)
    assert any("Atlantis has no contribution" in m for m in messages)
    assert any("write -50" in m for m in messages)
    assert {p.sheet for p in problems} == {"Scenarios"}
    assert total(book, "a") == pytest.approx(39.09)  # the bad row changed nothing
    assert all(p in validate(book) for p in problems)
