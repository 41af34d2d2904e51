"""Figures written as bounds and ranges, in English and Russian (issue 18)."""

from __future__ import annotations

import pytest

from corridor_app.model.bounds import parse_bounded
from corridor_app.model.errors import ParseError
from corridor_app.model.measures import parse_measure
from corridor_app.model.schema import parse_cell
from corridor_app.model.sheets import CONTRIBUTIONS, PROJECTS, SCENARIOS, TARGETS


@pytest.mark.parametrize(
    ("text", "point", "low", "high", "approximate"),
    [
        ("over 38", 38.0, 38.0, None, False),
        ("more than 38", 38.0, 38.0, None, False),
        ("at least 38", 38.0, 38.0, None, False),
        ("более 38", 38.0, 38.0, None, False),
        ("свыше 38", 38.0, 38.0, None, False),
        ("не менее 38", 38.0, 38.0, None, False),
        ("38+", 38.0, 38.0, None, False),
        ("up to 40", 40.0, None, 40.0, False),
        ("до 40", 40.0, None, 40.0, False),
        ("не более 40", 40.0, None, 40.0, False),
        ("38–40", 39.0, 38.0, 40.0, False),
        ("38-40", 39.0, 38.0, 40.0, False),
        ("38 — 40", 39.0, 38.0, 40.0, False),
        ("от 38 до 40", 39.0, 38.0, 40.0, False),
        ("from 38 to 40", 39.0, 38.0, 40.0, False),
        ("12,5–13,5", 13.0, 12.5, 13.5, False),
        ("about 38", 38.0, None, None, True),
        ("около 38", 38.0, None, None, True),
        ("~38", 38.0, None, None, True),
        ("≈ 12–14", 13.0, 12.0, 14.0, True),
    ],
)
def test_bound_forms(text: str, point: float, low: float | None, high: float | None, approximate: bool) -> None:
    q = parse_bounded(text)
    assert q is not None
    assert (q.value, q.low, q.high, q.approximate) == (point, low, high, approximate)


def test_unit_words_written_once_apply_to_both_ends() -> None:
    q = parse_bounded("USD 12–14 bn")
    assert q is not None and (q.low, q.high, q.currency, q.scale) == (12.0, 14.0, "USD", "bn")
    q = parse_bounded("более US$38 млрд")
    assert q is not None and (q.low, q.currency, q.scale) == (38.0, "USD", "bn")
    km = parse_bounded("12–14 тыс. км", None, parse_measure)
    assert km is not None and (km.low, km.high, km.unit) == (12000.0, 14000.0, "km")


@pytest.mark.parametrize("text", ["13,2", "1 234,5", "-5", "(5)", "USD 13.2 bn", "долл. 5"])
def test_plain_numbers_read_as_before(text: str) -> None:
    q = parse_bounded(text)
    assert q is not None and not q.states_range


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("40–38", "above the high end"),
        ("12 bn – 14 mln", "different units"),
        ("over", "no number"),
        ("2023-12-29", "not a number, bound or range"),
    ],
)
def test_bad_bounds_are_refused(text: str, says: str) -> None:
    with pytest.raises(ParseError, match=says):
        parse_bounded(text)


def test_a_column_without_ranges_refuses_a_bound() -> None:
    for spec, key in ((TARGETS, "target_year"), (SCENARIOS, "value"), (PROJECTS, "start_year")):
        with pytest.raises(ParseError, match="not a bound or range"):
            parse_cell(spec.column(key), "2027–2030")


def test_a_ranged_column_gives_the_point_and_the_bounds() -> None:
    value, q = parse_cell(CONTRIBUTIONS.column("amount"), "более 38")
    assert value == 38.0 and q is not None and q.low == 38.0 and q.high is None
    value, q = parse_cell(PROJECTS.column("length_km"), "323–366")
    assert value == 344.5 and q is not None and (q.low, q.high) == (323.0, 366.0)
