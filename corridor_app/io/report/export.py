"""Export the corridor workbook as the report the analyst sends: an .xlsx with native charts.

Sheets: Summary (per corridor: amounts by country, shares, sum of parts as a
number with a SUM formula beside it, published total, residual, verdict, and
charts), Scenario summary (when scenarios are given), the data sheets
(Contributions, Totals, Targets with pacing, Projects) and Sources. Numbers are
written as numbers because openpyxl stores no cached formula results: a reader
other than Excel would see an empty cell where only a formula is. Every chart
series references the cells holding the numbers, which come from the same model
functions as the on-screen charts.

The file is written atomically (``io.atomic``); ``progress(fraction, message)``
is called as the work advances and ``cancelled()`` is polled so the window can
run this in a worker thread and stop it, leaving the previous report intact.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from typing import BinaryIO

from openpyxl import Workbook as XlsxWorkbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from corridor_app.io.errors import ExportCancelled
from corridor_app.io.report.cells import (
    AMOUNT,
    BOLD,
    NOTE,
    PERCENT,
    TITLE,
    TOP,
    TOTAL_BORDER,
    WRAP,
    PngImage,
    header_row,
    put,
    put_formula,
    ref,
    set_widths,
)
from corridor_app.io.report.charts import COLUMN_PX, PUBLISHED, RESIDUAL, SUM, bar_chart, pie_chart
from corridor_app.io.report.sheets import (
    figures,
    write_progress,
    write_scenarios,
    write_sources,
    write_table,
    write_targets,
)
from corridor_app.io.saving.atomic import atomic_write
from corridor_app.model.comparison import compare_scenarios
from corridor_app.model.pacing import DEFAULT_START_YEAR, target_pacing
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, Reconciliation, reconcile_totals
from corridor_app.model.series import contribution_bars, shares
from corridor_app.model.workbook import Workbook

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
Scenarios = Mapping[str, Mapping[str, float]]

SUMMARY, SCENARIOS, TARGETS_PROGRESS, SOURCES = "Summary", "Scenario summary", "Targets progress", "Sources"
CHART_KEYS = ("contributions", "shares", "scenarios", "deltas", "targets")
_IMAGE_HEIGHT_PX = 283  # the native charts' 7.5 cm at 96 dpi
_CHART_ROWS = 16  # rows of default height a 7.5 cm chart covers, plus a spacer
_SOURCE_COL = 5
_SOURCE_WIDTH = 64


def export_report(
    workbook: Workbook,
    path: str | os.PathLike[str],
    scenarios: Scenarios | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    images: Mapping[str, bytes] | None = None,
    *,
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT,
    scenario_corridor: str | None = None,
) -> None:
    """Write the report to ``path`` atomically.

    Parameters
    ----------
    scenarios
        ``{scenario name: {country: amount}}`` for ``scenario_corridor`` (by
        default the first corridor with contributions); adds the Scenario
        summary sheet with its comparison and delta charts.
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
        An image is not a PNG, or a scenario is named like the current column.
    """
    target = os.fspath(path)

    def step(fraction: float, message: str) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(target)
        if progress is not None:
            progress(min(max(fraction, 0.0), 1.0), message)

    def write(fh: BinaryIO) -> None:
        out = build_report(workbook, scenarios, images, step, tolerance_pct, scenario_corridor)
        try:
            step(0.9, "Writing the file")
            out.save(fh)
            step(1.0, "Done")
        finally:
            _release_cells(out)

    atomic_write(path, write)


def build_report(
    workbook: Workbook,
    scenarios: Scenarios | None = None,
    images: Mapping[str, bytes] | None = None,
    step: Progress | None = None,
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT,
    scenario_corridor: str | None = None,
) -> XlsxWorkbook:
    """The report as an openpyxl workbook, not yet saved (``export_report`` saves it)."""
    report = _noop if step is None else step
    images = dict(images or {})
    recs = reconcile_totals(workbook, tolerance_pct)
    out = XlsxWorkbook()
    summary = out.active
    summary.title = SUMMARY
    report(0.02, "Summary")
    _write_summary(summary, workbook, recs, images, tolerance_pct)

    with_parts = [r for r in recs if r.countries]
    chosen = [r for r in with_parts if scenario_corridor is None or r.corridor == scenario_corridor]
    if scenarios and chosen:
        report(0.08, "Scenario summary")
        comparison = compare_scenarios(chosen[0], scenarios)
        ws = out.create_sheet(SCENARIOS)
        for key, (row, col) in write_scenarios(ws, comparison).items():
            _place_image(ws, images.pop(key, None), row, col)

    total_rows = sum(len(t) for t in workbook.tables.values()) or 1
    done = 0
    for key in ("contributions", "totals", "targets", "projects"):
        table = workbook.table(key)
        if key == "projects" and not len(table):
            continue
        ws = out.create_sheet(table.spec.label)
        start = done

        def tick(n: int, start: int = start, label: str = table.spec.label) -> None:
            report(0.1 + 0.7 * (start + n) / total_rows, f"{label}: row {n:,}")

        tick(0)
        if key == "targets":
            pacing = target_pacing(workbook, DEFAULT_START_YEAR)
            write_targets(ws, table, pacing, tick)
            if len(table):
                progress_ws = out.create_sheet(TARGETS_PROGRESS)
                beside = write_progress(progress_ws, pacing)
                if beside is not None:
                    _place_image(progress_ws, images.pop("targets", None), *beside)
        else:
            write_table(ws, table, tick)
        done += len(table)

    report(0.82, "Sources")
    write_sources(out.create_sheet(SOURCES), figures(workbook, recs, SUMMARY))
    for ws in out.worksheets:
        _print_setup(ws)
    return out


def _release_cells(out: XlsxWorkbook) -> None:
    """Drop the report's cells now rather than at the next full garbage collection.

    Each openpyxl cell points back at its sheet, so the cells only go when the
    cycle collector scans them; with a large report that scan holds the GIL
    for hundreds of milliseconds and stalls the window's thread (issue 7).
    Emptying the sheets' cell maps frees the cells by reference counting.
    """
    for ws in out.worksheets:
        ws._cells.clear()


def _print_setup(ws: Worksheet) -> None:
    """Landscape, as wide as one page: the report is printed and turned into PDF too."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _noop(fraction: float, message: str) -> None:
    """No progress to report."""


def _write_summary(
    ws: Worksheet, workbook: Workbook, recs: list[Reconciliation], images: dict[str, bytes], tolerance_pct: float
) -> None:
    put(ws, 1, 1, "Investment corridors: contributions and published totals", font=TITLE)
    put(
        ws,
        2,
        1,
        "Numbers are values computed by corridor-app; the Formula column recomputes them in the spreadsheet.",
        font=NOTE,
    )
    set_widths(ws, {1: 34, 2: 14, 3: 12, 4: 14, _SOURCE_COL: _SOURCE_WIDTH})
    if not recs:
        put(ws, 4, 1, "The workbook has no contributions.")
    row = 4
    for i, rec in enumerate(recs):
        row = _summary_block(ws, workbook, rec, row, images, first=i == 0, tolerance_pct=tolerance_pct) + 2


def _summary_block(
    ws: Worksheet,
    workbook: Workbook,
    rec: Reconciliation,
    top: int,
    images: dict[str, bytes],
    *,
    first: bool,
    tolerance_pct: float,
) -> int:
    """One corridor's table and charts from row ``top``; returns the last row used."""
    unit = f" ({rec.unit})" if rec.unit else ""
    put(ws, top, 1, f"{rec.corridor or '(no corridor)'}{unit}", font=TITLE)
    header_row(ws, top + 1, ["Country", f"Amount{unit}", "Share of sum of parts", "Formula", "Source"])
    ws.row_dimensions[top + 1].height = 30
    bars = contribution_bars(rec)
    share = shares(rec)
    sources = _contribution_sources(workbook)
    first_row = top + 2
    for i, (label, value, rows) in enumerate(zip(bars.labels, bars.values, bars.rows, strict=True)):
        r = first_row + i
        source = "; ".join(dict.fromkeys(sources[x] for x in rows if sources[x])) or "no source"
        put(ws, r, 1, label)
        put(ws, r, 2, value, fmt=AMOUNT, comment=f"Source: {source}")
        key = next(k for k in rec.countries if (k or "(no country)") == label)
        put(ws, r, 3, share.get(key), fmt=PERCENT)
        put(ws, r, _SOURCE_COL, source)
    last_country = first_row + len(bars.labels) - 1
    sum_row = last_country + 1
    put(ws, sum_row, 1, "Sum of parts", font=BOLD)
    put(ws, sum_row, 2, rec.sum_of_parts, fmt=AMOUNT, font=BOLD)
    if bars.labels:
        put(ws, sum_row, 3, 100.0, fmt=PERCENT)
        put_formula(ws, sum_row, 4, f"=SUM({ref(first_row, 2)}:{ref(last_country, 2)})", AMOUNT)
    put(ws, sum_row, _SOURCE_COL, "computed: sum of the amounts above")
    for c in range(1, 6):
        ws.cell(row=sum_row, column=c).border = TOTAL_BORDER
    row = sum_row
    chart_last = sum_row
    colours = {sum_row - first_row: SUM}
    if rec.published_total is not None:
        pub, res = sum_row + 1, sum_row + 2
        put(ws, pub, 1, "Published total")
        put(ws, pub, 2, rec.published_total, fmt=AMOUNT)
        put(ws, pub, _SOURCE_COL, _published_source(workbook, rec) or "no source")
        put(ws, res, 1, "Residual")
        put(ws, res, 2, rec.residual, fmt=AMOUNT)
        put_formula(ws, res, 4, f"={ref(sum_row, 2)}-{ref(pub, 2)}", AMOUNT)
        put(ws, res, _SOURCE_COL, "computed: sum of parts minus published total")
        put(ws, res + 1, 1, "Residual %")
        put(ws, res + 1, 2, rec.residual_pct, fmt=PERCENT)
        put(ws, res + 1, _SOURCE_COL, "computed: residual as a percentage of the published total")
        if rec.published_total:
            put_formula(ws, res + 1, 4, f"={ref(res, 2)}/{ref(pub, 2)}*100", PERCENT)
        colours.update({pub - first_row: PUBLISHED, res - first_row: RESIDUAL})
        chart_last = res
        row = res + 1
    row += 1
    put(ws, row, 1, "Verdict", font=BOLD)
    verdict = rec.verdict
    if rec.published_total is not None:
        verdict += f" (tolerance {tolerance_pct:g} % of the published total)"
    put(ws, row, 2, verdict, font=BOLD)
    for ex in rec.excluded:
        row += 1
        put(ws, row, 1, f"Not counted: {ex.country or '(no country)'}")
        put(ws, row, 2, ex.amount, fmt=AMOUNT)
        put(ws, row, _SOURCE_COL, ex.reason)
    for r in range(first_row, row + 1):  # long sources wrap; the row's other cells align to its top
        for c in range(1, _SOURCE_COL + 1):
            ws.cell(row=r, column=c).alignment = WRAP if c == _SOURCE_COL else TOP
        # Spreadsheet programs do not all re-fit row heights on opening, so size wrapped rows here.
        lines = math.ceil(len(str(ws.cell(row=r, column=_SOURCE_COL).value or "")) / (_SOURCE_WIDTH * 1.1))
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines
    if not bars.labels:
        return row

    key = "contributions" if first else f"contributions:{rec.corridor}"
    contributions = bar_chart(
        ws,
        title=f"Contributions by country: {rec.corridor or '(no corridor)'}",
        category_col=1,
        value_cols=[2],
        header_row=top + 1,
        first_row=first_row,
        last_row=chart_last,
        value_title=rec.unit or "Amount",
        category_title="Country, sum of parts, published total and residual",
        fmt=AMOUNT,
        axis_fmt="#,##0",
        point_colours=colours,
    )
    pie = pie_chart(
        ws,
        title=f"Share of the sum of parts: {rec.corridor or '(no corridor)'}",
        category_col=1,
        value_col=3,
        header_row=top + 1,
        first_row=first_row,
        last_row=last_country,
    )
    # Charts below the table (the Source column's long text runs to the right), the
    # contributions under the table's first columns and the shares under Source;
    # pictures of the on-screen charts, when given, under the native ones.
    charts_top = row + 2
    contributions.width = 14.0  # under columns A:D, the pie under Source
    ws.add_chart(contributions, f"A{charts_top}")
    ws.add_chart(pie, f"{get_column_letter(_SOURCE_COL)}{charts_top}")
    pictures = [
        (images.pop(key, None), 1),
        (images.pop("shares" if first else f"shares:{rec.corridor}", None), _SOURCE_COL),
    ]
    if not any(png for png, _ in pictures):
        return charts_top + _CHART_ROWS
    for png, col in pictures:
        _place_image(ws, png, charts_top + _CHART_ROWS, col)
    return charts_top + 2 * _CHART_ROWS


def _place_image(ws: Worksheet, png: bytes | None, row: int, col: int) -> int:
    """Put an on-screen chart's PNG at ``col``/``row``; returns the next free column."""
    if png is None:
        return col
    image = PngImage(png, height_px=_IMAGE_HEIGHT_PX)
    ws.add_image(image, f"{get_column_letter(col)}{row}")
    return col + int(image.width) // COLUMN_PX + 1


def _contribution_sources(workbook: Workbook) -> list[str]:
    table = workbook.table("contributions")
    return [str(v) if v else "" for v in table.column("source")]


def _published_source(workbook: Workbook, rec: Reconciliation) -> str:
    if rec.totals_row is None:
        return ""
    return str(workbook.table("totals").value(rec.totals_row, "source") or "")
