"""parse_quantity: every way an analyst writes a number, and every refusal (issue 2)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor_app.model.errors import ParseError
from corridor_app.model.numbers import Quantity, guess_decimal, parse_number, parse_quantity

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13,2", Quantity(13.2)),
        ("13.2", Quantity(13.2)),
        ("1 234,5", Quantity(1234.5)),
        (f"1{NBSP}234,5", Quantity(1234.5)),
        (f"1{NNBSP}234,5", Quantity(1234.5)),
        (f"1{THIN}234,5", Quantity(1234.5)),
        (f"12{NBSP}345{NBSP}678,9", Quantity(12345678.9)),
        ("1'234.5", Quantity(1234.5)),
        ("USD 13.2 bn", Quantity(13.2, "USD", "bn")),
        ("13,2 млрд", Quantity(13.2, "", "bn")),
        ("12 %", Quantity(12.0, percent=True)),
        ("12%", Quantity(12.0, percent=True)),
        ("38,2 млрд долл.", Quantity(38.2, "USD", "bn")),
        ("13.2 млрд. долл. США", Quantity(13.2, "USD", "bn")),
        ("$13.2bn", Quantity(13.2, "USD", "bn")),
        ("13,2 mln USD", Quantity(13.2, "USD", "mln")),
        ("€5", Quantity(5.0, "EUR")),
        ("13.2 тыс. руб.", Quantity(13.2, "RUB", "thousand")),
        ("1,234,567", Quantity(1234567.0)),
        ("1.234.567,8", Quantity(1234567.8)),
        ("1,234.5", Quantity(1234.5)),
        ("0,5", Quantity(0.5)),
        ("+5", Quantity(5.0)),
    ],
)
def test_reads_locale_forms(text: str, expected: Quantity) -> None:
    got = parse_quantity(text)
    assert got is not None
    assert got.value == pytest.approx(expected.value, rel=1e-12)
    assert (got.currency, got.scale, got.percent) == (expected.currency, expected.scale, expected.percent)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-13,2", -13.2),
        ("\u221213,2", -13.2),  # the typographic minus Word and web pages use
        ("\u201313,2", -13.2),
        ("- 13,2", -13.2),
        ("(13,2)", -13.2),
        ("(-5)", -5.0),
        ("13,2-", -13.2),
        (f"\u22121{NBSP}234,5", -1234.5),
        ("USD -13.2 bn", -13.2),
        ("-USD 13.2bn", -13.2),
    ],
)
def test_reads_negative_forms(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [(".5", 0.5), (",5", 0.5), ("-.5", -0.5), (".500", 0.5), ("$.5bn", 0.5)])
def test_leading_separator_is_a_decimal_point(text: str, value: float) -> None:
    # issue 2: ".5" used to read as 5.0 (the dot was dropped as punctuation), a silent 10x error.
    assert parse_number(text) == value
    assert parse_number(text, decimal=",") == value  # a locale never makes a leading separator a group mark


@pytest.mark.parametrize("text", ["", "   ", NBSP, "-", "—", "–"])
def test_blank_is_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "1 2",
        "13,2 foo",
        "13,2x",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "#DIV/0!",
        "#N/A",
        "#VALUE!",
        "13,2 14,5",
        "13.2/14.5",
        "13.2-14.5",
        "13,2; 14,5",
        "5 - 3",
        "1e5",
        "1,23,456",
        "1.2.3",
        "12..5",
        "1,000.000,5",
        ".5.5",
        "USD EUR 5",
        "(5",
        "--5",
    ],
)
def test_refuses_with_a_message(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert info.value.message.strip()
    assert info.value.text == text


def test_decimal_hint_resolves_a_lone_group_of_three() -> None:
    assert parse_number("1,234", decimal=".") == 1234.0
    assert parse_number("1,234", decimal=",") == pytest.approx(1.234)
    assert parse_number("1.234", decimal=",") == 1234.0
    assert parse_number("1,234") == pytest.approx(1.234)  # documented: without a hint it is a decimal


@pytest.mark.parametrize(
    ("texts", "decimal"),
    [(["13,25", "1 234,5"], ","), (["13.25", "1,234.5"], "."), (["1,234"], None), ([], None)],
)
def test_guess_decimal(texts: list[str], decimal: str | None) -> None:
    assert guess_decimal(texts) == decimal


# Separators as analysts' locales write them: (group, decimal).
_STYLES = [("", "."), ("", ","), (",", "."), (".", ","), (" ", ","), (NBSP, ","), (NNBSP, ","), (THIN, ","), ("'", ".")]


def _format(value: float, group: str, decimal: str, digits: int) -> str:
    text = f"{abs(value):,.{digits}f}"  # 1,234,567.89
    whole, _, frac = text.partition(".")
    whole = whole.replace(",", group)
    out = whole + (decimal + frac if frac else "")
    return ("-" if value < 0 else "") + out


@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    style=st.sampled_from(_STYLES),
    digits=st.integers(min_value=0, max_value=4),
)
def test_round_trip_of_formatted_numbers(value: float, style: tuple[str, str], digits: int) -> None:
    group, decimal = style
    text = _format(value, group, decimal, digits)
    expected = float(f"{value:.{digits}f}")
    # Without a grouping mark a value like 1,234 is ambiguous; the file's locale settles it.
    got = parse_number(text, decimal=decimal)  # type: ignore[arg-type]
    assert got is not None
    assert math.isclose(got, expected, rel_tol=1e-12, abs_tol=1e-9), text
