"""The loader's fast path: whole columns at once for the cells that need no judgement.

Registries run to a million rows, and reading them cell by cell through
``parse_cell`` costs seconds. Most cells are easy: numbers the spreadsheet
already stores as numbers, text that only needs trimming, the same corridor or
unit written thousands of times. Those are read here column by column, a slice
of rows at a time while its cells are in the processor's cache (each distinct
text is parsed once and shared, which also keeps memory down; the readers are
in ``column_readers``).

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

from corridor_app.io.loading.column_readers import (
    ColumnReader,
    ExtraReader,
    NumberReader,
    TextReader,
    of_type,
)
from corridor_app.io.loading.figures import MAIN_FIGURE
from corridor_app.model.ranges import violations
from corridor_app.model.schema import is_total_label
from corridor_app.model.sheets import TableSpec

# Rows transposed at a time: small enough that their cells are still in the processor's cache
# while every column reads them (1,024 rows: 25 ms for a 100,000 x 10 sheet, 65 ms in one go).
_CHUNK = 1024


@dataclass
class FastRows:
    """The outcome: stored-form columns of the easy rows and the rows left to the per-cell path."""

    index: np.ndarray  # positions (in the body) of the rows read here, ascending
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    others: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # non-blank, per cell


def _feed(body: Sequence[Sequence[object]], readers: list[ColumnReader]) -> int:
    """Hand every reader its column's cells, a chunk of rows at a time; the longest row's length.

    A chunk's short rows are padded with ``None`` (copies of those rows only).
    """
    needed = max(reader.pos for reader in readers) + 1
    longest = 0
    for start in range(0, len(body), _CHUNK):
        rows = body[start : start + _CHUNK]
        lengths = set(map(len, rows))
        longest = max(longest, *lengths)
        if len(lengths) > 1 or min(lengths) < needed:
            width = max(needed, *lengths)
            rows = [row if len(row) == width else [*row, *[None] * (width - len(row))] for row in rows]
        columns = list(zip(*rows, strict=True))
        for reader in readers:
            reader.feed(start, columns[reader.pos])
    return longest


def _blank_rows(readers: list[ColumnReader], n: int) -> np.ndarray:
    """Rows whose every cell is ``None`` or ``""``; most sheets have a column with no blank, and so no blank row."""
    if not readers:
        return np.ones(n, dtype=bool)
    if not all(reader.has_blank() for reader in readers):
        return np.zeros(n, dtype=bool)
    rows = np.ones(n, dtype=bool)
    for reader in readers:
        rows &= reader.blank()
    return rows


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
    texts = {
        pos: TextReader(body, pos, spec.column(key)) for pos, key in mapping.items() if spec.column(key).kind == "text"
    }
    numbers = {pos: NumberReader(body, pos, spec.column(key)) for pos, key in mapping.items() if pos not in texts}
    others = {pos: ExtraReader(body, pos) for pos in extras}
    readers: list[ColumnReader] = [*texts.values(), *numbers.values(), *others.values()]
    width = _feed(body, readers) if readers else max(map(len, body))
    hard = np.zeros(n, dtype=bool)
    columns: dict[str, np.ndarray] = {}
    nones: dict[str, np.ndarray | None] = {}
    for pos, key in mapping.items():
        if pos in texts:
            columns[key], col_hard, nones[key] = texts[pos].finish()
        else:
            columns[key], col_hard = numbers[pos].finish()
        hard |= col_hard
    if spec.key == "contributions":
        country_pos = next((p for p, k in mapping.items() if k == "country"), None)
        if country_pos is not None:
            hard |= _not_a_country(texts[country_pos].raw_cells())
    # A Low above its figure (or a High below it) is reported at its cell by the per-cell path.
    hard |= violations(spec, columns, n)
    for pos, name in extras.items():
        columns[name] = others[pos].finish()
    unread = [ColumnReader(body, pos) for pos in range(width) if pos not in mapping and pos not in extras]
    blank_rows = _blank_rows([*readers, *unread], n)
    forced = np.zeros(n, dtype=bool)
    forced[[i for i in force_slow if 0 <= i < n]] = True
    easy = ~blank_rows & ~hard & ~forced
    index = np.flatnonzero(easy)
    every = len(index) == n  # the common case: no copy of the columns
    out = {key: values if every else values[index] for key, values in columns.items()}
    if "corridor" in spec.keys and default_corridor:
        _fill(out, nones, "corridor", default_corridor, index, every)
    main = MAIN_FIGURE.get(spec.key)
    if main is not None and "unit" in spec.keys:
        _fill(out, nones, "unit", header_unit(main) or None, index, every)
    return FastRows(index, out, np.flatnonzero((~blank_rows & hard) | forced))


def _not_a_country(raw: list[object]) -> np.ndarray:
    """Cells of a country column that go through the total-row rules: not text, or a total label."""
    flags = {v: type(v) is not str or is_total_label(v) for v in dict.fromkeys(raw)}
    if not any(flags.values()):
        return np.zeros(len(raw), dtype=bool)
    # Per cell: True == 1 as keys, and neither is text; a text key is never merged with a non-text one.
    labels: np.ndarray = np.fromiter(map(flags.__getitem__, raw), dtype=bool, count=len(raw))
    either: np.ndarray = ~of_type(raw, frozenset({str})) | labels
    return either


def _fill(
    out: dict[str, np.ndarray],
    nones: dict[str, np.ndarray | None],
    key: str,
    value: object,
    index: np.ndarray,
    every: bool,
) -> None:
    """Blank cells of column ``key`` of the easy rows take ``value`` (the sheet's corridor, the header's unit)."""
    column = out.get(key)
    if column is None:
        out[key] = np.full(len(index), value, dtype=object)
        return
    blank = nones.get(key)
    if blank is None:
        return
    column[blank if every else blank[index]] = value
