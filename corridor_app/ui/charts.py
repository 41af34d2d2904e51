"""The contributions chart: one bar per country, and the unreconciled residual as its own bar.

Items are created once and updated with ``setOpts``/``setData`` from the
workbook's change announcements; the bar heights come from
``model.series.contribution_bars``, the same numbers the export uses.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from corridor_app.model.reconcile import Reconciliation, reconcile_totals
from corridor_app.model.series import BarSeries, contribution_bars
from corridor_app.model.workbook import Change, Workbook

BAR_COLOUR = "#3b6ea8"
RESIDUAL_COLOUR = "#c0392b"
_WATCHED = {"contributions", "totals"}
_UNSET = object()


class ContributionsChart(pg.PlotWidget):
    """Bar chart of one corridor's contributions by country."""

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__(background="w")
        self._workbook = workbook
        self._corridor = corridor
        self.series = BarSeries((), (), ())
        self.residual: float | None = None
        plot = self.getPlotItem()
        plot.showGrid(y=True, alpha=0.25)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setPen(pg.mkPen("#555"))
            plot.getAxis(axis).setTextPen(pg.mkPen("#222"))
            # The left axis draws the grid across the plot: replaying its text and lines on every bar
            # change cost ~7 ms a repaint; a cached pixmap is blitted instead until the axis changes.
            plot.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=BAR_COLOUR, pen=pg.mkPen("#24496f"))
        self.residual_bar = pg.BarGraphItem(
            x=[],
            height=[],
            width=0.6,
            brush=pg.mkBrush(RESIDUAL_COLOUR + "80"),
            pen=pg.mkPen(RESIDUAL_COLOUR, width=1.5, style=Qt.PenStyle.DashLine),
        )
        self.addItem(self.bars)
        self.addItem(self.residual_bar)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888"))
        self.addItem(self.zero)
        self._labels: list[pg.TextItem] = []
        self._shown: dict[str, object] = {}
        workbook.subscribe(self._on_workbook_changed)
        self.refresh()

    def detach(self) -> None:
        self._workbook.unsubscribe(self._on_workbook_changed)

    @property
    def corridor(self) -> str:
        return self._corridor

    def set_corridor(self, corridor: str) -> None:
        self._corridor = corridor
        self.refresh()

    def _reconciliation(self) -> Reconciliation | None:
        recs = reconcile_totals(self._workbook)
        for rec in recs:
            if rec.corridor == self._corridor:
                return rec
        return recs[0] if recs else None

    def _on_workbook_changed(self, change: Change) -> None:
        if change.table in _WATCHED:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the bars from the model."""
        rec = self._reconciliation()
        self.series = contribution_bars(rec) if rec else BarSeries((), (), ())
        self.residual = rec.residual if rec is not None else None
        n = len(self.series.labels)
        x = np.arange(n, dtype=float)
        self.bars.setOpts(x=x, height=self.series.heights)
        labels = list(self.series.labels)
        show_residual = self.residual is not None and abs(self.residual) > 1e-12
        if show_residual:
            self.residual_bar.setOpts(x=[float(n)], height=[self.residual])
            labels.append("residual")
        else:
            self.residual_bar.setOpts(x=[], height=[])
        unit = self.series.unit or (rec.unit if rec else "")
        title = (rec.corridor or "Contributions") if rec else "No contributions"
        # Axis text is re-laid out whenever it is set, even to the same value: set only what changed.
        self._set_once(
            "ticks", labels, lambda: self.getPlotItem().getAxis("bottom").setTicks([list(enumerate(labels))])
        )
        self._set_once("unit", unit, lambda: self.getPlotItem().setLabel("left", unit))
        self._set_once(
            "title",
            title,
            lambda: self.getPlotItem().setTitle(f"<span style='color:#222'>{title}: contributions by country</span>"),
        )
        self._place_labels(list(self.series.values) + ([self.residual] if show_residual else []))
        count = len(labels)
        self._set_once("xrange", count, lambda: self.getPlotItem().setXRange(-0.6, max(count - 0.4, 0.6), padding=0))
        heights = [*self.series.values, self.residual or 0.0, 0.0]
        top, bottom = max(heights), min(heights)
        span = (top - bottom) or 1.0
        low, high = bottom - 0.04 * span, top + 0.12 * span
        shown = self._shown.get("yrange")
        # Keep the axis still while the bars stay inside it and fill most of it (no re-layout per keystroke).
        if not (
            isinstance(shown, tuple)
            and shown[0] <= low
            and high <= shown[1]
            and high - low >= 0.8 * (shown[1] - shown[0])
        ):
            self._shown["yrange"] = (low, high)
            self.getPlotItem().setYRange(low, high, padding=0)

    def _set_once(self, what: str, value: object, apply: Callable[[], None]) -> None:
        """Call ``apply`` unless ``what`` already shows ``value``."""
        if self._shown.get(what, _UNSET) != value:
            self._shown[what] = value
            apply()

    def _place_labels(self, values: list[float | None]) -> None:
        while len(self._labels) < len(values):
            label = pg.TextItem(color="#222", anchor=(0.5, 1.0))
            self.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i < len(values) and values[i] is not None:
                v = float(values[i])  # type: ignore[arg-type]
                text = f"{v:+,.2f}" if i == len(self.series.values) else f"{v:,.2f}"
                if getattr(label, "_shown", None) != (text, i, v):
                    label._shown = (text, i, v)  # type: ignore[attr-defined]
                    label.setText(text)
                    label.setAnchor((0.5, 1.0) if v >= 0 else (0.5, 0.0))
                    label.setPos(i, v)
                label.setVisible(True)
            else:
                label.setVisible(False)
