"""Keeping a plot's text inside its view at any window size (issue 14).

A pyqtgraph plot lays its title and axes out at the width their text asks for:
a long title or wide tick labels make the plot wider than its view, and the
view cuts the right part off (the tornado's upward bars, the pacing chart's
100 % line). ``PlotFit`` holds the full texts and, whenever the view is resized
or a text changes, elides the title, the legend entries and the tick labels to
the room there is and caps the left axis at a share of the width. The full
text stays in the tooltip, the table and the hover text.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent

Ticks = Sequence[tuple[float, str]]
TITLE_COLOUR = "#222"
_AXIS_PAD = 16  # tick length, text offset and a margin, px
_MIN_LEFT = 40


class PlotFit(QObject):
    """Fits the title, legend and tick labels of ``widget``'s plot into the view.

    Parameters
    ----------
    left_share
        The most of the view's width the left axis (category names) may take.
    elide
        Where a tick label or legend name too long for its room loses characters.
    """

    def __init__(
        self, widget: pg.PlotWidget, *, left_share: float = 0.4, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._plot: pg.PlotItem = widget.getPlotItem()
        self._left_share = left_share
        self._tick_elide = elide
        self._title = ""
        self._left: list[tuple[float, str]] | None = None
        self._bottom: list[tuple[float, str]] | None = None
        self._x_units = 1.0  # categories across the bottom axis, for the room each label has
        self._legend: list[tuple[pg.LegendItem, object, str]] = []
        self._width = -1
        widget.installEventFilter(self)

    # --- the texts, set by the chart ---------------------------------------------------
    @property
    def title(self) -> str:
        return self._title

    def set_title(self, text: str) -> None:
        self._title = text
        self._fit_title()

    def set_left_ticks(self, ticks: Ticks) -> None:
        self._left = list(ticks)
        self._fit_left()

    def set_bottom_ticks(self, ticks: Ticks, units: float | None = None) -> None:
        """Category names under the bars; ``units`` is the x range they share (default: one per tick)."""
        self._bottom = list(ticks)
        self._x_units = max(units if units is not None else len(self._bottom), 1.0)
        self._fit_bottom()

    def clear_legend(self, legend: pg.LegendItem) -> None:
        legend.clear()
        self._legend = [entry for entry in self._legend if entry[0] is not legend]

    def add_legend(self, legend: pg.LegendItem, item: object, name: str) -> None:
        self._legend.append((legend, item, name))
        legend.addItem(item, self._elide(name, self._legend_room()))

    # --- fitting ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Resize:
            # Seen before the view lays its viewport out: the new width comes from the event.
            assert isinstance(event, QResizeEvent)
            width = event.size().width() - 2 * self._widget.frameWidth()
            if width != self._width:
                self._width = width
                self.fit()
        return False

    def fit(self) -> None:
        self._fit_left()
        self._fit_title()
        self._fit_bottom()
        self._fit_legend()

    def _view_width(self) -> int:
        return self._width if self._width >= 0 else int(self._widget.viewport().width())

    def _fit_title(self) -> None:
        label = self._plot.titleLabel
        if not self._title:
            self._plot.setTitle(None)
            return
        # The title sits above the plot area, right of the left axis: its room is what the axis leaves.
        left = self._plot.getAxis("left")
        room = max(self._view_width() - (left.width() if left.isVisible() else 0) - 24, 40)
        self._plot.setTitle(self._title, color=TITLE_COLOUR)
        full = label.item.boundingRect().width()
        if full > room:
            metrics = QFontMetrics(label.item.font())
            # The label's html font is larger than the item's: scale the room by the measured ratio.
            scale = full / max(metrics.horizontalAdvance(self._title), 1)
            shown = metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, int(room / scale))
            self._plot.setTitle(shown, color=TITLE_COLOUR)
        label.setToolTip(self._title)

    def _axis_font(self, axis: pg.AxisItem) -> QFont:
        font = axis.style.get("tickFont")
        return font if isinstance(font, QFont) else self._widget.font()

    def _fit_left(self) -> None:
        if self._left is None:
            return
        axis = self._plot.getAxis("left")
        metrics = QFontMetrics(self._axis_font(axis))
        widest = max((metrics.horizontalAdvance(text) for _, text in self._left), default=0)
        room = max(int(self._view_width() * self._left_share), _MIN_LEFT)
        width = min(widest + _AXIS_PAD, room)
        ticks = [(v, self._elide(text, width - _AXIS_PAD, font=self._axis_font(axis))) for v, text in self._left]
        axis.setWidth(width)
        axis.setTicks([ticks])

    def _fit_bottom(self) -> None:
        if self._bottom is None:
            return
        axis = self._plot.getAxis("bottom")
        left = self._plot.getAxis("left")
        plot_width = self._view_width() - (left.width() if left.isVisible() else 0) - 30
        room = int(plot_width / self._x_units) - 8
        font = self._axis_font(axis)
        axis.setTicks([[(v, self._elide(text, room, font=font)) for v, text in self._bottom]])

    def _legend_room(self) -> int:
        return max(int(self._view_width() * 0.55), 60)

    def _fit_legend(self) -> None:
        entries, self._legend = self._legend, []
        for legend in {id(e[0]): e[0] for e in entries}.values():
            legend.clear()
        for legend, item, name in entries:
            self.add_legend(legend, item, name)

    def _elide(self, text: str, room: int, font: QFont | None = None) -> str:
        metrics = QFontMetrics(font if font is not None else self._widget.font())
        return metrics.elidedText(text, self._tick_elide, max(room, 12))
