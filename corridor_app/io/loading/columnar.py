"""The loader's fast path: whole columns at once for the cells that need no judgement.

Registries run to a million rows, and reading them cell by cell through
``parse_cell`` costs seconds. Most cells are easy: numbers the spreadsheet
already stores as numbers, text that only needs trimming, the same corridor or
unit written thousands of times. Those are read here a column at a time (each
distinct text is parsed once and shared, which also keeps memory down).

Every row with anything that needs judgement (a number written as text with its
unit words or a bound such as "over 38", a blank required cell, a total row, a
bool or a date in a number column, a non-finite number, a Low above its figure)
is handed back to the per-cell path in
``interpret``, so its error messages and unit handling stay exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from corridor_app.io.loading.figures import MAIN_FIGURE
from corridor_app.model.columns import ColumnSpec
from corridor_app.model.errors import ParseError
from corridor_app.model.ranges import violations
from corridor_app.model.schema import Value, is_total_label, parse_cell, parse_choice
from corridor_app.model.sheets import TableSpec

_NUMBER_TYPES = {float, int}
_CHUNK = 50_000
_PLAIN_EXTRA_TYPES = {str, float, int, type(None)}


@dataclass
class FastRows:
    """The outcome: stored-form columns of the easy rows and the rows left to the per-cell path."""

    index: np.ndarray  # positions (in the body) of the rows read here, ascending
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    others: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # non-blank, per cell


def _grid(body: list[list[object]], width: int) -> np.ndarray:
    """Rows as a 2-D object array ``(rows, width)``; short rows are padded with ``None``."""
    if all(len(r) == width for r in body):
        grid = np.empty((len(body), width), dtype=object)
        for start in range(0, len(body), _CHUNK):  # in chunks: each holds the GIL only briefly
            grid[start : start + _CHUNK] = body[start : start + _CHUNK]
        return grid
    grid = np.full((len(body), width), None, dtype=object)
    for i, row in enumerate(body):
        grid[i, : len(row)] = row[:width]
    return grid


def _is_none(values: np.ndarray) -> np.ndarray:
    """Elementwise ``is None`` of an object array, as a bool array."""
    return np.asarray(values == None, dtype=bool)  # noqa: E711 - elementwise, not identity


def _blank(values: np.ndarray) -> np.ndarray:
    """``None`` or the empty string (whitespace-only cells are left to the per-cell path)."""
    empty: np.ndarray = np.asarray(values == "", dtype=bool)
    blank: np.ndarray = _is_none(values) | empty
    return blank


def _of_type(values: np.ndarray, kinds: set[type]) -> np.ndarray:
    """Mask of the cells whose exact type is in ``kinds`` (bool is not int here)."""
    return np.fromiter(map(kinds.__contains__, map(type, values.tolist())), dtype=bool, count=len(values))


def _shared(items: Sequence[object]) -> list[object]:
    """``items`` with equal texts sharing one object, when they repeat enough for that to pay.

    A column of a few distinct values (corridors, units, statuses) then costs
    one pointer a row; a column of mostly distinct texts (notes, codes) is left
    as it is, since a million-entry memo would cost more than it saves.
    """
    sample = items[:2048]
    if len(set(sample)) * 4 > len(sample) * 3:
        return list(items)
    memo = dict(zip(items, items, strict=True))  # equal texts -> one of them (C-level passes, no Python loop)
    return list(map(memo.__getitem__, items))


def _text_column(spec: ColumnSpec, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parsed text (``None`` for blank) and a mask of the cells the fast path cannot settle."""
    items = values.tolist()
    kinds = set(map(type, items))
    if bool in kinds:
        # True == 1.0 as dict keys: parse each cell rather than each distinct value.
        return np.empty(len(values), dtype=object), np.ones(len(values), dtype=bool)
    parsed = np.empty(len(values), dtype=object)
    if not spec.choices and kinds <= {str, type(None)}:
        # What parse_cell does with text (trim; blank is None), a column at a time.
        stripped = list(map(str.strip, items)) if kinds == {str} else [v if v is None else v.strip() for v in items]
        parsed[:] = _shared(stripped)
        parsed[np.asarray(parsed == "", dtype=bool)] = None
        hard = _is_none(parsed) if spec.required else np.zeros(len(values), dtype=bool)
        return parsed, np.asarray(hard, dtype=bool)
    memo: dict[object, Value] = dict.fromkeys(items)
    refused: set[object] = set()
    for raw in memo:
        if spec.choices and raw is not None and str(raw).strip():
            try:
                memo[raw] = parse_choice(spec, raw)  # "процент" -> "percent", as parse_cell does
            except ParseError:
                refused.add(raw)  # the per-cell path reports it with its cell
        elif type(raw) is str:
            memo[raw] = raw.strip() or None  # what parse_cell does with text, without the call
        elif raw is None:
            memo[raw] = None
        else:
            memo[raw] = parse_cell(spec, raw)[0]
    parsed[:] = list(map(memo.__getitem__, items))
    hard = _is_none(parsed) if spec.required else np.zeros(len(values), dtype=bool)
    if refused:
        hard = hard | np.fromiter((v in refused for v in items), dtype=bool, count=len(values))
    return parsed, np.asarray(hard, dtype=bool)


def _number_column(spec: ColumnSpec, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Float64 (NaN blank) and a mask of cells for the per-cell path (text, bools, dates, non-finite)."""
    out = np.full(len(values), np.nan, dtype=np.float64)
    if set(map(type, values)) <= _NUMBER_TYPES:
        numeric = np.ones(len(values), dtype=bool)
        out[:] = values.astype(np.float64)
        hard = np.zeros(len(values), dtype=bool)
    else:
        numeric = _of_type(values, _NUMBER_TYPES)
        out[numeric] = values[numeric].astype(np.float64)
        blank = _blank(values)
        hard = ~numeric & ~blank
        if spec.required:
            hard |= blank
    with np.errstate(invalid="ignore"):
        hard |= numeric & ~np.isfinite(out)
        if spec.kind == "year":
            ok = (out == np.floor(out)) & (out >= 1800) & (out <= 2200)
            hard |= numeric & ~ok
    return out, hard


def _extra_column(values: np.ndarray) -> np.ndarray:
    """Cells of unknown columns as they came (dates as text); equal texts share one object."""
    items = values.tolist()
    kinds = set(map(type, items))
    if kinds <= _PLAIN_EXTRA_TYPES:
        out = np.empty(len(values), dtype=object)
        out[:] = _shared(items) if kinds <= {str, type(None)} else items
        out[_blank(values)] = None
        return out
    out = np.empty(len(values), dtype=object)
    out[:] = [None if v is None or v == "" else v if isinstance(v, str | int | float) else str(v) for v in items]
    return out


def read_fast(
    body: list[list[object]],
    spec: TableSpec,
    mapping: dict[int, str],
    extras: dict[int, str],
    *,
    default_corridor: str,
    header_unit: Callable[[str], str],
    force_slow: Iterable[int] = (),
) -> FastRows:
    """Read the easy rows of ``body`` column by column; the rest are listed in ``others``.

    Blank rows are in neither. ``header_unit(key)`` is the unit the header of
    column ``key`` names ("" if none), used where the unit cell is blank, as the
    per-cell path does. Rows at the body offsets ``force_slow`` (cells a reader
    marked as unreadable, say) always go to the per-cell path.
    """
    n = len(body)
    if n == 0:
        return FastRows(np.empty(0, dtype=np.int64))
    width = max(max((len(r) for r in body), default=0), max([*mapping, *extras], default=-1) + 1)
    grid = _grid(body, width)
    blank_rows = np.asarray(_blank(grid).all(axis=1), dtype=bool) if width else np.ones(n, dtype=bool)
    hard = np.zeros(n, dtype=bool)
    columns: dict[str, np.ndarray] = {}
    for pos, key in mapping.items():
        column = spec.column(key)
        if column.kind == "text":
            columns[key], col_hard = _text_column(column, grid[:, pos])
        else:
            columns[key], col_hard = _number_column(column, grid[:, pos])
        hard |= col_hard
    if spec.key == "contributions":
        country_pos = next((p for p, k in mapping.items() if k == "country"), None)
        if country_pos is not None:
            raw = grid[:, country_pos]
            labels = {v: isinstance(v, str) and is_total_label(v) for v in dict.fromkeys(raw.tolist())}
            # A country that is not text, or a total label, goes through the total-row rules.
            not_text = ~_of_type(raw, {str})
            hard |= not_text | np.fromiter(map(labels.__getitem__, raw.tolist()), dtype=bool, count=n)
    # A Low above its figure (or a High below it) is reported at its cell by the per-cell path.
    hard |= violations(spec, columns, n)
    for pos, name in extras.items():
        columns[name] = _extra_column(grid[:, pos])
    forced = np.zeros(n, dtype=bool)
    forced[[i for i in force_slow if 0 <= i < n]] = True
    easy = ~blank_rows & ~hard & ~forced
    index = np.flatnonzero(easy)
    out = {key: values[index] for key, values in columns.items()}
    if "corridor" in spec.keys and default_corridor:
        corridor = out.setdefault("corridor", np.full(len(index), None, dtype=object))
        corridor[_is_none(corridor)] = default_corridor
    main = MAIN_FIGURE.get(spec.key)
    if main is not None and "unit" in spec.keys:
        unit = out.setdefault("unit", np.full(len(index), None, dtype=object))
        unit[_is_none(unit)] = header_unit(main) or None
    return FastRows(index, out, np.flatnonzero((~blank_rows & hard) | forced))
