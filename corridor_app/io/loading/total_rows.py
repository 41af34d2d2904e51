"""A "Total"/"Итого" row under the contributions: it becomes the corridor's published total.

Read with the table (``interpret``), it is kept aside until every sheet is read, then merged: a Totals sheet's
own figure wins, and a total row that disagrees with it is a warning.
"""

from __future__ import annotations

from corridor_app.io.loading.findings import Located, problem
from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.errors import ParseError, Problem
from corridor_app.model.numbers import Quantity
from corridor_app.model.ranges import merge_bounds
from corridor_app.model.schema import Value, format_unit, is_total_label, parse_cell, unit_from_header
from corridor_app.model.sheets import CONTRIBUTIONS, TOTALS
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

# A total row read from Contributions: corridor, amount, unit, source, where, the amount's header, its range.
PendingTotal = tuple[str, Value, Value, Value, Origin, str, dict[str, Value]]


def is_total_row(row: list[object], mapping: dict[int, str]) -> bool:
    country_pos = next((p for p, k in mapping.items() if k == "country"), None)
    if country_pos is not None and country_pos < len(row) and is_total_label(row[country_pos]):
        return True
    first_text = next((c for c in row if isinstance(c, str) and c.strip()), None)
    if not is_total_label(first_text):
        return False
    # "Total" in a note column next to a real country is not a total row.
    country = row[country_pos] if country_pos is not None and country_pos < len(row) else None
    return not (isinstance(country, str) and country.strip() and country != first_text)


def read_total_row(
    found: Located,
    sheet: RawSheet,
    row: list[object],
    mapping: dict[int, str],
    header: list[object],
    default_corridor: str,
    origin: Origin,
    pending: list[PendingTotal],
) -> None:
    values: dict[str, Value] = {}
    unit: Value = None
    stated: dict[str, Quantity] = {}
    for pos, key in mapping.items():
        if key == "country":
            continue
        raw = row[pos] if pos < len(row) else None
        mark = sheet.marks.get((origin.row, sheet.first_col + pos))
        if mark is not None:
            found.errors.append(problem(sheet, origin.row, pos, header, mark))
            return
        try:
            value, quantity = parse_cell(CONTRIBUTIONS.column(key), raw, sheet.decimal)
        except ParseError as exc:
            found.errors.append(problem(sheet, origin.row, pos, header, exc.message))
            return
        values[key] = value
        if key == "amount" and quantity is not None:
            stated["published_total"] = quantity
        if key == "amount" and quantity is not None and (quantity.currency or quantity.scale):
            unit = format_unit(quantity.currency, quantity.scale)
    amount_pos = next(p for p, k in mapping.items() if k == "amount")
    if values.get("amount") is None:
        found.warnings.append(problem(sheet, origin.row, amount_pos, header, "total row has no amount", "warning"))
        return
    corridor = str(values.get("corridor") or default_corridor)
    unit = values.get("unit") or unit or unit_from_header(header[amount_pos]) or None
    # The total's range: the row's Low/High cells and a bound written in its amount ("более 38"), checked together.
    ranged = {"published_total": values["amount"], **{k: values.get(k) for k in ("low", "high", "approx")}}
    for _key, message in merge_bounds(TOTALS, ranged, stated, {}):
        found.errors.append(problem(sheet, origin.row, amount_pos, header, message))
    del ranged["published_total"]
    # The header goes along so findings about this total name the column the figure stands in.
    amount_header = str(header[amount_pos]).strip()
    pending.append((corridor, values["amount"], unit, values.get("source"), origin, amount_header, ranged))


def merge_total_rows(book: Workbook, found: Located, pending: list[PendingTotal]) -> None:
    """A total row becomes the corridor's published total unless Totals already has one."""
    totals = book.table("totals")
    for corridor, amount, unit, source, origin, header, ranged in pending:
        existing = [r for r in range(len(totals)) if (totals.value(r, "corridor") or "") == corridor]
        if existing:
            published = totals.value(existing[0], "published_total")
            if published is not None and amount is not None and abs(float(published) - float(amount)) > 1e-9:
                found.warnings.append(
                    Problem(
                        "warning",
                        f"the total row says {amount:g} but the Totals sheet says {published:g}; Totals is used",
                        origin.sheet,
                        origin.row,
                        header,
                    )
                )
            continue
        totals.headers.setdefault("published_total", header)
        totals.append_many(
            [{"corridor": corridor, "published_total": amount, "unit": unit, "source": source, **ranged}], [origin]
        )
