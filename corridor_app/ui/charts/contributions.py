"""The contributions chart: one bar per country, and the unreconciled residual as its own bar.

Items are created once and updated with ``setOpts``/``setData`` from the
workbook's change announcements; the bar heights come from
``model.series.contribution_bars``, the same numbers the export uses.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGraphicsItem, QToolTip

from corridor_app.model.reconcile import Reconciliation, reconcile_totals, reconciliation_of
from corridor_app.model.series import BarSeries, contribution_bars, shares, whiskers
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.fit import PlotFit
from corridor_app.ui.charts.palette import style_plot
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_percent, format_significant, shown_number

BAR_COLOUR = "#3b6ea8"
HIGHLIGHT_COLOUR = "#f39c12"
RESIDUAL_COLOUR = "#c0392b"
WHISKER_COLOUR = "#1b2a3a"
_WATCHED = {"contributions", "totals"}
_UNSET = object()


CROWDED_BARS = 8  # above this many bars, names are cut short and values written compactly


def short_number(value: float, sign: str = "") -> str:
    """A value in at most four significant characters and a scale letter: 13,061.03 -> "13.1k"."""
    size = abs(value)
    for scale, letter in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if size >= scale:
            return format_significant(value / scale, 3, signed=sign == "+") + letter
    return format_significant(value, 3, signed=sign == "+")


class ContributionsChart(FollowsWorkbook, pg.PlotWidget):
    """Bar chart of one corridor's contributions by country, linked to the table rows.

    ``highlight_rows`` brushes the bars of selected table rows; clicking a bar
    emits ``sig_bar_clicked`` with the table rows it sums; hovering a bar shows
    country, amount, share and source.
    """

    sig_bar_clicked = Signal(tuple)

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__(background="w")
        self._workbook = workbook
        self._corridor = corridor
        self.series = BarSeries((), (), ())
        self.residual: float | None = None
        self.reconciliation: Reconciliation | None = None
        self.highlighted: tuple[int, ...] = ()
        self._highlight_rows: frozenset[int] = frozenset()
        plot = self.getPlotItem()
        style_plot(plot)
        for axis in ("left", "bottom"):
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
        # Each country's stated range (issue 18): one item, updated with setData in refresh.
        self.whiskers = pg.ErrorBarItem(x=np.empty(0), y=np.empty(0), beam=0.22, pen=pg.mkPen(WHISKER_COLOUR, width=2))
        self.addItem(self.whiskers)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888"))
        self.addItem(self.zero)
        self._labels: list[pg.TextItem] = []
        self.fit = PlotFit(self)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._shown: dict[str, object] = {}
        self._follow(workbook)
        self.refresh()

    @property
    def corridor(self) -> str:
        return self._corridor

    def _reconciliation(self) -> Reconciliation | None:
        return reconciliation_of(reconcile_totals(self._workbook), self._corridor)

    def refresh(self) -> None:
        """Recompute the bars from the model."""
        rec = self._reconciliation()
        self.reconciliation = rec
        self.series = contribution_bars(rec) if rec else BarSeries((), (), ())
        self.residual = rec.residual if rec is not None else None
        n = len(self.series.labels)
        x = np.arange(n, dtype=float)
        self.bars.setOpts(x=x, height=self.series.heights, brushes=self._brushes())
        labels = list(self.series.labels)
        crowded = len(labels) > CROWDED_BARS
        if crowded:  # names cut short so they do not run into each other; the hover text has them whole
            labels = [name if len(name) <= 6 else name[:5] + "…" for name in labels]
        show_residual = self.residual is not None and abs(self.residual) > 1e-12
        if show_residual:
            self.residual_bar.setOpts(x=[float(n)], height=[self.residual])
            labels.append(self.tr("residual"))
        else:
            self.residual_bar.setOpts(x=[], height=[])
        unit = self.series.unit or (rec.unit if rec else "")
        title = (rec.corridor or self.tr("Contributions")) if rec else self.tr("No contributions")
        heading = self.tr("{corridor}: contributions by country").format(corridor=title)
        # Axis text is re-laid out whenever it is set, even to the same value: set only what changed.
        self._set_once("ticks", labels, lambda: self.fit.set_bottom_ticks(list(enumerate(labels))))
        self._set_once("unit", unit, lambda: self.getPlotItem().setLabel("left", unit))
        self._set_once(
            "title",
            title,
            lambda: self.fit.set_title(heading),
        )
        self._place_labels(list(self.series.values) + ([self.residual] if show_residual else []), compact=crowded)
        wx, wy, below, above = whiskers(self.series)
        self.whiskers.setData(x=wx, y=wy, top=above, bottom=below)
        count = len(labels)
        self._set_once("xrange", count, lambda: self.getPlotItem().setXRange(-0.6, max(count - 0.4, 0.6), padding=0))
        heights = [*self.series.values, *(b for r in self.series.ranges for b in r), self.residual or 0.0, 0.0]
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

    # --- linked brushing -----------------------------------------------------------
    def _brushes(self) -> list[object]:
        marked_rows = self._highlight_rows
        self.highlighted = (
            tuple(i for i, rows in enumerate(self.series.rows) if not marked_rows.isdisjoint(rows))
            if marked_rows
            else ()  # nothing selected: no pass over a million rows' bars
        )
        marked = set(self.highlighted)
        return [pg.mkBrush(HIGHLIGHT_COLOUR if i in marked else BAR_COLOUR) for i in range(len(self.series.rows))]

    def highlight_rows(self, rows: tuple[int, ...]) -> None:
        """Brush the bars that sum any of these Contributions rows."""
        self._highlight_rows = frozenset(rows)
        self.bars.setOpts(brushes=self._brushes())

    def bar_at(self, scene_pos: QPointF) -> int | None:
        """Index of the bar under a scene position (the residual bar is ``len(series)``)."""
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        i = round(point.x())
        heights = [*self.series.values, *([self.residual] if self.residual else [])]
        if not 0 <= i < len(heights) or abs(point.x() - i) > 0.3:
            return None
        h = float(heights[i] or 0.0)
        return i if min(0.0, h) <= point.y() <= max(0.0, h) else None

    def bar_text(self, i: int) -> str:
        rec = self.reconciliation
        if rec is None:
            return ""
        unit = f" {rec.unit}" if rec.unit else ""
        if i >= len(self.series.values):
            return self.tr("Residual {residual}{unit}\nSum of parts {parts} minus published total {total}").format(
                residual=shown_number(self.residual or 0.0, sign=True),
                unit=unit,
                parts=shown_number(rec.sum_of_parts),
                total=shown_number(rec.published_total or 0.0),
            )
        label, value = self.series.labels[i], self.series.values[i]
        lines = [label, f"{shown_number(value, rec.unit)}{unit}"]
        low, high = self.series.ranges[i] if i < len(self.series.ranges) else (value, value)
        if high - low > 1e-12:
            low_text, high_text = shown_number(low, rec.unit), shown_number(high, rec.unit)
            lines.append(self.tr("range {low} to {high}").format(low=low_text, high=high_text) + unit)
        if label in rec.approximate:
            lines.append(self.tr("approximate figure"))
        share = shares(rec).get(label)
        if share is not None:
            lines.append(self.tr("{share} % of the sum of parts").format(share=format_number(share, 1)))
        if rec.published_total:
            lines.append(
                self.tr("{share} % of the published total").format(
                    share=format_number(value / rec.published_total * 100, 1)
                )
            )
        contrib = self._workbook.table("contributions")
        sources = {str(contrib.value(r, "source")) for r in self.series.rows[i] if contrib.value(r, "source")}
        lines.append(
            self.tr("Source: {source}").format(source="; ".join(sorted(sources)))
            if sources
            else self.tr("No source given")
        )
        return "\n".join(lines)

    def _is_approximate(self, label: str) -> bool:
        return self.reconciliation is not None and label in self.reconciliation.approximate

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        i = self.bar_at(scene_pos)
        if i is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), self.bar_text(i), self)

    def _on_mouse_clicked(self, event: object) -> None:
        i = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if i is not None and i < len(self.series.rows):
            self.sig_bar_clicked.emit(tuple(self.series.rows[i]))

    def _place_labels(self, values: list[float | None], compact: bool = False) -> None:
        while len(self._labels) < len(values):
            label = pg.TextItem(color="#222", anchor=(0.5, 1.0))
            self.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i < len(values) and values[i] is not None:
                v = float(values[i])  # type: ignore[arg-type]
                sign = "+" if i == len(self.series.values) else ""
                text = short_number(v, sign) if compact else shown_number(v, sign=bool(sign))
                if i < len(self.series.labels) and self._is_approximate(self.series.labels[i]):
                    text = "≈" + text
                ranges = self.series.ranges
                # Above the whisker where the bar states a range, so the value is not struck through.
                top = (max(ranges[i][1], v) if v >= 0 else min(ranges[i][0], v)) if i < len(ranges) else v
                if getattr(label, "_shown", None) != (text, i, top):
                    label._shown = (text, i, top)  # type: ignore[attr-defined]
                    label.setText(text)
                    label.setAnchor((0.5, 1.0) if v >= 0 else (0.5, 0.0))
                    label.setPos(i, top)
                label.setVisible(True)
            else:
                label.setVisible(False)


class SharesChart(FollowsWorkbook, pg.PlotWidget):
    """Each country's share of the corridor's sum of parts, as horizontal bars in percent."""

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__(background="w")
        self._workbook = workbook
        self._corridor = corridor
        self.shares: dict[str, float] = {}
        plot = self.getPlotItem()
        style_plot(plot, grid_x=True, grid_y=False)
        plot.setLabel("bottom", self.tr("share of the sum of parts, %"))
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brush=BAR_COLOUR, pen=pg.mkPen("#24496f"))
        self.addItem(self.bars)
        self._labels: list[pg.TextItem] = []
        self.fit = PlotFit(self)
        self._follow(workbook)
        self.refresh()

    def refresh(self) -> None:
        recs = reconcile_totals(self._workbook)
        rec = reconciliation_of(recs, self._corridor)
        self.shares = dict(sorted(shares(rec).items(), key=lambda kv: kv[1])) if rec else {}
        names, values = list(self.shares), list(self.shares.values())
        y = np.arange(len(names), dtype=float)
        self.bars.setOpts(x0=np.zeros(len(names)), y=y, width=np.asarray(values, dtype=float))
        self.fit.set_left_ticks(list(enumerate(names)))
        title = rec.corridor if rec else ""
        self.fit.set_title(self.tr("{corridor}: shares of the sum of parts").format(corridor=title))
        while len(self._labels) < len(values):
            label = pg.TextItem(color="#222", anchor=(0.0, 0.5))
            self.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            label.setVisible(i < len(values))
            if i < len(values):
                label.setText(" " + format_percent(values[i]))
                label.setPos(values[i], i)
        self.getPlotItem().setXRange(0, max([*values, 1.0]) * 1.18, padding=0)
        self.getPlotItem().setYRange(-0.6, max(len(values) - 0.4, 0.6), padding=0)
