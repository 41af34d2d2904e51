"""save_workbook: what was loaded comes back, text stays text, a failed save harms nothing (issue 2)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from corridor_app.io.errors import SaveError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving import writer
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.edits import SetCell, apply
from corridor_app.model.workbook import Workbook

FORMULA_TEXT = '=HYPERLINK("http://x","y")'


@pytest.fixture
def loaded(tmp_path: Path, ru_sheet: list[list[object]]) -> Workbook:
    """The seed with a column and a sheet the format does not know."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Вклады"
    for i, row in enumerate(ru_sheet):
        ws.append([*row, "Ранг" if i == 0 else i, "Аналитик" if i == 0 else f"прим. {i}"])
    notes = book.create_sheet("Заметки аналитика")
    notes.append(["Обновлено", "2022-10-26"])
    notes.append(["Курс", 61.5])
    path = tmp_path / "source.xlsx"
    book.save(path)
    return load_workbook(path)


def test_unknown_columns_and_sheets_survive_save_and_load(
    tmp_path: Path, loaded: Workbook, check_seed: Callable[[Workbook], None]
) -> None:
    contributions = loaded.table("contributions")
    assert contributions.extra_columns == ["Ранг", "Аналитик"]
    assert [s.name for s in loaded.extra_sheets] == ["Заметки аналитика"]
    out = tmp_path / "saved.xlsx"
    save_workbook(loaded, out)
    again = load_workbook(out)
    check_seed(again)
    assert again.table("contributions").extra_columns == ["Ранг", "Аналитик"]
    assert again.table("contributions").records() == contributions.records()
    assert again.table("contributions").value(0, "Ранг") == 1  # a number stays a number
    (notes,) = again.extra_sheets
    assert notes.name == "Заметки аналитика"
    assert notes.rows == [["Обновлено", "2022-10-26"], ["Курс", 61.5]]


def test_formula_like_text_stays_text(tmp_path: Path, loaded: Workbook) -> None:
    apply(loaded, SetCell("contributions", 0, "country", FORMULA_TEXT))
    apply(loaded, SetCell("contributions", 1, "source", "=1+1"))
    out = tmp_path / "saved.xlsx"
    save_workbook(loaded, out)
    ws = openpyxl.load_workbook(out)["Contributions"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")}
    assert set(cells) == {FORMULA_TEXT, "=1+1"}
    assert all(c.data_type == "s" for c in cells.values())
    assert load_workbook(out).table("contributions").value(0, "country") == FORMULA_TEXT


def test_a_failed_save_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, loaded: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "corridor.xlsx"
    save_workbook(loaded, target)
    original = target.read_bytes()
    before = sorted(p.name for p in tmp_path.iterdir())

    def disk_full(workbook: Workbook, fh: object, extra: object = None, written: object = None) -> None:
        fh.write(b"PK\x03\x04 half a zip")  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "write_xlsx", disk_full)
    apply(loaded, SetCell("contributions", 0, "amount", 99.0))
    with pytest.raises(SaveError) as info:
        save_workbook(loaded, target)
    assert str(target) in str(info.value) and "unchanged" in str(info.value)
    assert target.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_crash_while_saving_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, loaded: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "corridor.xlsx"
    save_workbook(loaded, target)
    original = target.read_bytes()

    def crash(workbook: Workbook, fh: object, extra: object = None, written: object = None) -> None:
        fh.write(b"PK\x03\x04")  # type: ignore[attr-defined]
        raise RuntimeError("bug in the writer")

    monkeypatch.setattr(writer, "write_xlsx", crash)
    with pytest.raises(RuntimeError):
        save_workbook(loaded, target)
    assert target.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir() if p.name != "source.xlsx"] == ["corridor.xlsx"]


def test_save_into_a_missing_folder_is_a_save_error(tmp_path: Path, loaded: Workbook) -> None:
    # issue 2: creating the temp file was outside the try, so this was a bare FileNotFoundError.
    with pytest.raises(SaveError):
        save_workbook(loaded, tmp_path / "no such folder" / "x.xlsx")


def test_save_keeps_file_permissions(tmp_path: Path, loaded: Workbook) -> None:
    target = tmp_path / "shared.xlsx"
    save_workbook(loaded, target)
    target.chmod(0o640)
    save_workbook(loaded, target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_save_into_a_read_only_folder_is_a_save_error(tmp_path: Path, loaded: Workbook) -> None:
    # issue 2: creating the temp file was outside the try, so this was a bare PermissionError.
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(SaveError, match="nothing was written"):
            save_workbook(loaded, folder / "x.xlsx")
    finally:
        folder.chmod(0o700)
