"""Is the file open in Excel or LibreOffice right now? Their lock files say so.

Excel creates ``~$name.xlsx`` beside an open workbook (for long names Office
may drop the first two characters: ``~$me.xlsx`` for ``name.xlsx``);
LibreOffice creates ``.~lock.name.xlsx#``. Saving over a file another program
holds open either fails (Windows) or is overwritten by that program's next
save, so the window offers Save As instead.
"""

from __future__ import annotations

import os
from pathlib import Path


def lock_file_for(path: str | os.PathLike[str]) -> str | None:
    """The lock file showing ``path`` is open in Excel or LibreOffice, or None."""
    target = Path(path)
    name = target.name
    candidates = [f".~lock.{name}#", f"~${name}"]
    if len(target.stem) > 2:
        candidates.append(f"~${name[2:]}")
    for candidate in candidates:
        lock = target.parent / candidate
        if lock.is_file():
            return str(lock)
    return None


def lock_owner(lock: str | os.PathLike[str]) -> str:
    """Who holds a lock, when the file says (LibreOffice: ``,user,host,date,...``; Excel: a name field)."""
    try:
        data = Path(lock).read_bytes()[:512]
    except OSError:
        return ""
    if Path(lock).name.startswith(".~lock."):
        fields = data.decode("utf-8", "replace").split(",")
        return fields[1].strip() if len(fields) > 1 else ""
    # Excel's owner file: a length byte, then the user name (Latin-1), padded.
    if data:
        size = data[0]
        return data[1 : 1 + size].decode("latin-1", "replace").strip()
    return ""
