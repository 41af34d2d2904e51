"""Money as data: projects in their own currencies, converted only through dated FX rates (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.money import Display, fx_rates, money_of
from corridor_app.model.projects import compare_projects_to_contributions, project_aggregates, project_problems
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

SHARED_PROJECTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "projects.csv"

# Costs of ../shared/data/projects.csv, in millions, as written in the file.
EUR_MLN = 1600 + 1200 + 300 + 564
USD_MLN = 1900
RUB_MLN = 4080
KZT_MLN = 542900 + 162000
RATES = {"EUR": 0.9, "RUB": 90.0, "KZT": 450.0}


@pytest.fixture
def shared_projects() -> Workbook:
    if not SHARED_PROJECTS.exists():
        pytest.skip("../shared/data/projects.csv is not beside the repository")
    return load_workbook(SHARED_PROJECTS)


def add_rates(book: Workbook, rates: dict[str, float]) -> None:
    book.table("fx").append_many(
        [{"currency": c, "units_per_usd": r, "as_of": "2023-12-29", "source": "test"} for c, r in rates.items()],
        [Origin("FX", 2 + i) for i in range(len(rates))],
    )


def test_without_rates_every_non_usd_cost_is_excluded_and_nothing_summed(shared_projects: Workbook) -> None:
    agg = project_aggregates(shared_projects)
    assert agg.total == pytest.approx(USD_MLN / 1000)
    assert {i.money.currency for i in agg.items} == {"USD"}
    excluded = {e.project: e for e in agg.excluded}
    assert len(excluded) == 7
    assert excluded["Rasht-Astara railway"].currency == "EUR"
    assert excluded["Rasht-Astara railway"].amount == 1600
    assert excluded["Dostyk-Moyynty second tracks"].reason == "no FX rate for KZT"
    assert {e.currency for e in agg.excluded} == {"EUR", "RUB", "KZT"}
    # Projects with no cost are neither counted nor "excluded amounts": they are listed apart.
    assert [p for _, p in agg.not_costed] == [
        "Bakhty-Ayagoz railway",
        "Almaty station railway bypass (Zhetygen-Kazybek bek)",
        "Moyynty-Kyzylzhar railway",
    ]
    # Each currency is summed only with itself.
    assert agg.by_currency["EUR"].amount == pytest.approx(EUR_MLN / 1000)
    assert agg.by_currency["EUR"].converted is None
    assert agg.by_currency["KZT"].amount == pytest.approx(KZT_MLN / 1000)


def test_with_fx_sheet_totals_match_hand_computed_conversions(shared_projects: Workbook) -> None:
    add_rates(shared_projects, RATES)
    agg = project_aggregates(shared_projects)
    expected = EUR_MLN / 0.9 / 1000 + USD_MLN / 1000 + RUB_MLN / 90 / 1000 + KZT_MLN / 450 / 1000
    assert agg.excluded == ()
    assert agg.total == pytest.approx(expected)
    assert agg.by_country["Russia"] == pytest.approx(4080 / 90 / 1000)
    assert agg.by_country["Iran"] == pytest.approx((1600 + 1200 + 300) / 0.9 / 1000)
    assert agg.by_mode["rail (modernisation)"] == pytest.approx(1.9)
    assert agg.by_route["Eastern (via Kazakhstan-Turkmenistan)"] == pytest.approx(1200 / 0.9 / 1000 + 1.9 + 0.564 / 0.9)


def test_display_in_eur_mln_converts_through_usd(shared_projects: Workbook) -> None:
    add_rates(shared_projects, RATES)
    agg = project_aggregates(shared_projects, Display("EUR", "mln"))
    expected = EUR_MLN + USD_MLN * 0.9 + RUB_MLN / 90 * 0.9 + KZT_MLN / 450 * 0.9
    assert agg.total == pytest.approx(expected)
    assert str(agg.display) == "EUR mln"


def test_display_currency_without_rate_excludes_even_usd() -> None:
    book = Workbook()
    book.table("projects").append_many(
        [{"project": "A", "cost": 100, "currency": "USD", "cost_unit": "mln"}], [Origin("Projects", 2)]
    )
    agg = project_aggregates(book, Display("KZT", "bn"))
    assert agg.total == 0
    assert agg.excluded[0].reason == "no FX rate for KZT"


def test_stacked_series_adds_up_to_the_groups(shared_projects: Workbook) -> None:
    add_rates(shared_projects, RATES)
    agg = project_aggregates(shared_projects)
    stacked = agg.stacked("route", "mode")
    assert stacked.categories == tuple(agg.by_route)
    assert stacked.totals == pytest.approx(tuple(agg.by_route.values()))
    assert sum(map(sum, stacked.values)) == pytest.approx(agg.total)


@pytest.mark.parametrize(
    ("cost", "currency", "unit", "reason"),
    [
        (1.0, "", "mln", "no currency"),
        (1.0, "EUR", None, "no scale (cost unit such as mln or bn)"),
        (1.0, "EUR", "RUB mln", "currency EUR but the cost unit says RUB"),
        (1.0, "EUR", "tonnes", "cost unit 'tonnes' is not a currency or scale"),
    ],
)
def test_a_cost_without_currency_or_scale_is_never_guessed(cost: float, currency: str, unit: str, reason: str) -> None:
    money, why = money_of(cost, currency, unit)
    assert money is None
    assert why == reason


def test_cost_unit_may_carry_the_currency() -> None:
    money, _ = money_of(1.6, "", "EUR bn")
    assert money is not None and (money.currency, money.scale) == ("EUR", "bn")


def test_fx_sheet_problems_are_reported_and_latest_rate_wins() -> None:
    book = Workbook()
    book.table("fx").append_many(
        [
            {"currency": "EUR", "units_per_usd": 0.95, "as_of": "2022-12-30"},
            {"currency": "EUR", "units_per_usd": 0.9, "as_of": "2023-12-29"},
            {"currency": "RUB", "units_per_usd": 0.0, "as_of": "2023-12-30"},
            {"currency": "USD", "units_per_usd": 2.0},
        ],
        [Origin("FX", r) for r in range(2, 6)],
    )
    fx = fx_rates(book)
    assert fx.per_usd("EUR") == 0.9
    assert fx.per_usd("RUB") is None
    assert fx.per_usd("USD") == 1.0
    messages = [p.message for p in fx.problems]
    assert any("several FX rates for EUR" in m for m in messages)
    assert any("RUB must be a positive number" in m for m in messages)
    assert any("USD per USD must be 1" in m for m in messages)


def test_excluded_costs_are_warnings_located_at_the_cost_cell(shared_projects: Workbook) -> None:
    problems = project_problems(shared_projects)
    rasht = next(p for p in problems if "Rasht-Astara" in p.message)
    assert rasht.severity == "warning"
    assert rasht.row == 2 and rasht.column == "cost"
    assert "no FX rate for EUR" in rasht.message


def test_projects_beside_contributions_show_the_difference(shared_projects: Workbook) -> None:
    add_rates(shared_projects, RATES)
    shared_projects.table("contributions").append_many(
        [
            {"corridor": "projects", "country": "Iran", "amount": 12.87, "unit": "USD bn"},
            {"corridor": "projects", "country": "Russia", "amount": 13.2, "unit": "USD bn"},
        ],
        [None, None],
    )
    cmp = compare_projects_to_contributions(shared_projects, "projects")
    rows = {r.country: r for r in cmp.rows}
    iran_projects = 3100 / 0.9 / 1000
    assert rows["Iran"].projects == pytest.approx(iran_projects)
    assert rows["Iran"].difference == pytest.approx(iran_projects - 12.87)
    assert rows["Kazakhstan/Turkmenistan"].contribution is None
    assert rows["Kazakhstan/Turkmenistan"].difference == pytest.approx(0.564 / 0.9)


def test_fx_sheet_loads_by_russian_name_and_headers(tmp_path: Path) -> None:
    from openpyxl import Workbook as Xlsx

    xlsx = Xlsx()
    ws = xlsx.active
    ws.title = "Проекты"
    ws.append(["Проект", "Стоимость", "Валюта", "Единица стоимости", "Год начала", "Год окончания"])
    ws.append(["Rasht-Astara", "1 600", "EUR", "млн", 2023, 2028])
    rates = xlsx.create_sheet("Курсы валют")
    rates.append(["Валюта", "Курс", "Дата", "Источник"])
    rates.append(["евро", "0,9", "2023-12-29", "ECB"])
    path = tmp_path / "projects.xlsx"
    xlsx.save(path)
    book = load_workbook(path)
    assert book.table("projects").record(0)["start_year"] == 2023
    assert book.table("projects").record(0)["end_year"] == 2028
    agg = project_aggregates(book)
    assert agg.total == pytest.approx(1.6 / 0.9)
