"""Write a file atomically: a temporary file beside the target, fsync, then ``os.replace``.

Shared by Save (``writer.save_workbook``) and Export (``report.export_report``):
whatever happens while writing, including a cancel or a crash, the file that
was at the target before is left byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import os
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
    target = Path(path)
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
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
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
