"""Several corridors side by side: grouped bars country x corridor, each corridor's own reconciliation below.

The bars are in one display currency (converted through the FX sheet); the
reconciliation lines stay in each corridor's own unit, against its own
published total. Figures without a rate are listed, never drawn.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from corridor_app.model.corridors import CorridorColumn, CorridorComparison, corridor_comparison
from corridor_app.model.money import Display
from corridor_app.model.workbook import Workbook
from corridor_app.ui.charts.fit import PlotFit
from corridor_app.ui.charts.palette import colour, short, style_plot
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_percent
from corridor_app.ui.terms import verdict

_WATCHED = {"contributions", "totals", "fx"}
_GROUP_WIDTH = 0.8


class CorridorComparisonChart(FollowsWorkbook, QWidget):
    """Country contributions across corridors in the display currency."""

    watched = frozenset(_WATCHED)

    def __init__(self, workbook: Workbook, display: Display | None = None) -> None:
        super().__init__()
        self._workbook = workbook
        self._display = display or Display()
        self.comparison: CorridorComparison | None = None
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        style_plot(item)
        self.legend = item.addLegend(offset=(-10, 10), labelTextColor="#222", brush=pg.mkBrush("#ffffffd0"))
        self.fit = PlotFit(self.plot)
        self.plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888")))
        self._bars: list[pg.BarGraphItem] = []
        self.reconciliation_label = QLabel()
        self.reconciliation_label.setWordWrap(True)
        self.excluded_label = QLabel()
        self.excluded_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.reconciliation_label)
        layout.addWidget(self.excluded_label)
        self._follow(workbook)
        self.refresh()

    def set_display(self, display: Display) -> None:
        self._display = display
        self.refresh()

    def heights(self, corridor: str) -> dict[str, float]:
        """The drawn bar heights of one corridor, by country (for tests and the export)."""
        if self.comparison is None:
            return {}
        return {c: v for c, row in self.comparison.values.items() if (v := row.get(corridor)) is not None}

    def refresh(self) -> None:
        cmp = corridor_comparison(self._workbook, self._display)
        self.comparison = cmp
        matrix = cmp.matrix()
        n, k = matrix.shape
        width = _GROUP_WIDTH / max(k, 1)
        while len(self._bars) < k:
            bar = pg.BarGraphItem(x=[], height=[], width=width)
            self.plot.addItem(bar)
            self._bars.append(bar)
        self.fit.clear_legend(self.legend)
        x = np.arange(n, dtype=float)
        for j, bar in enumerate(self._bars):
            if j < k:
                present = ~np.isnan(matrix[:, j])
                offset = (j - (k - 1) / 2) * width
                bar.setOpts(
                    x=(x + offset)[present],
                    height=matrix[present, j],
                    width=width * 0.92,
                    brush=colour(j),
                    pen=pg.mkPen("#ffffff", width=0.8),
                )
                self.fit.add_legend(self.legend, bar, cmp.corridors[j] or self.tr("(no corridor)"))
            else:
                bar.setOpts(x=[], height=[])
        item = self.plot.getPlotItem()
        self.fit.set_bottom_ticks([(float(i), short(c, 18)) for i, c in enumerate(cmp.countries)])
        item.setLabel("left", str(cmp.display))
        self.fit.set_title(self.tr("Contributions by country across corridors ({display})").format(display=cmp.display))
        finite = matrix[~np.isnan(matrix)]
        top = float(finite.max()) if finite.size else 1.0
        bottom = min(float(finite.min()) if finite.size else 0.0, 0.0)
        span = (top - bottom) or 1.0
        item.setXRange(-0.6, max(n - 0.4, 0.6), padding=0)
        item.setYRange(bottom - 0.04 * span, top + 0.18 * span, padding=0)
        self._show_text(cmp)

    def _describe(self, col: CorridorColumn) -> str:
        """``CorridorColumn.describe`` (the CLI's line) in the interface's language and number format."""
        rec = col.reconciliation
        unit = f" {rec.unit}" if rec.unit else ""
        corridor = rec.corridor or self.tr("(no corridor)")
        parts = format_number(rec.sum_of_parts)
        if rec.published_total is None or rec.residual is None:
            text = self.tr("{corridor}: sum of parts {parts}, no published total")
            return text.format(corridor=corridor, parts=parts + unit)
        pct = "" if rec.residual_pct is None else f" ({format_percent(rec.residual_pct, signed=True)})"
        text = self.tr("{corridor}: sum of parts {parts} vs published {published}, residual {residual}, {verdict}")
        return text.format(
            corridor=corridor,
            parts=parts,
            published=format_number(rec.published_total) + unit,
            residual=format_number(rec.residual, signed=True) + pct,
            verdict=verdict(rec.verdict),
        )

    def _show_text(self, cmp: CorridorComparison) -> None:
        lines = []
        for col in cmp.columns:
            rec = col.reconciliation
            tint = "#c0392b" if rec.flagged else "#2e7d32" if rec.published_total is not None else "#555"
            lines.append(f"<span style='color:{tint}'>{self._describe(col)}</span>")
        self.reconciliation_label.setText("<br>".join(lines) or self.tr("No contributions"))
        if cmp.excluded:
            items = "; ".join(
                f"{e.corridor or self.tr('(no corridor)')} / {e.country}: {_amount(e.amount)} {e.unit} ({e.reason})"
                for e in cmp.excluded
            )
            self.excluded_label.setText(
                "<span style='color:#c0392b'><b>"
                + self.tr("Not in the bars ({count}):").format(count=len(cmp.excluded))
                + f"</b> {items}</span>"
            )
        else:
            self.excluded_label.setText("")


def _amount(value: float | None) -> str:
    return QCoreApplication.translate("CorridorComparisonChart", "no amount") if value is None else format_number(value)
