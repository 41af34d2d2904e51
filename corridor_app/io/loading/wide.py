"""Country-by-year tables: a country column and a column per year, read as contributions in long form.

World Bank, IMF and UN data come as ``Country | 1990 | 1991 | ...`` (also ``FY2024`` or ``2024 г.``). Each
filled year cell becomes one contribution with its ``Year`` (docs/FORMAT.md), so the corridor's totals can be
shown per year and over all years. A blank cell is no contribution; the statistics offices' own marks for
"no data" (``..``, ``-``, ``n/a``) are counted in one warning; anything else that is not a number is an
error naming its cell, and the load is refused as for any table.
"""

from __future__ import annotations

from dataclasses import dataclass

from corridor_app.io.loading.findings import Located, problem
from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.errors import ParseError
from corridor_app.model.schema import Value, format_unit, is_total_label, match_columns, parse_cell, year_of
from corridor_app.model.sheets import CONTRIBUTIONS
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

MIN_YEARS = 2
_MISSING = {"..", "...", "…", "-", "–", "—", "n/a", "na", "n.a.", ":", "x", "nan"}
_ROW_COLUMNS = ("unit", "source", "corridor", "note")


@dataclass(frozen=True)
class WideLayout:
    """Where a country-by-year table is: its header row, country column, year columns and the rest."""

    header_index: int
    country: int
    years: dict[int, int]  # position -> year
    known: dict[int, str]  # position -> unit, source, corridor or note
    extras: dict[int, str]  # position -> header of a column the format does not know


def find_wide(sheet: RawSheet, scan_rows: int = 30, country: int | None = None) -> WideLayout | None:
    """The wide layout of ``sheet``: the first row with at least two year headers and a country column.

    The country column is the one headed as a country ("Country", "Страна", "Country Name"), or ``country``
    when the user named it, or else the leftmost column before the years whose cells are mostly text.
    """
    for index, row in enumerate(sheet.rows[:scan_rows]):
        years = {pos: y for pos, cell in enumerate(row) if (y := year_of(cell)) is not None}
        if len(years) < MIN_YEARS or len(set(years.values())) != len(years):
            continue
        texts: list[object] = [c if isinstance(c, str) and pos not in years else None for pos, c in enumerate(row)]
        matched = match_columns(CONTRIBUTIONS, texts)
        if "amount" in matched.values():
            return None  # a long table with year-like extras: not this reader's
        at = country
        if at is None:
            at = next((p for p, k in matched.items() if k == "country"), None)
        if at is None:
            at = _text_column(sheet, index, min(years))
        if at is None or at in years:
            continue
        known = {p: k for p, k in matched.items() if k in _ROW_COLUMNS and p != at}
        extras = {
            p: str(c).strip()
            for p, c in enumerate(row)
            if p not in years and p not in known and p != at and c is not None and str(c).strip()
        }
        return WideLayout(index, at, years, known, extras)
    return None


def _text_column(sheet: RawSheet, header_index: int, before: int) -> int | None:
    body = sheet.rows[header_index + 1 : header_index + 201]
    for pos in range(before):
        cells = [r[pos] for r in body if pos < len(r) and r[pos] not in (None, "")]
        if cells and sum(isinstance(c, str) and year_of(c) is None for c in cells) >= 0.8 * len(cells):
            return pos
    return None


def read_wide(book: Workbook, found: Located, sheet: RawSheet, layout: WideLayout, corridor: str) -> None:
    """Append the sheet's year cells to Contributions, one record per filled cell, in row then year order."""
    table = book.table("contributions")
    header = sheet.rows[layout.header_index]
    used = set(table.keys)
    extras: dict[int, str] = {}
    for pos, name in layout.extras.items():
        while name in used:
            name += "_"
        extras[pos] = name
        used.add(name)
        table.add_extra_column(name)
    table.headers.setdefault("country", str(header[layout.country]).strip())
    for pos, key in layout.known.items():
        table.headers.setdefault(key, str(header[pos]).strip())
    records: list[dict[str, Value]] = []
    origins: list[Origin] = []
    missing = totals = 0
    first_body_row = sheet.first_row + layout.header_index + 1
    for offset, row in enumerate(sheet.rows[layout.header_index + 1 :]):
        sheet_row = first_body_row + offset
        filled = [p for p in layout.years if p < len(row) and _filled(row[p])]
        country = row[layout.country] if layout.country < len(row) else None
        if not filled and (country is None or not str(country).strip()):
            continue
        if is_total_label(country):
            totals += 1
            continue
        base = _row_values(found, sheet, row, sheet_row, header, layout, extras)
        if base is None:
            continue
        if not base.get("corridor") and corridor:
            base["corridor"] = corridor
        for pos in filled:
            raw = row[pos]
            if isinstance(raw, str) and raw.strip().casefold() in _MISSING:
                missing += 1
                continue
            record = _year_value(found, sheet, raw, sheet_row, pos, header, base)
            if record is not None:
                record["year"] = layout.years[pos]
                records.append(record)
                origins.append(Origin(sheet.name, sheet_row))
    table.append_many(records, origins)
    at = sheet.first_row + layout.header_index
    if missing:
        found.warnings.append(
            problem(
                sheet,
                at,
                min(layout.years),
                header,
                f"{missing} year cells marked as no data ('..') were left out",
                "warning",
            )
        )
    if totals:
        found.warnings.append(
            problem(
                sheet,
                at,
                layout.country,
                header,
                f"{totals} total rows were left out: the parts are added up",
                "warning",
            )
        )


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _row_values(
    found: Located,
    sheet: RawSheet,
    row: list[object],
    sheet_row: int,
    header: list[object],
    layout: WideLayout,
    extras: dict[int, str],
) -> dict[str, Value] | None:
    """The country and the row's other columns, or None when one cannot be read (the error is recorded)."""
    base: dict[str, Value] = {}
    for pos, key in ((layout.country, "country"), *layout.known.items()):
        raw = row[pos] if pos < len(row) else None
        mark = sheet.marks.get((sheet_row, sheet.first_col + pos))
        try:
            if mark is not None:
                raise ParseError(mark)
            base[key] = parse_cell(CONTRIBUTIONS.column(key), raw, sheet.decimal)[0]
        except ParseError as exc:
            found.errors.append(problem(sheet, sheet_row, pos, header, exc.message))
            return None
    for pos, name in extras.items():
        raw = row[pos] if pos < len(row) else None
        base[name] = raw if raw is None or isinstance(raw, str | int | float) else str(raw)
    return base


def _year_value(
    found: Located,
    sheet: RawSheet,
    raw: object,
    sheet_row: int,
    pos: int,
    header: list[object],
    base: dict[str, Value],
) -> dict[str, Value] | None:
    mark = sheet.marks.get((sheet_row, sheet.first_col + pos))
    try:
        if mark is not None:
            raise ParseError(mark)
        value, quantity = parse_cell(CONTRIBUTIONS.column("amount"), raw, sheet.decimal)
    except ParseError as exc:
        found.errors.append(problem(sheet, sheet_row, pos, header, exc.message))
        return None
    record = dict(base)
    record["amount"] = value
    if not record.get("unit") and quantity is not None and (quantity.currency or quantity.scale):
        record["unit"] = format_unit(quantity.currency, quantity.scale)
    return record
