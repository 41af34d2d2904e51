"""Numbers with the precision their unit and values call for (issue 14): not ``11,000.00 km`` or ``60.00 %``."""

from __future__ import annotations

import pytest

from corridor_app.model.precision import cell_unit, given_decimals, number_text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (11000.0, "km", "11,000"),
        (4700.0, "km", "4,700"),
        (60.0, "train pairs/day", "60"),
        (60.0, "%", "60.0"),
        (62.45, "%", "62.45"),
        (-50.0, "percent", "-50.0"),
        (13.2, "USD bn", "13.2"),
        (12.87, "USD bn", "12.87"),
        (1600.0, "EUR", "1,600"),
        (0.0123, None, "0.0123"),
        (92.4567891, None, "92.456789"),
        (3e-9, None, "3e-09"),
    ],
)
def test_number_text(value: float, unit: str | None, text: str) -> None:
    assert number_text(value, unit) == text


def test_sign_and_float_noise() -> None:
    assert number_text(0.1 + 0.2, "USD bn") == "0.3"  # 0.30000000000000004 is 0.3 as typed
    assert number_text(3.3, "USD bn", sign=True) == "+3.3"
    assert given_decimals(39.09) == 2


def test_cell_unit_reads_the_row() -> None:
    row = {"unit": "km", "currency": "EUR", "kind": "percent"}
    assert cell_unit("targets", "value", row.get) == "km"
    assert cell_unit("projects", "cost", row.get) == "EUR"
    assert cell_unit("projects", "length_km", row.get) == "km"
    assert cell_unit("scenarios", "value", row.get) == "percent"
    assert cell_unit("targets", "target_year", row.get) is None
    assert cell_unit("contributions", "amount", {}.get) is None
