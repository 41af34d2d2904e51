"""Unit-aware numbers for targets: 836 km, 20 Mt/yr, 60 % (issue 5, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.errors import ParseError
from corridor_app.model.measures import canonical_unit, parse_measure
from corridor_app.model.schema import parse_cell
from corridor_app.model.sheets import TARGETS
from corridor_app.model.units import conversion_factor, parse_unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("836 km", 836.0, "km"),
        ("11 000 km", 11000.0, "km"),
        ("11 тыс. км", 11000.0, "km"),
        ("20 Mt/yr", 20.0, "Mt/yr"),
        ("20 млн т/год", 20.0, "Mt/yr"),
        ("48 Mt", 48.0, "Mt"),
        ("60 train pairs/day", 60.0, "train pairs/day"),
    ],
)
def test_physical_units_are_read_with_the_number(text: str, value: float, unit: str) -> None:
    q = parse_measure(text)
    assert q is not None and (q.value, q.unit) == (value, unit)


def test_money_and_percent_still_read_as_before() -> None:
    assert parse_measure("60 %") == parse_measure("60%")
    q = parse_measure("60 %")
    assert q is not None and q.percent and q.value == 60
    q = parse_measure("USD 150 bn")
    assert q is not None and (q.currency, q.scale, q.unit) == ("USD", "bn", "")


def test_unknown_words_are_still_refused() -> None:
    with pytest.raises(ParseError, match="apples"):
        parse_measure("12 apples")


def test_only_measure_columns_take_units() -> None:
    assert parse_cell(TARGETS.column("value"), "836 km")[0] == 836.0
    from corridor_app.model.sheets import CONTRIBUTIONS

    with pytest.raises(ParseError):
        parse_cell(CONTRIBUTIONS.column("amount"), "836 km")


def test_units_in_different_spellings_are_one_unit_and_never_money() -> None:
    assert canonical_unit("км") == "km"
    assert conversion_factor(parse_unit("км"), parse_unit("km")) == 1.0
    assert conversion_factor(parse_unit("km"), parse_unit("Mt/yr")) is None
    assert conversion_factor(parse_unit("km"), parse_unit("USD bn")) is None


def test_target_values_with_units_fill_the_unit_column(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text(
        "target,value,baseline\nRailway repaired,11 000 km,\nRefining,21 Mt/yr,18.4 Mt/yr\nGasification,60 %,59 %\n",
        encoding="utf-8",
    )
    table = load_workbook(path).table("targets")
    assert [(table.value(r, "value"), table.value(r, "unit")) for r in range(3)] == [
        (11000.0, "km"),
        (21.0, "Mt/yr"),
        (60.0, "%"),
    ]


def test_a_value_in_another_unit_than_the_row_is_refused(tmp_path: Path) -> None:
    from corridor_app.io.errors import LoadError

    path = tmp_path / "targets.csv"
    path.write_text("target,value,unit\nRailway repaired,11 000 km,Mt/yr\n", encoding="utf-8")
    with pytest.raises(LoadError, match="written in km but the unit is Mt/yr"):
        load_workbook(path)


def test_a_baseline_in_another_unit_than_the_target_is_refused(tmp_path: Path) -> None:
    from corridor_app.io.errors import LoadError

    path = tmp_path / "targets.csv"
    path.write_text("target,value,baseline\nRefining,21 Mt/yr,18 km\n", encoding="utf-8")
    with pytest.raises(LoadError, match="baseline is written in km but the unit is Mt/yr"):
        load_workbook(path)
