"""The edit history: named steps of (edit, inverse) pairs, undo and redo, and a clean mark.

The one road for every data change a user or a script makes: ``push`` applies an
edit through ``model.changelog.apply_logged`` (validated, logged, announced) and
records it; ``group`` makes several pushes one step (a paste, a recovery, a frame
set from a script), all or nothing. Undo and redo apply the recorded inverses, so
they travel the workbook's announcement road like any edit.

Subscribers hear a ``HistoryEvent`` after each change: the autosave journal
records the edits it names, and the window's undo actions and title follow it.
Nothing here imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from corridor_app.model.changelog import apply_logged
from corridor_app.model.edits import Edit, describe
from corridor_app.model.workbook import Workbook

EventKind = Literal["push", "undo", "redo", "clear", "clean"]


@dataclass
class Step:
    """One undoable step: the edits as applied, in order, and their inverses."""

    name: str
    edits: list[Edit]
    inverses: list[Edit]


@dataclass(frozen=True)
class HistoryEvent:
    """What the history just did; ``applied`` are the edits applied to the workbook, in order."""

    kind: EventKind
    applied: tuple[Edit, ...] = ()
    index: int = 0
    clean: bool = True


Listener = Callable[[HistoryEvent], None]


@dataclass
class _Group:
    name: str
    edits: list[Edit] = field(default_factory=list)
    inverses: list[Edit] = field(default_factory=list)


class History:
    """Undo and redo over one workbook."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._steps: list[Step] = []
        self._index = 0  # steps[:index] are applied
        self._clean: int | None = 0  # the index that matches the file on disk; None: unreachable
        self._group: _Group | None = None
        self._listeners: list[Listener] = []

    # --- queries ----------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    def __len__(self) -> int:
        return len(self._steps)

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    @property
    def undo_name(self) -> str:
        return self._steps[self._index - 1].name if self.can_undo else ""

    @property
    def redo_name(self) -> str:
        return self._steps[self._index].name if self.can_redo else ""

    @property
    def is_clean(self) -> bool:
        return self._clean == self._index

    def step_names(self) -> list[str]:
        return [s.name for s in self._steps]

    # --- subscribers ------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _announce(self, kind: EventKind, applied: tuple[Edit, ...] = ()) -> None:
        event = HistoryEvent(kind, applied, self._index, self.is_clean)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - one failing subscriber must not undo the step or stop the others
                sys.excepthook(*sys.exc_info())

    # --- changes ----------------------------------------------------------------------
    def push(self, edit: Edit, name: str | None = None) -> Edit:
        """Apply ``edit`` and record it as a step (or as part of the open group); return its inverse.

        Raises ``ParseError``, ``IndexError`` or ``ValueError`` (from ``model.edits.apply``) with
        nothing changed and nothing recorded.
        """
        label = name or describe(self.workbook, edit)
        inverse = apply_logged(self.workbook, edit)
        if self._group is not None:
            self._group.edits.append(edit)
            self._group.inverses.append(inverse)
            return inverse
        self._record(Step(label, [edit], [inverse]))
        self._announce("push", (edit,))
        return inverse

    @contextmanager
    def group(self, name: str) -> Iterator[None]:
        """Make every push inside one step named ``name``; on an error, undo them all and re-raise."""
        if self._group is not None:  # nested: the outer group holds everything
            yield
            return
        group = self._group = _Group(name)
        try:
            with self.workbook.changing():
                try:
                    yield
                except BaseException:
                    for inverse in reversed(group.inverses):
                        apply_logged(self.workbook, inverse, "undo")
                    raise
        finally:
            self._group = None
        if group.edits:
            self._record(Step(name, group.edits, group.inverses))
            self._announce("push", tuple(group.edits))

    def _record(self, step: Step) -> None:
        if self._clean is not None and self._clean > self._index:
            self._clean = None  # the saved state was undone and is now overwritten: no longer reachable
        del self._steps[self._index :]
        self._steps.append(step)
        self._index += 1

    def undo(self) -> bool:
        """Undo the last step; False when there is none."""
        if not self.can_undo or self._group is not None:
            return False
        step = self._steps[self._index - 1]
        applied = list(reversed(step.inverses))
        with self.workbook.changing():
            redo = [apply_logged(self.workbook, inverse, "undo") for inverse in applied]
        step.edits = list(reversed(redo))
        self._index -= 1
        self._announce("undo", tuple(applied))
        return True

    def redo(self) -> bool:
        """Redo the next step; False when there is none."""
        if not self.can_redo or self._group is not None:
            return False
        step = self._steps[self._index]
        with self.workbook.changing():
            step.inverses = [apply_logged(self.workbook, edit, "redo") for edit in step.edits]
        self._index += 1
        self._announce("redo", tuple(step.edits))
        return True

    def set_index(self, index: int) -> None:
        """Undo or redo until ``index`` steps are applied."""
        while self._index > index and self.undo():
            pass
        while self._index < index and self.redo():
            pass

    def mark_clean(self) -> None:
        """The workbook now matches the file on disk (after a save)."""
        self._clean = self._index
        self._announce("clean")

    def truncate(self) -> None:
        """Forget the steps after the current one (they can no longer be redone)."""
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        del self._steps[self._index :]

    def reset(self, workbook: Workbook) -> None:
        """Follow another workbook (a file was opened): no steps, clean, subscribers kept."""
        self.workbook = workbook
        self.clear()

    def clear(self) -> None:
        """Forget every step (a new workbook was opened); the current state counts as clean."""
        self._steps.clear()
        self._index = 0
        self._clean = 0
        self._announce("clear")
