"""The options step of File > Export to Excel…: which scenarios, chart pictures, the report's language.

It answers with ``io.report.options.ReportOptions``, the object ``corridor-app export`` builds
from its command line, so both faces start from the same defaults (issue 15).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from corridor_app.io.report.options import ReportOptions

ExportOptions = ReportOptions  # the window's older name
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


class ExportOptionsDialog(QDialog):
    """Scenarios to include (all ticked by default) and "place chart pictures next to the native charts"."""

    def __init__(
        self,
        path: str,
        corridor: str,
        scenarios: list[str],
        pictures: bool,
        parent: QWidget | None = None,
        defaults: ReportOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self._defaults = replace(defaults or ReportOptions(), corridor=corridor or None)
        chosen = set(scenarios if self._defaults.scenarios is None else self._defaults.scenarios)
        self.setWindowTitle(self.tr("Export to Excel"))
        layout = QVBoxLayout(self)
        where = self.tr("Report: <b>{name}</b><br><small>in {folder}</small>").format(
            name=_escape(Path(path).name), folder=_escape(str(Path(path).parent))
        )
        layout.addWidget(QLabel(where))

        box = QGroupBox(
            self.tr("Scenarios to compare ({corridor})").format(corridor=corridor or self.tr("no corridor"))
        )
        box_layout = QVBoxLayout(box)
        self.scenario_boxes: list[QCheckBox] = []
        self._names = list(scenarios)
        for name in scenarios:
            check = QCheckBox(name.replace("&", "&&"))  # a name is text, not a keyboard mnemonic
            check.setChecked(name in chosen)
            box_layout.addWidget(check)
            self.scenario_boxes.append(check)
        if scenarios:
            buttons = QHBoxLayout()
            for text, state in ((self.tr("All"), True), (self.tr("None"), False)):
                button = QPushButton(text)
                button.setAutoDefault(False)
                button.clicked.connect(lambda _=False, s=state: self._tick_all(s))
                buttons.addWidget(button)
            buttons.addStretch(1)
            box_layout.addLayout(buttons)
        else:
            box_layout.addWidget(
                QLabel(self.tr("The workbook defines no scenarios; the report has no Scenario summary."))
            )
        layout.addWidget(box)

        self.pictures_box = QCheckBox(self.tr("Place pictures of the on-screen charts next to the native charts"))
        self.pictures_box.setToolTip(
            self.tr(
                "The native Excel charts are always written and follow the report's numbers;\n"
                "the pictures show the charts exactly as they look in the app."
            )
        )
        self.pictures_box.setChecked(pictures)
        layout.addWidget(self.pictures_box)

        language = QHBoxLayout()
        language.addWidget(QLabel(self.tr("Language of the report:")))
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(list(LANGUAGE_NAMES).index(self._defaults.lang))
        language.addWidget(self.language_box)
        language.addStretch(1)
        layout.addLayout(language)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _tick_all(self, state: bool) -> None:
        for check in self.scenario_boxes:
            check.setChecked(state)

    def options(self) -> ReportOptions:
        """The defaults given, with the user's choices: the ticked scenarios, pictures, language."""
        chosen = tuple(n for n, c in zip(self._names, self.scenario_boxes, strict=True) if c.isChecked())
        return replace(
            self._defaults,
            scenarios=chosen,
            pictures=self.pictures_box.isChecked(),
            lang=str(self.language_box.currentData()),
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
