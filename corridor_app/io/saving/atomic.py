"""Write a file atomically: a temporary file beside the target, fsync, then ``os.replace``.

Shared by Save (``writer.save_workbook``) and Export (``report.export_report``):
whatever happens while writing, including a cancel or a crash, the file that
was at the target before is left byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from corridor_app.io.errors import SaveError


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], None],
    *,
    before_replace: Callable[[str], None] | None = None,
) -> None:
    """Call ``write`` with an open temporary file, then move it over ``path``.

    ``before_replace(tmp_path)`` runs once the temporary file is on disk and
    before it replaces the target (to read it back, or to back up the target).
    Any exception from ``write`` or ``before_replace`` (a cancel included)
    removes the temporary file and propagates unchanged; an ``OSError``
    becomes a ``SaveError``.

    Raises
    ------
    SaveError
        Nothing was replaced; the file at ``path``, if any, is unchanged.
    """
    # Saving through a symbolic link writes the file it points to; the link stays a link.
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(str(target), f"could not be written ({exc.strerror or exc}); nothing was changed") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        _take_permissions(tmp, target)
        if before_replace is not None:
            before_replace(tmp)
        os.replace(tmp, target)
        sync_folder(folder)
    except OSError as exc:
        _discard(tmp)
        raise SaveError(
            str(target), f"could not be saved ({exc.strerror or exc}); the previous file is unchanged"
        ) from None
    except BaseException:
        _discard(tmp)
        raise


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux's /proc).

    ``os.umask`` can only be read by setting it, which for a moment would change the
    permissions of files another thread creates (a background save or export).
    """
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _take_permissions(tmp: str, target: Path) -> None:
    """Give the temporary file the permissions the saved file should have (issue 14).

    ``mkstemp`` creates it private (0600). A new file gets what the umask gives any new
    file (0644 or 0664 usually), so a colleague on a shared drive can open a report; a
    file saved in place keeps its mode and, where the system allows, its owner and group.
    """
    try:
        old = target.stat()
    except FileNotFoundError:
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~current_umask())
        return
    except OSError:
        return
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid) and hasattr(os, "chown"):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:  # only root may give a file away; a member of the group may still set it
            with contextlib.suppress(OSError):
                os.chown(tmp, -1, old.st_gid)
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
