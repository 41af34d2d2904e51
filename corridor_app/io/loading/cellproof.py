"""The common form of a block's cells, proven for every cell at once with array operations.

FastWorksheetScanner proves that each ``<c`` of a body block is ``<c r="REF"`` with REF inside the
block's box, attributes in the usual spelling and a value first, by one regex search whose negative
lookahead runs once per cell: ~2 ms per MiB in Python's regex engine, the largest cost of the
preflight after inflating. ``common_cells`` makes the same proof on NumPy arrays of the cells'
bytes, a few operations per *shape* rather than per cell:

* every byte pair ``<c`` of the block is found, as the regex search finds them (in text too), and
  each must go on `` r="``;
* a reference's shape is its number of letters and of digits: the cells of one shape are checked
  at once (capitals, digits without a leading zero, then ``"``), and their column and row are
  compared with the box as big-endian numbers of their bytes, whose order is the numbers' order;
* a cell's *form* is its text from the reference's closing quote to ``<v>`` or ``<is>``; each
  distinct form is matched once by the regex of the usual attributes, and every cell is compared
  with it byte for byte. A block holds a handful of shapes and forms (one per column and type).

It accepts only blocks that the regex's first, strictest branch accepts too (no white space before
the value); their cells are then exactly the ``<c`` found. Anything else returns None and the caller
takes the regex path, so this may decline a block but never counts one differently.
"""

from __future__ import annotations

import re

import numpy as np

from corridor_app.model.errors import column_letter

Box = tuple[int, int, int, int]  # min_row, max_row, min_col, max_col
Data = bytes | bytearray

_FORM_WORDS = 4  # a form is read as 4 words of 8 bytes: quote, attributes, ">", "<is>"
_REACH = 6 + 3 + 8 + 8 * _FORM_WORDS  # bytes after a cell's "<c" that the proof reads
_MAX_SHAPES = 8  # reference shapes in one block (row lengths x column lengths) before it is left to the regex
_MAX_FORMS = 64  # forms in one block before it is left to the regex
_OPEN, _OPEN_MASK = np.uint64(int.from_bytes(b'<c r="', "little")), np.uint64((1 << 48) - 1)
_TOP = np.uint64(0x8080808080808080)
_LOW = np.uint64(0x7F7F7F7F7F7F7F7F)
_U64 = (1 << 64) - 1
_REFERENCE = re.compile(rb'([A-Z]{1,3})([1-9][0-9]{0,6})"')


class _Words:
    """The 8 bytes from each offset of ``buf`` as one number, big-endian (for order) or little-endian."""

    def __init__(self, buf: Data) -> None:
        self.big = np.ndarray((len(buf) - 7,), ">u8", buf, 0, (1,))
        self.little = np.ndarray((len(buf) - 7,), "<u8", buf, 0, (1,))


class Scratch:
    """Two byte-wide work arrays kept from block to block: a fresh megabyte per operation costs more in page faults."""

    def __init__(self) -> None:
        self._arrays = (np.empty(0, dtype=bool), np.empty(0, dtype=bool))

    def arrays(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays[0].size < size:
            self._arrays = (np.empty(size + size // 4, dtype=bool), np.empty(size + size // 4, dtype=bool))
        return self._arrays[0][:size], self._arrays[1][:size]


def cell_starts(buf: Data, end: int, scratch: Scratch) -> tuple[np.ndarray, bool]:
    """Where each ``<c`` of ``buf[:end]`` starts; and whether a ``:c``, ``:m`` or ``<m`` occurs there.

    The latter are what prefixed cells and merges (``<x:c``, ``<mergeCell``) begin with: without
    them the caller's searches for those cannot match, and need not run.
    """
    head = np.frombuffer(buf, np.uint8, end)
    before, after = scratch.arrays(max(0, end - 1))  # byte i and byte i + 1 of each pair
    np.equal(head[:-1], 60, out=before)  # "<"
    np.equal(head[1:], 109, out=after)  # "m"
    suspect = bool(np.logical_and(before, after, out=after).any())
    np.equal(head[1:], 99, out=after)  # "c"
    starts = np.flatnonzero(np.logical_and(before, after, out=after))
    np.equal(head[:-1], 58, out=before)  # ":"
    if not suspect and before.any():
        np.equal(head[1:], 99, out=after)
        suspect = bool(np.logical_and(before, after, out=after).any())
        np.equal(head[1:], 109, out=after)
        suspect = suspect or bool(np.logical_and(before, after, out=after).any())
    return starts, suspect


def common_cells(buf: Data, end: int, starts: np.ndarray, box: Box, usual_attrs: re.Pattern[bytes]) -> int | None:
    """How many cells ``buf[:end]`` holds if every one is in the common form inside ``box``, else None.

    ``starts`` are the block's ``<c`` (``cell_starts``); ``usual_attrs`` matches in full the
    attribute texts allowed between the reference's closing quote and ">". ``buf`` may go on
    past ``end`` (the next rows): those bytes may be read, but no cell may run past ``end``.
    """
    if starts.size == 0 or int(starts[-1]) + _REACH > len(buf):
        return None
    words = _Words(buf)
    if ((words.little[starts] & _OPEN_MASK) != _OPEN).any():
        return None
    quotes = _quotes(buf, words, starts + 6, box)
    if quotes is None:
        return None
    last = _forms(buf, words, quotes, usual_attrs)
    if last is None or last > end:
        return None  # not the usual forms, or the last tag runs past the block (where the regex stops)
    return int(starts.size)


def _quotes(buf: Data, words: _Words, refs: np.ndarray, box: Box) -> np.ndarray | None:
    """Each reference's closing quote (an offset in ``buf``), if every reference is a cell inside ``box``."""
    letters_word = words.big[refs]
    quotes = refs.copy()
    done = np.zeros(refs.size, dtype=bool)
    tried: set[tuple[int, int]] = set()
    by_letters: dict[int, np.ndarray] = {}
    while not done.all():
        first = int(refs[int(np.argmin(done))])
        shape = _shape(buf, first)
        if shape is None or shape in tried or len(tried) == _MAX_SHAPES:
            return None  # not a reference, or one of a shape already checked: outside the box
        tried.add(shape)
        letters, digits = shape
        if letters + digits < 8:  # the digits and the quote are in the first 8 bytes already
            digits_word = letters_word << np.uint64(8 * letters)
        else:
            if letters not in by_letters:
                by_letters[letters] = words.big[refs + letters]
            digits_word = by_letters[letters]
        fits = _fits(letters_word, digits_word, letters, digits, box)
        quotes += fits * (letters + digits)
        done |= fits
    return quotes


def _shape(buf: Data, at: int) -> tuple[int, int] | None:
    """(letters, digits) of the reference at ``at``, if it is 1-3 capitals, 1-7 digits and a quote."""
    m = _REFERENCE.match(buf, at, at + 11)
    return (len(m.group(1)), len(m.group(2))) if m else None


def _fits(letters_word: np.ndarray, digits_word: np.ndarray, letters: int, digits: int, box: Box) -> np.ndarray:
    """Which references are ``letters`` capitals, ``digits`` digits (no leading zero) and a quote, inside ``box``.

    ``letters_word`` holds each reference's first 8 bytes, ``digits_word`` its 8 bytes after the
    letters (the digits and the quote, at most 8), both big-endian.
    """
    min_row, max_row, min_col, max_col = box
    columns = _bounds(column_letter(min_col), column_letter(max_col), letters)
    rows = _bounds(str(min_row), str(max_row), digits)
    if columns is None or rows is None:
        return np.zeros(letters_word.size, dtype=bool)  # no reference of this shape lies in the box
    column = letters_word >> np.uint64(64 - 8 * letters)
    row = digits_word >> np.uint64(64 - 8 * digits)
    ok = (column >= columns[0]) & (column <= columns[1]) & (row >= rows[0]) & (row <= rows[1])
    ok &= _each_byte(letters_word, 0x41, 0x5A, letters) & _each_byte(digits_word, 0x30, 0x39, digits)
    ok &= (row >> np.uint64(8 * digits - 8)) != np.uint64(0x30)  # no leading zero
    ok &= ((digits_word >> np.uint64(56 - 8 * digits)) & np.uint64(0xFF)) == np.uint64(0x22)  # then the quote
    return ok


def _bounds(low: str, high: str, length: int) -> tuple[np.uint64, np.uint64] | None:
    """The bytes of the ``length``-character texts from ``low`` to ``high`` (shorter first), as big-endian numbers.

    None when no text of that length lies between them.
    """
    if len(low) > length or len(high) < length:
        return None
    first = int.from_bytes(low.encode("ascii"), "big") if len(low) == length else 0
    last = int.from_bytes(high.encode("ascii"), "big") if len(high) == length else (1 << 8 * length) - 1
    return np.uint64(first), np.uint64(last)


def _each_byte(word: np.ndarray, low: int, high: int, count: int) -> np.ndarray:
    """Whether the first ``count`` bytes of each big-endian ``word`` lie in ``low..high`` (both below 128).

    Bytes above 127 are cleared first, so adding never carries from one byte into the next.
    """
    seven = word & _LOW
    at_least = (seven + np.uint64(0x01010101_01010101 * (128 - low))) & _TOP
    above = (seven + np.uint64(0x01010101_01010101 * (127 - high))) & _TOP
    inside = at_least & ~above & ~word
    mask = np.uint64((0x8080808080808080 << (64 - 8 * count)) & _U64)
    return np.asarray((inside & mask) == mask)


def _forms(buf: Data, words: _Words, quotes: np.ndarray, usual_attrs: re.Pattern[bytes]) -> int | None:
    """Where the last cell's tag and first value tag end, if every cell's form is a usual one; else None.

    A form is the bytes from the reference's quote to ``<v>`` or ``<is>`` included; each distinct
    one is proven by ``usual_attrs`` once, then the cells holding it are found by comparing words.
    """
    read: dict[int, np.ndarray] = {}  # the k-th 8 bytes from each quote, read once a form is that long
    done = np.zeros(quotes.size, dtype=bool)
    length = np.zeros(quotes.size, dtype=np.intp)
    for _ in range(_MAX_FORMS):
        quote = int(quotes[int(np.argmin(done))])
        form = _form(buf, quote, usual_attrs)
        if form is None:
            return None
        same = np.ones(quotes.size, dtype=bool)
        for k in range(0, len(form), 8):
            part = form[k : k + 8]
            mask = np.uint64((1 << 8 * len(part)) - 1)
            if k not in read:
                read[k] = words.little[quotes + k]
            same &= (read[k] & mask) == np.uint64(int.from_bytes(part, "little"))
        length += (same & ~done) * len(form)
        done |= same
        if done.all():
            return int(quotes[-1] + length[-1])
    return None


def _form(buf: Data, quote: int, usual_attrs: re.Pattern[bytes]) -> bytes | None:
    """The form of the cell whose reference's quote is at ``quote``, if its attributes are usual."""
    gt = buf.find(b">", quote, quote + 8 * _FORM_WORDS)
    if gt < 0 or usual_attrs.fullmatch(buf, quote + 1, gt) is None:
        return None
    tail = b"<v>" if buf.startswith(b"<v>", gt + 1) else b"<is>" if buf.startswith(b"<is>", gt + 1) else b""
    form = bytes(buf[quote : gt + 1]) + tail
    return form if tail and len(form) <= 8 * _FORM_WORDS else None
