"""The window's side of "bad input never crashes, hangs or loses data" (issue 6).

``FileSafety`` sits beside the main window and keeps the analyst's work safe
around files:

* before an in-place save it asks ``parts_lost_on_save`` what the update would
  drop (charts, macros, ...) and refuses, offering Save As; it also notices
  Excel's or LibreOffice's lock file and offers Save As instead of saving over
  a file another program holds open (a lock file on open is only a warning);
* every edit batch the session's history applies (pushes, undos and redos
  alike) is appended to the autosave journal beside the file by
  ``session.safety.JournalRecorder``, fsynced per batch and every 30 s here,
  and discarded after a save or a clean close;
* when a file is opened and a journal is waiting for it (the app crashed),
  it offers to recover: ``session.safety.replay`` pushes the edits through the
  history, so they can be undone, all or none, and only onto the very bytes
  they were made on.

The decisions and the journal are Qt-free (session/safety.py, tested without Qt);
this class only asks the questions and says what happened.

Every question goes through ``ask(prompt)``, which tests replace.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from corridor_app.io.safety.journal import JournalError, JournalHeader
from corridor_app.io.safety.locks import lock_file_for, lock_owner
from corridor_app.io.safety.package_parts import LostPart
from corridor_app.session import Session
from corridor_app.session.safety import JournalRecorder, pending_recovery, remove, replay, save_concerns, set_aside

SYNC_INTERVAL_MS = 30_000


class Choice(enum.Enum):
    """An answer to one of the prompts below."""

    SAVE_AS = QT_TRANSLATE_NOOP("FileSafety", "Save As…")
    SAVE_HERE = QT_TRANSLATE_NOOP("FileSafety", "Save here anyway")
    CANCEL = QT_TRANSLATE_NOOP("FileSafety", "Cancel")
    RECOVER = QT_TRANSLATE_NOOP("FileSafety", "Recover changes")
    DISCARD = QT_TRANSLATE_NOOP("FileSafety", "Discard changes")
    OK = QT_TRANSLATE_NOOP("FileSafety", "OK")

    @property
    def text(self) -> str:
        """The button's text in the interface's language."""
        return QCoreApplication.translate("FileSafety", self.value)


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
        button = box.addButton(choice.text, _ROLES[choice])
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
    return _save_as_instead(
        QCoreApplication.translate(
            "FileSafety", "Saving over {name} would remove content this app cannot keep:\n{items}"
        ).format(name=name, items=items)
    )


def unchecked_prompt(name: str, reason: str) -> Prompt:
    return _save_as_instead(
        QCoreApplication.translate(
            "FileSafety", "{name} cannot be checked for content a save would remove: {reason}."
        ).format(name=name, reason=reason)
    )


def _save_as_instead(why: str) -> Prompt:
    """An in-place save refused for ``why``: Save As a new file (the default) or Cancel."""
    return Prompt(
        QCoreApplication.translate("FileSafety", "Cannot save in place"),
        why,
        QCoreApplication.translate(
            "FileSafety", "Save your changes as a new file instead; the original stays exactly as it is."
        ),
        (Choice.SAVE_AS, Choice.CANCEL),
        Choice.SAVE_AS,
        Choice.CANCEL,
    )


def holder(lock: str) -> str:
    """'LibreOffice (by anna)' / 'Excel': which program holds the lock, and who, when known."""
    program = "LibreOffice" if Path(lock).name.startswith(".~lock.") else "Excel"
    owner = lock_owner(lock)
    return (
        QCoreApplication.translate("FileSafety", "{program} (by {owner})").format(program=program, owner=owner)
        if owner
        else program
    )


def locked_on_save_prompt(name: str, lock: str) -> Prompt:
    return Prompt(
        QCoreApplication.translate("FileSafety", "File open in another program"),
        QCoreApplication.translate("FileSafety", "{name} is open in {holder}.").format(name=name, holder=holder(lock)),
        QCoreApplication.translate(
            "FileSafety",
            "Saving over it now may fail, or the other program may overwrite your changes when it saves. "
            "Save as a new file instead? (If {lock} is left over from a crash, you can save here.)",
        ).format(lock=Path(lock).name),
        (Choice.SAVE_AS, Choice.SAVE_HERE, Choice.CANCEL),
        Choice.SAVE_AS,
        Choice.CANCEL,
    )


def locked_on_open_prompt(name: str, lock: str) -> Prompt:
    return Prompt(
        QCoreApplication.translate("FileSafety", "File open in another program"),
        QCoreApplication.translate("FileSafety", "{name} is open in {holder}.").format(name=name, holder=holder(lock)),
        QCoreApplication.translate(
            "FileSafety",
            "You can read and edit it here; when you save, you will be offered Save As so that neither "
            "program overwrites the other's changes.",
        ),
        (Choice.OK,),
        Choice.OK,
        Choice.OK,
        QMessageBox.Icon.Information,
    )


class _Counts(QObject):
    """Counted words for the prompts (a QObject: Qt Linguist finds plural forms in ``self.tr`` calls)."""

    def changes(self, count: int) -> str:
        return self.tr("%Ln unsaved change(s)", "", count)


def recovery_prompt(name: str, header: JournalHeader, count: int) -> Prompt:
    since = header.created.replace("T", " ").replace("+00:00", " UTC")
    started = (
        QCoreApplication.translate("FileSafety", "The journal was started {since}. ").format(since=since)
        if since
        else ""
    )
    return Prompt(
        QCoreApplication.translate("FileSafety", "Recover unsaved changes?"),
        QCoreApplication.translate(
            "FileSafety", "{name} was not closed properly. {changes} to it were kept in the autosave journal."
        ).format(name=name, changes=_Counts().changes(count)),
        started
        + QCoreApplication.translate(
            "FileSafety",
            "Recover the changes to continue where you left off: they go on the undo list, so any of them "
            "can be undone. Discard them to keep the file as it was last saved.",
        ),
        (Choice.RECOVER, Choice.DISCARD),
        Choice.RECOVER,
        Choice.RECOVER,
        QMessageBox.Icon.Question,
    )


def recovery_failed_prompt(name: str, reason: str, kept: Path | None) -> Prompt:
    where = (
        QCoreApplication.translate("FileSafety", " They are kept in {kept} for reference.").format(kept=kept)
        if kept is not None
        else ""
    )
    return Prompt(
        QCoreApplication.translate("FileSafety", "Changes not recovered"),
        QCoreApplication.translate(
            "FileSafety", "The unsaved changes to {name} could not be recovered: {reason}."
        ).format(name=name, reason=reason),
        QCoreApplication.translate("FileSafety", "The file is shown as it was last saved.") + where,
        (Choice.OK,),
        Choice.OK,
        Choice.OK,
    )


class FileSafety(QObject):
    """Lock files, lossy saves, the autosave journal and crash recovery for one window's session.

    ``say(text, ms)`` shows a status message; every question goes through ``ask``, which tests replace.
    """

    def __init__(self, session: Session, parent: QWidget, say: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self._session = session
        self._say = say
        self.ask: Callable[[Prompt], Choice] = lambda prompt: ask_with_box(prompt, parent)
        self.recorder = JournalRecorder(session, self._on_journal_off)
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_INTERVAL_MS)
        self._timer.timeout.connect(self.recorder.sync)
        self._timer.start()

    @property
    def journal(self) -> object:
        """The open journal, if any (tests look at it)."""
        return self.recorder.journal

    # --- opening ------------------------------------------------------------------------
    def file_opened(self, path: str) -> None:
        """A workbook from ``path`` was just installed: drop the old journal, offer recovery, warn of locks."""
        self.recorder.close(discard=True)
        self.offer_recovery(path)
        lock = lock_file_for(path)
        if lock is not None:
            self.ask(locked_on_open_prompt(Path(path).name, lock))

    def offer_recovery(self, path: str) -> None:
        """If a crash left a journal for ``path``, ask whether to replay it onto the workbook."""
        pending = pending_recovery(path)
        if pending is None:
            return
        name = Path(path).name
        if pending.header is None:
            self.ask(recovery_failed_prompt(name, pending.error, set_aside(pending.journal)))
            return
        edits = pending.edits
        if not edits:
            remove(pending.journal)
            return
        if self.ask(recovery_prompt(name, pending.header, len(edits))) is Choice.DISCARD:
            remove(pending.journal)
            self._say(self.tr("Discarded %Ln unsaved change(s) to {name}", "", len(edits)).format(name=name), 8000)
            return
        try:
            with self.recorder.suspended():
                replay(self._session.history, edits, path, pending.header)
        except JournalError as exc:
            self.ask(recovery_failed_prompt(name, str(exc), set_aside(pending.journal)))
            return
        self.recorder.record(edits)  # the live journal starts over with the recovered edits
        self._say(self.tr("Recovered %Ln unsaved change(s) to {name}", "", len(edits)).format(name=name), 8000)

    # --- saving -------------------------------------------------------------------------
    def in_place_decision(self, path: str) -> Choice:
        """SAVE_HERE when updating ``path`` loses nothing and no other program holds it; else the user's answer."""
        name = Path(path).name
        concerns = save_concerns(self._session.workbook, path)
        if concerns.unchecked:
            return self.ask(unchecked_prompt(name, concerns.unchecked))
        if concerns.lost:
            return self.ask(lost_parts_prompt(name, list(concerns.lost)))
        if concerns.lock is not None:
            return self.ask(locked_on_save_prompt(name, concerns.lock))
        return Choice.SAVE_HERE

    def saved(self) -> None:
        """The edits are in the file now: the journal is not needed (the next edit starts a new one)."""
        self.recorder.close(discard=True)

    def closed(self) -> None:
        """A clean close (saved, or changes discarded on purpose)."""
        self._timer.stop()
        self.recorder.close(discard=True)
        self.recorder.detach()

    def _on_journal_off(self, exc: OSError) -> None:
        """A journal that cannot be written is reported once; editing goes on without it."""
        reason = exc.strerror or str(exc)
        self._say(
            self.tr("Autosave is off for this file: the journal cannot be written ({reason})").format(reason=reason),
            15000,
        )
