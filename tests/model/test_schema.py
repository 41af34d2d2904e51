"""Column aliases (EN/RU), total labels and cell parsing (issue 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from corridor_app.model.errors import ParseError
from corridor_app.model.schema import is_total_label, match_columns, parse_cell, unit_from_header
from corridor_app.model.sheets import CONTRIBUTIONS, PROJECTS, TARGETS, TOTALS, table_for_sheet


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Country", "Amount", "Source"], {0: "country", 1: "amount", 2: "source"}),
        (["Страна", "Сумма", "Источник"], {0: "country", 1: "amount", 2: "source"}),
        (["Страна", "Сумма, млрд долл.", "Источник"], {0: "country", 1: "amount", 2: "source"}),
        (["COUNTRY", "Amount, USD bn", "source "], {0: "country", 1: "amount", 2: "source"}),
        (
            ["Коридор", "Государство", "Объём инвестиций", "Ед. изм.", "Примечание"],
            {0: "corridor", 1: "country", 2: "amount", 3: "unit", 4: "note"},
        ),
    ],
)
def test_contribution_aliases(headers: list[object], expected: dict[int, str]) -> None:
    assert match_columns(CONTRIBUTIONS, headers) == expected


def test_unknown_and_blank_headers_are_left_unmapped() -> None:
    assert match_columns(CONTRIBUTIONS, ["Страна", None, "", "Комментарий аналитика", "Сумма"]) == {
        0: "country",
        4: "amount",
    }


def test_other_tables_russian_aliases() -> None:
    assert match_columns(TOTALS, ["Коридор", "Итого", "Ед. изм."]) == {0: "corridor", 1: "published_total", 2: "unit"}
    assert match_columns(PROJECTS, ["Проект", "Стоимость", "Валюта"]) == {0: "project", 1: "cost", 2: "currency"}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # "Target" is the name when a Value column exists ...
        (["Country", "Target", "Value", "Unit"], {0: "country", 1: "target", 2: "value", 3: "unit"}),
        # ... and the value when an Indicator column names the target.
        (["Country", "Indicator", "Target", "Unit"], {0: "country", 1: "target", 2: "value", 3: "unit"}),
        (["Target", "Indicator"], {0: "value", 1: "target"}),
        (["Показатель", "Цель", "Страна"], {0: "target", 1: "value", 2: "country"}),
        (["Target"], {0: "target"}),
    ],
)
def test_indicator_target_value_disambiguation(headers: list[object], expected: dict[int, str]) -> None:
    assert match_columns(TARGETS, headers) == expected


@pytest.mark.parametrize(
    ("name", "table"),
    [("Contributions", "contributions"), ("Вклады", "contributions"), ("ИТОГИ", "totals"), ("Проекты", "projects")],
)
def test_sheet_names(name: str, table: str) -> None:
    spec = table_for_sheet(name)
    assert spec is not None and spec.key == table


def test_unknown_sheet_name() -> None:
    assert table_for_sheet("Заметки") is None


@pytest.mark.parametrize(
    "text", ["Total", "TOTAL:", " total ", "Итого", "итого по коридору", "Всего", "Всего:", "Grand total"]
)
def test_total_labels(text: str) -> None:
    assert is_total_label(text)


@pytest.mark.parametrize("text", ["TotalEnergies", "Totals", "subtotal", "Итоговая", "Russia", "", None, 38.2])
def test_not_total_labels(text: object) -> None:
    assert not is_total_label(text)


@pytest.mark.parametrize(
    ("header", "unit"),
    [("Сумма, млрд долл.", "USD bn"), ("Amount, USD bn", "USD bn"), ("Amount (USD mln)", "USD mln"), ("Amount", "")],
)
def test_unit_from_header(header: str, unit: str) -> None:
    assert unit_from_header(header) == unit


AMOUNT = CONTRIBUTIONS.column("amount")
COUNTRY = CONTRIBUTIONS.column("country")
YEAR = TARGETS.column("target_year")
BASELINE = TARGETS.column("baseline")


def test_parse_cell_values() -> None:
    assert parse_cell(AMOUNT, 13.2) == (13.2, None)
    assert parse_cell(AMOUNT, 13) == (13.0, None)
    value, quantity = parse_cell(AMOUNT, "13,2 млрд")
    assert value == 13.2 and quantity is not None and quantity.scale == "bn"
    assert parse_cell(YEAR, 2029.0) == (2029, None)
    assert parse_cell(YEAR, "2029")[0] == 2029
    assert parse_cell(COUNTRY, 13.0) == ("13", None)  # a number typed in a text column reads as its digits
    assert parse_cell(BASELINE, None) == (None, None)  # not required: blank is allowed


@pytest.mark.parametrize(
    ("column", "raw", "says"),
    [
        (AMOUNT, True, "number"),
        (AMOUNT, False, "number"),
        (YEAR, True, "number"),
        (AMOUNT, dt.date(2022, 10, 26), "date"),
        (AMOUNT, dt.datetime(2022, 10, 26, 12, 0), "date"),
        (AMOUNT, dt.time(1, 2), "date or time"),
        (AMOUNT, None, "required"),
        (AMOUNT, "", "required"),
        (AMOUNT, "   ", "required"),
        (AMOUNT, "-", "required"),
        (COUNTRY, None, "required"),
        (AMOUNT, float("nan"), "finite"),
        (AMOUNT, float("inf"), "finite"),
        (AMOUNT, "13,2x", "not a currency"),
        (YEAR, 1799, "year"),
        (YEAR, 2201, "year"),
        (YEAR, 2029.5, "year"),
        (YEAR, "20 29", "not in threes"),
    ],
)
def test_parse_cell_refusals(column: object, raw: object, says: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_cell(column, raw)  # type: ignore[arg-type]
    assert says in info.value.message


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Страна", "Цель", "Значение"], {0: "country", 1: "target", 2: "value"}),
        (["Цель"], {0: "target"}),
    ],
)
def test_russian_target_is_the_name_beside_a_value_column(headers: list[object], expected: dict[int, str]) -> None:
    # issue 2: "Цель" was only a name alias, so "Показатель | Цель" lost its value column
    # while "Indicator | Target" kept it; the Russian header now behaves like the English one.
    assert match_columns(TARGETS, headers) == expected
