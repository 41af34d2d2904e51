"""Files like any other program's (issue 14): new files get the umask's permissions, not the temporary
file's private 0600; a file saved in place keeps its mode, owner and group; a link stays a link."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from corridor_app.io.saving.atomic import atomic_write, current_umask


def _write(data: bytes) -> object:
    return lambda fh: fh.write(data)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path: Path, umask: None, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "report.xlsx"
    atomic_write(target, _write(b"x"))  # type: ignore[arg-type]
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert current_umask() == mask


def test_a_file_saved_in_place_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    os.umask(0o022)
    target = tmp_path / "shared.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    atomic_write(target, _write(b"new"))  # type: ignore[arg-type]
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_bytes() == b"new"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_a_file_saved_in_place_keeps_its_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "theirs.xlsx"
    target.write_bytes(b"old")
    os.chown(target, 4321, 8765)
    target.chmod(0o640)
    atomic_write(target, _write(b"new"))  # type: ignore[arg-type]
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 8765, 0o640)


def test_saving_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    atomic_write(link, _write(b"new"))  # type: ignore[arg-type]
    assert link.is_symlink() and real.read_bytes() == b"new"
