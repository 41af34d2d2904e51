"""Save a large workbook on a worker thread while the window keeps painting (issue 7).

``save_responsively`` is ``io.writer.save_workbook`` with the same result and the
same ``SaveError``. A small workbook (``LARGE_ROWS`` rows or fewer) is saved at
once on the GUI thread: it takes well under a second and keeps Save simple. A
large one is written by a worker while a local event loop runs, so the window
repaints and the progress bar moves; the call still returns only when the
file is written, so Save, Save As and "save before closing" keep their meaning.

While that loop runs, user input is held back (``ExcludeUserInputEvents``):
nothing can edit the workbook the worker is reading, so no snapshot is needed,
and a second Save cannot start. For the same reason the progress bar has no Cancel:
a save is one atomic replace at the end and is not stopped halfway.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from corridor_app.io.errors import SaveError
from corridor_app.io.saving.writer import SaveResult, save_workbook
from corridor_app.model.workbook import Workbook
from corridor_app.ui.background import call_plain, run_in_background

LARGE_ROWS = 20_000
_running: set[str] = set()


def save_responsively(
    parent: QWidget | None, workbook: Workbook, path: str | os.PathLike[str], *, preserve: str | None = None
) -> SaveResult:
    """Save ``workbook`` to ``path``; a large workbook on a worker thread. Raises ``SaveError`` like Save."""
    target = os.fspath(path)
    if sum(len(t) for t in workbook.tables.values()) <= LARGE_ROWS:
        return save_workbook(workbook, target, preserve=preserve)
    if target in _running:
        raise SaveError(
            target,
            QCoreApplication.translate("save", "is still being saved; try again when that save has finished"),
        )
    _running.add(target)
    try:
        task = run_in_background(
            call_plain(lambda: save_workbook(workbook, target, preserve=preserve)),
            QCoreApplication.translate("save", "Saving {name}…").format(name=Path(target).name),
            parent,
        )
        task.panel.set_cancellable(False)
        loop = QEventLoop()
        outcome: dict[str, object] = {}
        task.finished.connect(lambda result: (outcome.setdefault("result", result), loop.quit()))
        task.failed.connect(lambda error: (outcome.setdefault("error", error), loop.quit()))
        task.cancelled.connect(loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not outcome:  # cancelled by code (there is no button): the write may still be finishing
            task.wait()
    finally:
        _running.discard(target)
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    result = outcome.get("result")
    if not isinstance(result, SaveResult):
        raise SaveError(
            target,
            QCoreApplication.translate(
                "save", "the save was stopped before it reported back; check the file before relying on it"
            ),
        )
    return result
