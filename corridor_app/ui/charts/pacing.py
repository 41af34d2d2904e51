"""Target pacing on screen: a table of progress and the yearly pace needed, and a progress chart.

Numbers come from ``model.pacing.target_pacing``; both views refresh from the
workbook's announcements (an edit in the Targets tab moves them) and from the
start year chosen here. Progress is drawn in percent so targets in different
units share one axis; the pace needed stays in each target's unit, in the table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget

from corridor_app.model.pacing import DEFAULT_START_YEAR, TargetPace, target_pacing
from corridor_app.model.workbook import Change, Workbook
from corridor_app.ui.basis_text import translate_basis
from corridor_app.ui.charts.fit import PlotFit
from corridor_app.ui.charts.palette import style_plot
from corridor_app.ui.number_format import format_number, format_percent, shown_number

AnyIndex = QModelIndex | QPersistentModelIndex
_COLUMNS = (
    QT_TRANSLATE_NOOP("PacingModel", "Target"),
    QT_TRANSLATE_NOOP("PacingModel", "Country"),
    QT_TRANSLATE_NOOP("PacingModel", "Target value"),
    QT_TRANSLATE_NOOP("PacingModel", "Unit"),
    QT_TRANSLATE_NOOP("PacingModel", "Baseline"),
    QT_TRANSLATE_NOOP("PacingModel", "Target year"),
    QT_TRANSLATE_NOOP("PacingModel", "Progress"),
    QT_TRANSLATE_NOOP("PacingModel", "Pace needed / yr"),
    QT_TRANSLATE_NOOP("PacingModel", "Status"),
)
# model.pacing.Status, as the Status column shows it
_STATUSES = (
    QT_TRANSLATE_NOOP("PacingModel", "met"),
    QT_TRANSLATE_NOOP("PacingModel", "in progress"),
    QT_TRANSLATE_NOOP("PacingModel", "past due"),
    QT_TRANSLATE_NOOP("PacingModel", "no pace"),
)


class PacingModel(QAbstractTableModel):
    """One row per target with a value and a year; holds only the last ``target_pacing`` result."""

    def __init__(self, workbook: Workbook, start_year: int = DEFAULT_START_YEAR) -> None:
        super().__init__()
        self._workbook = workbook
        self.start_year = start_year
        self.rows: list[TargetPace] = []
        workbook.subscribe(self._on_workbook_changed)
        self.refresh()

    def detach(self) -> None:
        self._workbook.unsubscribe(self._on_workbook_changed)

    def set_start_year(self, year: int) -> None:
        self.start_year = year
        self.refresh()

    def _on_workbook_changed(self, change: Change) -> None:
        if change.table == "targets":
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = target_pacing(self._workbook, self.start_year)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(_COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pace = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            basis = translate_basis(pace.basis)
            return f"{pace.target}\n{basis}" if index.column() == 0 else basis
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 4, 5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        baseline = "—" if pace.baseline is None else f"{shown_number(pace.baseline, pace.unit)} ({pace.baseline_year})"
        return (
            pace.target,
            pace.country,
            shown_number(pace.value, pace.unit),
            pace.unit,
            baseline,
            str(pace.target_year),
            "—" if pace.progress is None else format_percent(pace.progress * 100, 0),
            "—" if pace.pace is None else format_number(pace.pace),
            self.tr(pace.status),
        )[index.column()]


class PacingPanel(QWidget):
    """The pacing table beside a chart of progress toward each target."""

    def __init__(self, workbook: Workbook, start_year: int = DEFAULT_START_YEAR) -> None:
        super().__init__()
        self.model = PacingModel(workbook, start_year)
        self.model.modelReset.connect(self._on_pacing_changed)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        # The numbers at their width; the target's name at a readable width, cut with "…" and whole in its
        # tooltip and on the chart above. Nine columns do not all fit beside a laptop's table.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, 200)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.start = QSpinBox()
        self.start.setRange(1990, dt.date.today().year + 30)
        self.start.setValue(start_year)
        self.start.setToolTip(self.tr("Targets without a baseline are paced from the start of this year"))
        self.start.valueChanged.connect(self.model.set_start_year)
        self.chart = pg.PlotWidget(background="w")
        plot = self.chart.getPlotItem()
        style_plot(plot, grid_x=True, grid_y=False, alpha=0.2)
        # Cut in the middle: a target's name keeps its year ("INSTC eastern…ute → 2030").
        self.fit = PlotFit(self.chart, left_share=0.45, elide=Qt.TextElideMode.ElideMiddle)
        self.fit.set_title(self.tr("Progress toward each target (baseline / target)"))
        self.bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6, brush="#3b6ea8", pen=pg.mkPen("#24496f"))
        self.chart.addItem(self.bars)
        self.goal = pg.InfiniteLine(pos=100, angle=90, pen=pg.mkPen("#2e7d32", width=1.5, style=Qt.PenStyle.DashLine))
        self.chart.addItem(self.goal)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pace targets without a baseline from")))
        top.addWidget(self.start)
        top.addStretch(1)
        # The chart above the table, each the full width: side by side at 1366 px the table scrolled
        # sideways and the chart cut its 100 % line off (issue 14).
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._on_pacing_changed()

    def detach(self) -> None:
        self.model.detach()

    def _on_pacing_changed(self) -> None:
        shown = [p for p in self.model.rows if p.progress is not None][::-1]
        y = np.arange(len(shown), dtype=float)
        self.bars.setOpts(x0=[0.0] * len(shown), x1=[(p.progress or 0.0) * 100 for p in shown], y=y)
        labels = [(i, f"{p.target} → {p.target_year}") for i, p in enumerate(shown)]
        plot = self.chart.getPlotItem()
        self.fit.set_left_ticks(labels)
        plot.setLabel("bottom", self.tr("% of the target"))
        right = max([110.0, *((p.progress or 0.0) * 110 for p in shown)])
        plot.setXRange(0, right, padding=0)
        plot.setYRange(-0.6, max(len(shown) - 0.4, 0.6), padding=0)
