"""Progress and Cancel for long work, shown in the window's status bar (issue 7).

A top-level progress dialog cost the window about 45 ms the first time it
appeared (a new native window, its layout and first paint, and a repaint of the
window it blocks), and the event loop may be held for 50 ms at most. This panel
sits in the status bar of a ``QMainWindow`` parent instead, at the bar's own
height, so showing it repaints only the bar; a file manager or a browser's
downloads bar reports long work the same way. Without a main window (a script,
a test) it is a small window of its own.

The panel is not modal: the window stays usable while a file is read or a report
is written, and its owner decides what an action during the work means (Open
asks again about unsaved edits made meanwhile).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QToolButton, QWidget

MAXIMUM = 1000  # the bar counts in thousandths


# The stages the Qt-free loader (io/loading) reports in English, shown in the interface's language.
_STAGES = (
    QT_TRANSLATE_NOOP("ProgressPanel", "Reading the cells…"),
    QT_TRANSLATE_NOOP("ProgressPanel", "Building the tables…"),
    QT_TRANSLATE_NOOP("ProgressPanel", "Checking the file…"),
)
_READING = re.compile(r"^Reading (.+)…$")


def stage_text(text: str) -> str:
    """A stage reported by io/ ("Reading the cells…", "Reading x.xlsx…") in the interface's language."""
    if text in _STAGES:
        return QCoreApplication.translate("ProgressPanel", text)
    if (reading := _READING.match(text)) is not None:
        return QCoreApplication.translate("ProgressPanel", "Reading {name}…").format(name=reading.group(1))
    return text


class ProgressPanel(QWidget):
    """A label, a bar and a Cancel button; ``canceled`` when the button is pressed."""

    canceled = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        self._bar_owner = parent.statusBar() if isinstance(parent, QMainWindow) else None
        super().__init__(self._bar_owner, Qt.WindowType.Widget if self._bar_owner else Qt.WindowType.Tool)
        self.setObjectName("progressPanel")
        self.setWindowTitle(text)
        self._title = text
        self._message = text
        self.label = QLabel(text)
        self.label.setToolTip(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, MAXIMUM)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this work; what was there before stays as it was"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.canceled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        if self._bar_owner is not None:
            # No taller than a line of the bar's text, which sets the bar's height: a taller panel would grow
            # the bar, and resize and repaint the whole window above it.
            line = self._bar_owner.fontMetrics().height()
            self.setMaximumHeight(line)
            self.bar.setMaximumHeight(max(6, line - 6))
            self.cancel_button.setMaximumHeight(line)
            self._bar_owner.addPermanentWidget(self)
        self.hide()

    def labelText(self) -> str:  # the names QProgressDialog uses, so callers read the same
        """The work's last message."""
        return self._message

    def setLabelText(self, text: str) -> None:
        """Show the work's stage after its title ("Opening x.xlsx · Reading the cells…"): which work it is stays."""
        text = stage_text(text)
        self._message = text
        self.label.setText(f"{self._title.rstrip('…')} · {text}" if text != self._title else text)

    def value(self) -> int:
        return self.bar.value()

    def setValue(self, value: int) -> None:
        self.bar.setValue(value)

    def maximum(self) -> int:
        return self.bar.maximum()

    def setRange(self, minimum: int, maximum: int) -> None:
        """``(0, 0)`` is a busy bar: the work has not said how far it is."""
        self.bar.setRange(minimum, maximum)

    def set_cancellable(self, cancellable: bool) -> None:
        """Show or hide Cancel (a save is one atomic replace and is not stopped halfway)."""
        self.cancel_button.setVisible(cancellable)

    def close_panel(self) -> None:
        """Hide and go: the work is over."""
        self.hide()
        if self._bar_owner is not None:
            self._bar_owner.removeWidget(self)
        self.deleteLater()
