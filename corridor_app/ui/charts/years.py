"""A corridor's contributions over the years: one year by country, all years stacked, or the trend (issue 17).

For a country-by-year table read in long form. The numbers are ``model.by_year.year_matrix``'s, the same the
summary's ``by_year`` adds up. Items are created once per mode and updated from the workbook's announcements.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from corridor_app.model.by_year import YearMatrix, year_matrix
from corridor_app.model.reconcile import reconcile_totals, reconciliation_of
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.palette import colour, short, style_plot
from corridor_app.ui.follows import FollowsWorkbook

MODES = (
    QT_TRANSLATE_NOOP("YearsChart", "One year"),
    QT_TRANSLATE_NOOP("YearsChart", "All years stacked"),
    QT_TRANSLATE_NOOP("YearsChart", "Trend"),
)
MAX_STACKED = 10  # countries drawn one by one in the stack; the rest are one "others" layer


class YearsChart(FollowsWorkbook, QWidget):
    """Mode and year choices above one plot; empty with a note when no contribution has a year."""

    watched = frozenset({"contributions", "totals"})

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__()
        self._corridor = corridor
        self.matrix = YearMatrix((), (), np.zeros((0, 0)))
        self._retired: list[object] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mode_box = QComboBox()
        self.mode_box.addItems([self.tr(m) for m in MODES])
        self.year_box = QComboBox()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.mode_box)
        bar.addWidget(QLabel(self.tr("Year:")))
        bar.addWidget(self.year_box)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.plot = pg.PlotWidget(background="w")
        style_plot(self.plot.getPlotItem())
        layout.addWidget(self.plot, 1)
        self.note = QLabel("")
        self.note.setWordWrap(True)  # a long note (longer still in Russian) must not widen the window
        layout.addWidget(self.note)
        self.legend = self.plot.getPlotItem().addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 220))
        self.mode_box.currentIndexChanged.connect(self._on_mode_changed)
        self.year_box.currentIndexChanged.connect(self._on_year_changed)
        self._follow(workbook)
        self.refresh()

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex(MODES.index(mode))

    def refresh(self) -> None:
        """Recompute the matrix from the model, keep the chosen year where it still exists, redraw."""
        recs = reconcile_totals(self._workbook)
        rec = reconciliation_of(recs, self._corridor)
        self.matrix = year_matrix(self._workbook, rec) if rec is not None else YearMatrix((), (), np.zeros((0, 0)))
        chosen = self.year_box.currentText()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItems([str(y) for y in self.matrix.years])
        at = self.year_box.findText(chosen)
        self.year_box.setCurrentIndex(at if at >= 0 else self.year_box.count() - 1)
        self.year_box.blockSignals(False)
        self._draw()

    def _on_mode_changed(self, _index: int) -> None:
        self._draw()

    def _on_year_changed(self, _index: int) -> None:
        self._draw()

    def _draw(self) -> None:
        plot = self.plot.getPlotItem()
        # The items taken off stay referenced until the next draw: freed at once, a paint already queued
        # for them crashed the process (the years chart test, run after the others).
        self._retired = [*plot.items, *(sample for sample, _ in self.legend.items)]
        self.legend.clear()
        plot.clear()
        mode = MODES[max(self.mode_box.currentIndex(), 0)]
        self.year_box.setEnabled(mode == "One year")
        m = self.matrix
        unit = f" ({m.unit})" if m.unit else ""
        if not m.years:
            self.note.setText(
                self.tr("No contribution of this corridor has a year: load a table with a column per year.")
            )
            plot.setTitle("")
            return
        countries = self.tr("%Ln countries", "", len(m.countries))
        self.note.setText(self.tr("{countries}, %Ln years", "", len(m.years)).format(countries=countries))
        if mode == "One year":
            self._draw_one_year(plot, unit)
        elif mode == "All years stacked":
            self._draw_stacked(plot, unit)
        else:
            self._draw_trend(plot, unit)

    def _draw_one_year(self, plot: pg.PlotItem, unit: str) -> None:
        year = int(self.year_box.currentText())
        values = sorted(self.matrix.year(year).items(), key=lambda kv: -kv[1])
        x = np.arange(len(values), dtype=float)
        plot.addItem(pg.BarGraphItem(x=x, height=[v for _, v in values], width=0.6, brush=colour(0)))
        plot.getAxis("bottom").setTicks([[(float(i), short(c, 12)) for i, (c, _) in enumerate(values)]])
        plot.setTitle(f"{year}{unit}")

    def _draw_stacked(self, plot: pg.PlotItem, unit: str) -> None:
        m = self.matrix
        filled = np.nan_to_num(m.values)
        order = np.argsort(-filled.sum(axis=1), kind="stable")
        layers = [(m.countries[i], filled[i]) for i in order[:MAX_STACKED]]
        if len(order) > MAX_STACKED:
            layers.append((self.tr("others"), filled[order[MAX_STACKED:]].sum(axis=0)))
        x = np.arange(len(m.years), dtype=float)
        base = np.zeros(len(m.years))
        for i, (name, heights) in enumerate(layers):
            item = pg.BarGraphItem(x=x, y0=base.copy(), height=heights, width=0.7, brush=colour(i))
            plot.addItem(item)
            self.legend.addItem(item, short(name, 20))
            base = base + heights
        plot.getAxis("bottom").setTicks([_year_ticks(m.years)])
        plot.setTitle(self.tr("All years, by country") + unit)

    def _draw_trend(self, plot: pg.PlotItem, unit: str) -> None:
        m = self.matrix
        totals = m.totals()
        x = np.asarray(m.years, dtype=float)
        item = plot.plot(x, [totals[y] for y in m.years], pen=pg.mkPen(colour(0), width=2), symbol="o")
        self.legend.addItem(item, self.tr("sum of parts"))
        plot.getAxis("bottom").setTicks(None)
        plot.setTitle(self.tr("Sum of parts per year") + unit)


def _year_ticks(years: tuple[int, ...]) -> list[tuple[float, str]]:
    step = max(1, len(years) // 12)
    return [(float(i), str(y)) for i, y in enumerate(years) if i % step == 0]
