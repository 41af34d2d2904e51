"""Physical units of targets and other measures: ``836 km``, ``20 Mt/yr``, ``11 тыс. км``.

Kazakhstan's targets mix USD bn, km, Mt per year and percent. A number written
with one of the units here is read with its unit, which goes to the row's unit
column, so measures in different units are never mistaken for one another
(and never added: they are compared side by side or as progress fractions).
A word that is neither a currency, a scale nor one of these units is still
refused: ``12 apples`` is an error, not 12.
"""

from __future__ import annotations

import re

from corridor_app.model.errors import ParseError
from corridor_app.model.numbers import SCALES, Decimal, Quantity, parse_quantity

# Canonical unit -> the ways it is written (compared casefolded, spaces collapsed, dots dropped).
MEASURE_UNITS: dict[str, tuple[str, ...]] = {
    "km": ("km", "км", "kilometre", "kilometres", "kilometer", "kilometers", "километр", "километра", "километров"),
    "Mt/yr": (
        "mt/yr",
        "mt/year",
        "mt per year",
        "mt a year",
        "mtpa",
        "million tonnes per year",
        "million tons per year",
        "million tonnes a year",
        "млн т/год",
        "млн т в год",
        "млн тонн в год",
        "млн тонн/год",
    ),
    "Mt": ("mt", "million tonnes", "million tons", "млн т", "млн тонн"),
    "train pairs/day": ("train pairs/day", "pairs/day", "pairs of trains per day", "пар поездов в сутки", "пар/сутки"),
    "TEU": ("teu", "дфэ"),
}
_SCALE_PREFIXES: dict[str, str] = {
    "thousand": "thousand",
    "thousands": "thousand",
    "тыс": "thousand",
    "million": "mln",
    "mln": "mln",
    "млн": "mln",
    "billion": "bn",
    "bn": "bn",
    "млрд": "bn",
}
_LOOKUP = {alias: canonical for canonical, aliases in MEASURE_UNITS.items() for alias in (canonical, *aliases)}
_LEADING_NUMBER = re.compile(r"^([+\-\u2212]?\s*[.,]?\d[\d.,'\u2019 ]*)(.*)$")


def _fold(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " "))
    text = text.casefold().replace(".", " ").replace(" / ", "/").replace("/ ", "/").replace(" /", "/")
    return " ".join(text.split())


def canonical_unit(text: str) -> str | None:
    """The canonical name of a physical unit ("км" -> "km", "млн т/год" -> "Mt/yr"), else ``None``."""
    return _LOOKUP.get(_fold(text))


def _scaled_unit(words: str) -> tuple[str, float] | None:
    """``thousand km`` -> ("km", 1000); ``km`` -> ("km", 1)."""
    unit = canonical_unit(words)
    if unit is not None:
        return unit, 1.0
    head, _, rest = _fold(words).partition(" ")
    if head in _SCALE_PREFIXES and rest:
        unit = canonical_unit(rest)
        if unit is not None:
            return unit, SCALES[_SCALE_PREFIXES[head]]
    return None


def parse_measure(text: str, decimal: Decimal = None) -> Quantity | None:
    """Read a number that may carry a physical unit; ``None`` for a blank cell.

    Money and percent (``USD 150 bn``, ``60 %``) are read as ``parse_quantity``
    reads them. ``836 km``, ``11 000 km``, ``20 Mt/yr``, ``11 тыс. км`` give the
    value in the canonical unit (``11 тыс. км`` is 11000 km) with ``unit`` set.

    Raises
    ------
    ParseError
        Not a number, or words that are no currency, scale or known unit.
    """
    try:
        return parse_quantity(text, decimal)
    except ParseError as first:
        match = _LEADING_NUMBER.match(text.strip())
        if match is None or not match.group(2).strip():
            raise
        number, words = match.group(1).strip(), match.group(2).strip()
        scaled = _scaled_unit(words)
        if scaled is None:
            raise ParseError(f"'{text.strip()}': '{words}' is not a currency, scale or known unit", text) from first
        quantity = parse_quantity(number, decimal)
        if quantity is None or quantity.currency or quantity.scale or quantity.percent:  # pragma: no cover
            raise ParseError(f"'{text.strip()}' is not a number", text) from first
        unit, factor = scaled
        return Quantity(quantity.value * factor, unit=unit)
