"""How a number is written on screen: with the precision its unit and its value call for (issue 14).

Every number showed two decimals whatever it measured (``11,000.00 km``,
``60.00 %``). Here a count, a length or an amount of money shows the decimals
its source gave (``11,000 km``, ``13.2``, ``12.87 USD bn``: never padded, never
rounded away), and a percentage one decimal (``60.0 %``), more only when the
source gave more. The table, the charts' labels and the legends write numbers
through ``number_text`` so a figure reads the same everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable

MAX_DECIMALS = 6
PERCENT_DECIMALS = 1
MAX_PERCENT_DECIMALS = 3
PERCENT_UNITS = frozenset({"%", "percent", "pct", "per cent", "pp", "п.п.", "процент"})

# For the cells of a table: the column that names a number column's unit, or the unit itself.
# Keys are (table, column); a value starting with "=" is the unit itself, otherwise a column of the row.
UNIT_OF: dict[tuple[str, str], str] = {
    ("contributions", "amount"): "unit",
    ("totals", "published_total"): "unit",
    ("targets", "value"): "unit",
    ("targets", "baseline"): "unit",
    ("projects", "cost"): "currency",
    ("projects", "length_km"): "=km",
    ("scenarios", "value"): "kind",  # "percent" adjustments are percentages
}


def is_percent(unit: str | None) -> bool:
    return unit is not None and unit.strip().casefold() in PERCENT_UNITS


def given_decimals(value: float, limit: int = MAX_DECIMALS) -> int:
    """The decimals ``value`` was written with: 13.2 -> 1, 12.87 -> 2, 11000.0 -> 0 (at most ``limit``)."""
    if not math.isfinite(value):
        return 0
    # The shortest text that reads back as ``value`` holds exactly the decimals typed (the fast path:
    # the filter writes every distinct value of a column); float noise such as 0.30000000000000004
    # takes the rounding loop below.
    text = repr(float(value))
    if "e" not in text:
        decimals = len(text) - text.index(".") - 1
        if text.endswith(".0"):
            return 0
        if decimals <= limit:
            return decimals
    tolerance = 1e-9 * max(1.0, abs(value))
    for decimals in range(limit + 1):
        if abs(round(value, decimals) - value) <= tolerance:
            return decimals
    return limit


def number_decimals(value: float, unit: str | None = None) -> int:
    """Decimals for ``value`` in ``unit``: percentages one (more if given), anything else as given."""
    if is_percent(unit):
        return max(PERCENT_DECIMALS, given_decimals(value, MAX_PERCENT_DECIMALS))
    return given_decimals(value)


def number_text(value: float, unit: str | None = None, *, sign: bool = False) -> str:
    """``value`` with thousands separators and the decimals ``number_decimals`` gives; ``sign`` writes a +.

    A value finer than ``MAX_DECIMALS`` shows six significant digits rather than turning to 0.000000.
    """
    if not math.isfinite(value):
        return str(value)
    plus = "+" if sign else ""
    if value != 0 and abs(value) < 10 ** (1 - MAX_DECIMALS) and given_decimals(value) == MAX_DECIMALS:
        return f"{value:{plus}.6g}"
    return f"{value:{plus},.{number_decimals(value, unit)}f}"


def cell_unit(table: str, column: str, read: Callable[[str], object]) -> str | None:
    """The unit of a number cell, read from its row with ``read(column)``; None when the sheet gives none."""
    source = UNIT_OF.get((table, column))
    if source is None:
        return None
    if source.startswith("="):
        return source[1:]
    unit = read(source)
    return str(unit) if unit else None
