"""CSV files as analysts save them: encodings, delimiters, decimal commas (issue 2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.workbook import Workbook


def test_cp1251_semicolon_decimal_comma_with_total_row(
    tmp_path: Path, make_csv_text: Callable[..., str], check_seed: Callable[[Workbook], None]
) -> None:
    path = tmp_path / "север-юг.csv"
    path.write_bytes(make_csv_text(";", ",").encode("cp1251"))
    book = load_workbook(path)
    check_seed(book)
    totals = book.table("totals")
    assert len(totals) == 1 and totals.value(0, "published_total") == 38.2
    assert book.table("contributions").header("amount") == "Сумма, млрд долл."
    assert book.table("contributions").origins[0] is not None and book.table("contributions").origins[0].row == 2
    assert book.problems == []


def test_utf8_with_bom(
    tmp_path: Path, make_csv_text: Callable[..., str], check_seed: Callable[[Workbook], None]
) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(make_csv_text(";", ",").encode("utf-8-sig"))
    book = load_workbook(path)
    check_seed(book)
    assert book.table("contributions").header("country") == "Страна"  # the BOM is not part of the first header


def test_tab_delimited(
    tmp_path: Path, make_csv_text: Callable[..., str], check_seed: Callable[[Workbook], None]
) -> None:
    path = tmp_path / "seed.tsv"
    path.write_text(make_csv_text("\t", ","), encoding="utf-8")
    check_seed(load_workbook(path))


def test_comma_delimited_decimal_point(
    tmp_path: Path, make_csv_text: Callable[..., str], check_seed: Callable[[Workbook], None]
) -> None:
    path = tmp_path / "seed.csv"
    path.write_text(make_csv_text(",", "."), encoding="utf-8")
    check_seed(load_workbook(path))


def test_utf16_with_bom(
    tmp_path: Path, make_csv_text: Callable[..., str], check_seed: Callable[[Workbook], None]
) -> None:
    path = tmp_path / "seed.csv"
    path.write_bytes(make_csv_text("\t", ",").encode("utf-16"))  # Excel's "Unicode text"
    check_seed(load_workbook(path))


def test_bad_values_are_all_listed_with_their_cells(tmp_path: Path, make_csv_text: Callable[..., str]) -> None:
    text = make_csv_text(";", ",").replace("12,87", "13,2x").replace("6,32", "abc")
    path = tmp_path / "bad.csv"
    path.write_bytes(text.encode("cp1251"))
    with pytest.raises(LoadError) as info:
        load_workbook(path)
    err = info.value
    message = str(err)
    assert str(path) in message and "sheet 'bad'" in message and "row 3" in message
    assert "Сумма, млрд долл." in message and "B3" in message  # issue 2: the cell ref is in the message
    assert (err.sheet, err.row, err.column, err.cell) == ("bad", 3, "Сумма, млрд долл.", "B3")
    assert [(p.sheet, p.row, p.cell) for p in err.problems] == [("bad", 3, "B3"), ("bad", 4, "B4")]
    assert all(p.severity == "error" and p.message for p in err.problems)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Country;Amount\nΕλλάδα;5,0\nΚύπρος;1,0\n", "cp1253"),
        ("Country;Amount\n日本;5,0\n中国;1,0\n", "shift_jis"),
        ("Country;Amount\n中国;5,0\n", "gb2312"),
    ],
    ids=["cp1253", "shift_jis", "gb2312"],
)
def test_foreign_code_page_is_refused_not_garbled(tmp_path: Path, text: str, encoding: str) -> None:
    # Greek and East-Asian code pages are not among those the app reads: refused, never shown as mojibake
    # (issue 2). Windows-1252 and KOI8-R now load with their names intact (issue 17, test_csv_encoding.py).
    path = tmp_path / "foreign.csv"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(LoadError) as info:
        load_workbook(path)
    assert "UTF-8" in str(info.value) and str(path) in str(info.value)


def test_cp1251_with_a_stray_latin_homoglyph_still_loads(tmp_path: Path) -> None:
    # Real Russian files mix in the odd Latin "C" or "o"; one such word is not mojibake.
    rows = ["Страна;Сумма;Источник"] + [f"Страна {n};1,5;ЕАБР" for n in range(12)] + ["Cтрана X;2,0;ЕАБР"]
    path = tmp_path / "ru.csv"
    path.write_bytes("\n".join(rows).encode("cp1251"))
    assert len(load_workbook(path).table("contributions")) == 13


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(b"Country,Amount\n\x00\x81\x82\xff\xfe")
    with pytest.raises(LoadError, match="binary"):
        load_workbook(path)


def test_text_without_a_corridor_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("just,some\nwords,here\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no corridor table"):
        load_workbook(path)


def test_unquoted_decimal_comma_in_a_comma_file_is_refused(tmp_path: Path) -> None:
    # issue 2: "Iran,12,87,EADB" loaded as amount 12 and source "87", the last field dropped:
    # a silently wrong number. The shifted row is now a located error.
    path = tmp_path / "shifted.csv"
    path.write_text("Country,Amount,Source\nRussia,13.2,EADB\nIran,12,87,EADB\n", encoding="utf-8")
    with pytest.raises(LoadError, match="more fields than the header") as info:
        load_workbook(path)
    assert (info.value.row, info.value.cell) == (3, "D3")


def test_trailing_empty_fields_are_not_a_shift(tmp_path: Path) -> None:
    path = tmp_path / "trailing.csv"
    path.write_text("Country,Amount,Source\nRussia,13.2,EADB,,\nIran,12.87,EADB,\n", encoding="utf-8")
    assert len(load_workbook(path).table("contributions")) == 2


def test_a_finding_about_a_total_row_names_the_column_it_stands_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 2: 'sheet, row and column' of the reconciliation finding point at the total row's amount cell."""
    from corridor_app.io.loading.loader import load_workbook
    from corridor_app.model.validate import validate

    path = tmp_path / "ru.csv"
    path.write_bytes(
        "Страна;Сумма, млрд долл.;Источник\nРоссия;13,2;ЕАБР\nИран;12,87;ЕАБР\nИтого;38,2;ЕАБР\n".encode("cp1251")
    )
    (finding,) = [p for p in validate(load_workbook(path)) if p.severity == "info"]
    assert (finding.sheet, finding.row, finding.column) == ("ru", 4, "Сумма, млрд долл.")
