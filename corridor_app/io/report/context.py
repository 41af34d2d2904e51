"""What every sheet writer of the report shares: the output book, the options, the words, the colours.

A sheet writer is a function ``write_x(report: Report) -> None`` listed in
``export.SECTIONS``; it adds its sheet with ``report.sheet(title)``, gathers
small tables in a ``Grid`` (``report.flush`` writes it) and adds charts with
``report.chart``, which also places the on-screen picture of the same key
when the user asked for pictures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook as XlsxBook
from xlsxwriter.worksheet import Worksheet

from corridor_app.io.report.cells import Grid, Styles, png_size
from corridor_app.io.report.charts import CHART_HEIGHT_PX, COLUMN_PX, Colours
from corridor_app.io.report.labels import Labels
from corridor_app.io.report.options import ReportOptions
from corridor_app.io.report.rows import RowSheet
from corridor_app.model.reconcile import Reconciliation, reconcile_totals
from corridor_app.model.series import contribution_bars
from corridor_app.model.workbook import Workbook

Progress = Callable[[float, str], None]
ROW_PX = 20  # a row of default height


@dataclass
class Report:
    """One report being written. ``images`` are PNG bytes by chart key; each is used once."""

    book: XlsxBook
    workbook: Workbook
    options: ReportOptions
    images: dict[str, bytes]
    step: Progress
    tr: Labels = field(init=False)
    styles: Styles = field(init=False)
    recs: list[Reconciliation] = field(init=False)
    countries: Colours = field(init=False)
    scenarios: Colours = field(init=False)
    corridors: Colours = field(init=False)
    modes: Colours = field(init=False)
    # The Progress sheet's first row of official figures (0: none written), for the Sources sheet.
    progress_first_row: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.tr = Labels(self.options.lang)
        self.styles = Styles(self.book)
        self.recs = reconcile_totals(self.workbook, self.options.tolerance_pct)
        first = contribution_bars(self.recs[0]).labels if self.recs else ()
        self.countries = Colours(first)  # the first corridor's countries, largest first, take the first colours
        self.scenarios = Colours()
        self.corridors = Colours([self.corridor_name(r.corridor) for r in self.recs])
        self.modes = Colours()

    def sheet(self, title: str) -> RowSheet:
        """A new sheet, set up to print landscape on A4, one page wide."""
        ws: RowSheet = self.book.add_worksheet(self.tr(title), worksheet_class=RowSheet)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        return ws

    def flush(self, ws: Worksheet, grid: Grid) -> None:
        grid.flush(ws, self.styles)

    def chart(
        self, ws: Worksheet, chart: Chart, row: int, col: int, key: str | None = None, below: bool = False
    ) -> None:
        """Insert ``chart`` at the 1-based cell; the picture of ``key``, if given, beside it (or below it)."""
        ws.insert_chart(row - 1, col - 1, chart)
        if key is None:
            return
        if below:
            self.picture(ws, key, row + int(chart.height) // ROW_PX + 1, col)
        else:
            self.picture(ws, key, row, col + int(chart.width) // COLUMN_PX + 1)

    def picture(self, ws: Worksheet, key: str, row: int, col: int) -> None:
        """Place the on-screen chart's PNG of ``key`` (when one was given) at the 1-based cell, as tall as a chart."""
        png = self.images.pop(key, None)
        if png is None:
            return
        _, height = png_size(png)
        scale = CHART_HEIGHT_PX / height if height else 1.0
        ws.insert_image(
            row - 1,
            col - 1,
            f"{key.replace(':', '_')}.png",
            {"image_data": BytesIO(png), "x_scale": scale, "y_scale": scale, "object_position": 3},
        )

    def corridor_name(self, corridor: str) -> str:
        return corridor or self.tr("(no corridor)")
