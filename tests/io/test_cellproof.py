"""The array proof of a block's cells (issue 17, the load's speed) never accepts what the regex proof refuses.

``cellproof.common_cells`` stands in for the strictest branch of FastWorksheetScanner's per-cell regex:
whenever it gives a count, that regex must find no odd cell in the block and the count must be the
regex path's count. And over a sheet of several megabytes the fast scan must still give the element
scan's answer (issue 6), with the array proof doing most of the blocks.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor_app.io.loading import cellproof, fastscan
from corridor_app.io.loading.xmlscan import WorksheetScanner

from .hostile_files import sheet_xml


def _row(r: int, columns: int = 6) -> str:
    cells = [
        f'<c r="A{r}" t="inlineStr"><is><t>Corridor {r % 7}</t></is></c>',
        f'<c r="B{r}" s="3" t="n"><v>{r * 1.5}</v></c>',
        f'<c r="C{r}" t="s" s="12"><v>{r % 40}</v></c>',
        f'<c r="D{r}"><v>{r}</v></c>',
        f'<c r="E{r}" s="2"><v>0.{r}</v></c>',
        f'<c r="F{r}" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>',
    ]
    return f'<row r="{r}">' + "".join(cells[:columns]) + "</row>"


def _block(first: int, rows: int) -> bytes:
    rows_after = _row(first + rows).removesuffix("</row>")  # the next row, cut off as a block ends
    return b"".join(_row(r).encode() for r in range(first, first + rows)) + rows_after.encode()


def _strict_answer(buf: bytes, end: int) -> tuple[fastscan.Box | None, int | None]:
    """The regex path's box and, when its strictest check finds no odd cell, its count."""
    box = fastscan.FastWorksheetScanner()._box(buf, end)
    if box is None:
        return None, None
    odd = fastscan._cell_check(box, True).search(buf, 0, end)
    return box, (buf.count(b'<c r="', 0, end) if odd is None else None)


def _proof(buf: bytes, end: int, box: fastscan.Box) -> int | None:
    starts, _ = cellproof.cell_starts(buf, end, cellproof.Scratch())
    return cellproof.common_cells(buf, end, starts, box, fastscan._USUAL_ATTRS_TEXT)


@pytest.mark.parametrize("first", [1, 95, 9_990, 99_995, 999_990, 1_048_570])
def test_common_blocks_are_proven_and_counted(first: int) -> None:
    buf = _block(first, 7)
    end = buf.rfind(b"</row>") + len(b"</row>")
    box, count = _strict_answer(buf, end)
    assert box is not None and count is not None
    assert _proof(buf, end, box) == count


_ODD = {
    "a cell below the box": ('<c r="D9"><v>9</v></c>', '<c r="D99"><v>9</v></c>'),
    "a column right of the box": ('<c r="D9"><v>9</v></c>', '<c r="AD9"><v>1</v></c>'),
    "a leading zero": ('<c r="D9"><v>9</v></c>', '<c r="D09"><v>1</v></c>'),
    "lower-case column": ('<c r="D9"><v>9</v></c>', '<c r="d9"><v>1</v></c>'),
    "an error cell": ('<c r="D9"><v>9</v></c>', '<c r="D9" t="e"><v>#N/A</v></c>'),
    "a formula first": ('<c r="D9"><v>9</v></c>', '<c r="D9"><f>1+1</f><v>2</v></c>'),
    "formatting only": ('<c r="D9"><v>9</v></c>', '<c r="D9" s="1"/>'),
    "a '>' in a value": ('<c r="D9"><v>9</v></c>', '<c r="D9" x="><v>"/>'),
    "white space before the value": ('<c r="D9"><v>9</v></c>', '<c r="D9"> <v>1</v></c>'),
    "an unusual attribute": ('<c r="D9"><v>9</v></c>', '<c r="D9" cm="1"><v>1</v></c>'),
    "rich text": ("<t>Corridor 2</t>", '<r><rPr><color rgb="FF0000FF"/></rPr><t>x</t></r>'),
    "another attribute than r=": ('<c r="D9"><v>9</v></c>', '<c R="D9"><v>9</v></c>'),
    "no quote after the reference": ('<c r="D9"><v>9</v></c>', '<c r="D9  s="1"><v>9</v></c>'),
    "a cell without r=": ('<c r="D9"><v>9</v></c>', "<c><v>1</v></c>"),
    "a NUL after the reference": ('<c r="D9"><v>9</v></c>', '<c r="D9"\0><v>1</v></c>'),
}


@pytest.mark.parametrize(("old", "new"), _ODD.values(), ids=list(_ODD))
def test_uncommon_cells_are_left_to_the_regex(old: str, new: str) -> None:
    buf = _block(3, 12).replace(old.encode(), new.encode(), 1)
    assert old.encode() in _block(3, 12)
    end = buf.rfind(b"</row>") + len(b"</row>")
    box = fastscan.FastWorksheetScanner()._box(buf, end)
    assert box is not None
    assert _proof(buf, end, box) is None


def _without_column_a(block: bytes) -> bytes:
    """The block with its column A cells removed, but for row 9's: a cell left of the block's box."""
    rows = block.split(b"</row>")
    return b"</row>".join(r if b'r="A9"' in r else re.sub(rb'<c r="A\d+".*?</c>', b"", r) for r in rows)


def _with_last_column(column: bytes, odd: bytes) -> Callable[[bytes], bytes]:
    """The block with a last cell in ``column`` on each row, row 9's reference written ``odd`` + "9"."""

    def edit(block: bytes) -> bytes:
        rows = block.split(b"</row>")
        rows[:-1] = [
            re.sub(rb'<row r="(\d+)">(.*)', rb'<row r="\1">\2<c r="%s\1"><v>1</v></c>' % column, r) for r in rows[:-1]
        ]
        return b"</row>".join(rows).replace(b'"%s9"' % column, b'"%s9"' % odd)

    return edit


# Each odd cell comes after a good one of the same shape (letters and digits), so the array checks see it.
_LATE_ODD = {
    "a leading zero": lambda b: b.replace(b'<c r="D12"><v>12</v></c>', b'<c r="D05"><v>12</v></c>'),
    "a non-digit in the row": lambda b: b.replace(b'<c r="D12"><v>12</v></c>', b'<c r="D1/"><v>12</v></c>'),
    "a cell left of the box": _without_column_a,
    "a non-letter in a two-letter column": _with_last_column(b"AD", b"A@"),
    "a byte above 127 in a two-letter column": _with_last_column(b"BA", b"A\xc1"),
}


@pytest.mark.parametrize("edit", _LATE_ODD.values(), ids=list(_LATE_ODD))
def test_odd_cells_of_a_known_shape_are_left_to_the_regex(edit: Callable[[bytes], bytes]) -> None:
    buf = edit(_block(3, 12))
    assert buf != _block(3, 12)
    end = buf.rfind(b"</row>") + len(b"</row>")
    box, count = _strict_answer(buf, end)
    assert box is not None and count is None  # the regex finds the odd cell
    assert _proof(buf, end, box) is None


def test_a_cell_cut_by_the_block_end_is_left_to_the_regex() -> None:
    buf = _block(3, 12)
    end = buf.rfind(b"<is>") + 2  # inside the last cell's first tag: the regex search stops there
    box = fastscan.FastWorksheetScanner()._box(buf, buf.rfind(b"</row>") + 6)
    assert box is not None and fastscan._cell_check(box, True).search(buf, 0, end) is not None
    assert _proof(buf, end, box) is None


_BYTES = st.sampled_from([b"<", b">", b'"', b"'", b" ", b"=", b"/", b"c", b"r", b"t", b"s", b"v", b"i", b"e"])
_MORE = st.sampled_from([b"0", b"1", b"9", b"A", b"Z", b"AA", b":", b"\0", b"\xff", b"\t", b'<c r="', b"<v>", b"<is>"])


@settings(max_examples=300, deadline=None)
@given(
    first=st.sampled_from([1, 8, 95, 9_996, 99_996, 1_048_566]),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.one_of(_BYTES, _MORE)), min_size=1, max_size=4),
    moves=st.tuples(*[st.integers(-1, 2)] * 4),
)
def test_the_proof_never_accepts_what_the_regex_refuses(
    first: int, edits: list[tuple[float, int, bytes]], moves: tuple[int, int, int, int]
) -> None:
    """Bytes replaced, inserted or deleted anywhere; the box made narrower or wider than the block's."""
    buf = _block(first, 6)
    for where, action, text in edits:
        at = int(where * (len(buf) - 6))
        if action == 0:
            buf = buf[:at] + text + buf[at:]
        elif action == 1:
            buf = buf[:at] + text + buf[at + len(text) :]
        else:
            buf = buf[:at] + buf[at + action :]
    end = buf.rfind(b"</row>") + len(b"</row>")
    if end < len(b"</row>"):
        return
    box = fastscan.FastWorksheetScanner()._box(buf, end)
    if box is None:
        return
    box = (max(1, box[0] + moves[0]), box[1] - moves[1], max(0, box[2] + moves[2]), box[3] - moves[3])
    if box[0] > box[1] or box[2] > box[3]:
        return
    proven = _proof(buf, end, box)
    if proven is not None:
        assert fastscan._cell_check(box, True).search(buf, 0, end) is None
        assert proven == buf.count(b'<c r="', 0, end)


def _large_sheet() -> bytes:
    """About 4.5 MiB of rows (several 1 MiB blocks), rows crossing 9,999 and 99,999, a few odd cells."""
    rand = random.Random(17)
    numbers = [*range(2, 8_000), *range(9_000, 15_000), *range(99_000, 102_000)]
    rows = ['<row r="1">' + "".join(f'<c r="{c}1" t="inlineStr"><is><t>{c}</t></is></c>' for c in "ABCDEF") + "</row>"]
    for r in numbers:
        rows.append(_row(r, rand.choice([5, 6, 6, 6])))
    rows[500] = rows[500].replace("</row>", f'<c r="G{numbers[499]}"><f>B2*2</f></c></row>')  # never calculated
    rows[4_000] = rows[4_000].replace("</row>", f'<c r="AB{numbers[3_999]}" t="e"><v>#DIV/0!</v></c></row>')
    rows[6_500] = rows[6_500].replace("</row>", f'<c r="H{numbers[6_499]}"><f>1+1</f><v>2</v></c></row>')
    rows[7_000] = rows[7_000].replace("</row>", '<c r="C9500" s="4"/><c r="Z12"><v>far up</v></c></row>')
    return sheet_xml("".join(rows)).encode()


@pytest.mark.parametrize("chunk", [65_536, 100_003])
def test_fast_scan_agrees_with_the_element_scan_over_many_blocks(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Issue 17 (speed) must not weaken issue 6 on a sheet the size the fast path exists for."""
    data = _large_sheet()
    assert len(data) > 4 * fastscan.BLOCK
    proven: list[int | None] = []

    def spy(*args: object) -> int | None:
        proven.append(cellproof.common_cells(*args))  # type: ignore[arg-type]
        return proven[-1]

    monkeypatch.setattr(fastscan, "common_cells", spy)
    fast = fastscan.FastWorksheetScanner()
    for i in range(0, len(data), chunk):
        fast.feed(data[i : i + chunk])
    fast.feed(b"", final=True)
    full = WorksheetScanner()
    full.feed(data, final=True)
    assert not fast.needs_full
    for name in ("cells", "min_row", "max_row", "min_col", "max_col", "marks", "merges"):
        assert getattr(fast.stats, name) == getattr(full.stats, name), name
    assert len(full.stats.marks) == 2
    assert sum(n is not None for n in proven) >= 2 and None in proven  # both paths were taken
