"""The one way a view follows the workbook: subscribe, refresh on a watched change, detach.

Views mix this in (before their Qt base class) and call ``_follow`` at the end
of ``__init__``; they keep ``_workbook`` and ``_corridor`` and implement
``refresh``. Keeping it in one place keeps every view honest about STYLE's
rule: refresh only from the workbook's announcement.
"""

from __future__ import annotations

from corridor_app.model.workbook import Change, Workbook


class FollowsWorkbook:
    """Mixin: ``refresh()`` whenever a table in ``watched`` changes (all tables when empty)."""

    watched: frozenset[str] = frozenset()
    _workbook: Workbook
    _corridor: str = ""

    def _follow(self, workbook: Workbook) -> None:
        self._workbook = workbook
        workbook.subscribe(self._on_workbook_changed)

    def detach(self) -> None:
        """Stop following (the window is switching to another workbook)."""
        self._workbook.unsubscribe(self._on_workbook_changed)

    def set_corridor(self, corridor: str) -> None:
        self._corridor = corridor
        self.refresh()

    def _on_workbook_changed(self, change: Change) -> None:
        if not self.watched or change.table in self.watched:
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError
