"""xlsx and ods files: headers below title rows, Russian sheet names, bad cells (issue 2)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.workbook import Workbook


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_header_below_title_rows(
    tmp_path: Path, ru_sheet: list[list[object]], check_seed: Callable[[Workbook], None]
) -> None:
    title = "МТК Север-Юг: инвестиции по странам"
    path = _xlsx(tmp_path / "seed.xlsx", {"Лист1": [[title], ["по данным ЕАБР, 2022"], [], *ru_sheet]})
    book = load_workbook(path)
    check_seed(book)
    contributions = book.table("contributions")
    assert contributions.value(0, "corridor") == "МТК Север-Юг"  # named by the title above the header
    assert contributions.where(0) == ("Лист1", 5)  # the row a spreadsheet program shows


def test_sheets_named_in_russian(tmp_path: Path, check_seed: Callable[[Workbook], None]) -> None:
    path = _xlsx(
        tmp_path / "ru.xlsx",
        {
            "Вклады": [
                ["Коридор", "Страна", "Сумма", "Ед. изм.", "Источник"],
                ["МТК", "Россия", 13.2, "млрд долл.", "ЕАБР"],
                ["МТК", "Иран", 12.87, "млрд долл.", "ЕАБР"],
                ["МТК", "Казахстан", 6.32, "млрд долл.", "ЕАБР"],
                ["МТК", "прочие государства", 6.7, "млрд долл.", "ЕАБР"],
            ],
            "Итоги": [["Коридор", "Итого", "Ед. изм.", "Источник"], ["МТК", 38.2, "млрд долл.", "ЕАБР"]],
            "Цели": [["Страна", "Показатель", "Цель", "Год цели"], ["Казахстан", "ПИИ", 150, 2029]],
        },
    )
    book = load_workbook(path)
    (rec,) = reconcile_totals(book)
    assert rec.corridor == "МТК"
    assert rec.countries == {"Россия": 13.2, "Иран": 12.87, "Казахстан": 6.32, "прочие государства": 6.7}
    assert (rec.sum_of_parts, rec.published_total, rec.residual) == (39.09, 38.2, 0.89)
    targets = book.table("targets")
    assert (targets.value(0, "target"), targets.value(0, "value"), targets.value(0, "target_year")) == (
        "ПИИ",
        150.0,
        2029,
    )
    assert book.sheet_order == ["Вклады", "Итоги", "Цели"]


def test_ods(
    tmp_path: Path, ru_sheet: list[list[object]], make_ods: Callable[..., Path], check_seed: Callable[[Workbook], None]
) -> None:
    path = make_ods(tmp_path / "seed.ods", {"Вклады": [["Инвестиции в МТК"], *ru_sheet]})
    check_seed(load_workbook(path))


def test_bad_value_in_xlsx_names_file_sheet_row_column_and_cell(tmp_path: Path, ru_sheet: list[list[object]]) -> None:
    rows = [["Заголовок"], *ru_sheet]
    rows[3][1] = "13,2x"  # Иран
    rows[5][1] = "шесть"  # прочие государства
    path = _xlsx(tmp_path / "bad.xlsx", {"Данные": rows})
    with pytest.raises(LoadError) as info:
        load_workbook(path)
    err = info.value
    assert (err.path, err.sheet, err.row, err.column, err.cell) == (str(path), "Данные", 4, "Сумма, млрд долл.", "B4")
    for part in (str(path), "sheet 'Данные'", "row 4", "Сумма, млрд долл.", "B4", "13,2x", "and 1 more"):
        assert part in str(err)
    assert [p.cell for p in err.problems] == ["B4", "B6"]


def test_date_in_amount_column_is_refused(tmp_path: Path, ru_sheet: list[list[object]]) -> None:
    import datetime as dt

    ru_sheet[2][1] = dt.datetime(2022, 10, 26)  # an auto-formatted "13.2" typed into a date locale
    with pytest.raises(LoadError, match="date") as info:
        load_workbook(_xlsx(tmp_path / "date.xlsx", {"Sheet1": ru_sheet}))
    assert info.value.cell == "B3"


def test_blank_amount_is_refused_never_zero(tmp_path: Path, ru_sheet: list[list[object]]) -> None:
    ru_sheet[1][1] = None
    with pytest.raises(LoadError, match="required") as info:
        load_workbook(_xlsx(tmp_path / "blank.xlsx", {"Sheet1": ru_sheet}))
    assert info.value.cell == "B2"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.xlsx", None, "does not exist"),
        ("empty.xlsx", b"", "empty"),
        ("text.xlsx", b"Country,Amount\nRussia,13.2\n", "plain text"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "damaged"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes | None, says: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(LoadError, match=says) as info:
        load_workbook(path)
    assert str(path) in str(info.value)


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="not a spreadsheet"):
        load_workbook(path)


def test_a_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="folder"):
        load_workbook(tmp_path)
