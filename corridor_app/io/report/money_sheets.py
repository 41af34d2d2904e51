"""Sheets in one display currency: projects by route stacked by mode, and corridors compared.

The numbers are the screen's: ``model.projects.project_aggregates`` and
``model.corridors.corridor_comparison``, converted through the FX sheet. A
figure without a rate is listed beside the table, never summed and never drawn.
"""

from __future__ import annotations

from corridor_app.io.report import charts
from corridor_app.io.report.cells import AMOUNT, BOLD, NOTE, PERCENT, TITLE, TOTAL_BORDER, Grid
from corridor_app.io.report.context import Report
from corridor_app.model.corridors import corridor_comparison
from corridor_app.model.money import ExcludedAmount
from corridor_app.model.projects import project_aggregates

CORRIDORS = "Corridors compared"
PROJECT_COSTS = "Projects by route"


def write_corridors(report: Report) -> None:
    """Country contributions across corridors, each corridor reconciled on its own; only with 2+ corridors."""
    if len(report.recs) < 2:
        return
    report.step(0.07, report.tr(CORRIDORS))
    tr = report.tr
    cmp = corridor_comparison(report.workbook, report.options.display, tolerance_pct=report.options.tolerance_pct)
    ws = report.sheet(CORRIDORS)
    grid = Grid()
    display = str(cmp.display)
    names = [report.corridor_name(c) for c in cmp.corridors]
    grid.put(1, 1, tr("Contributions by country across corridors ({display})", display=display), TITLE)
    grid.put(2, 1, tr("Converted through the FX sheet; a blank cell: no figure for that country there."), NOTE)
    grid.header(4, [tr("Country"), *names])
    grid.heights[4] = 30
    first = 5
    for i, country in enumerate(cmp.countries):
        grid.put(first + i, 1, country or tr("(no country)"))
        for j, corridor in enumerate(cmp.corridors, start=2):
            grid.put(first + i, j, cmp.values[country].get(corridor), fmt=AMOUNT)
    last = first + len(cmp.countries) - 1
    top = last + 2
    grid.put(top, 1, tr("Each corridor against its own published total"), BOLD)
    header = [tr("Corridor"), tr("Unit"), tr("Sum of parts"), tr("Published total"), tr("Residual")]
    header += [tr("Residual %"), tr("Verdict"), tr("Sum of parts ({display})", display=display)]
    header += [tr("Published total ({display})", display=display)]
    grid.header(top + 1, header)
    for i, col in enumerate(cmp.columns):
        rec = col.reconciliation
        r = top + 2 + i
        values: list[tuple[object, str | None]] = [
            (report.corridor_name(rec.corridor), None),
            (rec.unit, None),
            (rec.sum_of_parts, AMOUNT),
            (rec.published_total, AMOUNT),
            (rec.residual, AMOUNT),
            (rec.residual_pct, PERCENT),
            (tr(rec.verdict), None),
            (col.sum_of_parts, AMOUNT),
            (col.published_total, AMOUNT),
        ]
        for j, (value, fmt) in enumerate(values, start=1):
            grid.put(r, j, value, fmt=fmt)
    _excluded(report, grid, top + 3 + len(cmp.columns), cmp.excluded)
    grid.widths.update({1: 28, **{j: 15 for j in range(2, max(len(names), 9) + 2)}, 7: 20})
    if cmp.countries:
        chart = charts.bars(
            report.book,
            charts.Block(tr(CORRIDORS), 4, first, last, 1),
            list(range(2, len(names) + 2)),
            [report.corridors.of(n) for n in names],
            title=tr("Contributions by country across corridors ({display})", display=display),
            value_title=display,
            category_title=tr("Country"),
            data_labels=len(cmp.countries) * len(names) <= 24,
        )
        report.chart(ws, chart, 1, max(len(names) + 3, 11), "corridors")
    ws.freeze_panes(4, 1)
    report.flush(ws, grid)


def write_project_costs(report: Report) -> None:
    """Project costs by route, stacked by mode, in the display currency; what could not be counted listed below."""
    if not len(report.workbook.table("projects")):
        return
    report.step(0.08, report.tr(PROJECT_COSTS))
    tr = report.tr
    agg = project_aggregates(report.workbook, report.options.display)
    series = agg.stacked("route", "mode")
    ws = report.sheet(PROJECT_COSTS)
    grid = Grid()
    display = str(agg.display)
    grid.put(1, 1, tr("Project costs by route and mode ({display})", display=display), TITLE)
    grid.put(2, 1, tr("Converted through the FX sheet; costs without a rate are listed below, in no total."), NOTE)
    modes = [m if m != "(no mode)" else tr("(no mode)") for m in series.stacks]
    if not agg.items:  # nothing to add up: say so rather than show a total of 0
        grid.put(4, 1, tr("No project cost could be converted to {display}.", display=display), BOLD)
        total_row = 4
    else:
        grid.header(4, [tr("Route"), *modes, tr("Total")])
        grid.heights[4] = 15 * max(2, *(len(m) // 13 + 1 for m in modes))  # mode names wrap in 14-wide columns
    first = 5
    for i, route in enumerate(series.categories):
        grid.put(first + i, 1, tr(route) if route == "(no route)" else route)
        for j, values in enumerate(series.values, start=2):
            grid.put(first + i, j, values[i], fmt=AMOUNT)
        grid.put(first + i, len(modes) + 2, series.totals[i], BOLD, fmt=AMOUNT)
    last = first + len(series.categories) - 1
    if agg.items:
        total_row = last + 1
        grid.put(total_row, 1, tr("Converted: {n} projects", n=len(agg.items)), BOLD)
        for j, values in enumerate(series.values, start=2):
            grid.put(total_row, j, round(sum(values), 9), fmt=AMOUNT)
        grid.put(total_row, len(modes) + 2, agg.total, BOLD, fmt=AMOUNT)
        for j in range(1, len(modes) + 3):
            grid.restyle(total_row, j, TOTAL_BORDER)
    row = _excluded(report, grid, total_row + 2, agg.excluded)
    if agg.not_costed:
        grid.put(row, 1, tr("No cost given ({n})", n=len(agg.not_costed)), BOLD)
        for i, (_, project) in enumerate(agg.not_costed, start=1):
            grid.put(row + i, 1, project)
    grid.widths.update({1: 40, 2: 24, **{j: 14 for j in range(3, max(len(modes), 5) + 3)}})
    if series.categories:
        chart = charts.bars(
            report.book,
            charts.Block(tr(PROJECT_COSTS), 4, first, last, 1),
            list(range(2, len(modes) + 2)),
            [report.modes.of(m) for m in series.stacks],
            title=tr("Project costs by route, stacked by mode ({display})", display=display),
            value_title=display,
            horizontal=True,
            stacked=True,
            data_labels=len(series.categories) * len(modes) <= 30,
        )
        chart.set_size({"width": 760, "height": max(charts.CHART_HEIGHT_PX, 40 + 28 * len(series.categories))})
        report.chart(ws, chart, 1, len(modes) + 4, "projects")
    ws.freeze_panes(4, 1)
    report.flush(ws, grid)


def _excluded(report: Report, grid: Grid, row: int, excluded: tuple[ExcludedAmount, ...]) -> int:
    """List amounts that could not be converted (never summed); returns the next free row."""
    if not excluded:
        return row
    tr = report.tr
    grid.put(row, 1, tr("Not converted, in no total ({n})", n=len(excluded)), BOLD)
    grid.header(row + 1, [tr("Corridor"), tr("Project"), tr("Country"), tr("Amount"), tr("Unit"), tr("Reason")])
    for i, e in enumerate(excluded, start=row + 2):
        values = (report.corridor_name(e.corridor), e.project or "", e.country or "", e.amount, e.unit or e.currency)
        for j, value in enumerate(values, start=1):
            grid.put(i, j, value, fmt=AMOUNT)
        grid.put(i, 6, e.reason)
    return row + len(excluded) + 3
