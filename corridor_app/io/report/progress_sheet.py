"""The Progress sheet (issue 16 item 6): each target judged on its official figures, and a line chart per target.

Top: the verdict on every target (``model.progress.target_progress``, behind
first as on the pacing page): measure, baseline, goal, latest figure, the pace
seen so far, the value projected for the target year, the year the goal is
reached at that pace, the status and how it was found. Then the observations
with their sources, as the Progress table holds them. Then, per target with
figures, the yearly cells a native line chart reads (``model.progress.
yearly_rows``): the official figure (the running total for a cumulative
target), the required path (dashed), the projection (dotted) and the goal,
as on screen.
"""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from corridor_app.io.report import charts
from corridor_app.io.report.cells import BOLD, HEADER, NOTE, NUMBER, TITLE, TOP, WRAP, YEAR, Grid
from corridor_app.io.report.context import ROW_PX, Report
from corridor_app.model.progress import Verdict, sorted_by_status, target_progress, yearly_rows

PROGRESS = "Progress"
STATUS_COLOURS = {"behind": "#C0392B", "on track": "#2E8B57", "reached": "#3B6EA8", "no data": "#7F7F7F"}
FIGURE, REQUIRED, PROJECTION, GOAL = "#3B6EA8", "#7F7F7F", "#E08A2E", "#C0392B"  # the screen's progress chart
_LABEL_WIDTH = 44
_CHART_COL = 7  # the chart of a target sits right of its yearly cells
_CHART_HEIGHT = charts.CHART_HEIGHT_PX
_CHART_ROWS = _CHART_HEIGHT // ROW_PX + 1
OBSERVATION_KEYS = ("target", "country", "year", "value", "unit", "source", "note")  # column 4: the value
_SOURCE_COL, _NOTE_COL = 6, 11  # the observations' source spans columns 6-10, the note 11 to the last
_SPAN_CHARS = {"source": 5 * 11, "note": 4 * 11 + 60}  # characters a line of each span holds


def write_target_progress(report: Report) -> None:
    """The Progress sheet, when the workbook has a target with a value and a target year."""
    verdicts = sorted_by_status(target_progress(report.workbook, report.options.start_year))
    if not verdicts:
        return
    tr = report.tr
    ws = report.sheet(PROGRESS)
    grid = Grid()
    grid.put(1, 1, tr("Targets over time: the official figures and the verdict"), TITLE)
    grid.put(2, 1, tr("Pace: least-squares trend of the figures (level) or mean yearly flow (cumulative)."), NOTE)
    # Status and measure in Russian ("нет данных", "накопленный итог") and units like "train pairs/day" need more.
    grid.widths.update({1: _LABEL_WIDTH, 2: 12, 3: 16, 4: 14, 5: 11, 6: 11})
    row = _verdicts(report, grid, verdicts, 4) + 2
    row = _observations(report, grid, row) + 2
    for verdict in verdicts:
        if verdict.actual:
            row = _target_block(report, ws, grid, verdict, row) + 2
    ws.freeze_panes(0, 1)
    report.flush(ws, grid)


_VERDICT_COLUMNS = (
    "Target",
    "Status",
    "Measure",
    "Unit",
    "Baseline",
    "Baseline year",
    "Goal",
    "Target year",
    "Latest figure",
    "Latest year",
    "Pace seen (a year)",
    "Pace needed (a year)",
    "Projected in target year",
    "Goal reached in (at that pace)",
    "How it was judged",
)


def _verdicts(report: Report, grid: Grid, verdicts: list[Verdict], top: int) -> int:
    """One row per target, behind first; returns the last row used."""
    tr = report.tr
    grid.put(top, 1, tr("Verdict per target (behind first)"), BOLD)
    grid.header(top + 1, [tr(c) for c in _VERDICT_COLUMNS])
    grid.heights[top + 1] = 60  # "Goal reached in (at that pace)" wraps to four lines
    for c in range(7, len(_VERDICT_COLUMNS)):
        grid.widths[c] = 11
    grid.widths[len(_VERDICT_COLUMNS)] = 60
    for i, v in enumerate(verdicts):
        r = top + 2 + i
        latest = v.latest
        grid.put(r, 1, v.label, WRAP)
        grid.put(r, 2, tr(v.status), {"bold": True, "font_color": STATUS_COLOURS[v.status], "valign": "top"})
        values: list[tuple[object, str | None]] = [
            (tr(v.measure), None),
            (v.unit, None),
            (v.baseline, NUMBER),
            (v.baseline_year, YEAR),
            (v.goal, NUMBER),
            (v.target_year, YEAR),
            (None if latest is None else latest[1], NUMBER),
            (None if latest is None else latest[0], YEAR),
            (v.pace, NUMBER),
            (v.required_pace, NUMBER),
            (v.projected, NUMBER),
            (
                v.reach_year
                if v.reach_year is not None
                else (tr("never at this pace") if v.pace is not None else None),
                YEAR,
            ),
            (v.basis, None),
        ]
        for col, (value, fmt) in enumerate(values, start=3):
            grid.put(r, col, value, WRAP if col == len(_VERDICT_COLUMNS) else TOP, fmt=fmt)
        lines = max(len(v.label) // (_LABEL_WIDTH - 4), len(v.basis) // 60) + 1
        if lines > 1:  # not every program re-fits wrapped rows on opening
            grid.heights[r] = 15 * lines
    return top + 1 + len(verdicts)


def _observations(report: Report, grid: Grid, top: int) -> int:
    """The official figures as the Progress table holds them, each with its source; returns the last row used."""
    tr = report.tr
    table = report.workbook.table("progress")
    grid.put(top, 1, tr("Official figures and their sources"), BOLD)
    if not len(table):
        grid.put(top + 1, 1, tr("No official figures yet: only the pacing applies."), NOTE)
        return top + 1
    keys = OBSERVATION_KEYS
    # Source and note are long (addresses, how a figure was checked): each spans several columns and wraps.
    spans = {"source": (_SOURCE_COL, _NOTE_COL - 1), "note": (_NOTE_COL, len(_VERDICT_COLUMNS))}
    at = {k: spans[k][0] if k in spans else i for i, k in enumerate(keys, start=1)}
    for key in keys:
        grid.put(top + 1, at[key], tr(table.label(key)), HEADER)
        if key in spans:
            grid.merge(top + 1, *spans[key])
    report.progress_first_row = top + 2
    for i in range(len(table)):
        r = top + 2 + i
        lines = 1
        for key in keys:
            value = table.value(i, key)
            fmt = YEAR if key == "year" else NUMBER if key == "value" else None
            if key == "source" and not value:
                value = tr("no source")
            grid.put(r, at[key], value, WRAP if key in spans else TOP, fmt=fmt)
            if key in spans:
                grid.merge(r, *spans[key])
                chars = _SPAN_CHARS[key]
                lines = max(lines, math.ceil(len(str(value or "")) / chars))
        if lines > 1:  # not every program re-fits wrapped rows on opening
            grid.heights[r] = 15 * lines
    return top + 1 + len(table)


def _target_block(report: Report, ws: Worksheet, grid: Grid, v: Verdict, top: int) -> int:
    """A target's yearly cells and its line chart beside them; returns the last row used."""
    tr = report.tr
    unit = f" ({v.unit})" if v.unit else ""
    grid.put(top, 1, f"{v.label}{unit}: {tr(v.status)}", BOLD)
    header = top + 1
    figure = tr("Running total") if v.measure == "cumulative" else tr("Official figure")
    grid.header(header, [tr("Year"), figure, tr("Required path"), tr("Projection"), tr("Goal")])
    grid.heights[header] = 30
    rows = yearly_rows(v)
    first = header + 1
    for i, (year, actual, needed, projected) in enumerate(rows):
        r = first + i
        grid.put(r, 1, year, {"align": "left"}, fmt=YEAR)
        for col, value in ((2, actual), (3, needed), (4, projected)):
            grid.put(r, col, value, fmt=NUMBER)
        if year == v.target_year:
            grid.put(r, 5, v.goal, fmt=NUMBER)
    last = first + len(rows) - 1
    block = charts.Block(tr(PROGRESS), header, first, last, 1)
    chart = charts.progress_lines(
        report.book,
        block,
        ((2, FIGURE, "solid"), (3, REQUIRED, "dash"), (4, PROJECTION, "round_dot"), (5, GOAL, "none")),
        title=v.label,
        value_title=v.unit or tr("Value"),
        value_min=_axis_floor(v, rows),
    )
    report.chart(ws, chart, top, _CHART_COL)
    return max(last, top + _CHART_ROWS)


def _axis_floor(v: Verdict, rows: list[tuple[int, float | None, float | None, float | None]]) -> float | None:
    """Where a level target's value axis starts: near its lowest value when zero would flatten the lines.

    A cumulative target starts from zero (its running total does), so keeps the axis at zero.
    """
    values = [x for row in rows for x in row[1:] if x is not None] + [v.goal]
    low, high = min(values), max(values)
    span = high - low
    if v.measure == "cumulative" or low <= 0 or low <= 2 * span:
        return None
    step = 10 ** math.floor(math.log10(span)) if span > 0 else 10 ** math.floor(math.log10(low))
    return float(math.floor((low - 0.1 * span) / step) * step)
