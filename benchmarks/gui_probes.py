"""Qt measurements, each in its own child process (``QT_QPA_PLATFORM`` is offscreen unless set).

- ``startup``: from the parent's spawn time to the first paint of the main window
  (the app on its default dataset, or a bare ``QMainWindow`` as the baseline);
- ``edit``: from ``setData`` on an amount cell to the table, the chart and the
  reconciliation updated and the window repainted (events processed);
- ``scroll``: a full repaint of the table viewport at random positions, for the
  app's table model and for two reference models (``DataFrame.iat`` and a numpy
  column per cell, the patterns the issue quotes);
- ``export_events`` / ``open_events``: the longest gap of a 5 ms timer while
  File > Export to Excel, or File > Open, runs in a window (issue 7: the event
  loop is never blocked for more than 50 ms).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Result = dict[str, Any]


def _stats(samples: list[float]) -> Result:
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max": ordered[-1],
        "n": len(ordered),
    }


def startup(kind: str, spawned_at: str) -> Result:
    """Seconds from process spawn (wall clock in the parent) to the window's first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    if kind == "bare":
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.resize(1200, 720)
    else:
        from corridor_app.app import create_window

        window, _error = create_window(None)
    window.show()
    QTimer.singleShot(10_000, app.quit)
    app.exec()
    if not painted:
        raise RuntimeError("the window was never painted")
    return {"seconds": painted[0] - float(spawned_at), "modules": len(sys.modules), "pandas": "pandas" in sys.modules}


def _window(path: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from corridor_app.io.loading.loader import load_workbook
    from corridor_app.session import OpenFile, Session, policy_for
    from corridor_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(Session(load_workbook(path), OpenFile(path, policy_for(path))), load_workbook)
    window.show()
    app.processEvents()
    return app, window


def edit(path: str, count: str = "60") -> Result:
    """Latency of one amount edit until every view shows it."""
    app, window = _window(path)
    book = window.workbook
    model = window.workspace.table_models["contributions"]
    table = book.table("contributions")
    amount = table.keys.index("amount")
    rng = random.Random(1)
    samples = []
    for _ in range(int(count)):
        row = rng.randrange(len(table))
        value = round(rng.uniform(0.1, 30.0), 3)
        start = time.perf_counter()
        if not model.setData(model.index(row, amount), str(value)):
            raise RuntimeError(f"edit refused at row {row}")
        app.processEvents()
        samples.append(time.perf_counter() - start)
        shown = window.workspace.reconciliation.reconciliation
        if shown is None or table.value(row, "amount") != value:
            raise RuntimeError("the edit did not reach the model")
    # The views must agree with a fresh computation after the last edit.
    from corridor_app.model.reconcile import reconcile_totals

    fresh = {r.corridor: r.sum_of_parts for r in reconcile_totals(book)}
    shown = window.workspace.reconciliation.reconciliation
    assert shown is not None and abs(fresh[shown.corridor] - shown.sum_of_parts) < 1e-6, "stale reconciliation"
    assert abs(sum(window.workspace.chart.series.values) - fresh[window.workspace.chart.corridor]) < 1e-6, "stale chart"
    return _stats(samples)


def _reference_models(table):  # type: ignore[no-untyped-def]
    import pandas as pd
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    frame = pd.DataFrame({k: table.column(k) for k in table.keys})
    columns = [table.column(k) for k in table.keys]

    class IatModel(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return len(frame)

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return frame.shape[1]

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(frame.iat[index.row(), index.column()])
            return None

    class NumpyModel(IatModel):
        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(columns[index.column()][index.row()])
            return None

    return {"pandas_iat": IatModel(), "numpy_column": NumpyModel()}


def scroll(path: str, count: str = "40") -> Result:
    """Full viewport repaints at random scroll positions: the app's model and two references."""
    from PySide6.QtWidgets import QTableView

    app, window = _window(path)
    view = window.workspace.table_views["contributions"]
    window.workspace.tabs.setCurrentWidget(view)
    app.processEvents()
    table = window.workbook.table("contributions")
    results: Result = {}
    views = {"ours": view}
    for name, model in _reference_models(table).items():
        ref = QTableView()
        ref.setModel(model)
        ref.resize(view.size())
        ref.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
        ref.show()
        views[name] = ref
    app.processEvents()
    for name, target in views.items():
        rng = random.Random(2)
        bar = target.verticalScrollBar()
        samples = []
        for _ in range(int(count)):
            bar.setValue(rng.randrange(max(1, bar.maximum())))
            app.processEvents()
            start = time.perf_counter()
            target.viewport().repaint()
            samples.append(time.perf_counter() - start)
        results[name] = _stats(samples)
    first = view.rowAt(0), view.rowAt(view.viewport().height() - 1), view.columnAt(view.viewport().width() - 1)
    results["cells_per_viewport"] = (first[1] - first[0] + 1) * (first[2] + 1 if first[2] >= 0 else len(table.keys))
    return results


def export_events(path: str, out: str) -> Result:
    """File > Export to Excel on a loaded window: the longest gap of a 5 ms timer while the report is built."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QFileDialog

    from corridor_app.ui import export_actions
    from corridor_app.ui.export_dialog import ExportOptionsDialog

    app, window = _window(path)
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (out, ""))  # type: ignore[method-assign]
    ExportOptionsDialog.exec = lambda _self: QDialog.DialogCode.Accepted.value  # type: ignore[method-assign]
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    job = export_actions.export_to_excel(window.export_context)
    if job is None:
        raise RuntimeError("the export did not start")
    outcome: list[str] = []
    job.sig_done.connect(lambda kind: (outcome.append(kind), app.quit()))
    started = time.perf_counter()
    app.exec()
    window.session.history.mark_clean()
    if outcome != ["written"]:
        raise RuntimeError(f"the export ended {outcome}")
    result = _stats(gaps)
    result.update(seconds=time.perf_counter() - started, over_50ms=sum(g > 0.05 for g in gaps))
    return result


class _GapTimer:
    """A 5 ms timer that records the gaps between its ticks: how long the event loop was kept away."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.timeout.connect(self._on_tick)
        self.timer.start(5)

    def _on_tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def result(self, seconds: float) -> Result:
        result = _stats(self.gaps)
        result.update(seconds=seconds, over_50ms=sum(g > 0.05 for g in self.gaps))
        return result


def open_events(path: str, settle_ms: str = "500") -> Result:
    """File > Open of ``path`` on a window showing the bundled dataset: the longest gap of a 5 ms timer.

    The window is built as ``app.create_window`` builds it (same loader: the
    isolated child process), the menu action is triggered with the file dialog
    answering a copy of ``path`` in a scratch folder (so no crash journal or
    lock file left beside ``path`` by another run can open a prompt), and the
    timer runs until the window shows the new workbook and for ``settle_ms``
    after, so the first layout and paint of the new views count too.
    ``seconds`` is from the menu action to the new workbook installed. The window is given a second to
    finish starting first (its first chart is built after the first paint).
    """
    import shutil
    import tempfile

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from corridor_app.app import load_for_window
    from corridor_app.bundled import default_dataset
    from corridor_app.io.loading.loader import load_workbook
    from corridor_app.session import Session
    from corridor_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(os.path.join(scratch.name, "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Session(load_workbook(default_dataset())), load_for_window, settings)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.show()
    # Let the window finish starting, as a user's has before they reach for File > Open: its first chart is
    # built (pyqtgraph imported) just after the first paint (issue 14), which would otherwise fall in the gaps.
    settle = QEventLoop()
    QTimer.singleShot(1000, settle.quit)
    settle.exec()
    before = window.workbook
    copy = shutil.copy(path, scratch.name)
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (copy, ""))  # type: ignore[method-assign]
    failures: list[str] = []

    def fail(text: str) -> Any:
        failures.append(text)
        app.quit()

    QMessageBox.warning = staticmethod(lambda _parent, _title, text, *_a, **_k: fail(text))  # type: ignore[method-assign]
    window.safety.ask = lambda prompt: fail(f"unexpected prompt: {prompt}")
    installed: list[float] = []

    def watch() -> None:
        if not installed and window.workbook is not before:
            installed.append(time.perf_counter())
            QTimer.singleShot(int(settle_ms), app.quit)

    watcher = QTimer()
    watcher.timeout.connect(watch)
    watcher.start(1)
    QTimer.singleShot(120_000, app.quit)
    gaps = _GapTimer()
    started = time.perf_counter()
    window.open_action.trigger()
    app.exec()
    gaps.timer.stop()
    if failures or not installed:
        raise RuntimeError(f"the file did not open: {failures or 'timed out'}")
    shown = len(window.workbook.table("contributions"))
    expected = len(load_workbook(path).table("contributions"))
    if shown != expected or window.path != copy:
        raise RuntimeError(f"the window shows {shown} contributions rows, the file has {expected}")
    window.close()
    scratch.cleanup()
    result = gaps.result(installed[0] - started)
    result["rows"] = shown
    return result


def sort_filter(path: str, qt_max_rows: str = "100000") -> Result:
    """Sort by amount, by country, and filter on a word, in the app's view and in a QSortFilterProxyModel.

    Qt's proxy is timed only up to ``qt_max_rows`` rows (at a million rows it takes minutes).
    """
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    app, window = _window(path)
    panel = window.workspace.panels["contributions"]
    keys = window.workbook.table("contributions").keys
    ours = panel.proxy
    qt = QSortFilterProxyModel()
    qt.setSourceModel(panel.model)
    qt.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    qt.setFilterKeyColumn(-1)
    result: Result = {}

    def timed(fn: Any) -> float:
        start = time.perf_counter()
        fn()
        app.processEvents()
        return time.perf_counter() - start

    def filter_ours() -> None:
        ours.setFilterFixedString("kazakh")
        ours.flush()

    def unfilter_ours() -> None:
        ours.setFilterFixedString("")

    result["ours"] = {
        "sort_amount": timed(lambda: ours.sort(keys.index("amount"))),
        "sort_country": timed(lambda: ours.sort(keys.index("country"))),
        "filter": timed(filter_ours),
        "rows_shown": ours.rowCount(),
    }
    timed(unfilter_ours)
    if len(keys) and panel.model.rowCount() <= int(qt_max_rows):
        result["qt_proxy"] = {
            "sort_amount": timed(lambda: qt.sort(keys.index("amount"))),
            "sort_country": timed(lambda: qt.sort(keys.index("country"))),
            "filter": timed(lambda: qt.setFilterFixedString("kazakh")),
            "rows_shown": qt.rowCount(),
        }
    return result


GUI_PROBES = {
    "sort_filter": sort_filter,
    "startup": startup,
    "edit": edit,
    "scroll": scroll,
    "export_events": export_events,
    "open_events": open_events,
}
