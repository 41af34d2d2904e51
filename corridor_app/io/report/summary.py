"""The Summary sheet: per corridor, amounts by country, shares, sum of parts, published total, residual, verdict.

Numbers are values computed by corridor-app (``model.reconcile``,
``model.series``); the Formula column recomputes them in the spreadsheet. The
contributions chart draws each country in its colour and the residual dashed,
as on screen; the pie draws the shares in the same colours.
"""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from corridor_app.io.report import charts
from corridor_app.io.report.cells import AMOUNT, BOLD, NOTE, PERCENT, TITLE, TOP, TOTAL_BORDER, WRAP, Grid, ref
from corridor_app.io.report.context import ROW_PX, Report
from corridor_app.io.report.summary_ranges import Columns, error_bars, put_ranges, range_text
from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.series import contribution_bars, shares

SUMMARY = "Summary"
SOURCE_COL = 5  # without ranges; with ranges, ``Columns.source``
_SOURCE_WIDTH = 64
_CHART_ROWS = charts.CHART_HEIGHT_PX // ROW_PX + 2


def write_summary(report: Report) -> None:
    report.step(0.02, report.tr(SUMMARY))
    ws = report.sheet(SUMMARY)
    tr = report.tr
    grid = Grid()
    grid.put(1, 1, tr("Investment corridors: contributions and published totals"), TITLE)
    grid.put(2, 1, tr("Numbers are values computed by corridor-app; the Formula column recomputes them."), NOTE)
    cols = Columns.of(report.recs)
    grid.widths.update({1: 34, 2: 14, cols.share: 12, cols.formula: 14, cols.source: _SOURCE_WIDTH})
    if cols.low:
        grid.widths.update({cols.low: 11, cols.high: 11})
    if cols.below:
        grid.widths.update({cols.below: 10, cols.above: 10})
    if not report.recs:
        grid.put(4, 1, tr("The workbook has no contributions."))
    row = 4
    sources = [str(v) if v else "" for v in report.workbook.table("contributions").column("source")]
    for i, rec in enumerate(report.recs):
        row = _block(report, ws, grid, rec, row, sources, cols, first=i == 0) + 2
    report.flush(ws, grid)


def _block(
    report: Report,
    ws: Worksheet,
    grid: Grid,
    rec: Reconciliation,
    top: int,
    sources: list[str],
    cols: Columns,
    *,
    first: bool,
) -> int:
    """One corridor's table and charts from row ``top``; returns the last row used."""
    tr = report.tr
    unit = f" ({rec.unit})" if rec.unit else ""
    name = report.corridor_name(rec.corridor)
    grid.put(top, 1, f"{name}{unit}", TITLE)
    grid.header(top + 1, [tr(label) if i != 1 else f"{tr(label)}{unit}" for i, label in enumerate(cols.labels)])
    grid.heights[top + 1] = 30
    bars = contribution_bars(rec)
    share = shares(rec)
    first_row = top + 2
    colours: dict[int, dict[str, object]] = {}
    for i, (label, value, rows) in enumerate(zip(bars.labels, bars.values, bars.rows, strict=True)):
        r = first_row + i
        source = "; ".join(dict.fromkeys(sources[x] for x in rows if sources[x])) or tr("no source")
        grid.put(r, 1, label)
        grid.put(r, 2, value, fmt=AMOUNT)
        grid.note(r, 2, f"{tr('Source')}: {source}")
        key = next(k for k in rec.countries if (k or "(no country)") == label)
        grid.put(r, cols.share, share.get(key), fmt=PERCENT)
        grid.put(r, cols.source, source)
        colours[i] = charts.fill(report.countries.of(label))
    last_country = first_row + len(bars.labels) - 1
    sum_row = last_country + 1
    grid.put(sum_row, 1, tr("Sum of parts"), BOLD)
    grid.put(sum_row, 2, rec.sum_of_parts, BOLD, fmt=AMOUNT)
    if bars.labels:
        grid.put(sum_row, cols.share, 100.0, fmt=PERCENT)
        grid.formula(
            sum_row, cols.formula, f"=SUM({ref(first_row, 2)}:{ref(last_country, 2)})", rec.sum_of_parts, AMOUNT
        )
    grid.put(sum_row, cols.source, tr("computed: sum of the amounts above"))
    for c in range(1, cols.source + 1):
        grid.restyle(sum_row, c, TOTAL_BORDER)
    put_ranges(grid, cols, rec, bars, first_row, sum_row)
    row = chart_last = sum_row
    colours[sum_row - first_row] = charts.fill(charts.SUM)
    if rec.published_total is not None:
        pub, res = sum_row + 1, sum_row + 2
        grid.put(pub, 1, tr("Published total"))
        grid.put(pub, 2, rec.published_total, fmt=AMOUNT)
        grid.put(pub, cols.source, _published_source(report, rec) or tr("no source"))
        grid.put(res, 1, tr("Residual"))
        grid.put(res, 2, rec.residual, fmt=AMOUNT)
        grid.formula(res, cols.formula, f"={ref(sum_row, 2)}-{ref(pub, 2)}", rec.residual, AMOUNT)
        grid.put(res, cols.source, tr("computed: sum of parts minus published total"))
        grid.put(res + 1, 1, tr("Residual %"))
        grid.put(res + 1, 2, rec.residual_pct, fmt=PERCENT)
        grid.put(res + 1, cols.source, tr("computed: residual as a percentage of the published total"))
        if rec.published_total:
            grid.formula(res + 1, cols.formula, f"={ref(res, 2)}/{ref(pub, 2)}*100", rec.residual_pct, PERCENT)
        colours[pub - first_row] = charts.fill(charts.PUBLISHED)
        colours[res - first_row] = charts.fill(charts.RESIDUAL, dashed=True, transparency=50)  # as on screen
        chart_last = res
        row = res + 1
    row += 1
    grid.put(row, 1, tr("Verdict"), BOLD)
    verdict = tr(rec.verdict)
    if rec.published_total is not None:
        verdict += " " + tr("(tolerance {pct} % of the published total)", pct=f"{report.options.tolerance_pct:g}")
    grid.put(row, 2, verdict, BOLD)
    if cols.low and rec.published_total is not None:
        row += 1
        grid.put(row, 1, tr("Within the ranges"), BOLD)
        grid.put(row, 2, range_text(tr, rec), BOLD)
    for ex in rec.excluded:
        row += 1
        grid.put(row, 1, tr("Not counted: {country}", country=ex.country or tr("(no country)")))
        grid.put(row, 2, ex.amount, fmt=AMOUNT)
        grid.put(row, cols.source, ex.reason)
    for r in range(first_row, row + 1):  # long sources wrap; the row's other cells align to its top
        for c in range(1, cols.source + 1):
            grid.restyle(r, c, WRAP if c == cols.source else TOP)
        # Spreadsheet programs do not all re-fit row heights on opening, so size wrapped rows here.
        cell = grid.cells.get((r, cols.source))
        lines = math.ceil(len(str(cell.value or "")) / (_SOURCE_WIDTH * 1.1)) if cell else 1
        if lines > 1:
            grid.heights[r] = 15 * lines
    if not bars.labels:
        return row

    block = charts.Block(report.tr(SUMMARY), top + 1, first_row, chart_last, 1)
    contributions = charts.bars(
        report.book,
        block,
        [2],
        [charts.PART],
        title=tr("Contributions by country: {corridor}", corridor=name),
        value_title=rec.unit or tr("Amount"),
        category_title=tr("Country, sum of parts, published total and residual"),
        point_colours=colours,
        error_bars=error_bars(report.tr(SUMMARY), cols, first_row, chart_last) if cols.below else None,
    )
    contributions.set_size({"width": 530, "height": charts.CHART_HEIGHT_PX})  # under columns A:D
    pie_block = charts.Block(report.tr(SUMMARY), top + 1, first_row, last_country, 1)
    pie = charts.pie(
        report.book,
        pie_block,
        cols.share,
        [report.countries.of(label) for label in bars.labels],
        title=tr("Share of the sum of parts: {corridor}", corridor=name),
    )
    # Charts below the table (the Source column's long text runs to the right), the
    # contributions under the table's first columns and the shares under Source;
    # pictures of the on-screen charts, when given, under the native ones.
    charts_top = row + 2
    suffix = "" if first else f":{rec.corridor}"
    pictured = any(f"{key}{suffix}" in report.images for key in ("contributions", "shares"))
    report.chart(ws, contributions, charts_top, 1, f"contributions{suffix}", below=True)
    report.chart(ws, pie, charts_top, cols.source, f"shares{suffix}", below=True)
    return charts_top + _CHART_ROWS * (2 if pictured else 1)


def _published_source(report: Report, rec: Reconciliation) -> str:
    if rec.totals_row is None:
        return ""
    return str(report.workbook.table("totals").value(rec.totals_row, "source") or "")
