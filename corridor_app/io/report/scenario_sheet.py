"""The Scenario summary sheet: the baseline and each scenario side by side, the change, the waterfall, the tornado.

The numbers are the screen's: ``model.scenarios.scenario_totals`` (the
baseline is "Baseline"; a country a scenario leaves out is written
"excluded", never 0), ``delta_waterfall`` and ``sensitivity``, for the
scenario selected on screen (``ReportOptions.focus_scenario``).
"""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from corridor_app.io.report import charts
from corridor_app.io.report.cells import AMOUNT, BOLD, EXCLUDED, NOTE, PERCENT, TITLE, TOTAL_BORDER, Grid, col_letter
from corridor_app.io.report.context import ROW_PX, Report
from corridor_app.model.scenarios import ScenarioColumn, delta_waterfall, scenario_totals, sensitivity

SCENARIOS = "Scenario summary"
_CHART_ROWS = charts.CHART_HEIGHT_PX // ROW_PX + 2


def write_scenarios(report: Report) -> None:
    """The sheet, when the report compares at least one scenario."""
    names = report.options.chosen_scenarios(report.workbook)
    corridor = report.options.scenario_corridor(report.workbook)
    if not names or corridor is None:
        return
    report.step(0.06, report.tr(SCENARIOS))
    tr = report.tr
    columns = scenario_totals(report.workbook, corridor, names, report.recs)
    ws = report.sheet(SCENARIOS)
    sheet = tr(SCENARIOS)
    grid = Grid()
    base = columns[0]
    unit = f" ({base.unit})" if base.unit else ""
    titles = [tr(c.name) if c.baseline else c.name for c in columns]
    colours = [report.scenarios.of(c.name) for c in columns]
    countries = list(base.countries)
    labels = [c or tr("(no country)") for c in countries]
    ncol = len(columns)

    grid.put(1, 1, f"{tr(SCENARIOS)}: {report.corridor_name(corridor)}{unit}", TITLE)
    grid.put(2, 1, tr("Amounts by country; “excluded”: the scenario leaves the country out, so it adds nothing."), NOTE)
    grid.header(4, ["", *titles])
    lines = max((math.ceil(len(t) / 15) for t in titles), default=1)  # names wrap in 16-wide columns
    grid.heights[4] = 15 * max(lines, 2)
    grid.put(5, 1, tr("Changing cells: amount by country"), BOLD)
    first = 6
    for i, (country, label) in enumerate(zip(countries, labels, strict=True)):
        grid.put(first + i, 1, label)
        for j, column in enumerate(columns, start=2):
            value = column.countries[country]
            if (
                value is None
                and not column.baseline
                and country in base.countries
                and base.countries[country] is not None
            ):
                grid.put(first + i, j, tr("excluded"), EXCLUDED)
            else:
                grid.put(first + i, j, value, fmt=AMOUNT)
    last = first + len(countries) - 1
    row = last + 1
    grid.put(row, 1, tr("Result cells"), BOLD)
    results: list[tuple[str, list[float | None], str]] = [
        (tr("Sum of parts"), [c.total for c in columns], AMOUNT),
        (tr("Published total"), [c.published_total for c in columns], AMOUNT),
        (tr("Residual (sum of parts - published)"), [c.residual for c in columns], AMOUNT),
        (tr("Residual (% of published)"), [c.residual_pct for c in columns], PERCENT),
        (tr("Change against the baseline"), [c.delta for c in columns], AMOUNT),
        (tr("Change against the baseline (%)"), [c.delta_pct for c in columns], PERCENT),
    ]
    if any(_ranged(c) for c in columns):  # issue 18: the ranges carried through each scenario's adjustments
        results[1:1] = [
            (tr("Sum of parts, low"), [c.total_low for c in columns], AMOUNT),
            (tr("Sum of parts, high"), [c.total_high for c in columns], AMOUNT),
        ]
    sum_row = row + 1
    for label, values, fmt in results:
        row += 1
        grid.put(row, 1, label)
        for j, v in enumerate(values, start=2):
            grid.put(row, j, v, fmt=fmt)
    row += 1
    grid.put(row, 1, tr("Sum of parts (formula)"), NOTE)
    for j, column in enumerate(columns, start=2):
        letter = col_letter(j)
        grid.formula(row, j, f"=SUM({letter}{first}:{letter}{last})", column.total, AMOUNT)
    for j in range(1, ncol + 2):
        grid.restyle(sum_row, j, TOTAL_BORDER)
    grid.widths.update({1: 36, **{j: 16 for j in range(2, max(ncol, 6) + 2)}})
    anchor = max(ncol + 3, 9)
    axis = f"{tr('Amount')}{unit}"
    grouped = charts.bars(
        report.book,
        charts.Block(sheet, 4, first, last, 1),
        list(range(2, ncol + 2)),
        colours,
        title=tr("Amount by country and scenario"),
        value_title=axis,
        category_title=tr("Country"),
        data_labels=len(countries) * ncol <= 12,  # more labels than that overlap
    )
    report.chart(ws, grouped, 1, anchor, "scenarios")

    # The change against the baseline, scenario by scenario.
    top = max(row + 2, 1 + _CHART_ROWS)
    grid.put(top, 1, tr("Change against the baseline"), BOLD)
    grid.header(top + 1, ["", *titles[1:]])
    grid.heights[top + 1] = grid.heights[4]
    d_first = top + 2
    for i, (country, label) in enumerate(zip(countries, labels, strict=True)):
        grid.put(d_first + i, 1, label)
        for j, column in enumerate(columns[1:], start=2):
            grid.put(d_first + i, j, column.country_delta[country], fmt=AMOUNT)
    d_last = d_first + len(countries) - 1
    grid.put(d_last + 1, 1, tr("Sum of parts"))
    for j, column in enumerate(columns[1:], start=2):
        grid.put(d_last + 1, j, column.delta, fmt=AMOUNT)
    delta = charts.bars(
        report.book,
        charts.Block(sheet, top + 1, d_first, d_last, 1),
        list(range(2, ncol + 1)),
        colours[1:],
        title=tr("Change against the baseline"),
        value_title=f"{tr('Change')}{unit}",
        fmt="+#,##0.00;-#,##0.00;;",  # no label on a country a scenario leaves as it is
        axis_fmt="#,##0.0",
        horizontal=True,
    )
    report.chart(ws, delta, top, anchor, "deltas")

    focus = next((c for c in columns[1:] if c.name == report.options.focus_scenario), columns[1])
    top = _waterfall(report, ws, grid, focus, base, max(d_last + 3, top + _CHART_ROWS), anchor, unit)
    _tornado(report, ws, grid, corridor, focus, top, anchor, unit)
    ws.freeze_panes(4, 1)
    report.flush(ws, grid)


def _waterfall(
    report: Report,
    ws: Worksheet,
    grid: Grid,
    focus: ScenarioColumn,
    base: ScenarioColumn,
    top: int,
    anchor: int,
    unit: str,
) -> int:
    """The baseline-to-scenario table and its waterfall chart from row ``top``; returns the next block's top."""
    tr = report.tr
    steps = delta_waterfall(focus, base)
    grid.put(top, 1, tr("From the baseline to {scenario}", scenario=focus.name), BOLD)
    header = [tr("Step"), tr("Base (not drawn)"), tr("Increase"), tr("Decrease"), tr("Total"), tr("Level after")]
    grid.header(top + 1, header)
    grid.heights[top + 1] = 30
    first = top + 2
    for i, s in enumerate(steps):
        r = first + i
        label = tr(s.label) if i == 0 else s.label
        grid.put(r, 1, label or tr("(no country)"))
        change = s.end - s.start
        values = (
            0.0 if s.total else min(s.start, s.end),
            0.0 if s.total or change <= 0 else change,
            0.0 if s.total or change >= 0 else -change,
            s.end if s.total else 0.0,
            s.end,
        )
        for j, v in enumerate(values, start=2):
            grid.put(r, j, round(v, 9), fmt=AMOUNT)
    last = first + len(steps) - 1
    chart = charts.waterfall(
        report.book,
        charts.Block(report.tr(SCENARIOS), top + 1, first, last, 1),
        2,
        title=tr("Baseline to {scenario}: {delta}", scenario=focus.name, delta=f"{focus.delta:+,.2f}"),
        value_title=f"{tr('Amount')}{unit}",
        category_title=tr("Baseline, each country's change, scenario total"),
    )
    report.chart(ws, chart, top, anchor, "waterfall")
    return max(last + 3, top + _CHART_ROWS)


def _tornado(
    report: Report, ws: Worksheet, grid: Grid, corridor: str, focus: ScenarioColumn, top: int, anchor: int, unit: str
) -> None:
    tr = report.tr
    pct = report.options.sensitivity_pct
    result = sensitivity(report.workbook, corridor, pct, focus.name)
    if not result.bars:
        return
    p = f"{pct:g}"
    grid.put(top, 1, tr("Sensitivity of the total: each country alone moves by ±{pct} %", pct=p), BOLD)
    header = [tr("Country"), tr("Amount"), tr("Total at -{pct} %", pct=p), tr("Total at +{pct} %", pct=p)]
    header += [tr("Effect of -{pct} %", pct=p), tr("Effect of +{pct} %", pct=p)]
    grid.header(top + 1, header)
    grid.heights[top + 1] = 30
    first = top + 2
    for i, bar in enumerate(result.bars):
        r = first + i
        grid.put(r, 1, bar.country or tr("(no country)"))
        values = (
            bar.amount,
            bar.low_total,
            bar.high_total,
            bar.low_total - result.total,
            bar.high_total - result.total,
        )
        for j, v in enumerate(values, start=2):
            grid.put(r, j, round(v, 9), fmt=AMOUNT)
    last = first + len(result.bars) - 1
    grid.put(last + 1, 1, tr("Total of {scenario}", scenario=focus.name), BOLD)
    grid.put(last + 1, 2, result.total, BOLD, fmt=AMOUNT)
    chart = charts.tornado(
        report.book,
        charts.Block(report.tr(SCENARIOS), top + 1, first, last, 1),
        5,
        6,
        title=tr(
            "{scenario}: total {total} when one country moves ±{pct} %",
            scenario=focus.name,
            total=f"{result.total:,.2f}",
            pct=p,
        ),
        value_title=f"{tr('Change in the total')}{unit}",
    )
    report.chart(ws, chart, top, anchor, "tornado")


def _ranged(column: ScenarioColumn) -> bool:
    """Does the column's sum of parts have a range (a low or a high apart from the total)?"""
    return any(b is not None and abs(b - column.total) > 1e-12 for b in (column.total_low, column.total_high))
