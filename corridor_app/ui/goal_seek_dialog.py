"""Tools > Goal Seek...: what one country (or every country) needs for a corridor's parts to reach a total.

The answer is ``model.goalseek.goal_seek`` (the same as ``corridor-app
goal-seek``). Apply hands one ordinary edit to ``submit_edit`` (the window's
undo stack: one undo step); Save as scenario hands it a new scenario's rows
instead. The dialog follows the workbook's announcements, so after Apply (or
any edit, or an undo) it shows the answer for the figures as they now are.
Nothing here opens another dialog: a problem is said in the answer line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from corridor_app.model.edits import Edit
from corridor_app.model.goalseek import (
    ALL,
    GoalSeek,
    GoalSeekError,
    find_reconciliation,
    goal_seek,
    goal_seek_edit,
    goal_seek_scenario,
)
from corridor_app.model.scenarios import ScenarioError, scenario_names
from corridor_app.model.workbook import Workbook
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_significant

EVERY_COUNTRY = QT_TRANSLATE_NOOP("GoalSeekDialog", "every country, by one percent")
_ERROR_STYLE = "color:#c0392b"


class GoalSeekDialog(FollowsWorkbook, QDialog):
    """Choose the goal (a total, or the published total) and the changing country; apply or save the answer."""

    watched = frozenset({"contributions", "totals", "scenarios"})

    def __init__(
        self,
        workbook: Workbook,
        corridor: str,
        submit_edit: Callable[[Edit], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Goal Seek"))
        self._submit = submit_edit
        self.answer: GoalSeek | None = None
        self.corridor_box = QComboBox()
        self.corridor_box.addItems(workbook.corridors())
        if corridor in workbook.corridors():
            self.corridor_box.setCurrentText(corridor)
        self.reconcile = QRadioButton(self.tr("Reconcile with the published total"))
        self.to_total = QRadioButton(self.tr("Reach a total of"))
        goal_group = QButtonGroup(self)
        for button in (self.reconcile, self.to_total):
            goal_group.addButton(button)
        self.total = QDoubleSpinBox()
        self.total.setRange(-1e12, 1e12)
        self.total.setDecimals(3)
        self.total.setGroupSeparatorShown(True)
        self.country_box = QComboBox()
        self.as_percent = QCheckBox(self.tr("save as a percent change (else the amount itself)"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setMinimumWidth(520)
        self.scenario_name = QLineEdit()
        self.scenario_name.setPlaceholderText(self.tr("name of the new scenario"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Change the figure in the Contributions sheet (one undo step)"))
        self.save_button = QPushButton(self.tr("Save as scenario"))
        self.save_button.setToolTip(self.tr("Keep the figures as they are; add a scenario holding the answer"))

        total_row = QHBoxLayout()
        total_row.addWidget(self.to_total)
        total_row.addWidget(self.total, 1)
        form = QFormLayout()
        form.addRow(self.tr("Corridor"), self.corridor_box)
        form.addRow(self.tr("Goal"), self.reconcile)
        form.addRow("", _wrap(total_row))
        form.addRow(self.tr("Changing"), self.country_box)
        scenario_row = QHBoxLayout()
        scenario_row.addWidget(self.scenario_name, 1)
        scenario_row.addWidget(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.as_percent)
        layout.addLayout(scenario_row)
        layout.addWidget(buttons)

        self.corridor_box.currentTextChanged.connect(self._on_corridor_changed)
        self.reconcile.toggled.connect(self._on_goal_changed)
        self.total.valueChanged.connect(self._on_goal_changed)
        self.country_box.currentIndexChanged.connect(self._on_goal_changed)
        self.apply_button.clicked.connect(self.apply_answer)
        self.save_button.clicked.connect(self.save_scenario)
        self.finished.connect(self._on_finished)
        self._follow(workbook)
        self._fill_countries()
        self.reconcile.setChecked(True)
        self.refresh()

    # --- model -> view ---------------------------------------------------------
    def _on_corridor_changed(self, _name: str) -> None:
        self._fill_countries()
        self.refresh()

    def _on_goal_changed(self, *_args: object) -> None:
        self.refresh()

    def _fill_countries(self) -> None:
        """The corridor's countries, then every country; the chosen one kept when it is still there."""
        chosen = self.country_box.currentData()
        try:
            rec = find_reconciliation(self._workbook, self.corridor_box.currentText())
        except GoalSeekError:
            names: list[str] = []
            published = None
        else:
            names = list(rec.countries)
            published = rec.published_total
            shown = self.tr("none") if published is None else f"{format_number(published)} {rec.unit}".strip()
            self.reconcile.setText(self.tr("Reconcile with the published total ({total})").format(total=shown))
            if not self.total.value():
                self.total.setValue(published if published is not None else rec.sum_of_parts)
        self.reconcile.setEnabled(published is not None)
        if published is None:
            self.to_total.setChecked(True)
        self.country_box.blockSignals(True)
        self.country_box.clear()
        for name in names:
            self.country_box.addItem(name, name)
        self.country_box.addItem(self.tr(EVERY_COUNTRY), ALL)
        at = self.country_box.findData(chosen)
        self.country_box.setCurrentIndex(at if at >= 0 else 0)
        self.country_box.blockSignals(False)

    def refresh(self) -> None:
        """Recompute the answer for the current figures and choices."""
        if self.country_box.count() == 0:
            self._fill_countries()
        country = str(self.country_box.currentData() or "")
        self.total.setEnabled(self.to_total.isChecked())
        self.as_percent.setEnabled(country != ALL)
        try:
            self.answer = goal_seek(
                self._workbook,
                country,
                None if self.reconcile.isChecked() else self.total.value(),
                self.corridor_box.currentText(),
            )
        except GoalSeekError as exc:
            self.answer = None
            self._say(str(exc), error=True)
            return
        self._say(describe_answer(self.answer), error=not self.answer.reachable)
        if not self.scenario_name.isModified():
            self.scenario_name.setText(self._default_name(self.answer))

    def _say(self, text: str, *, error: bool) -> None:
        self.result.setStyleSheet(_ERROR_STYLE if error else "")
        self.result.setText(text)
        usable = self.answer is not None and self.answer.reachable and not error
        self.apply_button.setEnabled(usable)
        self.save_button.setEnabled(usable)

    def _default_name(self, answer: GoalSeek) -> str:
        who = self.tr("every country") if answer.all_countries else answer.country
        base = self.tr("Goal seek: {who} to {total}").format(who=who, total=format_number(answer.total))
        taken = set(scenario_names(self._workbook))
        name, n = base, 2
        while name in taken:
            name, n = f"{base} ({n})", n + 1
        return name

    # --- view -> model -----------------------------------------------------------
    def apply_answer(self) -> None:
        """Hand the edit that makes the answer true to ``submit_edit``: one undo step."""
        if self.answer is None:
            return
        try:
            edit = goal_seek_edit(self._workbook, self.answer)
        except GoalSeekError as exc:
            self._say(str(exc), error=True)
            return
        self._submit(edit)

    def save_scenario(self) -> None:
        """Hand a new scenario holding the answer to ``submit_edit``; the figures stay as they are."""
        if self.answer is None:
            return
        try:
            edit = goal_seek_scenario(
                self._workbook, self.answer, self.scenario_name.text(), percent=self.as_percent.isChecked()
            )
        except (GoalSeekError, ScenarioError) as exc:
            self._say(str(exc), error=True)
            return
        self.scenario_name.setModified(False)
        self._submit(edit)

    def _on_finished(self, _result: int) -> None:
        self.detach()


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


def describe_answer(answer: GoalSeek) -> str:
    """``GoalSeek.describe`` (the CLI's sentence) in the interface's language and number format."""
    unit = f" {answer.unit}" if answer.unit else ""
    values = {
        "corridor": answer.corridor,
        "country": answer.country,
        "total": format_number(answer.total) + unit,
        "sum": format_number(answer.sum_of_parts),
        "nearest": format_number(answer.nearest_total or 0) + unit,
        "current": format_number(answer.current),
        "required": format_number(answer.required) + unit,
        "percent": format_significant(answer.change_pct or 0, 4, signed=True),
        "change": format_number(answer.change, signed=True)
        + ("" if answer.change_pct is None else ", " + format_number(answer.change_pct, signed=True) + " %"),
    }
    if answer.all_countries and not answer.reachable:
        text = QCoreApplication.translate(
            "GoalSeekDialog",
            "{corridor}: no percent change of every country gives a total of {total} (the parts sum to {sum}); "
            "the nearest reachable total is {nearest}",
        )
    elif answer.all_countries:
        text = QCoreApplication.translate(
            "GoalSeekDialog",
            "{corridor}: every country changed by {percent} % brings the sum of parts from {current} to {total}",
        )
    elif not answer.reachable:
        text = QCoreApplication.translate(
            "GoalSeekDialog",
            "{corridor}: {country} cannot bring the sum of parts to {total}: it would need {required}, less than "
            "nothing. The nearest reachable total is {nearest}, with {country} at 0",
        )
    else:
        text = QCoreApplication.translate(
            "GoalSeekDialog",
            "{corridor}: {country} needs {required} instead of {current} ({change}) for the sum of parts to "
            "reach {total}",
        )
    return text.format(**values)
