"""The Progress sheet and the Targets' Measure column load, save, edit and undo like the other tables (issue 16)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.edits import DeleteRows, SetCell, apply
from corridor_app.model.progress import target_progress

TARGETS = [
    ["Country", "Target", "Value", "Unit", "Baseline", "Baseline year", "Target year", "Source", "Measure"],
    ["Kazakhstan", "Gasification", 60, "%", 59, 2022, 2029, "ritmeurasia", ""],
    ["Kazakhstan", "FDI attracted", 150, "USD bn", None, None, 2029, "Kursiv", "накопленный"],
]


def _xlsx(path: Path, progress_sheet: str, progress: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Targets"
    for row in TARGETS:
        ws.append(row)
    ws = book.create_sheet(progress_sheet)
    for row in progress:
        ws.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("sheet", ["Progress", "Прогресс", "Факт", "Observations", "Actuals"])
def test_progress_sheet_by_any_of_its_names(tmp_path: Path, sheet: str) -> None:
    path = _xlsx(
        tmp_path / "t.xlsx",
        sheet,
        [
            ["Показатель", "Год", "Значение", "Единица", "Источник"],
            ["Gasification", 2023, 60, "%", "7kun.kz"],
            ["FDI attracted", 2023, 24, "USD bn", "test"],
        ],
    )
    book = load_workbook(path)
    progress = book.table("progress")
    assert [progress.value(r, "year") for r in range(2)] == [2023, 2023]
    assert progress.where(0) == (sheet, 2)
    gas, fdi = target_progress(book)
    assert (gas.measure, fdi.measure) == ("level", "cumulative")
    assert gas.status == "reached"


def test_a_progress_sheet_without_a_year_is_an_error_naming_its_cell(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "t.xlsx", "Progress", [["Target", "Year", "Value"], ["Gasification", "soon", 60]])
    with pytest.raises(LoadError) as caught:
        load_workbook(path)
    assert caught.value.sheet == "Progress" and caught.value.row == 2


def test_save_load_edit_undo_round_trip(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "t.xlsx",
        "Observations",
        [["Target", "Year", "Value", "Unit", "Source", "Note"], ["Gasification", 2023, 60, "%", "7kun.kz", "end-2023"]],
    )
    book = load_workbook(path)
    inverse = apply(book, SetCell("progress", 0, "value", 61.5))
    assert target_progress(book)[0].actual == ((2023, 61.5),)
    apply(book, inverse)
    assert book.table("progress").value(0, "value") == 60
    undo_delete = apply(book, DeleteRows("progress", (0,)))
    assert target_progress(book)[0].status == "no data"
    apply(book, undo_delete)
    out = tmp_path / "out.xlsx"
    save_workbook(book, out, keep_backups=False)
    again = load_workbook(out)
    assert again.table("progress").records() == book.table("progress").records()
    assert [again.table("targets").value(r, "measure") for r in range(2)] == [None, "cumulative"]
    assert "Progress" in openpyxl.load_workbook(out).sheetnames


def test_an_old_targets_sheet_with_its_unit_headed_measure_still_reads_it_as_the_unit(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Targets"
    ws.append(["Target", "Value", "Measure", "Target year"])
    ws.append(["Railway repaired", 11000, "km", 2029])
    book.save(tmp_path / "old.xlsx")
    targets = load_workbook(tmp_path / "old.xlsx").table("targets")
    assert (targets.value(0, "unit"), targets.value(0, "measure")) == ("km", None)


def test_a_workbook_without_figures_writes_no_progress_sheet(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "t.xlsx", "Notes", [["just text"]])
    save_workbook(load_workbook(path), tmp_path / "out.xlsx", keep_backups=False)
    assert "Progress" not in openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames
