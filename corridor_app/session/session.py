"""The Session: one owner for the workbook, its edit history, the view state and the open file.

Everything that changes what the analyst sees goes through here, and nothing
here imports Qt: the window's widgets take the session (or the part they need)
in ``__init__`` and follow its announcements; tests and notebooks drive the very
same object. ``corridor_app.open(path)`` returns one.

- ``history``: named undo steps over the workbook (``submit``, ``undo``, ``redo``).
- ``view``: corridor, display currency, selected scenario, tolerance, pacing start year.
- ``file``: the path and its save policy (in place, new file, template, read-only).
- ``subscribe``: hears when the workbook is replaced (a file opened) or the file changes (saved as).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from corridor_app.io.errors import SaveError
from corridor_app.model.edits import Edit, check_user_edit
from corridor_app.model.reconcile import Reconciliation, corridor_unit, reconcile_totals
from corridor_app.model.scenarios import ScenarioColumn, scenario_names, scenario_totals
from corridor_app.model.schema import Value
from corridor_app.model.workbook import Workbook
from corridor_app.session.files import OpenFile, policy_for
from corridor_app.session.frames import frame_edits, table_frame
from corridor_app.session.history import History
from corridor_app.session.view_state import ViewState

if TYPE_CHECKING:
    import pandas as pd

    from corridor_app.io.saving.writer import SaveResult

SessionEvent = Literal["workbook", "file"]
Listener = Callable[[SessionEvent], None]


class Session:
    """One workbook being worked on; see the module docstring."""

    def __init__(self, workbook: Workbook | None = None, file: OpenFile | None = None) -> None:
        self.view = ViewState()
        self.history = History(workbook if workbook is not None else Workbook())
        self.file = file if file is not None else OpenFile()
        self._listeners: list[Listener] = []
        self._align_view()

    @property
    def workbook(self) -> Workbook:
        return self.history.workbook

    # --- announcements ----------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _announce(self, event: SessionEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - one failing view must not stop the others
                sys.excepthook(*sys.exc_info())

    # --- the workbook and the file ----------------------------------------------------
    def replace(self, workbook: Workbook, file: OpenFile) -> None:
        """Work on ``workbook`` from now on (a file was opened): fresh history, view state kept where it fits."""
        self.history.reset(workbook)
        self.file = file
        self._align_view()
        self._announce("workbook")

    def saved(self, path: str) -> None:
        """The workbook was written to ``path``: it is the open file now, and the history is clean."""
        self.file = OpenFile(path, policy_for(path))
        self.history.mark_clean()
        self._announce("file")

    def _align_view(self) -> None:
        """Keep the corridor and scenario when the new workbook has them; else its first corridor, no scenario."""
        corridors = self.workbook.corridors()
        with self.view.batch():
            if self.view.corridor not in corridors:
                self.view.corridor = corridors[0] if corridors else ""
            if self.view.scenario and self.view.scenario not in self.scenario_names():
                self.view.scenario = ""

    @property
    def dirty(self) -> bool:
        return not self.history.is_clean

    # --- edits -------------------------------------------------------------------------
    def submit(self, edit: Edit, name: str | None = None) -> Edit:
        """Apply ``edit`` as one undo step; raises ``ParseError``/``IndexError``/``ValueError`` with nothing changed."""
        check_user_edit(self.workbook, edit)
        return self.history.push(edit, name)

    def submit_all(self, edits: Sequence[Edit], name: str) -> None:
        """Apply ``edits`` as one undo step named ``name``, all or none."""
        with self.history.group(name):
            for edit in edits:
                check_user_edit(self.workbook, edit)
                self.history.push(edit)

    def undo(self) -> bool:
        return self.history.undo()

    def redo(self) -> bool:
        return self.history.redo()

    def defaults_for(self, table: str) -> dict[str, Value]:
        """Values a new row of ``table`` starts with: the current corridor (and its unit for contributions)."""
        corridor = self.view.corridor
        if table == "contributions":
            return {"corridor": corridor or None, "unit": corridor_unit(self.workbook, corridor) or None}
        if table in ("totals", "projects"):
            return {"corridor": corridor or None}
        return {}

    # --- the scripting face -------------------------------------------------------------
    def frame(self, table: str) -> pd.DataFrame:
        """Table ``table`` ("contributions", "totals", "targets", "projects", "scenarios", "fx") as a DataFrame copy."""
        return table_frame(self.workbook, table)

    def set_frame(self, table: str, frame: pd.DataFrame, name: str | None = None) -> None:
        """Make ``table`` hold ``frame``'s rows, as one undo step, each cell checked like a paste.

        Columns are the model's keys or the sheet's headers; rows match by position (extra rows
        are added, missing ones removed). Raises ``ParseError`` naming the first bad cell; nothing
        is changed then.
        """
        edits = frame_edits(self.workbook, table, frame)
        label = self.workbook.table(table).spec.label
        self.submit_all(edits, name or f"set {label} from a DataFrame")

    def corridors(self) -> list[str]:
        return self.workbook.corridors()

    def scenario_names(self) -> list[str]:
        return scenario_names(self.workbook)

    def reconciliations(self) -> list[Reconciliation]:
        """Every corridor's sum of parts against its published total, at the session's tolerance."""
        return reconcile_totals(self.workbook, self.view.tolerance)

    def reconciliation(self, corridor: str | None = None) -> Reconciliation:
        """One corridor's reconciliation (the current corridor by default)."""
        wanted = self.view.corridor if corridor is None else corridor
        for rec in self.reconciliations():
            if rec.corridor == wanted:
                return rec
        raise KeyError(f"no corridor named {wanted!r} (corridors: {', '.join(self.corridors()) or 'none'})")

    def scenarios(self, corridor: str | None = None, names: list[str] | None = None) -> list[ScenarioColumn]:
        """Baseline first, then each scenario (all unless ``names``), for the current corridor by default."""
        wanted = self.view.corridor if corridor is None else corridor
        return scenario_totals(self.workbook, wanted, names, self.reconciliations())

    def export(self, path: str | os.PathLike[str], **options: object) -> None:
        """Write the Excel report to ``path``, as ``corridor-app export`` and File > Export do.

        ``options`` are ``ReportOptions`` fields (``scenarios=("A", "B")``, ``lang="ru"``...); by default
        every scenario, for the session's corridor, display currency, tolerance and start year.
        """
        from corridor_app.io.report.export import export_report
        from corridor_app.io.report.options import ReportOptions

        view = self.view
        defaults: dict[str, object] = {
            "corridor": view.corridor or None,
            "focus_scenario": view.scenario or None,
            "display": view.display,
            "tolerance_pct": view.tolerance,
            "start_year": view.pacing_start_year,
        }
        export_report(self.workbook, path, ReportOptions(**{**defaults, **options}))  # type: ignore[arg-type]

    def save(self, path: str | os.PathLike[str] | None = None) -> SaveResult:
        """Save: in place when the file's policy allows it and nothing would be lost, else to ``path``.

        Raises ``SaveError`` when an in-place save would drop content or another program holds the
        file (the window asks instead; a script chooses a new ``path``).
        """
        from corridor_app.io.saving.writer import save_workbook
        from corridor_app.session.safety import save_concerns

        if path is None:
            if not self.file.saves_in_place or self.file.path is None:
                raise SaveError(self.file.name, f"is opened as {self.file.policy.value}: give a new path to save to")
            target = self.file.path
            concerns = save_concerns(self.workbook, target) if Path(target).exists() else None
            if concerns is not None and not concerns.clear:
                why = concerns.unchecked or (
                    f"open in another program ({concerns.lock})"
                    if concerns.lock
                    else "would lose " + ", ".join(p.what for p in concerns.lost)
                )
                raise SaveError(target, f"cannot be updated in place: {why}; save to a new path instead")
            result = save_workbook(self.workbook, target, preserve=target if Path(target).exists() else None)
        else:
            target = os.fspath(path)
            result = save_workbook(self.workbook, target)
        self.saved(target)
        return result
