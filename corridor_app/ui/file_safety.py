"""The window's side of "bad input never crashes, hangs or loses data" (issue 6).

``FileSafety`` sits beside the main window and keeps the analyst's work safe
around files:

* before an in-place save it asks ``parts_lost_on_save`` what the update would
  drop (charts, macros, ...) and refuses, offering Save As; it also notices
  Excel's or LibreOffice's lock file and offers Save As instead of saving over
  a file another program holds open (a lock file on open is only a warning);
* every edit batch applied through the undo stack (pushes, undos and redos
  alike) is appended to the autosave journal beside the file, which is
  fsynced per batch and every 30 s, and discarded after a save or a clean
  close;
* when a file is opened and a journal is waiting for it (the app crashed),
  it offers to recover: the edits are pushed onto the undo stack, so they can
  be undone, all or none, and only onto the very bytes they were made on.

Every question goes through ``ask(prompt)``, which tests replace.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

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
from corridor_app.io.safety.locks import lock_file_for, lock_owner
from corridor_app.io.safety.package_parts import LostPart, parts_lost_on_save
from corridor_app.io.saving.writer import rewritten_sheets
from corridor_app.model.edits import Edit
from corridor_app.ui.undo import EditCommand, push_edit

if TYPE_CHECKING:
    from corridor_app.ui.main_window import MainWindow

SYNC_INTERVAL_MS = 30_000


class Choice(enum.Enum):
    """An answer to one of the prompts below."""

    SAVE_AS = "Save As…"
    SAVE_HERE = "Save here anyway"
    CANCEL = "Cancel"
    RECOVER = "Recover changes"
    DISCARD = "Discard changes"
    OK = "OK"


_ROLES = {
    Choice.SAVE_AS: QMessageBox.ButtonRole.AcceptRole,
    Choice.SAVE_HERE: QMessageBox.ButtonRole.DestructiveRole,
    Choice.CANCEL: QMessageBox.ButtonRole.RejectRole,
    Choice.RECOVER: QMessageBox.ButtonRole.AcceptRole,
    Choice.DISCARD: QMessageBox.ButtonRole.DestructiveRole,
    Choice.OK: QMessageBox.ButtonRole.AcceptRole,
}


@dataclass(frozen=True)
class Prompt:
    """One question to the analyst: headline, explanation, the answers offered."""

    title: str
    text: str
    detail: str
    choices: tuple[Choice, ...]
    default: Choice
    escape: Choice
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning


def prompt_box(prompt: Prompt, parent: QWidget | None) -> tuple[QMessageBox, dict[QAbstractButton, Choice]]:
    """The message box for ``prompt`` and which button means which answer."""
    box = QMessageBox(prompt.icon, prompt.title, prompt.text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(prompt.detail)
    buttons: dict[QAbstractButton, Choice] = {}
    for choice in prompt.choices:
        button = box.addButton(choice.value, _ROLES[choice])
        buttons[button] = choice
        if choice is prompt.default:
            box.setDefaultButton(button)
        if choice is prompt.escape:
            box.setEscapeButton(button)
    return box, buttons


def ask_with_box(prompt: Prompt, parent: QWidget | None) -> Choice:
    """Show ``prompt`` modally; closing the box counts as its escape answer."""
    box, buttons = prompt_box(prompt, parent)
    box.exec()
    return buttons.get(box.clickedButton(), prompt.escape)  # type: ignore[call-overload]


# --- the prompts, in plain words ------------------------------------------------------------
def lost_parts_prompt(name: str, lost: list[LostPart]) -> Prompt:
    items = "\n".join(f"  • {part.what}" for part in lost)
    return Prompt(
        "Cannot save in place",
        f"Saving over {name} would remove content this app cannot keep:\n{items}",
        "Save your changes as a new file instead; the original stays exactly as it is.",
        (Choice.SAVE_AS, Choice.CANCEL),
        Choice.SAVE_AS,
        Choice.CANCEL,
    )


def unchecked_prompt(name: str, reason: str) -> Prompt:
    return Prompt(
        "Cannot save in place",
        f"{name} cannot be checked for content a save would remove: {reason}.",
        "Save your changes as a new file instead; the original stays exactly as it is.",
        (Choice.SAVE_AS, Choice.CANCEL),
        Choice.SAVE_AS,
        Choice.CANCEL,
    )


def holder(lock: str) -> str:
    """'LibreOffice (by anna)' / 'Excel': which program holds the lock, and who, when known."""
    program = "LibreOffice" if Path(lock).name.startswith(".~lock.") else "Excel"
    owner = lock_owner(lock)
    return f"{program} (by {owner})" if owner else program


def locked_on_save_prompt(name: str, lock: str) -> Prompt:
    return Prompt(
        "File open in another program",
        f"{name} is open in {holder(lock)}.",
        "Saving over it now may fail, or the other program may overwrite your changes when it saves. "
        f"Save as a new file instead? (If {Path(lock).name} is left over from a crash, you can save here.)",
        (Choice.SAVE_AS, Choice.SAVE_HERE, Choice.CANCEL),
        Choice.SAVE_AS,
        Choice.CANCEL,
    )


def locked_on_open_prompt(name: str, lock: str) -> Prompt:
    return Prompt(
        "File open in another program",
        f"{name} is open in {holder(lock)}.",
        "You can read and edit it here; when you save, you will be offered Save As so that neither "
        "program overwrites the other's changes.",
        (Choice.OK,),
        Choice.OK,
        Choice.OK,
        QMessageBox.Icon.Information,
    )


def recovery_prompt(name: str, header: JournalHeader, count: int) -> Prompt:
    since = header.created.replace("T", " ").replace("+00:00", " UTC")
    changes = f"{count} unsaved change{'s' if count != 1 else ''}"
    return Prompt(
        "Recover unsaved changes?",
        f"{name} was not closed properly. {changes} to it were kept in the autosave journal.",
        (f"The journal was started {since}. " if since else "")
        + "Recover the changes to continue where you left off: they go on the undo list, so any of them "
        "can be undone. Discard them to keep the file as it was last saved.",
        (Choice.RECOVER, Choice.DISCARD),
        Choice.RECOVER,
        Choice.RECOVER,
        QMessageBox.Icon.Question,
    )


def recovery_failed_prompt(name: str, reason: str, kept: Path | None) -> Prompt:
    where = f" They are kept in {kept} for reference." if kept is not None else ""
    return Prompt(
        "Changes not recovered",
        f"The unsaved changes to {name} could not be recovered: {reason}.",
        f"The file is shown as it was last saved.{where}",
        (Choice.OK,),
        Choice.OK,
        Choice.OK,
    )


class FileSafety(QObject):
    """Lock files, lossy saves, the autosave journal and crash recovery for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.ask: Callable[[Prompt], Choice] = lambda prompt: ask_with_box(prompt, window)
        self.journal: Journal | None = None
        self._suspended = False
        self._journal_off = False
        self._index = window.undo_stack.index()
        window.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_INTERVAL_MS)
        self._timer.timeout.connect(self._on_sync_timer)
        self._timer.start()

    # --- opening ------------------------------------------------------------------------
    def file_opened(self, path: str) -> None:
        """A workbook from ``path`` was just installed: drop the old journal, offer recovery, warn of locks."""
        self._close_journal(discard=True)
        self._index = self._window.undo_stack.index()
        self.offer_recovery(path)
        lock = lock_file_for(path)
        if lock is not None:
            self.ask(locked_on_open_prompt(Path(path).name, lock))

    def offer_recovery(self, path: str) -> None:
        """If a crash left a journal for ``path``, ask whether to replay it onto the workbook."""
        found = find_journal(path)
        if found is None:
            return
        name = Path(path).name
        try:
            header, edits = read_journal(found)
        except JournalError as exc:
            self.ask(recovery_failed_prompt(name, str(exc), _set_aside(found)))
            return
        if not edits:
            _remove(found)
            return
        if self.ask(recovery_prompt(name, header, len(edits))) is Choice.DISCARD:
            _remove(found)
            self._window.statusBar().showMessage(f"Discarded {len(edits)} unsaved changes to {name}", 8000)
            return
        try:
            self._replay(header, edits, path)
        except JournalError as exc:
            self.ask(recovery_failed_prompt(name, str(exc), _set_aside(found)))
            return
        self._record(edits)  # the live journal starts over with the recovered edits
        self._window.statusBar().showMessage(f"Recovered {len(edits)} unsaved changes to {name}", 8000)

    def _replay(self, header: JournalHeader, edits: list[Edit], path: str) -> None:
        """Push ``edits`` through the undo stack, all or none (the stack is fresh: a file was just opened)."""
        verify_source(header, path)
        window = self._window
        workbook, stack = window.workbook, window.undo_stack
        log_length = len(workbook.change_log)
        self._suspended = True
        try:
            with workbook.changing():
                for number, edit in enumerate(edits, start=1):
                    try:
                        push_edit(stack, workbook, edit)
                    except (ValueError, IndexError, KeyError) as exc:  # ParseError is a ValueError
                        stack.setIndex(0)
                        stack.clear()
                        del workbook.change_log[log_length:]
                        raise JournalError(f"change {number} of {len(edits)} no longer applies ({exc})") from None
        finally:
            self._suspended = False
            self._index = stack.index()

    # --- saving -------------------------------------------------------------------------
    def in_place_decision(self, path: str) -> Choice:
        """SAVE_HERE when updating ``path`` loses nothing and no other program holds it; else the user's answer."""
        name = Path(path).name
        try:
            lost = parts_lost_on_save(path, rewritten=rewritten_sheets(self._window.workbook))
        except LoadError as exc:
            return self.ask(unchecked_prompt(name, exc.message))
        if lost:
            return self.ask(lost_parts_prompt(name, lost))
        lock = lock_file_for(path)
        if lock is not None:
            return self.ask(locked_on_save_prompt(name, lock))
        return Choice.SAVE_HERE

    def saved(self) -> None:
        """The edits are in the file now: the journal is not needed (the next edit starts a new one)."""
        self._close_journal(discard=True)

    def closed(self) -> None:
        """A clean close (saved, or changes discarded on purpose)."""
        self._timer.stop()
        self._close_journal(discard=True)

    # --- the journal --------------------------------------------------------------------
    def _on_undo_index_changed(self, index: int) -> None:
        old, self._index = self._index, index
        stack = self._window.undo_stack
        if not shiboken6.isValid(stack):  # the stack clears itself while the window is destroyed
            return
        steps = range(old, index) if index > old else reversed(range(index, old))
        commands = [stack.command(i) for i in steps]
        edits = [c.last_applied for c in commands if isinstance(c, EditCommand)]
        if edits and not self._suspended:
            self._record(edits)

    def _record(self, edits: list[Edit]) -> None:
        path = self._window.path
        if self._journal_off or not path or not Path(path).is_file():
            return
        try:
            if self.journal is None:
                self.journal = Journal(journal_path_for(path), path)
            self.journal.append(edits)
        except OSError as exc:
            self._turn_off(exc)

    def _on_sync_timer(self) -> None:
        if self.journal is not None:
            try:
                self.journal.sync()
            except OSError as exc:
                self._turn_off(exc)

    def _turn_off(self, exc: OSError) -> None:
        """A journal that cannot be written is reported once; editing goes on without it."""
        self._close_journal(discard=False)
        self._journal_off = True
        self._window.statusBar().showMessage(
            f"Autosave is off for this file: the journal cannot be written ({exc.strerror or exc})", 15000
        )

    def _close_journal(self, *, discard: bool) -> None:
        journal, self.journal = self.journal, None
        if discard:
            self._journal_off = False
        if journal is None:
            return
        with contextlib.suppress(OSError):
            if discard:
                journal.discard()
            else:
                journal.close()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _set_aside(journal: Path) -> Path | None:
    """Keep a journal that could not be used under another name, so no later session overwrites it."""
    aside = journal.with_name(journal.name + ".unrecovered")
    try:
        os.replace(journal, aside)
    except OSError:
        return None
    return aside
