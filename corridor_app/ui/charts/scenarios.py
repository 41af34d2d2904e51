"""Scenario charts: grouped bars (country by scenario), the baseline-to-scenario waterfall, the sensitivity tornado.

The numbers come from ``model.scenarios`` (``scenario_totals``,
``delta_waterfall``, ``sensitivity``), the same the totals table and the
export use. Plot items are created once and updated with ``setOpts``; every
chart refreshes from the workbook's announcements, so an edit to the baseline
or to any scenario moves all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from corridor_app.model.scenarios import (
    ScenarioColumn,
    ScenarioError,
    Sensitivity,
    WaterfallStep,
    delta_waterfall,
    scenario_totals,
    sensitivity,
)
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.fit import PlotFit
from corridor_app.ui.charts.palette import style_plot
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_trimmed, shown_number

PALETTE = ("#3b6ea8", "#e08a2c", "#4f9a5b", "#9b59b6", "#c0392b", "#7f8c8d", "#16a085", "#d35400")
UP, DOWN, TOTAL = "#2e8b57", "#c0392b", "#3b6ea8"
_WATCHED = {"contributions", "totals", "scenarios"}
_BASELINE = QT_TRANSLATE_NOOP("ScenarioCharts", "Baseline")  # model.scenarios.BASELINE on screen
DEFAULT_SENSITIVITY_PCT = 10.0
STACK_BELOW_PX = 620  # narrower than this, the waterfall and the tornado stack (each keeps a readable width)


def _plot(title: str, left_share: float = 0.4) -> tuple[pg.PlotWidget, PlotFit]:
    widget = pg.PlotWidget(background="w")
    style_plot(widget.getPlotItem(), grid_x=True, alpha=0.2)
    fit = PlotFit(widget, left_share=left_share)
    fit.set_title(title)
    return widget, fit


class ScenarioCharts(FollowsWorkbook, QWidget):
    """The three scenario charts of one corridor, following the workbook and the selected scenario."""

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, corridor: str = "", scenario: str = "", *, staged: bool = False) -> None:
        """With ``staged`` the caller runs ``build_steps`` (one plot each) before the charts are used."""
        super().__init__()
        self.build_steps = self._build(workbook, corridor, scenario)
        if not staged:
            for _ in self.build_steps:
                pass

    def _build(self, workbook: Workbook, corridor: str, scenario: str) -> Iterator[None]:
        """Three plots of about 10 ms each: a window opening a file builds them one per event-loop turn."""
        self._workbook = workbook
        self._corridor = corridor
        self._scenario = scenario
        self.columns: list[ScenarioColumn] = []
        self.steps: list[WaterfallStep] = []
        self.tornado: Sensitivity | None = None

        self.grouped, self.grouped_fit = _plot(self.tr("Amount by country and scenario"))
        self.legend = self.grouped.getPlotItem().addLegend(offset=(-10, 10), labelTextColor="#222")
        self.group_bars: list[pg.BarGraphItem] = []  # one per column, grown on demand, reused after
        yield

        self.waterfall, self.waterfall_fit = _plot(self.tr("From baseline to scenario"))
        self.waterfall_bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.6)
        self.waterfall.addItem(self.waterfall_bars)
        yield

        self.tornado_plot, self.tornado_fit = _plot(self.tr("Sensitivity of the total"), left_share=0.35)
        self.low_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6, brush=DOWN, pen=pg.mkPen("#7a2219"))
        self.high_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6, brush=UP, pen=pg.mkPen("#1d5a37"))
        self.tornado_plot.addItem(self.low_bars)
        self.tornado_plot.addItem(self.high_bars)
        self.centre = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#555", width=1.5))
        self.tornado_plot.addItem(self.centre)
        yield
        self.pct = QDoubleSpinBox()
        self.pct.setRange(0.5, 100.0)
        self.pct.setSingleStep(5.0)
        self.pct.setSuffix(" %")
        self.pct.setValue(DEFAULT_SENSITIVITY_PCT)
        self.pct.valueChanged.connect(self._on_pct_changed)
        # Issue 18: move each country to its own stated low and high instead of a uniform ±N %.
        self.own_ranges = QCheckBox(self.tr("or own low/high"))
        self.own_ranges.setToolTip(
            self.tr("Each country moves to the Low and High stated for it; a point figure stays put")
        )
        self.own_ranges.toggled.connect(self._on_own_ranges_changed)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Tornado: each country moves by ±")))
        controls.addWidget(self.pct)
        controls.addWidget(self.own_ranges)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grouped, 3)
        # Side by side when there is room, one above the other when the chart area is narrow.
        self.small_charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row = self.small_charts
        row.addWidget(self.waterfall, 1)
        right = QVBoxLayout()
        right.addLayout(controls)
        right.addWidget(self.tornado_plot, 1)
        row.addLayout(right, 1)
        layout.addLayout(row, 2)
        self._follow(workbook)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < STACK_BELOW_PX
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.small_charts.direction() != direction:
            self.small_charts.setDirection(direction)

    def set_scenario(self, scenario: str) -> None:
        """The scenario the waterfall and the tornado are drawn for ("" = the first, else the baseline)."""
        self._scenario = scenario
        self.refresh()

    def _on_pct_changed(self, _value: float) -> None:
        self._refresh_tornado()

    def _on_own_ranges_changed(self, checked: bool) -> None:
        self.pct.setEnabled(not checked)
        self._refresh_tornado()

    def refresh(self) -> None:
        try:
            self.columns = scenario_totals(self._workbook, self._corridor)
        except ScenarioError:
            self.columns = []
        self._refresh_grouped()
        self._refresh_waterfall()
        self._refresh_tornado()

    def _current(self) -> ScenarioColumn | None:
        scenarios = [c for c in self.columns if not c.baseline]
        chosen = next((c for c in scenarios if c.name == self._scenario), None)
        return chosen or (scenarios[0] if scenarios else None)

    def _refresh_grouped(self) -> None:
        countries = list(self.columns[0].countries) if self.columns else []
        n = max(len(self.columns), 1)
        width = 0.8 / n
        while len(self.group_bars) < len(self.columns):
            i = len(self.group_bars)
            colour = PALETTE[i % len(PALETTE)]
            bars = pg.BarGraphItem(x=[], height=[], width=width, brush=colour, pen=pg.mkPen(colour))
            self.grouped.addItem(bars)
            self.group_bars.append(bars)
        self.grouped_fit.clear_legend(self.legend)
        x = np.arange(len(countries), dtype=float)
        for i, bars in enumerate(self.group_bars):
            if i < len(self.columns):
                column = self.columns[i]
                heights = [column.countries[c] or 0.0 for c in countries]
                bars.setOpts(x=x - 0.4 + width * (i + 0.5), height=heights, width=width)
                bars.setVisible(True)
                self.grouped_fit.add_legend(
                    self.legend, bars, f"{self._name(column.name)}: {shown_number(column.total)}"
                )
            else:
                bars.setOpts(x=[], height=[])
                bars.setVisible(False)
        plot = self.grouped.getPlotItem()
        self.grouped_fit.set_bottom_ticks(list(enumerate(countries)))
        plot.setLabel("left", self.columns[0].unit if self.columns else "")
        plot.setXRange(-0.6, max(len(countries) - 0.4, 0.6), padding=0)
        top = max((v or 0.0 for c in self.columns for v in c.countries.values()), default=1.0)
        plot.setYRange(0, top * 1.5 or 1.0, padding=0)  # room for the legend

    def _refresh_waterfall(self) -> None:
        current = self._current()
        plot = self.waterfall.getPlotItem()
        if current is None or not self.columns:
            self.steps = []
            self.waterfall_bars.setOpts(x=[], y0=[], height=[], brushes=[])
            self.waterfall_fit.set_bottom_ticks([])
            self.waterfall_fit.set_title(self.tr("From baseline to scenario (no scenario)"))
            return
        self.steps = delta_waterfall(current, self.columns[0])
        brushes = [TOTAL if s.total else UP if s.change >= 0 else DOWN for s in self.steps]
        self.waterfall_bars.setOpts(
            x=np.arange(len(self.steps), dtype=float),
            y0=[min(s.start, s.end) for s in self.steps],
            height=[abs(s.change) for s in self.steps],
            brushes=brushes,
            pens=[pg.mkPen(b) for b in brushes],
        )
        self.waterfall_fit.set_bottom_ticks([(i, self._name(s.label)) for i, s in enumerate(self.steps)])
        delta = shown_number(current.delta, sign=True)
        self.waterfall_fit.set_title(
            self.tr("Baseline to {scenario}: {delta}").format(scenario=current.name, delta=delta)
        )
        top = max(max(s.start, s.end) for s in self.steps)
        plot.setXRange(-0.6, len(self.steps) - 0.4, padding=0)
        plot.setYRange(0, top * 1.1 or 1.0, padding=0)

    def _refresh_tornado(self) -> None:
        pct = float(self.pct.value())
        current = self._current()
        own = self.own_ranges.isChecked()
        try:
            self.tornado = sensitivity(self._workbook, self._corridor, pct, current.name if current else None, own)
        except ScenarioError:
            self.tornado = None
        plot = self.tornado_plot.getPlotItem()
        if self.tornado is None or not self.tornado.bars:
            self.low_bars.setOpts(x0=[], x1=[], y=[])
            self.high_bars.setOpts(x0=[], x1=[], y=[])
            return
        bars = self.tornado.bars[::-1]  # widest at the top
        y = np.arange(len(bars), dtype=float)
        total = self.tornado.total
        self.low_bars.setOpts(x0=[b.low_total for b in bars], x1=[total] * len(bars), y=y)
        self.high_bars.setOpts(x0=[total] * len(bars), x1=[b.high_total for b in bars], y=y)
        self.centre.setValue(total)
        self.tornado_fit.set_left_ticks([(i, b.country) for i, b in enumerate(bars)])
        swing = max(max(abs(b.high_total - total), abs(total - b.low_total)) for b in bars) or 1.0
        plot.setXRange(total - swing * 1.15, total + swing * 1.15, padding=0)
        plot.setYRange(-0.6, len(bars) - 0.4, padding=0)
        if own:
            title = self.tr("{scenario}: total {total} when one country moves to its own low/high")
        else:
            title = self.tr("{scenario}: total {total} when one country moves ±{pct} %")
        self.tornado_fit.set_title(
            title.format(scenario=self._name(self.tornado.scenario), total=shown_number(total), pct=format_trimmed(pct))
        )

    def _name(self, name: str) -> str:
        """A scenario's name on screen: the baseline in the user's language, the workbook's names as written."""
        return self.tr(_BASELINE) if name == _BASELINE else name
