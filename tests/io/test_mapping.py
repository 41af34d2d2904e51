"""A table with headers the app does not know loads once the user names its columns (issue 17, items 1 and 7).

168 real files with a text and a number column were refused as "no corridor table found" because their
headers ("Economy | Value (USD m)", "text | number") are not among the aliases. A ``ColumnMapping`` names them,
and crosses into the isolated child; a mapped column holding text where a number belongs is an error that
names the file, sheet, row and column, and nothing half-loads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook as XlsxBook

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.isolated import load_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.loading.mapping import ColumnMapping, guess_mapping, header_signature


def _xlsx(path: Path, rows: list[tuple[object, ...]], title: str = "Data") -> Path:
    book = XlsxBook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ECONOMY = [
    ("World Bank extract",),
    (),
    ("Economy", "Value (USD m)", "Note"),
    ("Kazakhstan", 120.5, "a"),
    ("China", 300, "b"),
]


def test_unknown_headers_are_refused_without_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no corridor table found"):
        load_workbook(_xlsx(tmp_path / "e.xlsx", ECONOMY))


def test_economy_and_value_load_when_named_through_the_child(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "e.xlsx", ECONOMY)
    mapping = ColumnMapping(country="Economy", amount="Value (USD m)")
    loaded = load_isolated(path, mapping=mapping)
    table = loaded.workbook.table("contributions")
    assert [table.value(r, "country") for r in range(len(table))] == ["Kazakhstan", "China"]
    assert table.column("amount").sum() == pytest.approx(420.5)  # pandas: 120.5 + 300
    assert table.value(0, "unit") == "USD mln"  # the header's unit
    assert table.origins[0].row == 4  # the header row was found below the title


def test_columns_can_be_named_by_letter_with_a_header_row(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "t.xlsx", [("text", "number"), ("Kazakhstan", 1.5), ("China", 2.25)])
    mapping = ColumnMapping(sheet="Data", header_row=1, country="A", amount="number")
    table = load_workbook(path, mapping).table("contributions")
    assert table.column("amount").tolist() == [1.5, 2.25]


def test_text_in_the_mapped_amount_column_is_a_located_error(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", [("text", "number"), ("Kazakhstan", 1.5), ("China", "abc")])
    with pytest.raises(LoadError) as info:
        load_isolated(path, mapping=ColumnMapping(country="text", amount="number"))
    err = info.value
    assert (err.path, err.sheet, err.row, err.column, err.cell) == (str(path), "Data", 3, "number", "B3")


def test_a_column_that_is_not_there_is_named_in_the_refusal(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "t.xlsx", [("text", "number"), ("Kazakhstan", 1.5)])
    with pytest.raises(LoadError, match="'Economy'"):
        load_workbook(path, ColumnMapping(country="Economy", amount="number"))
    with pytest.raises(LoadError, match="no sheet named 'Other'"):
        load_workbook(path, ColumnMapping(sheet="Other", country="text", amount="number"))
    with pytest.raises(LoadError, match="--amount-column"):
        load_workbook(path, ColumnMapping(country="text"))


def test_the_mapping_round_trips_as_json() -> None:
    mapping = ColumnMapping(sheet="Лист1", header_row=3, country="Страна", amount="B", encoding="cp1251")
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    with pytest.raises(ValueError):
        ColumnMapping.from_json('{"header_row": 0}')


def test_the_guess_takes_the_text_column_and_the_number_column() -> None:
    sheet = RawSheet("S", [["id", "text", "number"], [1, "Kazakhstan", 1.5], [2, "China", "2,5"], [3, "Kazakhstan", 4]])
    guess = guess_mapping(sheet)
    assert (guess.country, guess.amount, guess.header_row, guess.sheet) == ("text", "number", 1, "S")


def test_files_with_the_same_headers_share_a_signature() -> None:
    assert header_signature(["Economy", "Value (USD m)", None]) == header_signature([" economy", "VALUE (USD M)"])
    assert header_signature(["Economy", "Value"]) != header_signature(["Economy", "Amount"])


def test_the_refusal_the_import_step_answers_is_told_apart(tmp_path: Path) -> None:
    from corridor_app.io.loading.interpret import NO_TABLE
    from corridor_app.io.loading.mapping import needs_mapping

    with pytest.raises(LoadError) as info:
        load_workbook(_xlsx(tmp_path / "e.xlsx", ECONOMY))
    assert needs_mapping(info.value) and info.value.message.startswith(NO_TABLE)
    with pytest.raises(LoadError) as other:
        load_workbook(_xlsx(tmp_path / "bad.xlsx", [("Country", "Amount"), ("Iran", "abc")]))
    assert not needs_mapping(other.value)


def test_the_guess_never_takes_a_text_column_for_the_amount() -> None:
    sheet = RawSheet(
        "S", [["name", "note", "year"], ["Iran", "a", 2020], ["Oman", "b", 2021], ["Iran", "c", float("inf")]]
    )
    guess = guess_mapping(sheet)
    assert (guess.country, guess.amount) == ("name", "year")  # the only numbers there are, for the user to confirm
