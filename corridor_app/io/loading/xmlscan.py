"""Streaming scans of spreadsheet XML, fed chunk by chunk while a zip part inflates.

Each scanner wraps one expat parser that refuses any DTD or entity declaration
(spreadsheets never need one; they are how "billion laughs" and external-entity
attacks reach a reader) and, for worksheets, counts the cells actually present
(never trusting ``<dimension>``), their bounding box, the merged areas, and the
cells whose value a reader would show wrongly: formulas saved without a cached
value, and error results such as ``#DIV/0!``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_CELLS = 16_000_000
MAX_BOX_CELLS = 20_000_000
# A bounding box above this must be at least half filled: a million-row registry is, a file of two
# far-apart cells (which readers would allocate as millions of empty ones) is not.
MAX_SPARSE_BOX_CELLS = 5_000_000
MAX_MERGES = 100_000
MAX_ROWS = 1_048_576
MAX_COLS = 16_384

_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
# Any reference of letters and digits, however long: one beyond the sheet's last cell is refused for that
# (issue 17: "ZZZZZ99999999" was read by position and left the reader working for the whole time limit).
_ANY_REF = re.compile(r"^\$?[A-Za-z]+\$?\d+$")
LAST_CELL = "XFD1048576"


class ScanError(Exception):
    """The XML is refused; ``message`` says why in plain words, ``row``/``column`` where (0 if unknown)."""

    def __init__(self, message: str, row: int = 0, column: int = -1) -> None:
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'B3' -> (3, 1): 1-based row, 0-based column; None when not a cell reference."""
    m = _REF.match(ref.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)), col - 1


def beyond_sheet(ref: str) -> ScanError:
    """The refusal of a cell whose reference lies past Excel's last cell."""
    return ScanError(
        f"a cell reference ({ref[:24]}) lies beyond the largest possible sheet "
        f"({MAX_ROWS:,} rows x {MAX_COLS:,} columns, last cell {LAST_CELL})"
    )


@dataclass
class SheetStats:
    """What a worksheet really holds, counted from its cells."""

    cells: int = 0
    min_row: int = 0
    max_row: int = 0
    min_col: int = 0
    max_col: int = -1
    merges: int = 0
    # (row 1-based, column 0-based) -> why the value cannot be shown as read.
    marks: dict[tuple[int, int], str] = field(default_factory=dict)
    # Whether the sheet holds Excel Scenario Manager scenarios (after its cells): only then are they read.
    scenarios: bool = False

    def add(self, row: int, col: int, count: int = 1, rows: int = 1) -> None:
        self.add_block(row, row + rows - 1, col, col + count - 1, count * rows)

    def add_block(self, min_row: int, max_row: int, min_col: int, max_col: int, filled: int) -> None:
        """``filled`` cells that lie within rows ``min_row..max_row`` and columns ``min_col..max_col``."""
        if self.cells == 0:
            self.min_row, self.max_row, self.min_col, self.max_col = min_row, max_row, min_col, max_col
        else:
            self.min_row = min(self.min_row, min_row)
            self.max_row = max(self.max_row, max_row)
            self.min_col = min(self.min_col, min_col)
            self.max_col = max(self.max_col, max_col)
        self.cells += filled
        if self.cells > MAX_CELLS:
            raise ScanError(f"it holds more than {MAX_CELLS:,} cells, more than this app can show", max_row, max_col)
        if self.box > MAX_BOX_CELLS:
            raise ScanError(
                f"its cells spread over {self.height:,} rows x {self.width:,} columns "
                f"({self.box:,} cells, more than {MAX_BOX_CELLS:,}); delete the stray far-away cells",
                max_row,
                max_col,
            )

    def finish(self) -> None:
        """The checks that need every cell counted: a large bounding box must be mostly filled."""
        if self.box > MAX_SPARSE_BOX_CELLS and self.box > 2 * self.cells:
            raise ScanError(
                f"its {self.cells:,} cells spread over {self.height:,} rows x {self.width:,} columns "
                f"({self.box:,} cells, more than {MAX_SPARSE_BOX_CELLS:,}); delete the stray far-away cells",
                self.max_row,
                self.max_col,
            )

    @property
    def height(self) -> int:
        return self.max_row - self.min_row + 1 if self.cells else 0

    @property
    def width(self) -> int:
        return self.max_col - self.min_col + 1 if self.cells else 0

    @property
    def box(self) -> int:
        return self.height * self.width

    def add_merge(self, rows: int, cols: int, row: int, col: int) -> None:
        self.merges += 1
        if self.merges > MAX_MERGES:
            raise ScanError(f"it has more than {MAX_MERGES:,} merged areas", row, col)
        if rows * cols > MAX_BOX_CELLS:
            raise ScanError(f"a merged area covers {rows:,} rows x {cols:,} columns, too large to read", row, col)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _attr(attrs: dict[str, str], local: str) -> str | None:
    for key, value in attrs.items():
        if _local(key) == local:
            return value
    return None


class XmlScanner:
    """Any XML part: checks it declares no DTD or entity.

    A part the app does not read (``strict=False``) may be damaged or empty
    (LibreOffice writes empty ones); scanning it then just stops.
    """

    def __init__(self, strict: bool = True) -> None:
        self.strict = strict
        self.stopped = False
        self.parser = expat.ParserCreate(namespace_separator="}")
        self.parser.StartDoctypeDeclHandler = self._refuse_dtd
        self.parser.EntityDeclHandler = self._refuse_entity
        self.parser.ExternalEntityRefHandler = self._refuse_external

    def _refuse_dtd(self, *_: object) -> None:
        raise ScanError("it declares a DTD (<!DOCTYPE>), which spreadsheets never need and attacks use")

    def _refuse_entity(self, *_: object) -> None:
        raise ScanError("it declares an XML entity, which spreadsheets never need and attacks use")

    def _refuse_external(self, *_: object) -> int:
        raise ScanError("it refers to an external entity")

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.stopped:
            return
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            if not self.strict:
                self.stopped = True
                return
            raise ScanError(f"the XML is damaged (line {exc.lineno}: {expat.ErrorString(exc.code)})") from None


class WorksheetScanner(XmlScanner):
    """An OOXML worksheet (transitional or Strict): cells, bounding box, merges, uncached formulas, errors."""

    def __init__(self) -> None:
        super().__init__()
        self.stats = SheetStats()
        self._row = 0
        self._col = -1
        self._cell: tuple[int, int] | None = None
        self._cell_type = ""
        self._has_formula = False
        self._has_value = False
        self._in_value = False
        self._value = ""
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.buffer_text = True

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "c":
            ref = parse_ref(attrs.get("r", "")) if "r" in attrs else None
            if ref is None and _ANY_REF.match(attrs.get("r", "").strip()):
                raise beyond_sheet(attrs["r"].strip())
            row, col = ref if ref else (self._row or 1, self._col + 1)
            if not (1 <= row <= MAX_ROWS and 0 <= col < MAX_COLS):
                raise ScanError(
                    f"a cell ({attrs.get('r', '')}) lies beyond the largest possible sheet (last cell {LAST_CELL})",
                    min(row, MAX_ROWS),
                    min(col, MAX_COLS - 1),
                )
            self._col = col
            self._cell = (row, col)
            self._cell_type = attrs.get("t", "")
            self._has_formula = self._has_value = False
        elif tag == "row":
            r = attrs.get("r")
            self._row = int(r) if r and r.isdigit() else self._row + 1
            self._col = -1
        elif tag == "f" and self._cell is not None:
            self._has_formula = True
        elif tag in ("v", "is") and self._cell is not None:
            self._has_value = True
            self._in_value = tag == "v"
            self._value = ""
        elif tag == "mergeCell":
            self._merge(attrs.get("ref", ""))
        elif tag == "scenarios":
            self.stats.scenarios = True

    def _text(self, data: str) -> None:
        if self._in_value:
            self._value += data[:64]

    def _end(self, name: str) -> None:
        tag = _local(name)
        if tag == "v":
            self._in_value = False
        elif tag == "c" and self._cell is not None:
            # A <c> with neither value nor formula is formatting only: readers skip it.
            if self._has_value or self._has_formula:
                self.stats.add(*self._cell)
            if self._cell_type == "e":
                self.stats.marks[self._cell] = f"the cell shows the spreadsheet error {self._value.strip() or '#N/A'}"
            elif self._has_formula and not self._has_value:
                self.stats.marks[self._cell] = (
                    "the formula in this cell was never calculated (no saved result); "
                    "open the file in Excel or LibreOffice, recalculate and save it"
                )
            self._cell = None

    def _merge(self, ref: str) -> None:
        first, _, last = ref.partition(":")
        a, b = parse_ref(first), parse_ref(last or first)
        if a is None or b is None:
            return
        rows, cols = abs(b[0] - a[0]) + 1, abs(b[1] - a[1]) + 1
        self.stats.add_merge(rows, cols, a[0], a[1])


class OdsContentScanner(XmlScanner):
    """ODS content.xml: per table, cells with content after expanding repeat counts arithmetically."""

    def __init__(self) -> None:
        super().__init__()
        self.sheets: dict[str, SheetStats] = {}
        self._stats: SheetStats | None = None
        self._row = 0
        self._row_repeat = 1
        self._col = 0
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "table" and name.startswith("urn:oasis:names:tc:opendocument:xmlns:table"):
            sheet = _attr(attrs, "name") or f"Sheet{len(self.sheets) + 1}"
            self._stats = self.sheets.setdefault(sheet, SheetStats())
            self._row = 0
        elif self._stats is None:
            return
        elif tag == "table-row":
            self._row_repeat = _count(attrs, "number-rows-repeated")
            self._row += 1
            self._col = 0
        elif tag in ("table-cell", "covered-table-cell"):
            repeat = _count(attrs, "number-columns-repeated")
            if _attr(attrs, "value-type") is not None or _attr(attrs, "formula") is not None:
                if self._row + self._row_repeat - 1 > MAX_ROWS or self._col + repeat > MAX_COLS:
                    raise ScanError(
                        f"a cell is repeated {self._row_repeat:,} x {repeat:,} times, beyond the largest sheet",
                        self._row,
                        self._col,
                    )
                self._stats.add(self._row, self._col, repeat, self._row_repeat)
            spanned_r, spanned_c = _count(attrs, "number-rows-spanned"), _count(attrs, "number-columns-spanned")
            if spanned_r > 1 or spanned_c > 1:
                self._stats.add_merge(spanned_r, spanned_c, self._row, self._col)
            self._col += repeat

    def _end(self, name: str) -> None:
        tag = _local(name)
        if tag == "table-row":
            self._row += self._row_repeat - 1
            self._row_repeat = 1
        elif tag == "table" and name.startswith("urn:oasis:names:tc:opendocument:xmlns:table"):
            self._stats = None


def _count(attrs: dict[str, str], local: str) -> int:
    text = _attr(attrs, local)
    if text is None:
        return 1
    try:
        return max(1, int(text))
    except ValueError:
        raise ScanError(f"the repeat count {text[:20]!r} is not a number") from None


class RelsScanner(XmlScanner):
    """A .rels part: relationship id -> (type, target)."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, tuple[str, str]] = {}
        self.parser.StartElementHandler = self._start

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            self.targets[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))


class WorkbookScanner(XmlScanner):
    """xl/workbook.xml: sheet names with their relationship ids, and the 1904 date flag."""

    def __init__(self) -> None:
        super().__init__()
        self.sheets: list[tuple[str, str]] = []
        self.date1904 = False
        self.parser.StartElementHandler = self._start

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "sheet":
            self.sheets.append((attrs.get("name", ""), _attr(attrs, "id") or ""))
        elif tag == "workbookPr":
            self.date1904 = attrs.get("date1904", "").lower() in ("1", "true")
