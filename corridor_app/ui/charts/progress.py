"""Targets over time on screen: one target's figures, required path and projection, and every target's status.

The numbers are ``model.progress.target_progress`` (the same the summary and the
report use). The chart draws the chosen target's figures as points joined by a
line (running totals for a cumulative target), the required path dashed, the
projection at the pace seen dotted to the target year, and the goal as a star;
hovering a point shows its year, value and source. Beside it, the status of
every target, behind first; choosing one there or in the selector draws it.
Both refresh from the workbook's announcements (Targets and Progress edits).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_app.model.pacing import DEFAULT_START_YEAR
from corridor_app.model.progress import Status, Verdict, sorted_by_status, target_progress
from corridor_app.model.workbook import Workbook
from corridor_app.ui.basis_text import translate_basis
from corridor_app.ui.charts.palette import short, style_plot
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_significant

STATUS_COLOURS: dict[Status, str] = {
    "behind": "#c0504d",
    "on track": "#3b6ea8",
    "reached": "#2e7d32",
    "no data": "#7f7f7f",
}
_OBSERVED = "#24496f"
_REQUIRED = "#555555"
_PROJECTION = "#e08a2e"
_GOAL = "#2e7d32"
HOVER_PIXELS = 12  # how near the pointer must come to a point to show its figure
_STATUS_COLUMNS = (
    QT_TRANSLATE_NOOP("ProgressChart", "Status"),
    QT_TRANSLATE_NOOP("ProgressChart", "Target"),
    QT_TRANSLATE_NOOP("ProgressChart", "Latest / goal"),
    QT_TRANSLATE_NOOP("ProgressChart", "Reach year"),
)
# model.progress.Status, as the screen shows it.
_STATUS_WORDS = (
    QT_TRANSLATE_NOOP("ProgressChart", "behind"),
    QT_TRANSLATE_NOOP("ProgressChart", "on track"),
    QT_TRANSLATE_NOOP("ProgressChart", "reached"),
    QT_TRANSLATE_NOOP("ProgressChart", "no data"),
)


def _num(value: float | None) -> str:
    if value is None:
        return "—"
    return format_number(value, 0) if float(value).is_integer() else format_significant(value, 4)


def status_word(status: Status) -> str:
    """A target's status on screen ("behind" is "отстаёт" in Russian)."""
    return QCoreApplication.translate("ProgressChart", status)


class ProgressChart(FollowsWorkbook, QWidget):
    """A target selector over the chart of its figures, beside the status of every target (behind first)."""

    watched = frozenset({"targets", "progress"})

    def __init__(self, workbook: Workbook, start_year: int = DEFAULT_START_YEAR) -> None:
        super().__init__()
        self._start_year = start_year
        self.verdicts: list[Verdict] = []
        self.shown: Verdict | None = None
        self._chosen_row: int | None = None  # the Targets row on screen, kept across refreshes

        self.selector = QComboBox()
        self.selector.setToolTip(self.tr("The target to draw"))
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.selector.setMinimumContentsLength(30)
        self.selector.currentIndexChanged.connect(self._on_selector_changed)
        self.status_table = QTableWidget(0, len(_STATUS_COLUMNS))
        self.status_table.setHorizontalHeaderLabels([self.tr(c) for c in _STATUS_COLUMNS])
        self.status_table.verticalHeader().setVisible(False)
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.status_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status_table.setWordWrap(False)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status_table.cellClicked.connect(self._on_status_clicked)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        style_plot(item, grid_x=True, grid_y=True, alpha=0.2)
        item.setLabel("bottom", self.tr("year"))
        legend = item.addLegend(offset=(8, 8), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220))
        self.required = pg.PlotDataItem(pen=pg.mkPen(_REQUIRED, width=1.5, style=Qt.PenStyle.DashLine))
        self.projection = pg.PlotDataItem(pen=pg.mkPen(_PROJECTION, width=2, style=Qt.PenStyle.DotLine))
        self.observed = pg.PlotDataItem(
            pen=pg.mkPen(_OBSERVED, width=2), symbol="o", symbolSize=9, symbolBrush=_OBSERVED, symbolPen="w"
        )
        self.goal = pg.ScatterPlotItem(symbol="star", size=18, brush=pg.mkBrush(_GOAL), pen=pg.mkPen("#1b4d1e"))
        for plotted, name in (
            (self.observed, self.tr("official figures")),
            (self.required, self.tr("required path")),
            (self.projection, self.tr("at the pace seen")),
            (self.goal, self.tr("goal")),
        ):
            item.addItem(plotted)
            legend.addItem(plotted, name)
        self.goal_label = pg.TextItem(color=_GOAL, anchor=(1.05, 1.1))
        self.empty_label = pg.TextItem(color="#555", anchor=(0.5, 0.5))
        self.hover_label = pg.TextItem(color="#111", fill=pg.mkBrush(255, 255, 240, 235), border=pg.mkPen("#999"))
        for text in (self.goal_label, self.empty_label, self.hover_label):
            item.addItem(text, ignoreBounds=True)
        self.hover_label.setZValue(20)
        self.hover_label.hide()
        self._mouse = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Target")))
        top.addWidget(self.selector, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.plot, 1)
        right_layout.addWidget(self.verdict_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.status_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._follow(workbook)
        self.refresh()

    # --- model -> view ---------------------------------------------------------
    def set_start_year(self, year: int) -> None:
        """Targets without a baseline year count from this year (the pacing page's spin box)."""
        self._start_year = year
        self.refresh()

    def refresh(self) -> None:
        self.verdicts = target_progress(self._workbook, self._start_year)
        rows = [v.row for v in self.verdicts]
        if self._chosen_row not in rows:
            first = next((v for v in self.verdicts if v.observations), self.verdicts[0] if self.verdicts else None)
            self._chosen_row = None if first is None else first.row
        self.selector.blockSignals(True)
        self.selector.clear()
        for v in self.verdicts:
            self.selector.addItem(f"{v.label} — {status_word(v.status)}", v.row)
        if self._chosen_row is not None:
            self.selector.setCurrentIndex(rows.index(self._chosen_row))
        self.selector.blockSignals(False)
        self._fill_status_table()
        self._draw()

    def _fill_status_table(self) -> None:
        ordered = sorted_by_status(self.verdicts)
        self.status_table.setRowCount(len(ordered))
        for i, v in enumerate(ordered):
            latest = v.latest
            cells = (
                status_word(v.status),
                v.target,
                f"{'—' if latest is None else _num(latest[1])} / {_num(v.goal)}",
                "—" if v.reach_year is None else str(v.reach_year),
            )
            unit = f" {v.unit}" if v.unit else ""
            tip = self.tr("{label}\ngoal {goal} by {year}; projected {projected}\n{basis}").format(
                label=v.label,
                goal=_num(v.goal) + unit,
                year=v.target_year,
                projected=_num(v.projected),
                basis=translate_basis(v.basis),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, v.row)
                cell.setToolTip(tip)
                if column == 0:
                    cell.setForeground(QColor(STATUS_COLOURS[v.status]))
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.status_table.setItem(i, column, cell)
            if v.row == self._chosen_row:
                self.status_table.selectRow(i)

    def _draw(self) -> None:
        v = next((x for x in self.verdicts if x.row == self._chosen_row), None)
        self.shown = v
        self.hover_label.hide()
        item = self.plot.getPlotItem()
        if v is None:
            for series in (self.observed, self.required, self.projection):
                series.setData([], [])
            self.goal.setData([], [])
            self.goal_label.setText("")
            self.empty_label.setText(self.tr("No targets with a value and a target year"))
            self.empty_label.setPos(0.5, 0.5)
            item.setTitle("")
            self.verdict_label.setText("")
            return
        self.observed.setData([y for y, _ in v.actual], [value for _, value in v.actual])
        self.required.setData([y for y, _ in v.required], [value for _, value in v.required])
        self.projection.setData([y for y, _ in v.projection], [value for _, value in v.projection])
        self.goal.setData([v.target_year], [v.goal])
        self.goal_label.setText(self.tr("goal {goal} by {year}").format(goal=_num(v.goal), year=v.target_year))
        self.goal_label.setPos(v.target_year, v.goal)
        kind = self.tr("running total") if v.measure == "cumulative" else self.tr("level")
        item.setTitle(f"<span style='color:#222'>{short(v.label, 70)}</span>")
        item.setLabel("left", f"{v.unit} ({kind})" if v.unit else kind)
        years = [y for y, _ in (*v.actual, *v.required, *v.projection)] + [v.target_year]
        values = [value for _, value in (*v.actual, *v.required, *v.projection)] + [v.goal]
        first, last = min(years), max(years)
        if first == last:
            first -= 1
        low, high = min(0.0, *values) if v.measure == "cumulative" else min(values), max(values)
        pad = (high - low) * 0.12 or abs(high) * 0.1 or 1.0
        item.setXRange(first - 0.6, last + 0.6, padding=0)
        item.setYRange(low - pad, high + pad, padding=0)
        item.getAxis("bottom").setTicks([[(y, str(y)) for y in range(first, last + 1)]])
        if v.observations:
            self.empty_label.setText("")
        else:
            self.empty_label.setText(self.tr("No yearly figures yet: add them on the Progress sheet"))
            self.empty_label.setPos((first + last) / 2, (low + high) / 2)
        self.verdict_label.setText(self.describe(v))

    @staticmethod
    def describe(v: Verdict) -> str:
        """The verdict in words, under the chart: status, reason, and the paces side by side."""
        colour = STATUS_COLOURS[v.status]
        parts = [f"<b style='color:{colour}'>{status_word(v.status)}</b>: {translate_basis(v.basis)}."]
        points = v.unit.strip() == "%"
        unit = QCoreApplication.translate("ProgressChart", " points") if points else f" {v.unit}" if v.unit else ""
        if v.required_pace is not None:
            parts.append(
                QCoreApplication.translate("ProgressChart", "Needed: {pace} a year.").format(
                    pace=_num(v.required_pace) + unit
                )
            )
        if v.pace is not None:
            parts.append(
                QCoreApplication.translate("ProgressChart", "Seen: {pace} a year.").format(pace=_num(v.pace) + unit)
            )
        if v.observations and v.status != "reached":
            reach = (
                QCoreApplication.translate("ProgressChart", "not at this pace")
                if v.reach_year is None
                else str(v.reach_year)
            )
            parts.append(QCoreApplication.translate("ProgressChart", "Goal reached: {year}.").format(year=reach))
        return " ".join(parts)

    # --- view -> view -----------------------------------------------------------
    def _on_selector_changed(self, index: int) -> None:
        if index < 0:
            return
        self.select_target(int(self.selector.itemData(index)))

    def _on_status_clicked(self, row: int, _column: int) -> None:
        cell = self.status_table.item(row, 0)
        if cell is not None:
            self.select_target(int(cell.data(Qt.ItemDataRole.UserRole)))

    def select_target(self, targets_row: int) -> None:
        """Draw the target of this Targets row (the selector and the status list follow)."""
        if targets_row == self._chosen_row and self.shown is not None:
            return
        self._chosen_row = targets_row
        rows = [v.row for v in self.verdicts]
        if targets_row in rows:
            self.selector.blockSignals(True)
            self.selector.setCurrentIndex(rows.index(targets_row))
            self.selector.blockSignals(False)
        self._fill_status_table()
        self._draw()

    # --- hover ----------------------------------------------------------------------
    def point_text(self, index: int) -> str:
        """What hovering the ``index``-th drawn point shows: year, value (and running total), source."""
        v = self.shown
        assert v is not None
        year, drawn = v.actual[index]
        obs = next(o for o in v.observations if o.year == year)
        unit = f" {v.unit}" if v.unit else ""
        value = f"{year}: {_num(obs.value)}{unit}"
        if v.measure == "cumulative":
            value += self.tr(" (total {total})").format(total=_num(drawn))
        source = obs.source or self.tr("none given")
        lines = [value, self.tr("source: {source}").format(source=source)]
        if obs.note:
            lines.append(short(obs.note, 90))
        return "\n".join(lines)

    def _on_mouse_moved(self, event: tuple[QPointF]) -> None:
        self.hover_at(event[0])

    def hover_at(self, scene_pos: QPointF) -> int | None:
        """Show the figure of the point nearest ``scene_pos`` (within a few pixels); its index, or None."""
        v = self.shown
        view = self.plot.getPlotItem().getViewBox()
        nearest, best = None, float(HOVER_PIXELS)
        for i, (year, value) in enumerate(v.actual if v else ()):
            at = view.mapViewToScene(QPointF(year, value))
            distance = ((at.x() - scene_pos.x()) ** 2 + (at.y() - scene_pos.y()) ** 2) ** 0.5
            if distance <= best:
                nearest, best = i, distance
        if nearest is None or v is None:
            self.hover_label.hide()
            return None
        year, value = v.actual[nearest]
        self.hover_label.setText(self.point_text(nearest))
        self.hover_label.setAnchor((1, 1) if year > (v.target_year + v.actual[0][0]) / 2 else (0, 1))
        self.hover_label.setPos(year, value)
        self.hover_label.show()
        return nearest
