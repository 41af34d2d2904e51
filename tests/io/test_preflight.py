"""Preflight refuses hostile packages before any parser runs (issue: bad input never crashes, hangs or loses data)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading import limits, loader, preflight
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.loader import load_workbook, read_sheets

from .hostile_files import CORRIDOR_ROWS, inline, make_ods, make_xlsx, number, sheet_xml, write_zip


def refused(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        preflight.preflight(str(path))
    return info.value


def test_minimal_package_loads(tmp_path: Path) -> None:
    book = load_workbook(make_xlsx(tmp_path / "ok.xlsx"))
    assert book.table("contributions").column("amount").tolist() == [13.2, 12.87]


def test_far_away_cell_is_refused_by_its_real_position(tmp_path: Path) -> None:
    # The 1.8 KB file of the issue: cells A1 and XFD1048576 (calamine aborts on some versions).
    path = make_xlsx(
        tmp_path / "far.xlsx",
        '<row r="1">' + inline("A1", "x") + '</row><row r="1048576">' + number("XFD1048576", 1) + "</row>",
    )
    err = refused(path)
    assert err.sheet == "Contributions"
    assert "1,048,576 rows x 16,384 columns" in err.message


def test_lying_dimension_is_not_trusted(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "dim.xlsx", before='<dimension ref="A1:XFD1048576"/>')
    checked = preflight.preflight(str(path))
    assert checked.sheets["Contributions"].box == 12  # 3 rows x 4 columns really present


def test_formatting_only_cells_do_not_count(tmp_path: Path) -> None:
    rows = CORRIDOR_ROWS + '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    checked = preflight.preflight(str(make_xlsx(tmp_path / "fmt.xlsx", rows)))
    assert checked.sheets["Contributions"].cells == 12


def test_huge_merge_is_refused(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "merge.xlsx", after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    )
    assert "merged area" in refused(path).message


def test_dtd_and_entities_are_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
    )
    err = refused(make_xlsx(tmp_path / "dtd.xlsx", extra={"xl/sharedStrings.xml": laughs}))
    assert "DTD" in err.message and "xl/sharedStrings.xml" in err.message


def test_total_inflation_is_counted_while_streaming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight, "MAX_INFLATED_BYTES", 1024 * 1024)
    monkeypatch.setattr(limits, "MAX_RATIO", 10**9)  # the bomb rule lives in limits.inflates_too_much
    path = make_xlsx(tmp_path / "big.xlsx", extra={"xl/media/blob.bin": b"\0" * (3 * 1024 * 1024)})
    assert "inflates to more than 1 MiB" in refused(path).message


def test_part_ratio_bomb_is_refused(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "bomb.xlsx", extra={"xl/media/zeros.bin": b"\0" * (8 * 1024 * 1024)})
    assert "zip bomb" in refused(path).message


def test_lying_size_header_is_refused(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lie.xlsx", extra={"xl/media/zeros.bin": b"\0" * 200_000})
    data = bytearray(path.read_bytes())
    # Shrink the declared size in the central directory: the inflated bytes no longer match it.
    name = b"xl/media/zeros.bin"
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    data[cd + 24 : cd + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    err = refused(path)
    assert "damaged" in err.message


def test_case_insensitive_duplicate_parts_are_refused(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "dup.xlsx", extra={"XL/Workbook.xml": "<x/>"})
    assert "two parts named" in refused(path).message


def test_entry_count_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight, "MAX_ENTRIES", 10)
    path = make_xlsx(tmp_path / "many.xlsx", extra={f"xl/media/{i}.bin": b"x" for i in range(20)})
    assert "parts" in refused(path).message


def test_ods_repeat_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    table = (
        '<table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="999999999">'
        '<table:table-cell table:number-columns-repeated="999999999" office:value-type="string">'
        "<text:p>X</text:p></table:table-cell></table:table-row></table:table>"
    )
    err = refused(make_ods(tmp_path / "dos.ods", table))
    assert err.sheet == "Sheet1" and "repeated" in err.message


def test_ods_trailing_empty_repeats_are_fine(tmp_path: Path) -> None:
    table = (
        '<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/>'
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row></table:table>'
    )
    checked = preflight.preflight(str(make_ods(tmp_path / "pad.ods", table)))
    assert checked.sheets["S"].cells == 1


def test_encrypted_office_file_is_named_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    )
    assert "password-protected" in refused(path).message


@pytest.mark.parametrize(
    ("head", "expected"),
    [(b"%PDF-1.7\n", "PDF"), (b"<html><body><table>", "web page"), (b"\x89PNG\r\n\x1a\n", "PNG")],
)
def test_foreign_files_are_named(tmp_path: Path, head: bytes, expected: str) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(head + b"x" * 100)
    assert expected in refused(path).message


def test_renamed_files_are_routed_by_content(tmp_path: Path) -> None:
    xlsx_named_csv = make_xlsx(tmp_path / "really_xlsx.csv")
    assert len(load_workbook(xlsx_named_csv).table("contributions")) == 2
    csv_named_xlsx = tmp_path / "really_csv.xlsx"
    csv_named_xlsx.write_text("Country,Amount\nIran,1\n", encoding="utf-8")
    assert "plain text" in refused(csv_named_xlsx).message


def test_uncalculated_formula_and_error_cells_are_named(tmp_path: Path) -> None:
    rows = (
        '<row r="1">' + inline("A1", "Country") + inline("B1", "Amount") + "</row>"
        '<row r="2">' + inline("A2", "Russia") + '<c r="B2"><f>SUM(X1:X9)</f></c></row>'
        '<row r="3">' + inline("A3", "Iran") + '<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    )
    with pytest.raises(LoadError) as info:
        load_workbook(make_xlsx(tmp_path / "f.xlsx", rows))
    messages = {(p.cell, p.message.split(";")[0]) for p in info.value.problems}
    assert ("B2", "the formula in this cell was never calculated (no saved result)") in messages
    assert ("B3", "the cell shows the spreadsheet error #DIV/0!") in messages


def test_duplicate_headers_are_reported(tmp_path: Path) -> None:
    rows = (
        '<row r="1">' + inline("A1", "Country") + inline("B1", "Amount") + inline("C1", "Amount") + "</row>"
        '<row r="2">' + inline("A2", "Iran") + number("B2", 1) + number("C2", 2) + "</row>"
    )
    book = load_workbook(make_xlsx(tmp_path / "dup.xlsx", rows))
    dup = [p for p in book.problems if "duplicate header" in p.message]
    assert [(p.cell, p.severity) for p in dup] == [("C1", "warning")]
    assert "column B is the one read as" in dup[0].message


def test_date_1904_system_is_read(tmp_path: Path) -> None:
    rows = '<row r="1">' + number("A1", 0) + "</row>"
    sheets = read_sheets(make_xlsx(tmp_path / "d.xlsx", rows, workbook_pr='<workbookPr date1904="1"/>'))
    assert preflight.preflight(str(tmp_path / "d.xlsx")).date1904
    assert sheets[0].rows == [[0.0]]  # a number stays a number; dates come from calamine's 1904-aware reading


def test_reader_that_finds_nothing_is_not_silently_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Strict OOXML once read as zero sheets in other readers; any such silent loss is refused.
    monkeypatch.setattr(loader, "read_spreadsheet", lambda path, kind="xlsx": [RawSheet("Contributions", [])])
    with pytest.raises(LoadError) as info:
        read_sheets(make_xlsx(tmp_path / "s.xlsx"))
    assert "reader found none" in info.value.message
    assert "Excel workbook (.xlsx)" in info.value.message  # advice in the terms of the file's format (issue 17)


def test_damaged_zip(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    make_xlsx(path)
    path.write_bytes(path.read_bytes()[:200])
    assert "damaged" in refused(path).message


def test_empty_unused_parts_are_fine(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lo.xlsx", extra={"configurations2/accelerator/current.xml": b""})
    assert preflight.preflight(str(path)).kind == "xlsx"


def test_not_a_spreadsheet_zip(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    write_zip(path, {"readme.txt": "hello"}, zipfile.ZIP_DEFLATED)
    assert "zip archive, not a spreadsheet" in refused(path).message


def _scan_part(scanner, data: bytes, chunk: int = 997):  # type: ignore[no-untyped-def]
    for i in range(0, len(data), chunk):
        scanner.feed(data[i : i + chunk])
    scanner.feed(b"", final=True)
    return scanner


def test_fast_worksheet_scan_agrees_with_the_element_scan() -> None:
    """Issue 7 (speed) must not weaken issue 6: the byte-pattern scan finds the same cells and marks.

    Every worksheet of the corpus and of the generated hostile files is scanned both ways, fed in
    small odd-sized chunks so rows straddle chunk boundaries.
    """
    import zipfile
    from pathlib import Path

    from corridor_app.io.loading.fastscan import FastWorksheetScanner
    from corridor_app.io.loading.xmlscan import ScanError, WorksheetScanner

    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    packages = sorted(corpus.glob("*.xls[xm]")) if corpus.exists() else []
    compared = fell_back = 0
    for path in packages:
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            continue
        for name in zf.namelist():
            if not name.replace("\\", "/").startswith("xl/worksheets/sheet"):
                continue
            data = zf.read(name)
            try:
                full = _scan_part(WorksheetScanner(), data)
            except ScanError:
                continue
            fast = _scan_part(FastWorksheetScanner(), data)
            if fast.needs_full:
                fell_back += 1
                continue
            assert fast.stats.cells == full.stats.cells, (path.name, name)
            assert fast.stats.marks == full.stats.marks, (path.name, name)
            assert fast.stats.merges == full.stats.merges, (path.name, name)
            if full.stats.cells:
                assert (fast.stats.max_row, fast.stats.max_col) == (full.stats.max_row, full.stats.max_col)
            compared += 1
    if packages:
        assert compared >= 20 and fell_back <= compared


def test_fast_scan_refuses_a_dtd_and_a_far_away_cell() -> None:
    from corridor_app.io.loading.fastscan import FastWorksheetScanner
    from corridor_app.io.loading.xmlscan import ScanError

    with pytest.raises(ScanError, match="DTD"):
        _scan_part(FastWorksheetScanner(), b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>')
    far = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
        b"</sheetData></worksheet>"
    )
    with pytest.raises(ScanError, match="spread over"):
        _scan_part(FastWorksheetScanner(), far)


def test_a_large_box_must_be_mostly_filled() -> None:
    # issue 6 and 7: a million-row registry's box is full and passes; two far-apart cells in one are refused.
    from corridor_app.io.loading.xmlscan import ScanError, SheetStats

    full = SheetStats()
    full.add_block(1, 1_000_000, 0, 9, 10_000_000)
    full.finish()
    sparse = SheetStats()
    sparse.add_block(1, 1, 0, 0, 1)
    sparse.add_block(1_000_000, 1_000_000, 15, 15, 1)
    with pytest.raises(ScanError, match="2 cells spread over 1,000,000 rows x 16 columns"):
        sparse.finish()


def test_far_apart_cells_in_a_tall_sheet_are_refused_by_the_preflight(tmp_path: Path) -> None:
    rows = '<row r="1">' + number("A1", 1) + '</row><row r="1000000">' + number("P1000000", 2) + "</row>"
    with pytest.raises(LoadError, match="far-away cells") as info:
        preflight.preflight(str(make_xlsx(tmp_path / "tall.xlsx", rows)))
    assert info.value.sheet


# issue 6: the fast scan once took rows from <row r=".."> and missed cells written another way; readers
# (calamine) place a cell by its own reference and read prefixed elements, so each sheet below allocates
# a 1,048,576 x 16,384 grid there and must be refused as such.
_FAR = '<c r="XFD1048576"><v>2</v></c>'
_HIDDEN_FAR_CELLS = {
    "reference disagrees with its row": '<row r="1">' + number("A1", 1) + _FAR + "</row>",
    "row without r=": '<row r="1">' + number("A1", 1) + "</row><row>" + _FAR + "</row>",
    "prefixed cell": '<row r="1" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + number("A1", 1)
    + '<x:c r="XFD1048576"><x:v>2</x:v></x:c></row>',
    "'/>' inside an attribute value": '<row r="1">' + number("A1", 1) + '<c r="XFD1048576" x="/>"><v>2</v></c></row>',
}


@pytest.mark.parametrize("rows", _HIDDEN_FAR_CELLS.values(), ids=list(_HIDDEN_FAR_CELLS))
def test_far_cell_is_refused_however_it_is_written(tmp_path: Path, rows: str) -> None:  # issue 6
    err = refused(make_xlsx(tmp_path / "far.xlsx", rows))
    assert "1,048,576 rows x 16,384 columns" in err.message


def test_cell_is_placed_by_its_own_reference(tmp_path: Path) -> None:  # issue 6
    rows = '<row r="1">' + number("A1", 1) + number("C7", 2) + "</row><row>" + number("B9", 3) + "</row>"
    stats = preflight.preflight(str(make_xlsx(tmp_path / "refs.xlsx", rows))).sheets["Contributions"]
    assert (stats.cells, stats.min_row, stats.max_row, stats.max_col) == (3, 1, 9, 2)


def test_prefixed_huge_merge_is_refused(tmp_path: Path) -> None:  # issue 6
    merge = '<mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    path = make_xlsx(tmp_path / "merge.xlsx", after=merge + '<x:mergeCell ref="A1:XFD1048576"/></mergeCells>')
    assert "merged area" in refused(path).message


_ODD_SHEETS = {
    **_HIDDEN_FAR_CELLS,
    "cell in a comment": '<row r="1">' + number("A1", 1) + "<!-- " + _FAR + " --></row>",
    "cell in a processing instruction": '<row r="1">' + number("A1", 1) + "<?pi " + _FAR + "?></row>",
    "row 0": '<row r="0"><c r="A0"><v>1</v></c></row>',
    "formatting-only far cell": '<row r="1">' + number("A1", 1) + '</row><row r="9"><c r="XFD9" s="1"/></row>',
    "empty cell with a > in a value": '<row r="1"><c r="A1" s="1"/><c r="XFD9" x=\'/>\'><v>2</v></c></row>',
    "marks": '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t = "e"/></row>',
    "cached formulas": '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0"/><v>2</v></c></row>',
    "rich text": '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><color rgb="FF0000FF"/></rPr><t>x</t></r></is></c>'
    "</row>",
    "descending rows": '<row r="9">' + number("B9", 1) + '</row><row r="2">' + number("D2", 1) + "</row>",
}


@pytest.mark.parametrize("rows", _ODD_SHEETS.values(), ids=list(_ODD_SHEETS))
@pytest.mark.parametrize("chunk", [7, 4096])
def test_fast_scan_never_counts_differently(rows: str, chunk: int) -> None:  # issue 6
    """Either the fast scan gives the element scan's answer, or it asks for the element scan."""
    from corridor_app.io.loading.fastscan import FastWorksheetScanner
    from corridor_app.io.loading.xmlscan import ScanError, WorksheetScanner

    def answer(scanner: WorksheetScanner | FastWorksheetScanner) -> object:
        try:
            stats = _scan_part(scanner, sheet_xml(rows).encode(), chunk).stats
        except ScanError as exc:
            return exc.message
        return (stats.cells, stats.min_row, stats.max_row, stats.min_col, stats.max_col, stats.marks)

    fast = FastWorksheetScanner()
    fast_answer = answer(fast)
    assert fast.needs_full or fast_answer == answer(WorksheetScanner())


def test_fast_scan_agrees_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:  # issue 6
    """Blocks of whole rows: a stray cell mid-block, empty cells and formulas, rows out of order."""
    from corridor_app.io.loading import fastscan
    from corridor_app.io.loading.xmlscan import WorksheetScanner

    monkeypatch.setattr(fastscan, "BLOCK", 2048)
    rows = [f'<row r="{r}">' + number(f"A{r}", r) + inline(f"B{r}", "x") + "</row>" for r in range(2, 400)]
    rows[150] = '<row r="152">' + number("A152", 1) + number("AB9", 2) + '<c r="C152" s="1"/></row>'
    rows[300] = '<row r="302"><c r="A302"><f>1+1</f></c></row>'
    rows.append('<row r="1">' + number("A1", 0) + "</row>")
    data = sheet_xml("".join(rows)).encode()
    fast, full = _scan_part(fastscan.FastWorksheetScanner(), data, 1000), _scan_part(WorksheetScanner(), data)
    assert not fast.needs_full
    for name in ("cells", "min_row", "max_row", "min_col", "max_col", "marks"):
        assert getattr(fast.stats, name) == getattr(full.stats, name), name


def test_ranges_match_exactly_the_numbers_and_columns_between() -> None:
    from corridor_app.io.loading.fastscan import column_range, number_range
    from corridor_app.model.errors import column_letter as column_letters

    for lo, hi in [(1, 1), (1, 9), (7, 123), (95, 1005), (54171, 55968), (1, 1048576)]:
        pattern = re.compile(number_range(lo, hi))
        probe = [*range(max(1, lo - 20), min(hi + 20, lo + 400)), *range(hi - 20, hi + 20)]
        assert all(bool(pattern.fullmatch(str(n))) == (lo <= n <= hi) for n in probe)
        assert not pattern.fullmatch("0" + str(lo))
    for lo, hi in [(0, 0), (0, 9), (3, 700), (25, 16383)]:
        pattern = re.compile(column_range(lo, hi))
        assert all(bool(pattern.fullmatch(column_letters(c))) == (lo <= c <= hi) for c in range(0, 18000, 7))
