"""File safety without Qt: the autosave journal follows the history; recovery replays through it.

``JournalRecorder`` subscribes to a session's history and appends every applied
edit (undo and redo included) to the journal beside the open file, so a crash
loses nothing. ``pending_recovery`` finds a journal a crash left for a file, and
``replay`` pushes its edits through the history, all or none, so the recovered
edits stay undoable. The window only asks the questions (ui/file_safety.py);
``save_concerns`` says what it has to ask before an in-place save.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from corridor_app.io.errors import LoadError
from corridor_app.io.safety.journal import (
    Journal,
    JournalError,
    JournalHeader,
    find_journal,
    journal_path_for,
    read_journal,
    verify_source,
)
from corridor_app.io.safety.locks import lock_file_for
from corridor_app.io.safety.package_parts import LostPart, parts_lost_on_save
from corridor_app.io.saving.writer import rewritten_sheets
from corridor_app.model.edits import Edit
from corridor_app.model.workbook import Workbook
from corridor_app.session.files import OpenFile
from corridor_app.session.history import History, HistoryEvent


class _Journalled(Protocol):
    """What the recorder needs of a session: its history and its open file."""

    history: History
    file: OpenFile


class JournalRecorder:
    """Appends each applied edit batch to the open file's autosave journal.

    ``on_off`` hears the ``OSError`` once when the journal cannot be written; editing goes on
    without it until the next file is opened or saved.
    """

    def __init__(self, session: _Journalled, on_off: Callable[[OSError], None] | None = None) -> None:
        self._session = session
        self._on_off = on_off
        self.journal: Journal | None = None
        self._off = False
        self._suspended = False
        session.history.subscribe(self._on_history_changed)

    def detach(self) -> None:
        self._session.history.unsubscribe(self._on_history_changed)

    @contextmanager
    def suspended(self) -> Iterator[None]:
        self._suspended = True
        try:
            yield
        finally:
            self._suspended = False

    def _on_history_changed(self, event: HistoryEvent) -> None:
        if event.kind in ("push", "undo", "redo") and event.applied and not self._suspended:
            self.record(list(event.applied))

    def record(self, edits: list[Edit]) -> None:
        path = self._session.file.path
        if self._off or not path or not self._session.file.journalled or not Path(path).is_file():
            return
        try:
            if self.journal is None:
                self.journal = Journal(journal_path_for(path), path)
            self.journal.append(edits)
        except OSError as exc:
            self.close(discard=False)
            self._off = True
            if self._on_off is not None:
                self._on_off(exc)

    def sync(self) -> None:
        if self.journal is not None:
            try:
                self.journal.sync()
            except OSError as exc:
                self.close(discard=False)
                self._off = True
                if self._on_off is not None:
                    self._on_off(exc)

    def close(self, *, discard: bool) -> None:
        """Close the journal; ``discard`` removes it (saved, or a clean close) and turns recording back on."""
        journal, self.journal = self.journal, None
        if discard:
            self._off = False
        if journal is None:
            return
        with contextlib.suppress(OSError):
            if discard:
                journal.discard()
            else:
                journal.close()


@dataclass(frozen=True)
class PendingRecovery:
    """A journal a crash left for a file: where it is, and its header and edits (or why it cannot be read)."""

    journal: Path
    header: JournalHeader | None
    edits: list[Edit]
    error: str = ""


def pending_recovery(path: str) -> PendingRecovery | None:
    """The journal waiting for ``path``, read; None when there is none."""
    found = find_journal(path)
    if found is None:
        return None
    try:
        header, edits = read_journal(found)
    except JournalError as exc:
        return PendingRecovery(found, None, [], str(exc))
    return PendingRecovery(found, header, edits)


def replay(history: History, edits: list[Edit], source: str | None = None, header: JournalHeader | None = None) -> int:
    """Push ``edits`` onto ``history`` one step each, all or none; return how many.

    ``source`` and ``header``: the file the workbook was loaded from must be the very bytes the
    journal was started on, or the edits could land on wrong rows.

    Raises
    ------
    JournalError
        The journal is for other bytes, or an edit no longer applies; the history and the change
        log are as they were before.
    """
    if header is not None and source is not None:
        verify_source(header, source)
    start, log_length = history.index, len(history.workbook.change_log)
    with history.workbook.changing():
        for number, edit in enumerate(edits, start=1):
            try:
                history.push(edit)
            except (ValueError, IndexError, KeyError) as exc:  # ParseError is a ValueError
                history.set_index(start)
                history.truncate()
                del history.workbook.change_log[log_length:]
                raise JournalError(f"change {number} of {len(edits)} no longer applies ({exc})") from None
    return len(edits)


def set_aside(journal: Path) -> Path | None:
    """Keep a journal that could not be used under another name, so no later session overwrites it."""
    aside = journal.with_name(journal.name + ".unrecovered")
    try:
        os.replace(journal, aside)
    except OSError:
        return None
    return aside


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


@dataclass(frozen=True)
class SaveConcerns:
    """What an in-place save of ``path`` would meet: parts it would drop, a lock, or why it cannot be checked."""

    lost: tuple[LostPart, ...] = ()
    lock: str | None = None
    unchecked: str = ""

    @property
    def clear(self) -> bool:
        return not self.lost and self.lock is None and not self.unchecked


def save_concerns(workbook: Workbook, path: str) -> SaveConcerns:
    """Check before updating ``path`` in place: content the update would remove, another program's lock."""
    try:
        lost = parts_lost_on_save(path, rewritten=rewritten_sheets(workbook))
    except LoadError as exc:
        return SaveConcerns(unchecked=exc.message)
    if lost:
        return SaveConcerns(lost=tuple(lost))
    return SaveConcerns(lock=lock_file_for(path))
