"""From raw sheets to the corridor workbook.

Finds each sheet's table (by sheet name, else by its headers), its header row
(not necessarily row 1: title rows above it are common), maps columns through
the aliases of ``schema``, parses every cell, and turns a "Total"/"Итого" row
into the corridor's published total. Unknown sheets and columns are kept.
Cells that cannot be read are collected and reported together, each with its
sheet, row and column, and the load is refused: a bad number is never loaded
as blank or zero.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.columnar import FastRows, read_fast
from corridor_app.io.loading.figures import settle_figures
from corridor_app.io.loading.findings import Located, problem
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.mapping import ColumnMapping, column_position, locate, mapped_layout
from corridor_app.io.loading.total_rows import PendingTotal, is_total_row, merge_total_rows, read_total_row
from corridor_app.io.loading.wide import WideLayout, find_wide, read_wide
from corridor_app.model.columns import normalise_name
from corridor_app.model.errors import ParseError, column_letter
from corridor_app.model.numbers import Quantity
from corridor_app.model.schema import (
    Value,
    match_columns,
    match_normalised,
    normalise_headers,
    parse_cell,
    unit_from_header,
)
from corridor_app.model.sheets import CONTRIBUTIONS, TABLES, TableSpec, table_for_sheet
from corridor_app.model.table import Origin, Table
from corridor_app.model.workbook import COLUMNS as LOG_COLUMNS
from corridor_app.model.workbook import SHEET_NAME as LOG_SHEET
from corridor_app.model.workbook import ExtraSheet, LogEntry, Workbook

HEADER_SCAN_ROWS = 30
NO_TABLE = "no corridor table found"  # the refusal the import step answers (io/loading/mapping.needs_mapping)
_GENERIC_SHEET = re.compile(r"^(sheet|лист|tabelle|feuil|hoja|foglio|table)\s*\d*$", re.IGNORECASE)


def interpret(path: str, sheets: list[RawSheet], mapping: ColumnMapping | None = None) -> Workbook:
    """Build a ``Workbook`` from the sheets of ``path``; ``mapping`` names the columns of one sheet's table.

    Raises
    ------
    LoadError
        No sheet holds a corridor table, or some cells cannot be read (all of
        them are listed in ``LoadError.problems``).
    """
    book = Workbook()
    book.source_path = path
    found = Located(path)
    pending_totals: list[PendingTotal] = []
    mapped = locate(path, sheets, mapping) if mapping is not None and mapping.columns() else None
    for sheet in sheets:
        book.sheet_order.append(sheet.name)
        if normalise_name(sheet.name) == normalise_name(LOG_SHEET):
            book.change_log.extend(_read_change_log(sheet))
            continue
        layout: tuple[TableSpec, int, dict[int, str]] | None
        wide: WideLayout | None = None
        if mapped is not None and mapping is not None and sheet is mapped[0]:
            wide = _mapped_wide(sheet, mapped[1], mapping)
            layout = None if wide else mapped_layout(path, sheet, mapped[1], mapping)
        else:
            layout = _find_table(sheet, _header_row(sheet, mapping))
            wide = find_wide(sheet) if layout is None else None
        if wide is not None:
            read_wide(book, found, sheet, wide, _default_corridor(path, sheet, wide.header_index))
            continue
        if layout is None:
            book.extra_sheets.append(ExtraSheet(sheet.name, sheet.rows, sheet.first_row, sheet.first_col))
            continue
        spec, header_index, columns = layout
        _read_table(book, found, sheet, spec, header_index, columns, pending_totals)
    merge_total_rows(book, found, pending_totals)
    if found.errors:
        first = found.errors[0]
        more = f" (and {len(found.errors) - 1} more)" if len(found.errors) > 1 else ""
        raise LoadError(
            path,
            f"{first.message}{more}",
            sheet=first.sheet,
            row=first.row,
            column=first.column,
            cell=first.cell,
            problems=found.errors,
        )
    if not any(len(t) for t in book.tables.values()):
        names = ", ".join(f"'{s.name}'" for s in sheets) or "none"
        raise LoadError(
            path,
            f"{NO_TABLE}: no sheet has a header row with a country and an amount column "
            f"(or the Totals, Targets or Projects columns; sheets: {names}). See docs/FORMAT.md",
        )
    book.problems = found.warnings
    return book


def _mapped_wide(sheet: RawSheet, header_index: int, mapping: ColumnMapping) -> WideLayout | None:
    """A country-by-year table whose country column the user named, and no amount column."""
    if mapping.amount or not mapping.country:
        return None
    country = column_position(sheet.rows[header_index], mapping.country)
    wide = find_wide(RawSheet(sheet.name, sheet.rows[header_index:], sheet.first_row + header_index), 1, country)
    return None if wide is None else replace(wide, header_index=header_index)


def _header_row(sheet: RawSheet, mapping: ColumnMapping | None) -> int | None:
    """The header row index a mapping fixes for this sheet (``--header-row``), if any."""
    if mapping is None or mapping.header_row is None or (mapping.sheet and mapping.sheet != sheet.name):
        return None
    return mapping.header_row - sheet.first_row


def _find_table(sheet: RawSheet, header_index: int | None = None) -> tuple[TableSpec, int, dict[int, str]] | None:
    named = table_for_sheet(sheet.name)
    specs = [named] if named else list(TABLES)
    best: tuple[int, TableSpec, int, dict[int, str]] | None = None
    scan = range(HEADER_SCAN_ROWS) if header_index is None else [header_index]
    for index, row in ((i, sheet.rows[i]) for i in scan if 0 <= i < len(sheet.rows)):
        texts = [c if isinstance(c, str) else None for c in row]
        if sum(1 for t in texts if t and t.strip()) < (1 if named else 2):
            continue
        norms = normalise_headers(list(texts))  # once per row, not once per table tried (issue 17)
        for spec in specs:
            mapping = match_normalised(spec, norms)
            keys = set(mapping.values())
            needed = [c.key for c in spec.columns if c.required] if named else list(spec.signature)
            if named and spec is not CONTRIBUTIONS and not keys:
                continue
            if all(k in keys for k in needed):
                score = len(keys)
                if best is None or score > best[0]:
                    best = (score, spec, index, mapping)
        if best is not None:
            break
    if best is None:
        return None
    return best[1], best[2], best[3]


def _title_above(sheet: RawSheet, header_index: int) -> str:
    for row in sheet.rows[:header_index]:
        texts = [c.strip() for c in row if isinstance(c, str) and c.strip()]
        if len(texts) == 1:
            return texts[0]
    return ""


def _default_corridor(path: str, sheet: RawSheet, header_index: int) -> str:
    title = _title_above(sheet, header_index)
    if title:
        return title.split(":")[0].strip()
    if table_for_sheet(sheet.name) is None and not _GENERIC_SHEET.match(sheet.name.strip()):
        return sheet.name
    return Path(path).stem


def _read_table(
    book: Workbook,
    found: Located,
    sheet: RawSheet,
    spec: TableSpec,
    header_index: int,
    mapping: dict[int, str],
    pending_totals: list[PendingTotal],
) -> None:
    header = sheet.rows[header_index]
    table = book.table(spec.key)
    extras: dict[int, str] = {}
    used = set(table.keys)  # a set: a wide sheet's thousands of headers are each checked once (issue 17)
    for pos, cell in enumerate(header):
        if pos in mapping or cell is None or str(cell).strip() == "":
            continue
        name = str(cell).strip()
        while name in used:
            name += "_"
        extras[pos] = name
        used.add(name)
    for name in extras.values():
        table.add_extra_column(name)
    _report_duplicate_headers(found, sheet, spec, header, header_index, mapping)
    for pos, key in mapping.items():
        table.headers.setdefault(key, str(header[pos]).strip())
    header_unit = {key: unit_from_header(header[pos]) for pos, key in mapping.items()}
    default_corridor = (
        _default_corridor(found.path, sheet, header_index) if spec.key in ("contributions", "projects") else ""
    )
    body = sheet.rows[header_index + 1 :]
    # Rows with cells the preflight marked, or CSV rows wider than the header, need the per-cell checks.
    first_body_row = sheet.first_row + header_index + 1
    slow = {row - first_body_row for row, _ in sheet.marks}
    if sheet.delimited:
        slow.update(i for i, row in enumerate(body) if len(row) > len(header))
    fast = read_fast(
        body,
        spec,
        mapping,
        extras,
        default_corridor=default_corridor,
        header_unit=lambda k: header_unit.get(k, ""),
        force_slow=sorted(r for r in slow if r >= 0),
    )
    records: list[dict[str, Value]] = []
    at: list[int] = []
    for offset in fast.others.tolist():
        row = body[offset]
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        sheet_row = sheet.first_row + header_index + 1 + offset
        origin = Origin(sheet.name, sheet_row)
        if sheet.delimited and _overflows(row, header):
            found.errors.append(
                problem(
                    sheet,
                    sheet_row,
                    len(header),
                    header,
                    f"the row has more fields than the header's {len(header)}: a delimiter inside a value "
                    "(a decimal comma in a comma-separated file?) shifts the columns; quote the value",
                )
            )
            continue
        if spec.key == "contributions" and is_total_row(row, mapping):
            read_total_row(found, sheet, row, mapping, header, default_corridor, origin, pending_totals)
            continue
        record: dict[str, Value] = {}
        quantities: dict[str, Quantity] = {}
        for pos, key in mapping.items():
            raw = row[pos] if pos < len(row) else None
            mark = sheet.marks.get((sheet_row, sheet.first_col + pos))
            if mark is not None:
                found.errors.append(problem(sheet, sheet_row, pos, header, mark))
                continue
            try:
                value, quantity = parse_cell(spec.column(key), raw, sheet.decimal)
            except ParseError as exc:
                found.errors.append(problem(sheet, sheet_row, pos, header, exc.message))
                continue
            record[key] = value
            if quantity is not None:
                quantities[key] = quantity
        for pos, name in extras.items():
            record[name] = _extra_value(row[pos] if pos < len(row) else None)
            mark = sheet.marks.get((sheet_row, sheet.first_col + pos))
            if mark is not None:
                found.warnings.append(problem(sheet, sheet_row, pos, header, f"{mark}; kept blank", "warning"))
        if "corridor" in spec.keys and not record.get("corridor") and default_corridor:
            record["corridor"] = default_corridor
        for key, message in settle_figures(spec, record, quantities, lambda k: header_unit.get(k, "")):
            found.errors.append(problem(sheet, sheet_row, _position(spec, mapping, key), header, message))
        records.append(record)
        at.append(offset)
    _append_in_order(table, sheet, header_index, fast, records, at)


def _append_in_order(
    table: Table, sheet: RawSheet, header_index: int, fast: FastRows, records: list[dict[str, Value]], at: list[int]
) -> None:
    """Append the column-read rows and the cell-read records, in the order the sheet has them."""
    first = sheet.first_row + header_index + 1
    if not records:  # every row read by columns, already in order: no merge (a key left out is blank)
        table.append_columns(fast.columns, sheet.name, first + fast.index)
        return
    positions = np.concatenate([fast.index, np.asarray(at, dtype=np.int64)])
    order = np.argsort(positions, kind="stable")
    n = len(positions)
    columns: dict[str, np.ndarray] = {}
    for key in table.keys:
        merged = table.empty_column(key, n)
        part = fast.columns.get(key)
        if part is not None:
            merged[: len(fast.index)] = part
        merged[len(fast.index) :] = [table.stored(key, rec.get(key)) for rec in records]
        columns[key] = merged[order]
    table.append_columns(columns, sheet.name, first + positions[order])


def _overflows(row: list[object], header: list[object]) -> bool:
    return any(not (c is None or (isinstance(c, str) and not c.strip())) for c in row[len(header) :])


def _report_duplicate_headers(
    found: Located, sheet: RawSheet, spec: TableSpec, header: list[object], header_index: int, mapping: dict[int, str]
) -> None:
    """Two columns with the same header: say which one is read, so no figure is silently ignored."""
    first_of: dict[str, int] = {}
    row = sheet.first_row + header_index
    for pos, cell in enumerate(header):
        if cell is None or str(cell).strip() == "":
            continue
        key = mapping.get(pos) or next(iter(match_columns(spec, [cell]).values()), None)
        name = key or normalise_name(cell)
        if name not in first_of:
            first_of[name] = pos
            continue
        other = column_letter(sheet.first_col + first_of[name])
        if key is not None:
            detail = f"column {other} is the one read as {spec.column(key).label}; this one is kept as an extra column"
        else:
            detail = f"column {other} has the same header; both are kept"
        found.warnings.append(problem(sheet, row, pos, header, f"duplicate header: {detail}", "warning"))


def _extra_value(raw: object) -> Value:
    """Cells of columns the app does not know: kept as they are; dates and times as text."""
    if raw is None or isinstance(raw, str | int | float):
        return raw
    return str(raw)


def _position(spec: TableSpec, mapping: dict[int, str], key: str) -> int:
    """The column a finding about ``key`` is placed at: its own, else the figure it bounds (a text "over 38")."""
    for wanted in (key, spec.column(key).bound_of):
        for pos, mapped in mapping.items():
            if mapped == wanted:
                return pos
    return min(mapping, default=0)


def _read_change_log(sheet: RawSheet) -> list[LogEntry]:
    """Entries of a saved ``Change log`` sheet, so the log accumulates across sessions."""
    entries = []
    for row in sheet.rows[1:]:
        cells = [*row, *[None] * len(LOG_COLUMNS)][: len(LOG_COLUMNS)]
        if all(c is None or c == "" for c in cells):
            continue
        time, action, sheet_name, record, column, old, new = cells
        entries.append(
            LogEntry(
                str(time or ""),
                str(action or ""),
                str(sheet_name or ""),
                str(record or ""),
                str(column or ""),
                None if old == "" else old,
                None if new == "" else new,
            )
        )
    return entries


def table_layout(sheet: RawSheet) -> tuple[TableSpec, int, dict[int, str]] | None:
    """The table a sheet holds as the loader reads it: spec, header row index, position -> column key."""
    return _find_table(sheet)
