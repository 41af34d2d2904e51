"""The corridor workbook's tables and columns: names, aliases and types.

Sheet and column names match case-insensitively, in English or Russian, with
punctuation and units ignored ("Сумма, млрд долл." finds the amount column).
``parse_cell`` turns a cell's content into the column's value or raises
``ParseError``; it is what the loader and the table editor both use.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from corridor_app.model.bounds import parse_bounded
from corridor_app.model.columns import ColumnSpec, normalise_name
from corridor_app.model.errors import ParseError
from corridor_app.model.measures import parse_measure
from corridor_app.model.numbers import Decimal, Quantity, check_finite, parse_quantity
from corridor_app.model.sheets import TableSpec

_TOTAL_LABEL = re.compile(r"^(grand\s+)?(total|sum|итого|всего|итог|общая сумма|сумма)\b", re.IGNORECASE)


def is_total_label(text: object) -> bool:
    """Is this country-column text a total row ("Total", "Итого", "Всего")?"""
    return isinstance(text, str) and bool(_TOTAL_LABEL.match(text.strip()))


def match_columns(spec: TableSpec, headers: list[object]) -> dict[int, str]:
    """Map header positions to the table's column keys.

    A header that can only mean one column is assigned first, so that in a file
    with "Indicator" and "Target" columns, "Target" becomes the value; in one
    with "Target" and "Value" it is the name. Unit words in a header are ignored
    ("Amount, USD bn" is the amount).
    """
    return match_normalised(spec, normalise_headers(headers))


def normalise_headers(headers: list[object]) -> list[str]:
    """Each header normalised for matching ("" for a blank one), each distinct text once."""
    seen: dict[object, str] = {}
    out = []
    for header in headers:
        if header is None:
            out.append("")
            continue
        key = header if isinstance(header, str) else str(header)
        norm = seen.get(key)
        if norm is None:
            norm = seen[key] = normalise_name(key) if key.strip() else ""
        out.append(norm)
    return out


def match_normalised(spec: TableSpec, norms: list[str]) -> dict[int, str]:
    """``match_columns`` over headers already normalised (``normalise_headers``): one lookup per cell."""
    index = spec.name_index
    candidates: dict[int, tuple[str, ...]] = {}
    for pos, norm in enumerate(norms):
        if not norm:
            continue
        keys = index.get(norm)
        if keys is None:
            stripped = _strip_unit_words(norm)
            keys = index.get(stripped) if stripped else None
        if keys:
            candidates[pos] = keys
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for pos in sorted(candidates, key=lambda p: (len(candidates[p]), p)):
        for key in candidates[pos]:
            if key not in taken:
                assigned[pos] = key
                taken.add(key)
                break
    return dict(sorted(assigned.items()))


_UNIT_WORDS = re.compile(r"\b(usd|eur|rub|kzt|bn|mln|млрд|млн|долл|сша|руб|тенге|евро|billion|million|in|в|km|км|%)\b")


def _strip_unit_words(norm: str) -> str:
    return " ".join(_UNIT_WORDS.sub(" ", norm).split())


def unit_from_header(header: object) -> str:
    """The unit a header names, e.g. "Сумма, млрд долл." -> "USD bn"."""
    try:
        q = parse_quantity("1 " + normalise_name(header).replace("$", " usd "))
    except ParseError:
        words = normalise_name(header).split()
        q = None
        for i in range(len(words)):
            try:
                q = parse_quantity("1 " + " ".join(words[i:]))
                break
            except ParseError:
                continue
    if q is None:
        return ""
    return format_unit(q.currency, q.scale, q.percent)


def format_unit(currency: str, scale: str, percent: bool = False) -> str:
    if percent:
        return "%"
    return " ".join(p for p in (currency, scale) if p)


Value = str | float | int | None


def parse_cell(column: ColumnSpec, raw: object, decimal: Decimal = None) -> tuple[Value, Quantity | None]:
    """Read one cell for ``column``.

    Returns the value (``None`` for blank) and, for numbers written as text,
    the ``Quantity`` read from it so the caller can use its unit words and,
    for a figure that takes ranges, the bounds it states (``model.ranges.bound_cells``).

    Raises
    ------
    ParseError
        The content is not of the column's type.
    """
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        if column.required:
            raise ParseError(f"{column.label} is required")
        return None, None
    if column.kind == "text" and column.choices:
        return parse_choice(column, raw), None
    if column.kind == "text":
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw)), None
        if isinstance(raw, (dt.datetime, dt.date)):
            return raw.isoformat(), None
        return str(raw).strip(), None
    if isinstance(raw, bool):
        raise ParseError(f"{column.label} must be a number, not {raw}", raw)
    if isinstance(raw, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        raise ParseError(f"{column.label} must be a number, not a date or time ({raw})", raw)
    if column.kind == "year" and isinstance(raw, str) and (year := year_of(raw)) is not None:
        return year, None  # "FY2024", "2024 г."
    quantity: Quantity | None = None
    if isinstance(raw, (int, float)):
        value = check_finite(float(raw))
    else:
        quantity = parse_bounded(str(raw), decimal, parse_measure if column.measure else parse_quantity)
        if quantity is None:
            if column.required:
                raise ParseError(f"{column.label} is required")
            return None, None
        if quantity.states_range and not column.low:
            raise ParseError(f"{column.label} takes one number, not a bound or range ('{str(raw).strip()}')", raw)
        value = quantity.value
    if column.kind == "year":
        if not value.is_integer() or not 1800 <= value <= 2200:
            raise ParseError(f"{column.label} must be a year such as 2029, not {raw}", raw)
        return int(value), quantity
    return value, quantity


# "2024", "FY2024", "FY 2024", "2024 г.", "2024 год", "2024г", and the World Bank's "2013 [YR2013]".
_YEAR_TEXT = re.compile(r"^(?:fy|cy|y)?\s*(\d{4})\s*(?:г\.?|гг\.?|год|y)?\s*(?:\[yr\d{4}\])?$", re.IGNORECASE)
YEAR_RANGE = (1900, 2100)


def year_of(cell: object) -> int | None:
    """The year a header or cell names ("FY2024", "2024 г.", 2013.0), or None; years from 1900 to 2100."""
    if isinstance(cell, bool) or cell is None:
        return None
    year: int | None = None
    if isinstance(cell, int | float):
        year = int(cell) if float(cell).is_integer() else None
    elif isinstance(cell, str):
        match = _YEAR_TEXT.match(cell.strip())
        year = int(match.group(1)) if match else None
    return year if year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None


def parse_choice(column: ColumnSpec, raw: object) -> str:
    """The canonical value a choice cell names ("Процент" -> "percent"), or ``ParseError``."""
    found = column.choice_index.get(normalise_name(raw))
    if found is not None:
        return found
    for choice in column.choices:
        if str(raw).strip() in choice:
            return choice[0]
    allowed = ", ".join(c[0] for c in column.choices)
    raise ParseError(f"{column.label} must be one of {allowed}, not {str(raw).strip()!r}", raw)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def check_value(column: ColumnSpec, value: Value, *, keep_numbers: bool = False, clearing: bool = False) -> Value:
    """Check an already parsed value for ``column``: the one place typing, pasting, scripts and undo meet.

    ``keep_numbers``: a column the format does not know keeps the numbers it was loaded with, so deleting
    a row and undoing it gives back 5, not "5". ``clearing``: a filled cell is being set to blank, which a
    required column refuses.

    Raises
    ------
    ParseError
        The value is not of the column's type, or a required cell would be cleared.
    """
    if is_blank(value):
        if clearing and column.required:
            raise ParseError(f"{column.label} is required and cannot be cleared; delete the row instead", value)
        return None
    if column.kind == "text":
        if keep_numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParseError(f"{column.label} must be a number, not {value!r}", value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ParseError(f"{column.label} must be a finite number", value)
    if column.kind == "year" and (float(value) != int(value) or not 1800 <= value <= 2200):
        # The table shows a year as an integer: 2029.5 would be shown, and undone, as 2029.
        raise ParseError(f"{column.label} must be a year such as 2029, not {value!r}", value)
    return value
