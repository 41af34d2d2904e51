"""The import step proposes a column mapping, lets the user change it, and remembers it (issue 17, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook as XlsxBook
from PySide6.QtWidgets import QDialogButtonBox

from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.isolated import read_sheets_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.ui.import_dialog import ImportDialog

ROWS: list[tuple[object, ...]] = [
    ("World Bank extract",),
    (),
    ("Economy", "Value (USD m)", "Note"),
    ("Kazakhstan", 120.5, "a"),
    ("China", 300, "b"),
    ("Kazakhstan", 10, "c"),
]


@pytest.fixture
def economy(tmp_path: Path) -> Path:
    book = XlsxBook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "economy.xlsx"
    book.save(path)
    return path


def _role(dialog: ImportDialog, role: str, letter: str) -> None:
    box = dialog.role_boxes[role]
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemText(i).startswith(f"{letter}:")))


def test_the_guess_loads_the_table(qtbot, economy: Path, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(str(economy), read_sheets_isolated(economy).sheets, settings=settings)
    qtbot.addWidget(dialog)
    mapping = dialog.mapping()
    assert (mapping.sheet, mapping.header_row, mapping.country, mapping.amount) == (
        "Data",
        3,
        "Economy",
        "Value (USD m)",
    )
    table = load_workbook(economy, mapping).table("contributions")
    assert table.column("amount").sum() == pytest.approx(430.5)  # pandas: 120.5 + 300 + 10


def test_a_changed_choice_is_remembered_for_the_same_headers(qtbot, economy: Path, settings) -> None:  # type: ignore[no-untyped-def]
    sheets = read_sheets_isolated(economy).sheets
    first = ImportDialog(str(economy), sheets, settings=settings)
    qtbot.addWidget(first)
    _role(first, "source", "C")
    first.accept()
    assert first.mapping().source == "Note"
    again = ImportDialog(str(economy), sheets, settings=settings)
    qtbot.addWidget(again)
    assert again.mapping().source == "Note"  # remembered under the header set


def test_ok_waits_for_country_and_amount_and_refuses_one_column_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    sheet = RawSheet("S", [["a", "b"], ["x", "y"]])
    dialog = ImportDialog("f.csv", [sheet])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _role(dialog, "country", "A")
    _role(dialog, "amount", "A")
    assert not ok.isEnabled() and "two roles" in dialog.status.text()
    _role(dialog, "amount", "B")
    assert ok.isEnabled()


def test_the_header_row_moves_the_choices(qtbot, economy: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(str(economy), read_sheets_isolated(economy).sheets)
    qtbot.addWidget(dialog)
    dialog.header_row.setValue(1)
    assert dialog.mapping().header_row == 1
    assert dialog.role_boxes["amount"].itemText(1).startswith("A: World Bank extract")


def test_a_csv_can_be_read_in_another_encoding(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ru.csv"
    path.write_bytes("Страна;Значение\nРоссия;13,2\n".encode("cp1251"))

    def reread(encoding: str | None) -> list[RawSheet]:
        return read_sheets_isolated(path, encoding=encoding).sheets

    dialog = ImportDialog(str(path), reread(None), encoding="cp1251", reread=reread)
    qtbot.addWidget(dialog)
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData("koi8_r"))
    assert dialog.mapping().encoding == "koi8_r"
    assert dialog.preview.item(0, 0).text() != "Страна"
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData("cp1251"))
    assert dialog.preview.item(0, 0).text() == "Страна"
    assert ColumnMapping.from_json(dialog.mapping().to_json()) == dialog.mapping()


def test_the_import_step_is_offered_only_for_an_unrecognised_table(  # type: ignore[no-untyped-def]
    qtbot, economy: Path, settings, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from corridor_app.io.errors import LoadError
    from corridor_app.io.loading.isolated import load_workbook_isolated
    from corridor_app.ui import import_dialog

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
    with pytest.raises(LoadError) as info:
        load_workbook_isolated(economy)
    mapping = import_dialog.offer_import_step(info.value, str(economy), settings)
    assert mapping is not None and mapping.country == "Economy"
    assert len(load_workbook_isolated(economy, mapping=mapping).table("contributions")) == 3
    damaged = LoadError(str(economy), "the file is damaged")
    assert import_dialog.offer_import_step(damaged, str(economy), settings) is None
    assert import_dialog.offer_import_step(RuntimeError("x"), str(economy), settings) is None
