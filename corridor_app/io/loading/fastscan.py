"""The worksheet scan by byte patterns: WorksheetScanner's answer without one Python call per XML element.

A 100k-row sheet is a million cells: element callbacks into Python cost ~20 s, which the 10 s load
limit would refuse. ``FastWorksheetScanner`` reads the part in three pieces while it inflates:

* the head, up to ``<sheetData>``: no DTD (refused), comment, processing instruction or cell;
* the body, in blocks of whole rows of about 1 MiB. Every cell is an element named ``c``, so a
  proof over every ``<c`` shows that each is ``<c r="B7" ...>`` holding ``<v>`` or ``<is>`` and
  lies in a box whose edges are real cells (the block's first and last cell, the sheet's columns
  so far); the ``<c`` found are then the cells. The proof is made on arrays (``cellproof``) and,
  when that declines, by one regex search anchored on ``<c`` and a ``count``. Cheap checks rule
  out what the patterns cannot see: prefixed cells and merges (``<x:c>``), comments, CDATA,
  processing instructions. Blocks with formatting-only cells, formulas or error cells take a
  careful path, and a cell outside the box has every cell of its block placed exactly;
* the tail, after ``</sheetData>``: merged areas, and no cell.

A cell is placed by its own reference, as readers do (issue 6): ``<row r=..>`` is never trusted.
Anything else sets ``needs_full``: the caller re-reads the part with WorksheetScanner, so the
fast path may decline a sheet but never counts one differently. Each pass over a block costs
20-60 ms per 58 MB, so the common path makes few: single-byte finds for ``!`` and ``?``, array
comparisons for the byte pairs ``<c``, ``<m``, ``:c`` and ``:m``, then per cell a few words read
(the ``:`` search and the ``<mergeCell`` find run only where such a pair occurs).
"""

from __future__ import annotations

import re
from functools import lru_cache

from corridor_app.io.loading.cellproof import Scratch, cell_starts, common_cells
from corridor_app.io.loading.xmlscan import MAX_COLS, MAX_ROWS, ScanError, SheetStats, beyond_sheet, parse_ref
from corridor_app.model.errors import column_letter

BLOCK = 1 << 20  # bytes of rows scanned at once: big enough that per-block costs vanish

_DTD = "it declares a DTD (<!DOCTYPE>), which spreadsheets never need and attacks use"
_UNCACHED = (
    "the formula in this cell was never calculated (no saved result); "
    "open the file in Excel or LibreOffice, recalculate and save it"
)

# One attribute, quoted either way; a ">" inside its value cannot end the tag early.
_ATTR = r"""\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*')"""
# A cell's attributes as Excel, LibreOffice and openpyxl write them: a style, a type other than "e"
# (an error cell needs a mark). Other spellings (single quotes, spaces) take the careful path.
_TYPE = "(?:s|n|str|inlineStr|b|d)"
_USUAL_ATTRS = rf'(?: s="\d+"(?: t="{_TYPE}"|)| t="{_TYPE}"(?: s="\d+"|)|)'
# Other attributes in the usual spelling (cm=, vm=, ...), tried only when the above fails: never t="e",
# nor a second r= (readers disagree on which one wins).
_USUAL_ATTRS_TEXT = re.compile(_USUAL_ATTRS.encode())
_OTHER_ATTRS = r'(?: (?!t="e"|r=)[\w:.-]+="[^"]*")*+'
_NAME = r"[A-Za-z_][\w.-]*+"

_SHEET_DATA = re.compile(rb"<sheetData(?=[\s/>])[^>]*>")
_XML_DECL = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\?>")
# Any element whose local name the element scan counts: c (cells) and mergeCell, with or without prefix.
_CELL_TAG = re.compile(rf"<(?:{_NAME}:)?c[\s/>]".encode())
_MERGE_TAG = re.compile(rf"<(?:{_NAME}:)?mergeCell[\s/>]".encode())
_MERGE_REF = re.compile(rb'<mergeCell ref="([^"]{1,40})"')
_ERROR_ATTR = re.compile(rb"""\st\s*=\s*(?:"e"|'e')""")
_FORMULA = re.compile(rb"<f[\s/>]")
# A formula followed by its saved result: no mark. (A formula's text holds no "<".)
_CACHED_FORMULA = re.compile(rb"<f(?:/>|>[^<]*</f>|\s[^>]*?(?:/>|>[^<]*</f>))\s*<(?:v|is)[\s/>]")
_VALUE = re.compile(rb"<(?:v|is)[\s/>]")
_ERROR_TEXT = re.compile(rb"<v>([^<]*)</v>")


def _span(lo: str, hi: str, low: str, high: str) -> str:
    """Regex for the strings of one length from ``lo`` to ``hi`` (lexicographic), over ``low``..``high``."""
    n = len(lo) - 1
    if lo == low * len(lo) and hi == high * len(hi):
        return f"[{low}-{high}]" + (f"{{{n + 1}}}" if n else "")
    if n == 0:
        return lo if lo == hi else f"[{lo}-{hi}]"
    if lo[0] == hi[0]:
        return lo[0] + _span(lo[1:], hi[1:], low, high)
    parts = [lo[0] + _span(lo[1:], high * n, low, high)]
    if ord(hi[0]) - ord(lo[0]) > 1:
        parts.append(f"[{chr(ord(lo[0]) + 1)}-{chr(ord(hi[0]) - 1)}][{low}-{high}]" + (f"{{{n}}}" if n > 1 else ""))
    parts.append(hi[0] + _span(low * n, hi[1:], low, high))
    return "(?:" + "|".join(parts) + ")"


def number_range(lo: int, hi: int) -> str:
    """Regex matching exactly the decimal numbers ``lo``..``hi`` written without leading zeros (``lo >= 1``)."""
    a, b = str(lo), str(hi)
    parts = [
        _span(a if k == len(a) else "1" + "0" * (k - 1), b if k == len(b) else "9" * k, "0", "9")
        for k in range(len(b), len(a) - 1, -1)
    ]  # longest first: the usual case matches at once
    return "(?:" + "|".join(parts) + ")"


def column_range(lo: int, hi: int) -> str:
    """Regex matching exactly the column letters of 0-based columns ``lo``..``hi``."""
    a, b = column_letter(lo), column_letter(hi)
    parts = [
        _span(a if k == len(a) else "A" * k, b if k == len(b) else "Z" * k, "A", "Z")
        for k in range(len(b), len(a) - 1, -1)
    ]
    return "(?:" + "|".join(parts) + ")"


def _column_index(letters: bytes) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + (ch - 64)
    return col - 1


_VALID_REF = column_range(0, MAX_COLS - 1) + number_range(1, MAX_ROWS)
# A cell holding something (the element scan counts it), its reference captured.
_FILLED_CELL = re.compile(rf'<c r="([A-Z]{{1,3}})([1-9]\d{{0,6}})"(?:{_ATTR})*+\s*>(?=\s*<(?:v|is|f)[\s/>])'.encode())
# A cell holding nothing: formatting only, the element scan skips it.
_EMPTY_CELL = re.compile(rf'<c r="[^"]*"(?:{_ATTR})*+\s*(?:/>|>\s*</c>)'.encode())
_ANY_CELL_REF = re.compile(rb'<c r="(\$?[A-Za-z]{1,12}\$?\d{1,20})"')
_MARK_CELL = re.compile(rf'<c r="([A-Z]{{1,3}}\d{{1,7}})"((?:{_ATTR})*+)\s*(?:/>|>(.*?)</c>)'.encode(), re.S)
# Elements the element scan counts, written with a prefix (<x:c>, <x:mergeCell>): searched from the ":".
_PREFIXED = re.compile(rb":(?:c|mergeCell)[\s/>]")
_DECLARATION = re.compile(rb"<[!?]")  # comment, CDATA, processing instruction, DTD
_RICH_TEXT = r"olor[\s/>]|harset[\s/>]|ondense[\s/>]"  # <color>, <charset>, <condense> in rich inline text

Box = tuple[int, int, int, int]  # min_row, max_row, min_col, max_col


@lru_cache(maxsize=16)
def _cell_check(box: Box | None, common: bool) -> re.Pattern[bytes]:
    """A search for the first ``<c`` of a body block that is not a cell of the expected form.

    ``common``: every cell holds a value (``<v>``/``<is>`` first), has its attributes written the
    usual way (so none is an error cell), and lies in ``box``; the first branch is the usual cell,
    as each branch tried costs time in Python's regex engine. Otherwise a cell may also hold a
    formula first, or nothing (formatting only, then anywhere on the sheet); a cell holding
    something must still lie in ``box``.
    """
    allowed = []
    if box is not None:
        ref = column_range(box[2], box[3]) + number_range(box[0], box[1])
        if common:
            allowed.append(rf' r="{ref}"{_USUAL_ATTRS}>\s*<(?:v>|is>)')
            allowed.append(rf' r="{ref}"{_OTHER_ATTRS}>\s*<(?:v|is)[\s/>]')
        else:
            allowed.append(rf' r="{ref}"(?:{_ATTR})*+\s*>\s*<(?:v|is|f)[\s/>]')
    if not common:
        allowed.append(rf' r="{_VALID_REF}"(?:{_ATTR})*+\s*(?:/>|>\s*</c>)')
    allowed.append(_RICH_TEXT)
    return re.compile(("<c(?!" + "|".join(allowed) + ")").encode())


_SHEET_BOX: Box = (1, MAX_ROWS, 0, MAX_COLS - 1)


class FastWorksheetScanner:
    """WorksheetScanner's counts by byte patterns; ``needs_full`` when the sheet is not in the common form."""

    def __init__(self) -> None:
        self.stats = SheetStats()
        self.needs_full = False
        self._part = "head"  # then "body", then "tail"
        self._head = bytearray()
        self._head_searched = 0
        # Rows not scanned yet: the first ``_size`` bytes of one buffer kept for the whole part (a fresh
        # megabyte joined per block cost more in page faults than its scan: 0.27 s of 2.7 at 1M rows).
        self._rows = bytearray()
        self._size = 0
        self._threshold = BLOCK
        self._scratch = Scratch()

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.needs_full:
            return
        if self._part == "head":
            self._head += data
            found = _SHEET_DATA.search(self._head, max(0, self._head_searched - 4096))
            if found is None:
                self._head_searched = len(self._head)
                if final:  # no <sheetData> at all: the whole part is head
                    self._scan_head(bytes(self._head))
                return
            head, data = bytes(self._head[: found.end()]), bytes(self._head[found.end() :])
            self._head = bytearray()
            self._scan_head(head)
            if self.needs_full:
                return
            self._part = "tail" if head.endswith(b"/>") else "body"
        size = self._size + len(data)
        self._rows[self._size : size] = data  # in place; the buffer grows only while the rows outgrow it
        self._size = size
        if not final and (self._part == "tail" or size < self._threshold):
            return  # the tail is scanned once, at the end
        if self._part == "body":
            done = self._feed_body(self._rows, size, final)
            self._rows[: size - done] = self._rows[done:size]  # what is left for later, or the tail
            self._size = size - done
        if self.needs_full:
            self._rows, self._size = bytearray(), 0
        elif self._part == "tail" and final:
            self._scan_tail(bytes(self._rows[: self._size]))

    def _feed_body(self, buf: bytearray, size: int, final: bool) -> int:
        """Scan the whole rows in ``buf[:size]``; return where what is left for later (or the tail) starts.

        ``buf`` goes on past ``size`` with stale bytes: every search and proof stops at a row's end.
        """
        last = buf.rfind(b"</row>", 0, size)
        after = last + len(b"</row>") if last >= 0 else 0
        end = buf.find(b"</sheetData>", after, size)
        if end >= 0:
            self._scan_body(buf, end)
            self._part = "tail"
            return end
        if final:  # sheetData never closed: the XML is damaged, and the element scan says how
            self.needs_full = True
            return size
        if last < 0:  # no complete row yet: wait for twice as much, so a huge row is not rescanned often
            self._threshold *= 2
            return 0
        self._threshold = BLOCK
        self._scan_body(buf, after)
        return after

    def _scan_head(self, head: bytes) -> None:
        if b"<!" in head:
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ScanError(_DTD)
            self.needs_full = True  # a comment or CDATA: it could hide or fake <sheetData>
        decl = _XML_DECL.match(head)
        if b"<?" in head[decl.end() if decl else 0 :] or _CELL_TAG.search(head) or _MERGE_TAG.search(head):
            self.needs_full = True

    def _scan_tail(self, tail: bytes) -> None:
        self.stats.scenarios = b"scenarios" in tail  # prefixed or not: the reader parses the element itself
        if b"<!" in tail or b"<?" in tail or _CELL_TAG.search(tail):
            self.needs_full = True
            return
        refs = _MERGE_REF.findall(tail)
        if len(refs) != len(_MERGE_TAG.findall(tail)):  # a merge written another way (prefix, attribute order)
            self.needs_full = True
            return
        for ref in refs:
            first, _, last = ref.decode("ascii", "replace").partition(":")
            a, b = parse_ref(first), parse_ref(last or first)
            if a is not None and b is not None:
                self.stats.add_merge(abs(b[0] - a[0]) + 1, abs(b[1] - a[1]) + 1, a[0], a[1])

    def _scan_body(self, buf: bytearray, end: int) -> None:
        """Count the cells of ``buf[:end]``, whole rows (searched in place: a block is a megabyte)."""
        if (buf.find(b"!", 0, end) >= 0 or buf.find(b"?", 0, end) >= 0) and _DECLARATION.search(buf, 0, end):
            self.needs_full = True  # a comment or CDATA could hide markup from the byte patterns
            return
        starts, suspect = cell_starts(buf, end, self._scratch)  # suspect: a ":c", ":m" or "<m" somewhere
        if suspect and (_PREFIXED.search(buf, 0, end) or buf.find(b"<mergeCell", 0, end) >= 0):
            self.needs_full = True
            return
        box = self._box(buf, end)
        if box is not None and (common := common_cells(buf, end, starts, box, _USUAL_ATTRS_TEXT)) is not None:
            self.stats.add_block(*box, common)  # the strict check below would pass: the same count, sooner
            return
        cells = buf.count(b'<c r="', 0, end)  # every cell, once the checks below have passed
        odd = _cell_check(box, True).search(buf, 0, end)
        if odd is None:
            if cells and box is not None:
                self.stats.add_block(*box, cells)
            return
        # Everything before ``odd`` passed the stricter check, so the looser ones start there.
        if box is not None and _cell_check(box, False).search(buf, odd.start(), end) is None:
            filled = cells - len(_EMPTY_CELL.findall(buf, 0, end))
            if filled:
                self.stats.add_block(*box, filled)
        elif (stray := _cell_check(_SHEET_BOX, False).search(buf, odd.start(), end)) is not None:
            far = _ANY_CELL_REF.match(buf, stray.start(), end)
            if far is not None and parse_ref(far.group(1).decode("ascii")) is None:
                raise beyond_sheet(far.group(1).decode("ascii"))  # at once, not after an element-by-element pass
            self.needs_full = True  # not the common form: a cell without r=, "$A$1", ...
            return
        else:  # a cell beyond the expected box: place every cell exactly
            found = _FILLED_CELL.findall(buf, 0, end)
            if cells != len(found) + len(_EMPTY_CELL.findall(buf, 0, end)):
                self.needs_full = True  # the two forms should cover every cell; never count fewer
                return
            if found:
                rows = {int(r) for _, r in found}
                cols = {_column_index(c) for c in {c for c, _ in found}}
                self.stats.add_block(min(rows), max(rows), min(cols), max(cols), len(found))
        if self._may_need_marks(buf, end):
            self._mark(buf, end)

    @staticmethod
    def _may_need_marks(buf: bytearray, end: int) -> bool:
        """Whether a cell may be an error or a formula without result (cheap tests first)."""
        if (buf.find(b'"e"', 0, end) >= 0 or buf.find(b"'e'", 0, end) >= 0) and _ERROR_ATTR.search(buf, 0, end):
            return True
        formulas = len(_FORMULA.findall(buf, 0, end))
        return formulas > 0 and formulas != len(_CACHED_FORMULA.findall(buf, 0, end))

    def _box(self, buf: bytes | bytearray, end: int) -> Box | None:
        """Rows from the block's first to its last cell holding something; columns as far as the sheet's so far.

        Every edge is a real cell's, so if no cell of the block lies outside, the sheet's box grows exactly
        by this one.
        """
        ends = []
        first = _FILLED_CELL.search(buf, 0, end)
        if first is not None:
            ends.append(first)
            pos = end
            for _ in range(16):  # the last cell holding something, usually the very last cell
                pos = buf.rfind(b'<c r="', first.end(), pos)
                last = _FILLED_CELL.match(buf, pos, end) if pos >= 0 else None
                if pos < 0 or last is not None:
                    ends += [last] if last is not None else []
                    break
        rows = [int(m.group(2)) for m in ends]
        cols = [_column_index(m.group(1)) for m in ends]
        if self.stats.cells:  # columns rarely change from block to block: keep the sheet's so far
            cols += [self.stats.min_col, self.stats.max_col]
        if rows and (max(rows) > MAX_ROWS or max(cols) >= MAX_COLS):
            # A cell holding something beyond the last row or column: the element scan refuses it too, but
            # only after a pass over every earlier cell (a 3-million-row sheet took the whole time limit).
            at = max(ends, key=lambda m: int(m.group(2)))
            raise beyond_sheet((at.group(1) + at.group(2)).decode("ascii"))
        if not rows:
            return None  # nothing yet: the checks then decline the block
        return min(rows), max(rows), min(cols), max(cols)

    def _mark(self, buf: bytearray, end: int) -> None:
        for ref, attrs, body in _MARK_CELL.findall(buf, 0, end):
            at = parse_ref(ref.decode("ascii"))
            if at is None:
                continue
            if _ERROR_ATTR.search(attrs):
                value = _ERROR_TEXT.search(body)
                text = value.group(1)[:64].decode("utf-8", "replace").strip() if value else ""
                self.stats.marks[at] = f"the cell shows the spreadsheet error {text or '#N/A'}"
            elif _FORMULA.search(body) and not _VALUE.search(body):
                self.stats.marks[at] = _UNCACHED
