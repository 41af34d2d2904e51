"""The user's say in how a file is read: which sheet, which header row, which column is which, which encoding.

A table whose headers are not among the format's aliases ("Economy | Value (USD m)", "text | number") is
refused as "no corridor table found" unless the user names its columns, as LibreOffice's import dialog,
Power Query and pandas' ``usecols`` let them. ``ColumnMapping`` is that choice as a plain value: the CLI
builds it from flags, the import step from its widgets, and the loader carries it into the parsing child
as JSON. ``guess_mapping`` proposes one for a sheet: the text column with repeating names as the country,
the numeric column as the amount.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import asdict, dataclass, fields

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.columns import normalise_name
from corridor_app.model.errors import column_letter
from corridor_app.model.schema import match_columns
from corridor_app.model.sheets import CONTRIBUTIONS, TableSpec

ROLES = ("country", "amount", "unit", "source", "corridor")
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


@dataclass(frozen=True)
class ColumnMapping:
    """How to read a file whose table the loader cannot find by itself (every field optional).

    Columns are named by their header text (matched ignoring case, spacing and punctuation) or by their
    letter ("B"); ``header_row`` is 1-based, as a spreadsheet program shows it.
    """

    sheet: str | None = None
    header_row: int | None = None
    country: str | None = None
    amount: str | None = None
    unit: str | None = None
    source: str | None = None
    corridor: str | None = None
    encoding: str | None = None

    def columns(self) -> dict[str, str]:
        """Role -> the column named for it, for the roles that are set."""
        return {role: name for role in ROLES if (name := getattr(self, role))}

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v not in (None, "")}, ensure_ascii=True)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """The mapping ``to_json`` wrote; unknown keys are ignored, wrong types refused (``ValueError``)."""
        data = json.loads(text) if text else {}
        if not isinstance(data, dict):
            raise ValueError("a column mapping is a JSON object")
        known = {f.name for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in data.items():
            if key not in known or value is None:
                continue
            if key == "header_row":
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ValueError("header_row is a row number from 1")
            elif not isinstance(value, str):
                raise ValueError(f"{key} is a column name")
            values[key] = value
        return cls(**values)  # type: ignore[arg-type]


def needs_mapping(error: LoadError) -> bool:
    """Whether a load failed only because no table was recognised: the import step can then name the columns."""
    return error.message.startswith("no corridor table found") and not error.problems


def header_signature(headers: list[object]) -> str:
    """A key for "files with the same headers" (the import step remembers its choice under it)."""
    return "|".join(normalise_name(h) for h in headers if h is not None and str(h).strip())


def column_position(header: list[object], name: str) -> int | None:
    """The position of the column ``name`` names in ``header``: its header text, else its letter."""
    wanted = name.strip()
    for pos, cell in enumerate(header):
        if cell is not None and str(cell).strip() == wanted:
            return pos
    norm = normalise_name(wanted)
    for pos, cell in enumerate(header):
        if cell is not None and norm and normalise_name(cell) == norm:
            return pos
    if _LETTERS.match(wanted):
        col = 0
        for ch in wanted.upper():
            col = col * 26 + ord(ch) - 64
        return col - 1
    return None


def locate(path: str, sheets: list[RawSheet], mapping: ColumnMapping, scan_rows: int = 30) -> tuple[RawSheet, int]:
    """The sheet and header row (0-based index into its rows) that ``mapping`` designates.

    Without ``sheet``, the first sheet whose header row holds every named column; without ``header_row``,
    the first row of the first ``scan_rows`` that does.

    Raises
    ------
    LoadError
        The sheet does not exist, or no row holds the named columns (the message names them).
    """
    candidates = sheets
    if mapping.sheet:
        candidates = [s for s in sheets if s.name == mapping.sheet] or [
            s for s in sheets if normalise_name(s.name) == normalise_name(mapping.sheet)
        ]
        if not candidates:
            names = ", ".join(f"'{s.name}'" for s in sheets) or "none"
            raise LoadError(path, f"there is no sheet named '{mapping.sheet}' (sheets: {names})")
    named = [n for n in mapping.columns().values() if not _LETTERS.match(n.strip())]
    for sheet in candidates:
        if mapping.header_row is not None:
            index = mapping.header_row - sheet.first_row
            if not 0 <= index < len(sheet.rows):
                if mapping.sheet:
                    raise LoadError(path, f"the sheet has no row {mapping.header_row}", sheet=sheet.name)
                continue
            if all(column_position(sheet.rows[index], n) is not None for n in named) or mapping.sheet:
                return sheet, index
            continue
        for index, row in enumerate(sheet.rows[:scan_rows]):
            if all(column_position(row, n) is not None for n in named):
                return sheet, index
    wanted = ", ".join(f"'{n}'" for n in named)
    where = f"sheet '{mapping.sheet}'" if mapping.sheet else "any sheet"
    raise LoadError(path, f"no header row in {where} has the columns {wanted}; check --header-row and the names")


def guess_mapping(sheet: RawSheet, header_index: int = 0, scan: int = 200) -> ColumnMapping:
    """A first proposal for the import step, which the user confirms or changes.

    The country is the column with the most text cells, preferring one whose names repeat (a long table
    lists a country on many rows), then the leftmost; the amount is the column with the most numbers that
    are not an id or a year counting up.
    """
    if not 0 <= header_index < len(sheet.rows):
        return ColumnMapping()
    header = sheet.rows[header_index]
    body = sheet.rows[header_index + 1 : header_index + 1 + scan]
    width = max([len(header), *(len(r) for r in body)], default=0)
    texts = [0] * width
    numbers = [0] * width
    distinct: list[set[str]] = [set() for _ in range(width)]
    for row in body:
        for pos, cell in enumerate(row):
            if isinstance(cell, bool) or cell is None:
                continue
            if isinstance(cell, int | float):
                numbers[pos] += 1
            elif isinstance(cell, str) and cell.strip():
                if _is_number_text(cell):
                    numbers[pos] += 1
                else:
                    texts[pos] += 1
                    distinct[pos].add(cell.strip())
    repeats = [texts[p] > len(distinct[p]) for p in range(width)]
    country = max(range(width), key=lambda p: (texts[p], repeats[p], -p), default=None)
    if country is None or texts[country] == 0:
        return ColumnMapping(header_row=sheet.first_row + header_index)
    plain = [not _counter_like([row[p] if p < len(row) else None for row in body]) for p in range(width)]
    amount = max(
        (p for p in range(width) if p != country),
        key=lambda p: (numbers[p] > 0 and plain[p], numbers[p], -p),
        default=None,
    )
    name = _column_name(header, country)
    return ColumnMapping(
        sheet=sheet.name,
        header_row=sheet.first_row + header_index,
        country=name,
        amount=_column_name(header, amount) if amount is not None and numbers[amount] else None,
    )


def _counter_like(cells: list[object]) -> bool:
    """Integers counting 1, 2, 3 or years (an id or a year column, not an amount)."""
    values = [c for c in cells if isinstance(c, int | float) and not isinstance(c, bool)]
    if not values or any(not math.isfinite(v) or float(v) != int(v) for v in values):
        return False
    ints = [int(v) for v in values]
    counting = all(b - a == 1 for a, b in itertools.pairwise(ints))
    return counting or all(1800 <= v <= 2200 for v in ints)


_NUMBER_TEXT = re.compile(r"^\s*[-+−]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*\s*$")


def _is_number_text(text: str) -> bool:
    return bool(_NUMBER_TEXT.match(text))


def _column_name(header: list[object], pos: int) -> str:
    if pos < len(header) and header[pos] is not None and str(header[pos]).strip():
        return str(header[pos]).strip()
    return column_letter(pos)


def mapped_layout(
    path: str, sheet: RawSheet, header_index: int, mapping: ColumnMapping, spec: TableSpec = CONTRIBUTIONS
) -> tuple[TableSpec, int, dict[int, str]]:
    """The table layout ``mapping`` gives a sheet: the named columns, plus known headers among the rest.

    Raises
    ------
    LoadError
        A named column is not in the header row, two roles name one column, or the country or the amount
        is still unknown (the message says which flag names it).
    """
    header = sheet.rows[header_index]
    row = sheet.first_row + header_index
    layout: dict[int, str] = {}
    for role, name in mapping.columns().items():
        pos = column_position(header, name)
        if pos is None:
            shown = ", ".join(f"'{str(h).strip()}'" for h in header if h is not None and str(h).strip())
            raise LoadError(
                path, f"row {row} has no column '{name}' (its headers: {shown or 'none'})", sheet=sheet.name
            )
        if pos in layout:
            raise LoadError(path, f"column '{name}' is named for both {layout[pos]} and {role}", sheet=sheet.name)
        layout[pos] = role
    taken = set(layout.values())
    for pos, key in match_columns(spec, list(header)).items():
        if pos not in layout and key not in taken:
            layout[pos] = key
            taken.add(key)
    for role, flag in (("country", "--country-column"), ("amount", "--amount-column")):
        if role in spec.keys and role not in taken:
            raise LoadError(path, f"which column holds the {role}? Name it ({flag})", sheet=sheet.name, row=row)
    return spec, header_index, dict(sorted(layout.items()))
