"""Autosave journal: every applied edit, appended as a JSON line, so a crash loses nothing.

The first line identifies the file the edits apply to (path, size and SHA-256
of the bytes that were loaded); each further line is one applied edit
(``model.edits`` values, inverses of undo included, in the order applied).
Each batch is flushed and fsynced as it is written, so the window only has to
call ``append`` on each edit batch and ``sync`` on its 30-second timer. After a
crash, ``find_journal`` tells the window a journal is waiting, ``read_journal``
returns its edits (a line cut short by the crash is ignored), and
``session.safety.replay`` pushes them through the session's history. A clean save or close
calls ``discard``.

Journals live in ``.corridor-backups/<name>.journal`` beside the file (for a
new, never saved workbook: wherever the caller chooses).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from corridor_app.model.edits import DeleteRows, Edit, InsertRows, SetCell, SetCells
from corridor_app.model.table import Origin

FORMAT = "corridor-journal"
VERSION = 1


class JournalError(Exception):
    """A journal cannot be used: unreadable, for another file, or its edits no longer apply."""


@dataclass(frozen=True)
class JournalHeader:
    """Which file (and which exact bytes of it) the edits were made on."""

    source: str | None
    sha256: str | None
    size: int | None
    created: str


def journal_path_for(source: str | os.PathLike[str]) -> Path:
    """Where the journal of edits to ``source`` is kept."""
    target = Path(source)
    return target.parent / ".corridor-backups" / f"{target.name}.journal"


def file_digest(path: str | os.PathLike[str]) -> tuple[str, int]:
    """SHA-256 and size of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _value(v: object) -> object:
    if v is None or isinstance(v, bool | int | float | str):
        if isinstance(v, float) and v != v:
            return {"float": "nan"}
        return v
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return {type(v).__name__: v.isoformat()}
    return str(v)


def _unvalue(v: Any) -> Any:
    if isinstance(v, dict):
        ((kind, text),) = v.items()
        if kind == "float":
            return float(text)
        if kind == "datetime":
            return dt.datetime.fromisoformat(text)
        if kind == "date":
            return dt.date.fromisoformat(text)
        return dt.time.fromisoformat(text)
    return v


def edit_to_json(edit: Edit) -> dict[str, object]:
    """An edit as a JSON object: ``{"type": "SetCell", ...}``."""
    if isinstance(edit, SetCell):
        return {
            "type": "SetCell",
            "table": edit.table,
            "row": edit.row,
            "column": edit.column,
            "value": _value(edit.value),
        }
    if isinstance(edit, SetCells):
        return {"type": "SetCells", "table": edit.table, "cells": [[r, c, _value(v)] for r, c, v in edit.cells]}
    if isinstance(edit, InsertRows):
        return {
            "type": "InsertRows",
            "table": edit.table,
            "positions": list(edit.positions),
            "records": [[[k, _value(v)] for k, v in rec] for rec in edit.records],
            "origins": [None if o is None else [o.sheet, o.row] for o in edit.origins],
        }
    return {"type": "DeleteRows", "table": edit.table, "rows": list(edit.rows)}


def edit_from_json(obj: dict[str, Any]) -> Edit:
    """The inverse of ``edit_to_json``; raises ``JournalError`` on anything else."""
    try:
        kind = obj["type"]
        if kind == "SetCell":
            return SetCell(obj["table"], int(obj["row"]), obj["column"], _unvalue(obj["value"]))
        if kind == "SetCells":
            return SetCells(obj["table"], tuple((int(r), c, _unvalue(v)) for r, c, v in obj["cells"]))
        if kind == "InsertRows":
            return InsertRows(
                obj["table"],
                tuple(int(p) for p in obj["positions"]),
                tuple(tuple((k, _unvalue(v)) for k, v in rec) for rec in obj["records"]),
                tuple(None if o is None else Origin(o[0], int(o[1])) for o in obj["origins"]),
            )
        if kind == "DeleteRows":
            return DeleteRows(obj["table"], tuple(int(r) for r in obj["rows"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise JournalError(f"a journal entry cannot be read ({exc})") from None
    raise JournalError(f"unknown journal entry {kind!r}")


class Journal:
    """An open journal; ``append`` each applied edit batch, ``discard`` after a clean save."""

    def __init__(self, path: str | os.PathLike[str], source: str | os.PathLike[str] | None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sha = size = None
        if source is not None and Path(source).exists():
            sha, size = file_digest(source)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "source": None if source is None else os.fspath(Path(source).resolve()),
            "sha256": sha,
            "size": size,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        self._fh: IO[str] | None = open(self.path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._write([header])

    def append(self, edits: Iterable[Edit]) -> None:
        """Record applied edits (one batch) and make them durable."""
        self._write([{"edit": edit_to_json(e)} for e in edits])

    def _write(self, objects: list[dict[str, object]]) -> None:
        if self._fh is None:
            raise JournalError("the journal is closed")
        for obj in objects:
            self._fh.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.sync()

    def sync(self) -> None:
        """Flush to disk (the window's 30-second autosave timer calls this)."""
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def discard(self) -> None:
        """Close and delete: the edits are saved in the file itself now."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def find_journal(source: str | os.PathLike[str]) -> Path | None:
    """A journal left behind for ``source`` (by a crash), if any."""
    path = journal_path_for(source)
    return path if path.is_file() else None


def read_journal(path: str | os.PathLike[str]) -> tuple[JournalHeader, list[Edit]]:
    """Header and edits of a journal; a last line cut short by a crash is skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError as exc:
        raise JournalError(f"the journal cannot be read ({exc.strerror})") from None
    objects: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            objects.append(json.loads(line))
        except json.JSONDecodeError:
            if number >= len(lines) - 1:  # the unfinished last line of a crash
                break
            raise JournalError(f"line {number} of the journal is damaged") from None
    if not objects or objects[0].get("format") != FORMAT:
        raise JournalError("this is not a corridor journal")
    h = objects[0]
    header = JournalHeader(h.get("source"), h.get("sha256"), h.get("size"), str(h.get("created", "")))
    return header, [edit_from_json(o["edit"]) for o in objects[1:] if "edit" in o]


def verify_source(header: JournalHeader, source: str | os.PathLike[str]) -> None:
    """Raise ``JournalError`` unless ``source`` holds the very bytes the journal was started on."""
    if header.sha256 is None:
        return
    try:
        sha, _size = file_digest(source)
    except OSError as exc:
        raise JournalError(f"the file cannot be read ({exc.strerror})") from None
    if sha != header.sha256:
        raise JournalError("the file has changed since these edits were made; they cannot be replayed onto it")
