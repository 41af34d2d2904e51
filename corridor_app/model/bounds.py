"""Figures written as bounds or ranges, in English and Russian (issue 18).

Public figures are often not points: the EDB's INSTC portfolio is "over US$38
billion", a line is "323–366 km", a share "about 35 %". ``parse_bounded`` reads
such a text into a ``Quantity`` whose ``value`` is the point the app computes
with and whose ``low``/``high``/``approximate`` say what else the text stated:

- ``over 38``, ``more than 38``, ``at least 38``, ``более 38``, ``свыше 38``,
  ``не менее 38``, ``38+``: low 38, no high; the point is 38.
- ``up to 40``, ``до 40``, ``не более 40``: high 40, no low; the point is 40.
- ``38–40``, ``38-40``, ``от 38 до 40``, ``from 38 to 40``, ``12,5–13,5``:
  low and high; the point is their midpoint.
- ``about 38``, ``около 38``, ``~38``: the point 38, flagged approximate.

A text with none of these forms is read by the plain number parser, so
everything that was read before reads the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from corridor_app.model.errors import ParseError
from corridor_app.model.numbers import Decimal, Quantity, parse_quantity

Parser = Callable[[str, Decimal], Quantity | None]

_LOW_WORDS = (
    "more than",
    "greater than",
    "at least",
    "in excess of",
    "not less than",
    "no less than",
    "over",
    "above",
    "не менее",
    "не меньше",
    "более",
    "больше",
    "свыше",
    "от",
    ">=",
    "≥",
    ">",
)
_HIGH_WORDS = (
    "up to",
    "at most",
    "no more than",
    "not more than",
    "less than",
    "under",
    "below",
    "не более",
    "не больше",
    "не свыше",
    "менее",
    "меньше",
    "до",
    "<=",
    "≤",
    "<",
)
_APPROX_WORDS = (
    "approximately",
    "approx.",
    "approx",
    "about",
    "around",
    "circa",
    "roughly",
    "ca.",
    "приблизительно",
    "примерно",
    "порядка",
    "около",
    "ок.",
    "~",
    "≈",
)
_PREFIXES = sorted(
    [(w, "low") for w in _LOW_WORDS] + [(w, "high") for w in _HIGH_WORDS] + [(w, "approx") for w in _APPROX_WORDS],
    key=lambda item: -len(item[0]),
)
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_BETWEEN = re.compile(r"^(?:от|from|between)\s+(.+?)\s+(?:до|to|and|и)\s+(.+)$")
_TO = re.compile(r"^(.*\d.*?)\s+(?:to|до)\s+(.*\d.*)$")
_DASHES = "-\u2012\u2013\u2014\u2212"
_WORDY = re.compile(r"[^\W\d_]|[$€₽₸¥£%]", re.UNICODE)


def _strip_prefix(lowered: str) -> tuple[str, str]:
    """The bound word a text starts with ("low", "high", "approx" or "") and the rest."""
    for word, kind in _PREFIXES:
        if not lowered.startswith(word):
            continue
        rest = lowered[len(word) :]
        # A word must end there: "до" is not the start of "долл", "от" not of "отчёт".
        if word[-1].isalpha() and rest[:1].isalpha():
            continue
        return kind, rest.strip()
    return "", lowered


def _split_range(text: str) -> tuple[str, str] | None:
    """The two ends of "A–B" or "A to B", or ``None``."""
    match = _TO.match(text)
    if match:
        return match.group(1), match.group(2)
    for at, char in enumerate(text):
        if char in _DASHES and at > 0:
            left, right = text[:at], text[at + 1 :]
            if any(c.isdigit() for c in left) and any(c.isdigit() for c in right):
                return left.strip(), right.strip()
            return None
    return None


def _share_words(left: str, right: str) -> tuple[str, str]:
    """Unit words written once apply to both ends: "USD 12–14 bn" is USD 12 bn to USD 14 bn."""
    first = next(i for i, c in enumerate(left) if c.isdigit())
    last = max(i for i, c in enumerate(right) if c.isdigit())
    prefix, suffix = left[:first], right[last + 1 :]
    left_suffix = left[max(i for i, c in enumerate(left) if c.isdigit()) + 1 :]
    right_prefix = right[: next(i for i, c in enumerate(right) if c.isdigit())]
    if _WORDY.search(suffix) and not _WORDY.search(left_suffix):
        left = left + " " + suffix.strip()
    if _WORDY.search(prefix) and not _WORDY.search(right_prefix):
        right = prefix.strip() + " " + right
    return left, right


def _one(text: str, original: str, decimal: Decimal, parse: Parser) -> Quantity:
    try:
        quantity = parse(text, decimal)
    except ParseError as exc:
        raise ParseError(f"'{original}' is not a number, bound or range ({exc.message})", original) from None
    if quantity is None:
        raise ParseError(f"'{original}' holds no number after the bound word", original)
    return quantity


def parse_bounded(text: str, decimal: Decimal = None, parse: Parser = parse_quantity) -> Quantity | None:
    """Read a number, bound or range (module docstring); ``None`` for a blank cell.

    ``parse`` reads each number (``parse_quantity``, or ``measures.parse_measure``
    for columns with physical units).

    Raises
    ------
    ParseError
        The text is not a number, bound or range, the two ends of a range are
        in different units, or the low end is above the high end.
    """
    original = text.strip()
    lowered = _SPACES.sub(" ", original).strip().lower()
    if not lowered:
        return parse(text, decimal)
    between = _BETWEEN.match(lowered)
    if between:
        return _range((between.group(1), between.group(2)), original, decimal, parse, approximate=False)
    kind, rest = _strip_prefix(lowered)
    if kind in ("", "approx"):
        ends = _split_range(rest)
        if ends is not None:
            return _range(ends, original, decimal, parse, approximate=kind == "approx")
    if kind == "" and lowered.endswith("+") and any(c.isdigit() for c in lowered):
        kind, rest = "low", lowered[:-1].strip()
    if kind == "":
        return parse(text, decimal)
    if not any(c.isdigit() for c in rest):
        raise ParseError(f"'{original}' holds no number after the bound word", original)
    quantity = _one(rest, original, decimal, parse)
    if kind == "low":
        return replace(quantity, low=quantity.value)
    if kind == "high":
        return replace(quantity, high=quantity.value)
    return replace(quantity, approximate=True)


def _range(ends: tuple[str, str], original: str, decimal: Decimal, parse: Parser, approximate: bool) -> Quantity:
    left, right = _share_words(*ends)
    a, b = _one(left, original, decimal, parse), _one(right, original, decimal, parse)
    if (a.currency, a.scale, a.percent, a.unit) != (b.currency, b.scale, b.percent, b.unit):
        raise ParseError(f"'{original}': the two ends of the range are in different units", original)
    if a.value > b.value:
        raise ParseError(f"'{original}': the low end {a.value:g} is above the high end {b.value:g}", original)
    point = round((a.value + b.value) / 2, 9)
    return replace(a, value=point, low=a.value, high=b.value, approximate=approximate)
