"""The display-currency selector: which currency and scale totals are shown in.

Choosing a currency never changes a figure in the workbook; it changes the
conversions through the FX sheet, and amounts without a rate are listed as
excluded by the views that use it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from corridor_app.model.money import DISPLAY_CURRENCIES, Display

CHOICES = tuple(f"{c} {s}" for s in ("bn", "mln") for c in DISPLAY_CURRENCIES)


class DisplayCurrencyBox(QComboBox):
    """USD bn (default), EUR bn, RUB bn, KZT bn and the same in mln."""

    display_changed = Signal(object)  # Display

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItems(CHOICES)
        self.setToolTip(
            self.tr("Display currency: amounts are converted through the FX sheet; without a rate they are excluded")
        )
        self.currentTextChanged.connect(self._on_text_changed)

    @property
    def display(self) -> Display:
        return Display.parse(self.currentText())

    def set_display(self, display: Display) -> None:
        self.setCurrentText(str(display))

    def _on_text_changed(self, text: str) -> None:
        self.display_changed.emit(Display.parse(text))
