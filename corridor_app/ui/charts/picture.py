"""On-screen charts as PNG or SVG: for File > Export chart… and the pictures placed in the Excel report.

Painting happens on the GUI thread (``chart_image``, ``chart_svg``,
``render_chart``); PNG encoding and writing may run on a worker
(``png_bytes``, ``write_chart``).

Each chart's graphics scene is painted straight into a ``QImage`` or a
``QSvgGenerator`` (vector paths and text), not through pyqtgraph's
``SVGExporter``: in pyqtgraph 0.14 with Qt 6.11 that exporter fails on the
path data Qt now writes (pyqtgraph issue #3485). Items that cache their
drawing as a pixmap (the axes) are painted uncached for the export, or the SVG
would hold pictures of the axes instead of lines and text.

A tab holding several plots (Scenarios: grouped bars, waterfall, tornado) is
exported as those plots where they sit in the tab; the controls around them
(spin boxes, tables, labels) are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPoint,
    QRect,
    QRectF,
    Qt,
)
from PySide6.QtGui import QImage, QPaintDevice, QPainter
from PySide6.QtWidgets import QGraphicsItem, QWidget

from corridor_app.io.saving.atomic import atomic_write

if TYPE_CHECKING:  # pyqtgraph and QtSvg load with the first chart or export, not with the window's menu
    import pyqtgraph as pg

# Labels for the Save dialog's filters: pass them through QCoreApplication.translate("ChartPicture", label).
FORMATS = {
    ".png": QT_TRANSLATE_NOOP("ChartPicture", "PNG image"),
    ".svg": QT_TRANSLATE_NOOP("ChartPicture", "SVG drawing"),
}
PNG_SCALE = 2.0  # pictures at twice the screen size stay sharp in Excel and when printed


def plot_widgets(widget: QWidget) -> list[pg.PlotWidget]:
    """The plots a chart tab shows: the widget itself, or the plots inside a composite tab."""
    import pyqtgraph as pg

    if isinstance(widget, pg.PlotWidget):
        return [widget]
    return [w for w in widget.findChildren(pg.PlotWidget) if not w.isHidden()]


def _layout(widget: QWidget) -> tuple[QRect, list[tuple[pg.PlotWidget, QRect]]]:
    """The plots' rectangles relative to their union's top-left corner, and that union."""
    plots = plot_widgets(widget)
    if not plots:
        raise ValueError(QCoreApplication.translate("ChartPicture", "this tab has no chart to export"))
    rects = [(p, QRect(p.mapTo(widget, QPoint(0, 0)) if p is not widget else QPoint(0, 0), p.size())) for p in plots]
    union = QRect(rects[0][1])
    for _, rect in rects[1:]:
        union = union.united(rect)
    return QRect(QPoint(0, 0), union.size()), [(p, r.translated(-union.topLeft())) for p, r in rects]


def _paint(painter: QPainter, plots: list[tuple[pg.PlotWidget, QRect]]) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for plot, rect in plots:
        scene = plot.scene()
        cached = {}
        for item in scene.items():
            if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
                cached[item] = item.cacheMode()
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            viewport = plot.viewport().rect()
            source = plot.mapToScene(viewport).boundingRect()
            target = QRectF(rect.topLeft(), viewport.size())
            painter.fillRect(target, plot.backgroundBrush())
            scene.render(painter, target, source)
        finally:
            for item, mode in cached.items():
                item.setCacheMode(mode)


def chart_image(widget: QWidget, scale: float = PNG_SCALE) -> QImage:
    """The chart(s) of ``widget`` painted into an image; GUI thread only (it paints widgets).

    Encoding the image as PNG takes longer than painting it (40-60 ms at twice
    the screen size), so that is left to ``png_bytes`` on a worker thread.
    """
    size, plots = _layout(widget)
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    _paint_into(image, plots, scale)
    return image


def chart_svg(widget: QWidget, title: str = "") -> bytes:
    """SVG bytes (vector paths and text) of the chart(s) of ``widget``; GUI thread only."""
    size, plots = _layout(widget)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    # pyqtgraph replays bars recorded at screen resolution; at the SVG's default 72 dpi they would be scaled.
    generator.setResolution(widget.logicalDpiX())
    generator.setSize(size.size())
    generator.setViewBox(size)
    generator.setTitle(title or "corridor_app chart")
    _paint_into(generator, plots)
    buffer.close()
    return bytes(buffer.data().data())


def _paint_into(device: QPaintDevice, plots: list[tuple[pg.PlotWidget, QRect]], scale: float = 1.0) -> None:
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        _paint(painter, plots)
    finally:
        painter.end()


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG; safe on a worker thread (QImage is not tied to the GUI thread)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_chart(widget: QWidget, path: str, title: str = "") -> QImage | bytes:
    """What ``write_chart`` will write to ``path``: an image for .png, SVG bytes for .svg; GUI thread only.

    Raises
    ------
    ValueError
        The suffix is neither .png nor .svg, or the tab has no chart.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        message = QCoreApplication.translate("ChartPicture", "{name}: charts are exported as .png or .svg")
        raise ValueError(message.format(name=Path(path).name))
    return chart_svg(widget, title) if suffix == ".svg" else chart_image(widget)


def write_chart(chart: QImage | bytes, path: str) -> None:
    """Encode (PNG) and write a rendered chart atomically; any thread.

    Raises
    ------
    SaveError
        The file could not be written; a previous file is unchanged.
    """
    data = png_bytes(chart) if isinstance(chart, QImage) else chart
    atomic_write(path, lambda fh: fh.write(data))
