"""Readers of one column each for the loader's fast path (``columnar.read_fast``), fed a slice of rows at a time.

On a large sheet every cell is an object of its own, scattered through memory,
and walking a whole column of them once more costs more than the work done on
each: a type check or a trim over 100,000 cells is a few milliseconds when the
cells are in the processor's cache and ten times that when they are not.
So ``read_fast`` transposes a small slice of rows at a time, while those rows
are in cache, and hands each reader the cells of its column; the reader does
all its per-cell work there (type check, trimming, sharing equal texts) and the
rest on the few distinct values at the end.

What a reader cannot settle in that one walk (a bool or a number in a text
column, a text in a number column, a date in an extra column) it leaves to
``finish``, which reads the whole column again with plain column-at-a-time code
and hands the cells that need judgement to the per-cell path, as before.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

import numpy as np

from corridor_app.model.columns import ColumnSpec
from corridor_app.model.errors import ParseError
from corridor_app.model.schema import parse_cell, parse_choice

_NUMBER_TYPES = frozenset({float, int})
_STR_OR_NONE = frozenset({str, type(None)})
_PLAIN_EXTRA_TYPES = frozenset({str, float, int, type(None)})
_SAMPLE = 2048  # rows looked at to tell a column of repeated texts from one of distinct texts


def column_of(rows: Sequence[Sequence[object]], pos: int) -> list[object]:
    """Cell ``pos`` of each row, ``None`` where a row is shorter."""
    try:
        return [row[pos] for row in rows]
    except IndexError:
        return [row[pos] if pos < len(row) else None for row in rows]


def objects(items: Sequence[object]) -> np.ndarray:
    """``items`` as a 1-D object array (never a 2-D one, whatever the cells are)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def is_none(values: np.ndarray) -> np.ndarray:
    """Elementwise ``is None`` of an object array, as a bool array."""
    return np.asarray(values == None, dtype=bool)  # noqa: E711 - elementwise, not identity


def blank(values: np.ndarray) -> np.ndarray:
    """``None`` or the empty string (whitespace-only cells are left to the per-cell path)."""
    empty: np.ndarray = np.asarray(values == "", dtype=bool)
    both: np.ndarray = is_none(values) | empty
    return both


def of_type(values: Sequence[object], kinds: frozenset[type]) -> np.ndarray:
    """Mask of the cells whose exact type is in ``kinds`` (bool is not int here)."""
    return np.fromiter(map(kinds.__contains__, map(type, values)), dtype=bool, count=len(values))


def _falsy(values: Sequence[object]) -> np.ndarray:
    """``not v`` per cell: exactly "None or empty" for cells that are all str or None."""
    return np.fromiter(map(operator.not_, values), dtype=bool, count=len(values))


def _repeats(sample: Sequence[object]) -> bool:
    """Whether texts repeat enough for sharing one object per distinct text to pay.

    A column of a few distinct values (corridors, units, statuses) then costs
    one pointer a row; a column of mostly distinct texts (notes, codes) is left
    as it is, since a million-entry memo would cost more than it saves.
    """
    return len(set(sample)) * 4 <= len(sample) * 3


class ColumnReader:
    """Cells of column ``pos`` of ``body`` (a short row's missing cells are ``None``), fed in slices."""

    def __init__(self, body: Sequence[Sequence[object]], pos: int) -> None:
        self.body = body
        self.pos = pos

    def feed(self, start: int, part: tuple[object, ...]) -> None:
        """Read the cells of rows ``start`` to ``start + len(part)``."""

    def cells(self) -> list[object]:
        """The whole column again, for what the one walk did not settle (rare; slow on a large sheet)."""
        return column_of(self.body, self.pos)

    def has_blank(self) -> bool:
        """Whether any cell is ``None`` or ``""`` (may say True when none is; never False when one is)."""
        return True

    def blank(self) -> np.ndarray:
        """Mask of the cells that are ``None`` or ``""`` as read."""
        return blank(objects(self.cells()))


class TextReader(ColumnReader):
    """A text column of the table: trimmed, blank as ``None``, choices in their canonical form."""

    def __init__(self, body: Sequence[Sequence[object]], pos: int, spec: ColumnSpec) -> None:
        super().__init__(body, pos)
        self.spec = spec
        n = len(body)
        sample = column_of(body[:_SAMPLE], pos)
        # Choices are always read per distinct value; other text is shared when it repeats (as trimmed).
        self.shared = bool(spec.choices) or _repeats([v.strip() if type(v) is str else v for v in sample])
        self.memo: dict[object, object] = {}
        self.raw: list[object] = []  # shared: each cell as the first cell equal to it
        self.trimmed = np.empty(0 if self.shared else n, dtype=object)  # distinct: each cell trimmed
        self.general = False  # a cell neither text nor blank: the whole column through the general code
        self.checked = False  # shared: the distinct cells' types looked at
        self.with_none = False
        self.with_empty = False  # distinct: a cell trimmed to ""

    def feed(self, start: int, part: tuple[object, ...]) -> None:
        if self.general:
            return
        if self.shared:
            self.raw.extend(map(self.memo.setdefault, part, part))
            return
        trimmed: list[str | None]
        try:
            trimmed = list(map(str.strip, part))  # type: ignore[arg-type]  # a TypeError says: not all text
        except TypeError:
            if not set(map(type, part)) <= _STR_OR_NONE:
                self.general = True
                return
            trimmed = [v if v is None else str.strip(v) for v in part]  # type: ignore[arg-type]
            self.with_none = True
        if "" in trimmed:
            self.with_empty = True
        self.trimmed[start : start + len(trimmed)] = trimmed

    def _plain(self) -> bool:
        """Whether the one walk settled the column (every cell text or ``None``)."""
        if self.shared and not self.general and not self.checked:
            # Equal keys are merged (True == 1.0), so a bool can hide only behind a number key: none here.
            self.general = not set(map(type, self.memo)) <= _STR_OR_NONE
            self.checked = True
        return not self.general

    def finish(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Parsed text (``None`` for blank), the cells the fast path cannot settle, and where it is ``None``."""
        n = len(self.body)
        if not self._plain():
            parsed, hard = text_column(self.spec, self.cells())
            return parsed, hard, is_none(parsed)
        refused: set[object] = set()
        if not self.shared:
            parsed = self.trimmed
            if self.with_empty:
                parsed[np.asarray(parsed == "", dtype=bool)] = None
            nones = is_none(parsed) if self.with_none or self.with_empty else None
        else:
            memo, refused = parse_distinct(self.spec, self.memo)
            same = all(value is key for key, value in memo.items())
            values = self.raw if same else list(map(memo.__getitem__, self.raw))
            parsed = objects(values)
            nones = _falsy(values) if None in memo.values() else None  # values: non-empty text or None
        hard = nones if self.spec.required and nones is not None else np.zeros(n, dtype=bool)
        if refused:
            hard = hard | np.fromiter(map(refused.__contains__, self.raw), dtype=bool, count=n)
        return parsed, hard, nones

    def has_blank(self) -> bool:
        if not self._plain():
            return True
        if self.shared:
            return None in self.memo or "" in self.memo
        return self.with_none or self.with_empty

    def blank(self) -> np.ndarray:
        if self.shared and self._plain():
            return _falsy(self.raw)
        return super().blank()

    def raw_cells(self) -> list[object]:
        """The cells as read (equal texts possibly one object)."""
        return self.raw if self.shared and self._plain() else self.cells()


def parse_distinct(spec: ColumnSpec, distinct: dict[object, object]) -> tuple[dict[object, object], set[object]]:
    """Each distinct cell of text column ``spec`` parsed as ``parse_cell`` would, and the refused choices.

    Equal trimmed texts come out as one object, so a column of a few distinct
    values costs one pointer a row.
    """
    memo: dict[object, object] = {}
    refused: set[object] = set()
    canon: dict[str, str] = {}
    for raw in distinct:
        if spec.choices and raw is not None and str(raw).strip():
            try:
                memo[raw] = parse_choice(spec, raw)  # "процент" -> "percent", as parse_cell does
            except ParseError:
                memo[raw] = None
                refused.add(raw)  # the per-cell path reports it with its cell
        elif type(raw) is str:
            text = raw.strip()  # what parse_cell does with text, without the call
            memo[raw] = canon.setdefault(text, text) if text else None
        elif raw is None:
            memo[raw] = None
        else:
            memo[raw] = parse_cell(spec, raw)[0]
    return memo, refused


def text_column(spec: ColumnSpec, items: list[object]) -> tuple[np.ndarray, np.ndarray]:
    """A text column read whole: parsed text (``None`` for blank) and the cells the fast path cannot settle."""
    n = len(items)
    if bool in set(map(type, items)):
        # True == 1.0 as dict keys: parse each cell rather than each distinct value.
        return np.empty(n, dtype=object), np.ones(n, dtype=bool)
    memo, refused = parse_distinct(spec, dict.fromkeys(items))
    parsed = objects(list(map(memo.__getitem__, items)))
    hard = is_none(parsed) if spec.required else np.zeros(n, dtype=bool)
    if refused:
        hard = hard | np.fromiter(map(refused.__contains__, items), dtype=bool, count=n)
    return parsed, hard


class NumberReader(ColumnReader):
    """A number or year column: float64, NaN for blank."""

    def __init__(self, body: Sequence[Sequence[object]], pos: int, spec: ColumnSpec) -> None:
        super().__init__(body, pos)
        self.spec = spec
        self.out = np.full(len(body), np.nan, dtype=np.float64)
        self.mixed = False  # a cell that is not a number: the whole column through the general code

    def feed(self, start: int, part: tuple[object, ...]) -> None:
        if self.mixed:
            return
        if set(map(type, part)) <= _NUMBER_TYPES:
            self.out[start : start + len(part)] = part  # type: ignore[assignment]  # all int or float
        else:
            self.mixed = True

    def finish(self) -> tuple[np.ndarray, np.ndarray]:
        """Float64 (NaN blank) and a mask of cells for the per-cell path (text, bools, dates, non-finite)."""
        if self.mixed:
            items = self.cells()
            values = objects(items)
            out = np.full(len(values), np.nan, dtype=np.float64)
            numeric = of_type(items, _NUMBER_TYPES)
            out[numeric] = values[numeric].astype(np.float64)
            empty = blank(values)
            hard = ~numeric & ~empty
            if self.spec.required:
                hard |= empty
        else:
            out = self.out
            numeric = np.ones(len(out), dtype=bool)
            hard = np.zeros(len(out), dtype=bool)
        with np.errstate(invalid="ignore"):
            hard |= numeric & ~np.isfinite(out)
            if self.spec.kind == "year":
                ok = (out == np.floor(out)) & (out >= 1800) & (out <= 2200)
                hard |= numeric & ~ok
        return out, hard

    def has_blank(self) -> bool:
        return self.mixed


class ExtraReader(ColumnReader):
    """A column the format does not know: cells as they came (dates as text), blank as ``None``."""

    def __init__(self, body: Sequence[Sequence[object]], pos: int) -> None:
        super().__init__(body, pos)
        self.share = _repeats(column_of(body[:_SAMPLE], pos))
        self.memo: dict[object, object] = {}
        self.out = np.empty(len(body), dtype=object)
        self.kinds: set[type] = set()
        self.with_empty = False
        self.result: np.ndarray | None = None

    def feed(self, start: int, part: tuple[object, ...]) -> None:
        kinds = set(map(type, part))
        self.kinds |= kinds
        if str in kinds and "" in part:
            self.with_empty = True
        if self.share and kinds <= _STR_OR_NONE:
            # Equal texts share one object (a column mixing in numbers is not shared as a whole: same values).
            self.out[start : start + len(part)] = list(map(self.memo.setdefault, part, part))
        else:
            self.out[start : start + len(part)] = part

    def finish(self) -> np.ndarray:
        """The stored column: ``None`` exactly where the cell was ``None`` or ``""``."""
        if self.kinds <= _PLAIN_EXTRA_TYPES:
            if self.with_empty:
                self.out[np.asarray(self.out == "", dtype=bool)] = None
            self.result = self.out
        else:
            items = self.cells()
            self.result = objects(
                [None if v is None or v == "" else v if isinstance(v, str | int | float) else str(v) for v in items]
            )
        return self.result

    def has_blank(self) -> bool:
        return type(None) in self.kinds or self.with_empty or not self.kinds <= _PLAIN_EXTRA_TYPES

    def blank(self) -> np.ndarray:
        return is_none(self.finish() if self.result is None else self.result)
