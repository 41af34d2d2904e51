"""The one way a view follows the workbook: subscribe, refresh on a watched change, detach.

Views mix this in (before their Qt base class) and call ``_follow`` at the end
of ``__init__``; they keep ``_workbook`` and ``_corridor`` and implement
``refresh``. Keeping it in one place keeps every view honest about STYLE's
rule: refresh only from the workbook's announcement.

A widget hidden inside a shown window (a chart in a tab not in front) only
notes that it is out of date and refreshes when it is shown: with six chart
tabs, an edit then pays for the charts on screen, not for all of them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from corridor_app.model.workbook import Change, Workbook


class FollowsWorkbook:
    """Mixin: ``refresh()`` whenever a table in ``watched`` changes (all tables when empty)."""

    watched: frozenset[str] = frozenset()
    _workbook: Workbook
    _corridor: str = ""
    _stale = False

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
        if self.watched and change.table not in self.watched:
            return
        if self._hidden_in_shown_window():
            self._stale = True
            return
        self.refresh()

    def _hidden_in_shown_window(self) -> bool:
        """Hidden on purpose (a tab not in front) inside a shown window; not merely not shown yet."""
        if not isinstance(self, QWidget) or self.isVisible():
            return False
        window = self.window()
        if window is self or not window.isVisible():
            return False
        widget: QWidget | None = self
        while widget is not None and widget is not window:
            if widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                return True
            widget = widget.parentWidget()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError
