"""Country-by-year tables load as contributions in long form, with a Year (issue 17, item 2).

`Country | 2013 | 2014 | 2015` (World Bank, IMF, UN data) was refused as "no corridor table found".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook as XlsxBook

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import load_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.model.by_year import totals_by_year
from corridor_app.model.reconcile import reconcile_totals

WIDE = "Country,2013,2014,2015\nKazakhstan,1.5,2.5,3\nChina,10,,12.25\nRussia,..,4,5\n"


def test_a_wide_csv_opens_with_no_flags_and_its_totals_equal_pandas(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(WIDE, encoding="utf-8")
    book = load_isolated(path).workbook
    table = book.table("contributions")
    assert len(table) == 7  # 9 cells: one blank, one ".." ("no data")
    assert [table.value(r, "year") for r in range(3)] == [2013, 2014, 2015]
    assert table.origins[3].row == 3  # China's 2013, on the sheet's row 3
    frame = pd.read_csv(path, na_values=[".."])
    rec = reconcile_totals(book)[0]
    assert rec.sum_of_parts == pytest.approx(float(frame[["2013", "2014", "2015"]].sum().sum()))
    by_year = totals_by_year(book, rec)
    assert by_year == pytest.approx({int(y): float(frame[y].sum()) for y in ("2013", "2014", "2015")})
    assert rec.countries["China"] == pytest.approx(22.25)
    assert any("no data" in p.message for p in book.problems)


@pytest.mark.parametrize("headers", [(2013, 2014), ("FY2013", "FY2014"), ("2013 г.", "2014 г."), ("2013", "2014")])
def test_year_headers_in_every_spelling(tmp_path: Path, headers: tuple[object, object]) -> None:
    book = XlsxBook()
    sheet = book.active
    assert sheet is not None
    for row in [("Страна", *headers, "Источник"), ("Казахстан", 1, 2, "МНЭ"), ("Итого", 1, 2, None)]:
        sheet.append(row)
    path = tmp_path / "w.xlsx"
    book.save(path)
    table = load_workbook(path).table("contributions")
    assert [table.value(r, "year") for r in range(len(table))] == [2013, 2014]
    assert [table.value(r, "source") for r in range(len(table))] == ["МНЭ", "МНЭ"]  # kept with every year


def test_text_in_a_year_cell_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Country,2013,2014\nIran,1,abc\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_workbook(path)
    assert (info.value.row, info.value.column, info.value.cell) == (2, "2014", "C2")


def test_a_named_country_column_reads_the_year_columns(tmp_path: Path) -> None:
    path = tmp_path / "wb.csv"
    path.write_text("Economy,Series,2020,2021\nKazakhstan,GDP,1,2\nChina,GDP,3,4\n", encoding="utf-8")
    table = load_workbook(path, ColumnMapping(country="Economy")).table("contributions")
    assert table.column("amount").tolist() == [1.0, 2.0, 3.0, 4.0]
    assert table.value(0, "Series") == "GDP"


def test_the_same_country_in_two_years_is_not_a_duplicate(tmp_path: Path) -> None:
    from corridor_app.model.validate import validate

    path = tmp_path / "wide.csv"
    path.write_text("Country,Source,2013,2014\nIran,IMF,1,2\n", encoding="utf-8")
    assert not any("appears" in p.message for p in validate(load_workbook(path)))
