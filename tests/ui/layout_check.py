"""What "fits" means on screen (issue 14), shared by the in-process and the device-pixel-ratio-2 checks.

A chart fits when its plot (title, axes, legend) lies inside the view's visible area; a widget fits
when it lies inside its parent. Scroll areas' contents are exempt: scrolling them is their purpose.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabWidget, QWidget


def chart_overflows(root: QWidget) -> list[str]:
    """Each visible chart whose items reach past its view, with both sizes."""
    found = []
    for view in root.findChildren(pg.GraphicsView):
        if not view.isVisible() or view.centralWidget is None:
            continue
        visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
        items = [view.centralWidget]
        items += [i for i in view.scene().items() if isinstance(i, pg.LegendItem) and i.isVisible()]
        for item in items:
            rect = item.sceneBoundingRect()
            if not visible.contains(rect):
                found.append(
                    f"{type(view).__name__} in {type(view.parentWidget()).__name__}: {type(item).__name__} "
                    f"{rect.width():.0f}x{rect.height():.0f} at ({rect.x():.0f}, {rect.y():.0f}) in a view "
                    f"{visible.width():.0f}x{visible.height():.0f}"
                )
    return found


def _scrolled(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def widget_overflows(root: QWidget) -> list[str]:
    """Each visible widget that reaches past its parent (outside scroll areas' contents)."""
    found = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if parent is None or not widget.isVisible() or widget.isWindow() or _scrolled(widget):
            continue
        if not parent.rect().adjusted(-1, -1, 1, 1).contains(widget.geometry()):
            found.append(
                f"{type(widget).__name__} {widget.geometry().getRect()} in {type(parent).__name__} "
                f"{parent.rect().getRect()}"
            )
    return found


def walk_pages(window: QWidget) -> dict[str, list[str]]:
    """Show every page of every tab widget in turn; what does not fit on each, by page name."""
    app = QApplication.instance()
    problems: dict[str, list[str]] = {}
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            for _ in range(3):  # a chart built on first show settles over a few layout passes
                app.processEvents()
            page = tabs.widget(i)
            found = chart_overflows(page) + widget_overflows(page)
            if found:
                problems[tabs.tabText(i)] = found
    return problems
