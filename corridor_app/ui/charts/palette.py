"""The look shared by every chart: series colours, and plot axes styled the same way."""

from __future__ import annotations

import pyqtgraph as pg

SERIES_COLOURS = (
    "#3b6ea8",
    "#e08a2e",
    "#4f9a5b",
    "#c0504d",
    "#8064a2",
    "#4bacc6",
    "#9c7a4e",
    "#d16ba5",
    "#7f7f7f",
    "#b5b83a",
)


def colour(i: int) -> str:
    return SERIES_COLOURS[i % len(SERIES_COLOURS)]


def short(label: str, width: int = 34) -> str:
    """A long route or project name cut for an axis, the full name stays in the tooltip and table."""
    return label if len(label) <= width else label[: width - 1] + "…"


def style_plot(plot: pg.PlotItem, *, grid_x: bool = False, grid_y: bool = True, alpha: float = 0.25) -> None:
    """A plot as the app shows them: light grid, dark axes, no pyqtgraph menu or buttons."""
    plot.showGrid(x=grid_x, y=grid_y, alpha=alpha)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.getViewBox().setMouseEnabled(x=False, y=False)
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setPen(pg.mkPen("#555"))
        plot.getAxis(axis).setTextPen(pg.mkPen("#222"))
