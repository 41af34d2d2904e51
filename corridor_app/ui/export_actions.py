"""File > Export to Excel… and File > Export chart…: the window side of the report (issues 5 and 7).

Export to Excel asks for a file, then for the options (``ExportOptionsDialog``),
then runs ``io.report.export_report`` in a child process (``io.report_process``: openpyxl's
millions of objects never hold the window's interpreter), watched from a worker thread with
progress and Cancel (``ui.background``).

The worker never reads the live workbook: it writes a **snapshot**
(``model.snapshot``), copied on the GUI thread a few columns per event so that a
million-row table never holds the event loop for more than a few milliseconds,
then pickled for the child on the GUI thread too, a piece per event
(``io.report_process.ExportJob``): pickling on the worker thread held the
interpreter the window needs for every Python call of a repaint, and froze it
for 0.3 s at a million rows. The worker only encodes pictures, writes bytes and
waits, which all leave the interpreter free. The user is not blocked: edits made
after the snapshot are simply not in the report. Pictures of the on-screen
charts, when asked for, are painted on the GUI thread (widgets must not be
touched from another thread), one chart per event, before the worker starts.

Cancel leaves the previous report byte for byte (the report is written to a
temporary file and moved into place). The status bar reports only once the
worker has really stopped, so a cancel that came too late to stop the final
move is reported as a written report, not as a cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QPushButton, QStatusBar, QWidget

from corridor_app.io.errors import ExportCancelled, SaveError
from corridor_app.io.report.options import LANGUAGES, ReportOptions
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.scenarios import scenario_names
from corridor_app.model.snapshot import SnapshotBuilder
from corridor_app.session import Session
from corridor_app.ui.background import BackgroundTask, Cancelled, Progress, call_plain, run_in_background
from corridor_app.ui.charts.area import ChartArea
from corridor_app.ui.charts.picture import FORMATS, chart_image, plot_widgets, png_bytes, render_chart, write_chart
from corridor_app.ui.export_dialog import ExportOptionsDialog
from corridor_app.ui.i18n import running_language

if TYPE_CHECKING:
    from corridor_app.io.report.process import ExportJob

PICTURES_KEY = "export/pictures"
LANG_KEY = "export/lang"
FOLDER_KEY = "export/folder"
OPEN_FOLDER = "openReportFolder"
Outcome = tuple[str, object]  # ("written" | "cancelled" | "failed", the error or None)


@dataclass(frozen=True)
class ExportContext:
    """What an export needs of the window: the session, settings, a parent for dialogs, the status bar, the charts."""

    session: Session
    settings: QSettings
    parent: QWidget
    status_bar: QStatusBar
    charts: Callable[[], ChartArea | None]

    @property
    def path(self) -> str | None:
        return self.session.file.path


def add_export_actions(context: ExportContext, menu: QMenu) -> tuple[QAction, QAction]:
    """Add Export to Excel… (Ctrl+E) and Export chart… to ``menu``; return both actions."""
    window = context.parent
    menu.addSeparator()
    excel = QAction(QCoreApplication.translate("Export", "&Export to Excel…"), window)
    excel.setShortcut(QKeySequence("Ctrl+E"))
    excel.setStatusTip(
        QCoreApplication.translate("Export", "Write the report: summary, scenarios, tables and native Excel charts")
    )
    excel.triggered.connect(lambda: export_to_excel(context))
    chart = QAction(QCoreApplication.translate("Export", "Export &Chart…"), window)
    chart.setStatusTip(QCoreApplication.translate("Export", "Save the chart of the current chart tab as PNG or SVG"))
    chart.triggered.connect(lambda: export_chart(context))
    menu.addAction(excel)
    menu.addAction(chart)
    return excel, chart


def _start_folder(window: ExportContext) -> Path:
    remembered = window.settings.value(FOLDER_KEY)
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return Path(window.path).parent if window.path else Path.home()


def _report_language(settings: QSettings) -> str:
    """The report's language: the one chosen for the last report, else the interface's (issue 19)."""
    stored = str(settings.value(LANG_KEY, ""))
    if stored in LANGUAGES:
        return stored
    return running_language() if running_language() in LANGUAGES else "en"


def _stem(window: ExportContext) -> str:
    return Path(window.path).stem if window.path else "corridors"


def export_to_excel(window: ExportContext) -> ReportExport | None:
    """Ask for the report's file and options, then start the export; None when the user backs out."""
    if any(job.running for job in window.parent.findChildren(ReportExport)):
        window.status_bar.showMessage(QCoreApplication.translate("Export", "An export is already running"), 5000)
        return None
    suggested = str(
        _start_folder(window) / QCoreApplication.translate("Export", "{name} report.xlsx").format(name=_stem(window))
    )
    path, _ = QFileDialog.getSaveFileName(
        window.parent,
        QCoreApplication.translate("Export", "Export to Excel"),
        suggested,
        QCoreApplication.translate("Export", "Excel workbook (*.xlsx)"),
    )
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    if window.path and Path(path).resolve() == Path(window.path).resolve():
        QMessageBox.warning(
            window.parent,
            QCoreApplication.translate("Export", "Export to Excel"),
            QCoreApplication.translate("Export", "That is the workbook itself. Choose another name for the report."),
        )
        return None
    corridor = window.session.view.corridor
    pictures = str(window.settings.value(PICTURES_KEY, "false")).lower() == "true"
    view = window.session.view
    defaults = ReportOptions(
        lang=_report_language(window.settings),
        focus_scenario=view.scenario or None,
        display=view.display,
        tolerance_pct=view.tolerance,
        start_year=view.pacing_start_year,
    )
    names = scenario_names(window.session.workbook)
    dialog = ExportOptionsDialog(path, corridor, names, pictures, window.parent, defaults=defaults)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    window.settings.setValue(PICTURES_KEY, options.pictures)
    window.settings.setValue(LANG_KEY, options.lang)
    return ReportExport(window, path, corridor, options, all_scenarios=len(dialog.scenario_boxes)).start()


class _Relay(QObject):
    """Carries the worker's real outcome to the GUI thread (a queued signal), even after a cancel."""

    sig_outcome = Signal(object)


class ReportExport(QObject):
    """One export: snapshot and pictures on the GUI thread in short steps, then the worker.

    ``sig_started`` carries the ``BackgroundTask`` once the worker runs;
    ``sig_done`` carries "written", "cancelled" or "failed" after the window
    has said so.
    """

    sig_started = Signal(object)
    sig_done = Signal(str)

    def __init__(
        self, window: ExportContext, path: str, corridor: str, options: ReportOptions, all_scenarios: int = 0
    ) -> None:
        super().__init__(window.parent)
        self._window = window
        self.path = path
        self._corridor = corridor
        self._options = options
        self._existed = Path(path).exists()
        self._builder = SnapshotBuilder(window.session.workbook)
        self._job: ExportJob | None = None  # the snapshot, pickled for the child a piece per event
        # The on-screen scenario chart shows every scenario: a picture of it fits only when all are exported.
        chosen = options.chosen_scenarios(window.session.workbook)
        self._pictures = self._picture_steps(chosen, len(chosen) == all_scenarios) if options.pictures else []
        self.images: dict[str, QImage] = {}  # painted here, encoded as PNG by the worker
        self.task: BackgroundTask | None = None
        self.outcome: str | None = None
        self._cancel_pressed = False
        self._relay = _Relay(self)
        self._relay.sig_outcome.connect(self._on_outcome)

    @property
    def running(self) -> bool:
        return self.outcome is None

    def _picture_steps(self, chosen: list[str], every_scenario: bool) -> list[tuple[str, QWidget]]:
        """Report image keys and the widgets to paint (the keys of io/report/export.CHART_KEYS); the report
        names a corridor other than its first."""
        area = self._window.charts()
        if area is None:
            return []
        recs = reconcile_totals(self._window.session.workbook)
        first = recs[0].corridor if recs else ""
        suffix = "" if self._corridor == first else f":{self._corridor}"
        steps: list[tuple[str, QWidget]] = [
            (f"contributions{suffix}", area.chart),
            (f"shares{suffix}", area.shares_chart),
            ("targets", area.pacing_panel.chart),
            ("projects", area.projects_chart.plot),
        ]
        if chosen:
            scenarios = area.scenario_charts
            steps += [("waterfall", scenarios.waterfall), ("tornado", scenarios.tornado_plot)]
            if every_scenario:  # the on-screen grouped chart shows every scenario
                steps.append(("scenarios", scenarios.grouped))
        if len(self._window.session.workbook.corridors()) >= 2:
            steps.append(("corridors", area.comparison_chart.plot))
        return steps

    def start(self) -> ReportExport:
        self._window.status_bar.showMessage(
            QCoreApplication.translate("Export", "Preparing the export of {name}…").format(name=Path(self.path).name)
        )
        QTimer.singleShot(0, self, self._prepare)
        return self

    def stop(self, wait_ms: int = 30_000) -> None:
        """Stop the export and wait for its worker (the window is closing); the previous file stays as it was."""
        if self.outcome is not None:
            return
        if self.task is None:  # still preparing on the GUI thread: nothing has been started
            self.outcome = "cancelled"
            return
        self.task.cancel()
        self.task.wait(wait_ms)

    def _prepare(self) -> None:
        """One short step per event: a chart picture, a few columns of the snapshot, or a piece of the job."""
        if self.outcome is not None:  # stopped meanwhile
            return
        if self._pictures:
            key, widget = self._pictures.pop(0)
            self.images[key] = chart_image(widget)
        elif not self._builder.done:
            self._builder.step()
        elif self._job is None:
            from corridor_app.io.report.process import ExportJob  # XlsxWriter and the report: not at start-up

            self._job = ExportJob(self._builder.finish(), self.path, replace(self._options, corridor=self._corridor))
        elif not self._job.done:
            self._job.step()
        else:
            self._launch(self._job)
            return
        QTimer.singleShot(0, self, self._prepare)

    def _launch(self, job: ExportJob) -> None:
        work = _export_work(job, dict(self.images), self._relay)
        self.task = run_in_background(
            work,
            QCoreApplication.translate("Export", "Exporting {name}…").format(name=Path(self.path).name),
            self._window.parent,
        )
        self.task.cancelled.connect(self._on_cancel_pressed)
        self.sig_started.emit(self.task)

    def _on_cancel_pressed(self) -> None:
        if self.outcome is not None:  # the worker had already reported; nothing left to cancel
            return
        self._cancel_pressed = True
        self._window.status_bar.showMessage(QCoreApplication.translate("Export", "Cancelling the export…"))

    def _on_outcome(self, outcome: Outcome) -> None:
        kind, error = outcome
        name = Path(self.path).name
        bar = self._window.status_bar
        if kind == "written":
            late = (
                QCoreApplication.translate("Export", "The export had finished before the cancel. ")
                if self._cancel_pressed
                else ""
            )
            bar.showMessage(late + _written().format(name=name), 20_000)
            _show_open_folder(bar, str(Path(self.path).resolve().parent))
            self._window.settings.setValue(FOLDER_KEY, str(Path(self.path).resolve().parent))
        elif kind == "cancelled":
            if self._existed:
                bar.showMessage(
                    QCoreApplication.translate("Export", "Export cancelled; the previous file is unchanged"), 10_000
                )
            else:
                bar.showMessage(QCoreApplication.translate("Export", "Export cancelled; no file was written"), 10_000)
        else:
            if isinstance(error, SaveError):
                text = str(error)
            else:
                text = QCoreApplication.translate(
                    "Export", "{name}: the report could not be written ({error}); nothing was changed"
                ).format(name=name, error=f"{type(error).__name__}: {error}")
            bar.showMessage(QCoreApplication.translate("Export", "Export failed: {name}").format(name=name), 10_000)
            QMessageBox.critical(self._window.parent, QCoreApplication.translate("Export", "Cannot export"), text)
        self.outcome = kind
        self.sig_done.emit(kind)


def _export_work(job: ExportJob, images: dict[str, QImage], relay: _Relay) -> Callable[[Progress, Cancelled], Outcome]:
    """The worker's job: encode the pictures, write the job and wait for the child; the outcome goes to ``relay``.

    Nothing here holds the interpreter for long (PNG encoding and file writes are C++ and system calls that
    release it), so the window keeps its Python calls while the worker runs.
    """

    def work(progress: Progress, cancelled: Cancelled) -> Outcome:
        outcome: Outcome
        try:
            pictures = {key: png_bytes(image) for key, image in images.items()}
            job.run(progress, cancelled, pictures or None)
            outcome = ("written", None)
        except ExportCancelled:
            outcome = ("cancelled", None)
        except Exception as exc:  # noqa: BLE001 - shown to the user as a message, never a traceback
            outcome = ("failed", exc)
        relay.sig_outcome.emit(outcome)
        return outcome

    return work


def _written() -> str:
    """The status message of a written report, ``{name}`` to fill (the Open folder button shows beside it)."""
    return QCoreApplication.translate("Export", "Report written: {name}")


def _show_open_folder(bar: QStatusBar, folder: str) -> None:
    """An "Open folder" button beside the status message; it goes when the message does."""
    button = bar.findChild(QPushButton, OPEN_FOLDER)
    if button is None:
        button = QPushButton(QCoreApplication.translate("Export", "Open folder"))
        button.setObjectName(OPEN_FOLDER)
        button.setFlat(True)
        button.setToolTip(QCoreApplication.translate("Export", "Open the folder of the report in the file manager"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(button.property("folder")))))
        bar.addPermanentWidget(button)
        bar.messageChanged.connect(lambda text: button.setVisible(text.startswith(_written().split("{name}")[0])))
    button.setProperty("folder", folder)
    button.setVisible(True)


def export_chart(window: ExportContext) -> BackgroundTask | None:
    """Save the current chart tab as PNG or SVG (by the file's suffix); None when nothing is started.

    The chart is painted here; encoding and writing the file run on a worker,
    since a PNG at twice the screen size takes longer to encode than the event
    loop may be held.
    """
    area = window.charts()
    if area is None:
        return None
    widget = area.currentWidget()
    title = area.tabText(area.currentIndex())
    if widget is None or not plot_widgets(widget):
        window.status_bar.showMessage(QCoreApplication.translate("Export", "This tab has no chart to export"), 5000)
        return None
    suggested = str(_start_folder(window) / f"{_stem(window)} - {title.lower()}.png")
    labels = {suffix: QCoreApplication.translate("ChartPicture", label) for suffix, label in FORMATS.items()}
    filters = ";;".join(f"{label} (*{suffix})" for suffix, label in labels.items())
    path, chosen_filter = QFileDialog.getSaveFileName(
        window.parent, QCoreApplication.translate("Export", "Export chart"), suggested, filters
    )
    if not path:
        return None
    if Path(path).suffix.lower() not in FORMATS:
        path += ".svg" if chosen_filter.startswith(labels[".svg"]) else ".png"
    chart = render_chart(widget, path, title)
    task = run_in_background(
        call_plain(lambda: write_chart(chart, path)),
        QCoreApplication.translate("Export", "Writing {name}…").format(name=Path(path).name),
        window.parent,
    )
    task.finished.connect(lambda _: _on_chart_written(window, path))
    task.failed.connect(lambda error: _on_chart_failed(window, path, error))
    return task


def _on_chart_written(window: ExportContext, path: str) -> None:
    window.status_bar.showMessage(
        QCoreApplication.translate("Export", "Chart written: {name}").format(name=Path(path).name), 10_000
    )
    window.settings.setValue(FOLDER_KEY, str(Path(path).resolve().parent))


def _on_chart_failed(window: ExportContext, path: str, error: object) -> None:
    if isinstance(error, SaveError):
        text = str(error)
    else:
        text = QCoreApplication.translate("Export", "{name}: the chart could not be written ({error})").format(
            name=Path(path).name, error=f"{type(error).__name__}: {error}"
        )
    QMessageBox.critical(window.parent, QCoreApplication.translate("Export", "Cannot export chart"), text)
