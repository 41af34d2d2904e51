"""Projects in one display currency: stacked bars by route (or mode, or country), what was excluded, and the
country sums beside the country-level contributions.

The numbers come from ``model.projects`` (the same the summary and export use);
the view refreshes from the workbook's announcements, so an edit of a cost or
an FX rate shows at once. Amounts without a rate are listed under the chart,
never drawn.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_app.model.money import Display
from corridor_app.model.projects import (
    Dimension,
    ProjectAggregates,
    ProjectsVsContributions,
    StackedSeries,
    compare_projects_to_contributions,
    project_aggregates,
    project_corridors,
)
from corridor_app.model.workbook import Change, Workbook
from corridor_app.ui.charts.fit import PlotFit
from corridor_app.ui.charts.palette import colour, short, style_plot
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number

ALL = QT_TRANSLATE_NOOP("ProjectsBreakdownChart", "(all corridors)")
_WATCHED = {"projects", "fx", "contributions", "totals"}
_DIMENSIONS: tuple[tuple[str, Dimension], ...] = (
    (QT_TRANSLATE_NOOP("ProjectsBreakdownChart", "Route"), "route"),
    (QT_TRANSLATE_NOOP("ProjectsBreakdownChart", "Mode"), "mode"),
    (QT_TRANSLATE_NOOP("ProjectsBreakdownChart", "Country"), "country"),
)


def _fmt(value: float | None) -> str:
    return "—" if value is None else format_number(value)


class ProjectsBreakdownChart(FollowsWorkbook, QWidget):
    """Horizontal stacked bars of converted project costs, the excluded list and projects vs contributions."""

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, display: Display | None = None, corridor: str | None = None) -> None:
        super().__init__()
        self._workbook = workbook
        self._display = display or Display()
        self.aggregates: ProjectAggregates | None = None
        self.series = StackedSeries((), (), (), str(self._display))
        self.comparison: ProjectsVsContributions | None = None
        self.corridor_box = QComboBox()
        self.bars_box = QComboBox()
        self.stack_box = QComboBox()
        for label, _ in _DIMENSIONS:
            self.bars_box.addItem(self.tr(label))
            self.stack_box.addItem(self.tr(label))
        self.stack_box.setCurrentIndex(1)
        controls = QHBoxLayout()
        for text, box in (
            (self.tr("Projects of"), self.corridor_box),
            (self.tr("bars by"), self.bars_box),
            (self.tr("stacked by"), self.stack_box),
        ):
            controls.addWidget(QLabel(text))
            controls.addWidget(box)
        controls.addStretch(1)
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        style_plot(item, grid_x=True, grid_y=False)
        # Bottom right: the largest bars are at the top, so the legend covers no bar there.
        self.legend = item.addLegend(offset=(-10, -10), labelTextColor="#222", brush=pg.mkBrush("#ffffffd0"))
        self.fit = PlotFit(self.plot, left_share=0.4)
        self._bars: list[pg.BarGraphItem] = []
        self.excluded_label = QLabel()
        self.excluded_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Country"), self.tr("Contributions"), self.tr("Projects"), self.tr("Projects − contributions")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(170)
        self.table_title = QLabel()
        self.table_title.setWordWrap(True)  # the sentence is longer in Russian: it wraps, the window keeps its width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.excluded_label)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table)
        self._fill_corridors(corridor)
        self.corridor_box.currentTextChanged.connect(self._on_controls_changed)
        self.bars_box.currentIndexChanged.connect(self._on_controls_changed)
        self.stack_box.currentIndexChanged.connect(self._on_controls_changed)
        self._follow(workbook)
        self.refresh()

    # --- selection --------------------------------------------------------------
    @property
    def corridor(self) -> str | None:
        text = self.corridor_box.currentText()
        return None if text in ("", ALL, self.tr(ALL)) else text

    def set_corridor(self, corridor: str) -> None:
        """Follow the window's corridor selector when the Projects sheet has that corridor."""
        if self.corridor_box.findText(corridor) >= 0:
            self.corridor_box.setCurrentText(corridor)

    def set_display(self, display: Display) -> None:
        self._display = display
        self.refresh()

    def set_dimensions(self, bars: Dimension, stacks: Dimension) -> None:
        keys = [k for _, k in _DIMENSIONS]
        self.bars_box.setCurrentIndex(keys.index(bars))
        self.stack_box.setCurrentIndex(keys.index(stacks))

    def _dimensions(self) -> tuple[Dimension, Dimension]:
        return _DIMENSIONS[self.bars_box.currentIndex()][1], _DIMENSIONS[self.stack_box.currentIndex()][1]

    def _fill_corridors(self, wanted: str | None = None) -> None:
        current = wanted if wanted is not None else self.corridor_box.currentText()
        names = [self.tr(ALL), *project_corridors(self._workbook)]
        if names == [self.corridor_box.itemText(i) for i in range(self.corridor_box.count())]:
            return
        self.corridor_box.blockSignals(True)
        self.corridor_box.clear()
        self.corridor_box.addItems(names)
        self.corridor_box.setCurrentText(current if current in names else self.tr(ALL))
        self.corridor_box.blockSignals(False)

    # --- refresh ---------------------------------------------------------------
    def _on_controls_changed(self, *_: object) -> None:
        self.refresh()

    def _on_workbook_changed(self, change: Change) -> None:
        if change.table == "projects":
            self._fill_corridors()
        super()._on_workbook_changed(change)

    def refresh(self) -> None:
        """Recompute every number from the model and redraw."""
        bars, stacks = self._dimensions()
        self.aggregates = project_aggregates(self._workbook, self._display, self.corridor)
        self.series = self.aggregates.stacked(bars, stacks)
        self._draw(self.series)
        self._show_excluded(self.aggregates)
        self._show_comparison()

    def _draw(self, series: StackedSeries) -> None:
        n = len(series.categories)
        y = np.arange(n, dtype=float)
        left = np.zeros(n)
        while len(self._bars) < len(series.stacks):
            bar = pg.BarGraphItem(x0=[], y=[], width=[], height=0.62)
            self.plot.addItem(bar)
            self._bars.append(bar)
        self.fit.clear_legend(self.legend)
        for i, bar in enumerate(self._bars):
            if i < len(series.stacks):
                widths = np.asarray(series.values[i], dtype=float)
                bar.setOpts(
                    x0=left.copy(), y=y, width=widths, height=0.62, brush=colour(i), pen=pg.mkPen("#ffffff", width=0.8)
                )
                left += widths
                self.fit.add_legend(self.legend, bar, short(series.stacks[i], 40))
            else:
                bar.setOpts(x0=[], y=[], width=[])
        item = self.plot.getPlotItem()
        self.fit.set_left_ticks([(float(i), short(c)) for i, c in enumerate(series.categories)])
        item.setLabel("bottom", series.unit)
        name = self.corridor or self.tr("all corridors")
        self.fit.set_title(self.tr("Project costs, {corridor} ({unit})").format(corridor=name, unit=series.unit))
        top = float(left.max()) if n else 1.0
        item.setXRange(0, (top or 1.0) * 1.05, padding=0)
        item.setYRange(-0.6, max(n - 0.4, 0.6), padding=0)
        item.invertY(True)

    def _show_excluded(self, agg: ProjectAggregates) -> None:
        converted = self.tr("%Ln project(s), {total} {display}", "", len(agg.items))
        parts = [
            "<b>"
            + self.tr("Converted:")
            + "</b> "
            + converted.format(total=format_number(agg.total), display=agg.display)
        ]
        if agg.excluded:
            items = "; ".join(
                f"{e.project or e.country}: {format_number(e.amount, 0)} {e.unit or e.currency} ({e.reason})"
                for e in agg.excluded
            )
            parts.append(
                "<span style='color:#c0392b'><b>"
                + self.tr("Not converted, in no total ({count}):").format(count=len(agg.excluded))
                + f"</b> {items}</span>"
            )
        if agg.not_costed:
            heading = self.tr("No cost given ({count}):").format(count=len(agg.not_costed))
            parts.append(f"<b>{heading}</b> " + "; ".join(p for _, p in agg.not_costed))
        self.excluded_label.setText("<br>".join(parts))

    def _show_comparison(self) -> None:
        corridor = self.corridor
        corridors = self._workbook.corridors()
        if corridor is None and len(corridors) == 1:
            corridor = corridors[0]
        if corridor is None or corridor not in corridors:
            self.comparison = None
            self.table.setRowCount(0)
            self.table.setVisible(False)
            self.table_title.setText(
                self.tr("Country-level figures: choose a corridor that has contributions to compare.")
            )
            return
        cmp = compare_projects_to_contributions(self._workbook, corridor, self._display)
        self.comparison = cmp
        self.table.setVisible(True)
        self.table_title.setText(
            self.tr(
                "<b>{corridor}</b>: projects beside country contributions ({display}); the difference is shown, "
                "not absorbed"
            ).format(corridor=corridor, display=cmp.display)
        )
        self.table.setRowCount(len(cmp.rows))
        for r, row in enumerate(cmp.rows):
            values = (row.country, _fmt(row.contribution), _fmt(row.projects), _fmt(row.difference))
            for c, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
