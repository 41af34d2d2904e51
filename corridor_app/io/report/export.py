"""Export the corridor workbook as the report the analyst sends: an .xlsx with native charts.

Sheets, in order (``SECTIONS``): Summary (per corridor: amounts by country,
shares, sum of parts with a SUM formula beside it, published total, residual,
verdict, and charts), Scenario summary (every scenario unless the options say
otherwise), Corridors compared (two or more corridors), Projects by route, the
data sheets (Contributions, Totals, Targets with pacing, Targets progress,
Progress with the verdict and a line chart per target, Projects) and Sources.
Every chart series references the cells holding the numbers, which come from
the same model functions as the on-screen charts.

The file is written with XlsxWriter in ``constant_memory`` mode (rows streamed
to disk; the writer chosen by measurement, docs/PERFORMANCE.md) and moved into
place atomically (``io.saving.atomic``); ``progress(fraction, message)`` is
called as the work advances and ``cancelled()`` is polled so the window can
stop it, leaving the previous report intact.

To add a sheet: write ``def write_x(report: Report) -> None`` (see
``context.Report``; ``money_sheets.write_project_costs`` is a short example)
and put it in ``SECTIONS`` where the sheet belongs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from typing import BinaryIO

from xlsxwriter.workbook import Workbook as XlsxBook

from corridor_app.io.errors import ExportCancelled
from corridor_app.io.report.cells import png_size
from corridor_app.io.report.context import Report
from corridor_app.io.report.money_sheets import write_corridors, write_project_costs
from corridor_app.io.report.options import ReportOptions
from corridor_app.io.report.scenario_sheet import write_scenarios
from corridor_app.io.report.sheets import write_data_sheets, write_sources
from corridor_app.io.report.summary import write_summary
from corridor_app.io.saving.atomic import atomic_write
from corridor_app.model.workbook import Workbook

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
Section = Callable[[Report], None]

SECTIONS: tuple[Section, ...] = (
    write_summary,
    write_scenarios,
    write_corridors,
    write_project_costs,
    write_data_sheets,
    write_sources,
)
CHART_KEYS = (
    "contributions",
    "shares",
    "scenarios",
    "deltas",
    "waterfall",
    "tornado",
    "targets",
    "projects",
    "corridors",
)


def export_report(
    workbook: Workbook,
    path: str | os.PathLike[str],
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    images: Mapping[str, bytes] | None = None,
) -> None:
    """Write the report to ``path`` atomically.

    Parameters
    ----------
    options
        What goes in (``ReportOptions``; the defaults are the CLI's and the window's).
    progress
        Called with a fraction in [0, 1] and a short message.
    cancelled
        Polled between steps; returning True stops the export with
        ``ExportCancelled`` and the file at ``path`` is left as it was.
    images
        PNG bytes of on-screen charts by chart key (``CHART_KEYS``; for a
        corridor other than the first, ``"contributions:NAME"``), each placed
        next to the native chart of the same key.

    Raises
    ------
    SaveError
        The file could not be written; the previous file is unchanged.
    ExportCancelled
        ``cancelled()`` returned True; the previous file is unchanged.
    ValueError
        An image is not a PNG.
    """
    target = os.fspath(path)
    options = options or ReportOptions()
    pictures = dict(images or {})
    for png in pictures.values():
        png_size(png)  # a bad picture fails before anything is written

    def step(fraction: float, message: str) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(target)
        if progress is not None:
            progress(min(max(fraction, 0.0), 1.0), message)

    def write(fh: BinaryIO) -> None:
        # constant_memory streams each sheet's rows to a temporary file: keep them in a private
        # folder that goes away whatever happens (a cancel or an error leaves nothing behind).
        with tempfile.TemporaryDirectory(prefix="corridor-report-") as scratch:
            book = XlsxBook(fh, {"constant_memory": True, "tmpdir": scratch})
            try:
                report = Report(book, workbook, options, pictures, step)
                for section in SECTIONS:
                    section(report)
                step(0.9, report.tr("Writing the file"))
            except BaseException:
                for ws in book.worksheets():
                    ws._opt_close()  # the scratch files must be closed before their folder goes
                book.fileclosed = True  # nothing to write: older XlsxWriters close unclosed books when collected
                raise
            book.close()
            step(1.0, report.tr("Done"))

    atomic_write(path, write)
