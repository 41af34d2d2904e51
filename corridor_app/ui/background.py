"""Long work (loading, exporting) off the GUI thread, with a progress bar and Cancel.

``run_in_background(fn, title, parent)`` runs ``fn(progress, cancelled)`` on a
worker thread and reports through Qt signals, so the window keeps painting and
answering while a million-row file is read. ``fn`` is injectable: the plain
loader, the child-process ``load_workbook_isolated`` or the report export all fit
through a small adapter (``call_plain``). Progress and Cancel appear in the
window's status bar (``ProgressPanel``) only if the work takes longer than
``SHOW_AFTER_MS``, so quick loads do not flash anything.

Cancel stops waiting at once and discards the result: the caller's state (the
current workbook) is left untouched. Work that polls ``cancelled()`` stops early;
work that cannot be interrupted (one calamine call) finishes in the background
and its result is dropped.

Work that must run on the GUI thread (building widgets) goes through
``run_in_steps``: a generator advanced one step per event-loop turn, so the
window paints and answers between steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QWidget

from corridor_app.ui.progress_panel import MAXIMUM, ProgressPanel

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]
SHOW_AFTER_MS = 200
_LIVE: set[QThread] = set()
_LIVE_STEPS: set[StepRunner] = set()


def call_plain(fn: Callable[[], Any]) -> Work:
    """Adapt a function that takes no progress or cancel arguments (e.g. ``lambda: loader(path)``)."""

    def work(_progress: Progress, _cancelled: Cancelled) -> Any:
        return fn()

    return work


class _Worker(QThread):
    """Runs the work once; results travel back as queued signals to the GUI thread."""

    sig_progress = Signal(float, str)
    sig_finished = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._work(self.sig_progress.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.sig_failed.emit(exc)
            return
        self.sig_finished.emit(result)


class BackgroundTask(QObject):
    """One piece of work in flight: emits exactly one of ``finished``, ``failed`` or ``cancelled``."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Work, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._done = False
        self.panel = ProgressPanel(title, parent)
        self.panel.canceled.connect(self.cancel)
        self._worker = _Worker(work, self._cancel)
        self._worker.sig_progress.connect(self._on_progress_changed)
        self._worker.sig_finished.connect(self._on_worker_finished)
        self._worker.sig_failed.connect(self._on_worker_failed)
        # A cancelled worker may outlive its task: keep it referenced until its thread ends.
        _LIVE.add(self._worker)
        self._worker.finished.connect(lambda worker=self._worker: _LIVE.discard(worker))
        # Shown once the work has taken SHOW_AFTER_MS; a busy bar until the work reports a fraction.
        self._reported = False
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._on_show_timer_timeout)
        self._show_timer.start(SHOW_AFTER_MS)

    def start(self) -> BackgroundTask:
        self._worker.start()
        return self

    @property
    def running(self) -> bool:
        return not self._done

    def cancel(self) -> None:
        """Stop waiting; the work is asked to stop and whatever it returns is dropped."""
        if self._done:
            return
        self._cancel.set()
        self._finish()
        self.cancelled.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker thread ends (tests and shutdown only)."""
        return bool(self._worker.wait(msecs))

    def _on_show_timer_timeout(self) -> None:
        if self._done:
            return
        if not self._reported:
            self.panel.setRange(0, 0)
        self.panel.show()

    def _on_progress_changed(self, fraction: float, message: str) -> None:
        if self._done:
            return
        self._reported = True
        if self.panel.maximum() == 0:
            self.panel.setRange(0, MAXIMUM)
        self.panel.setValue(max(0, min(MAXIMUM, int(fraction * MAXIMUM))))
        if message:
            self.panel.setLabelText(message)

    def _on_worker_finished(self, result: object) -> None:
        if self._done:
            return
        self._finish()
        self.finished.emit(result)

    def _on_worker_failed(self, error: object) -> None:
        if self._done:
            return
        self._finish()
        self.failed.emit(error)

    def _finish(self) -> None:
        self._done = True
        self._show_timer.stop()
        self.panel.canceled.disconnect(self.cancel)
        self.panel.close_panel()


def run_in_background(work: Work, progress_title: str, parent: QWidget | None = None) -> BackgroundTask:
    """Start ``work(progress, cancelled)`` on a worker thread; connect to the returned task's signals."""
    return BackgroundTask(work, progress_title, parent).start()


class StepRunner(QObject):
    """Advances a generator one step per event-loop turn; emits ``finished`` after the last step.

    A step that raises stops the runner and the error propagates to Qt's handler.
    """

    finished = Signal()

    def __init__(self, steps: Iterator[object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = steps
        self._timer = QTimer(self)
        # Single shot, started again once a step has ended: a repeating timer is due again by the end of a
        # long step and ran two steps back to back before a timer already waiting (a 5 ms timer saw two 26 ms
        # steps in a row). Started after the step, with 1 ms to go, it queues behind whatever is due.
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._on_timeout)
        self._running = False

    def start(self) -> StepRunner:
        _LIVE_STEPS.add(self)  # a runner without a parent must not be collected while it runs
        self._running = True
        self._timer.start()
        return self

    @property
    def running(self) -> bool:
        return self._running

    def stop(self) -> None:
        """Abandon the remaining steps (``finished`` is not emitted)."""
        self._end()
        close = getattr(self._steps, "close", None)
        if close is not None:
            close()

    def finish_now(self) -> None:
        """Run the remaining steps at once, then emit ``finished`` (a caller that needs the result now)."""
        if not self._running:
            return
        self._timer.stop()
        try:
            for _ in self._steps:
                pass
        finally:
            self._end()
        self.finished.emit()

    def _end(self) -> None:
        self._running = False
        self._timer.stop()
        _LIVE_STEPS.discard(self)

    def _on_timeout(self) -> None:
        if not self._running:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._end()
            self.finished.emit()
        except BaseException:
            self._end()
            raise
        else:
            if self._running:  # a step may have stopped its own runner
                self._timer.start()


def run_in_steps(steps: Iterator[object], parent: QObject | None = None) -> StepRunner:
    """Start advancing ``steps`` one per event-loop turn; connect to the runner's ``finished``."""
    return StepRunner(steps, parent).start()
