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

EVERY_COUNTRY = "every country, by one percent"
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
        self.setWindowTitle("Goal Seek")
        self._submit = submit_edit
        self.answer: GoalSeek | None = None
        self.corridor_box = QComboBox()
        self.corridor_box.addItems(workbook.corridors())
        if corridor in workbook.corridors():
            self.corridor_box.setCurrentText(corridor)
        self.reconcile = QRadioButton("Reconcile with the published total")
        self.to_total = QRadioButton("Reach a total of")
        goal_group = QButtonGroup(self)
        for button in (self.reconcile, self.to_total):
            goal_group.addButton(button)
        self.total = QDoubleSpinBox()
        self.total.setRange(-1e12, 1e12)
        self.total.setDecimals(3)
        self.total.setGroupSeparatorShown(True)
        self.country_box = QComboBox()
        self.as_percent = QCheckBox("save as a percent change (else the amount itself)")
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setMinimumWidth(520)
        self.scenario_name = QLineEdit()
        self.scenario_name.setPlaceholderText("name of the new scenario")
        self.apply_button = QPushButton("Apply")
        self.apply_button.setToolTip("Change the figure in the Contributions sheet (one undo step)")
        self.save_button = QPushButton("Save as scenario")
        self.save_button.setToolTip("Keep the figures as they are; add a scenario holding the answer")

        total_row = QHBoxLayout()
        total_row.addWidget(self.to_total)
        total_row.addWidget(self.total, 1)
        form = QFormLayout()
        form.addRow("Corridor", self.corridor_box)
        form.addRow("Goal", self.reconcile)
        form.addRow("", _wrap(total_row))
        form.addRow("Changing", self.country_box)
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
            self.reconcile.setText(
                "Reconcile with the published total"
                + (f" ({published:,.2f} {rec.unit})".replace(" )", ")") if published is not None else " (none)")
            )
            if not self.total.value():
                self.total.setValue(published if published is not None else rec.sum_of_parts)
        self.reconcile.setEnabled(published is not None)
        if published is None:
            self.to_total.setChecked(True)
        self.country_box.blockSignals(True)
        self.country_box.clear()
        for name in names:
            self.country_box.addItem(name, name)
        self.country_box.addItem(EVERY_COUNTRY, ALL)
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
        self._say(self.answer.describe(), error=not self.answer.reachable)
        if not self.scenario_name.isModified():
            self.scenario_name.setText(self._default_name(self.answer))

    def _say(self, text: str, *, error: bool) -> None:
        self.result.setStyleSheet(_ERROR_STYLE if error else "")
        self.result.setText(text)
        usable = self.answer is not None and self.answer.reachable and not error
        self.apply_button.setEnabled(usable)
        self.save_button.setEnabled(usable)

    def _default_name(self, answer: GoalSeek) -> str:
        who = "every country" if answer.all_countries else answer.country
        base = f"Goal seek: {who} to {answer.total:,.2f}"
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
