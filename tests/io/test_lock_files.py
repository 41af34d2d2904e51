"""Excel and LibreOffice lock files are detected so Save As can be offered (issue item 6)."""

from __future__ import annotations

from pathlib import Path

from corridor_app.io.safety.locks import lock_file_for, lock_owner


def test_no_lock(tmp_path: Path) -> None:
    (tmp_path / "data.xlsx").write_bytes(b"PK")
    assert lock_file_for(tmp_path / "data.xlsx") is None


def test_excel_owner_file(tmp_path: Path) -> None:
    lock = tmp_path / "~$data.xlsx"
    lock.write_bytes(bytes([5]) + b"alice" + b" " * 49)
    assert lock_file_for(tmp_path / "data.xlsx") == str(lock)
    assert lock_owner(lock) == "alice"


def test_excel_owner_file_with_short_name(tmp_path: Path) -> None:
    lock = tmp_path / "~$rridors.xlsx"
    lock.write_bytes(b"\x00")
    assert lock_file_for(tmp_path / "corridors.xlsx") == str(lock)


def test_libreoffice_lock(tmp_path: Path) -> None:
    lock = tmp_path / ".~lock.data.xlsx#"
    lock.write_text(",Bob Smith,host,27.11.2025 10:00,file:///home/bob/.config/libreoffice/4;", encoding="utf-8")
    assert lock_file_for(tmp_path / "data.xlsx") == str(lock)
    assert lock_owner(lock) == "Bob Smith"


def test_lock_of_another_file_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / ".~lock.other.xlsx#").write_text(",x,", encoding="utf-8")
    (tmp_path / "~$other.xlsx").write_bytes(b"\x01x")
    assert lock_file_for(tmp_path / "data.xlsx") is None
