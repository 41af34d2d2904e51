"""The data sheets of the Excel report: the tables, Targets with pacing, Targets progress, Sources.

The tables stream row by row (they can hold a million rows); progress is
reported and Cancel is checked every ``ROWS_PER_STEP`` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np
from xlsxwriter.format import Format

from corridor_app.io.report import charts
from corridor_app.io.report.cells import HEADER, NOTE, NUMBER, PERCENT, TITLE, TOP, WRAP, YEAR, Grid
from corridor_app.io.report.cells import col_letter as letter
from corridor_app.io.report.context import Report
from corridor_app.io.report.progress_sheet import OBSERVATION_KEYS, PROGRESS, write_target_progress
from corridor_app.io.report.rows import RowSheet
from corridor_app.model.pacing import TargetPace, target_pacing
from corridor_app.model.table import Table

_FORMATS = {"number": NUMBER, "year": YEAR}
_LABEL_WIDTH = 50
ROWS_PER_STEP = 500  # progress and cancel are checked this often while writing rows
_SOURCES_CHUNK = 5000
TARGETS_PROGRESS, SOURCES = "Targets progress", "Sources"
DATA_TABLES = ("contributions", "totals", "targets", "projects")

Tick = Callable[[int], None]  # called with the number of rows written so far
Extra = tuple[str, Sequence[object], str]  # header, values by row, number format


def write_data_sheets(report: Report) -> None:
    """Contributions, Totals, Targets (with pacing, then Targets progress) and Projects, as in the app."""
    workbook = report.workbook
    total_rows = sum(len(workbook.table(k)) for k in DATA_TABLES) or 1
    done = 0
    for key in DATA_TABLES:
        table = workbook.table(key)
        if key == "projects" and not len(table):
            continue
        ws = report.sheet(table.spec.label)
        start = done

        def tick(n: int, start: int = start, label: str = report.tr(table.spec.label)) -> None:
            report.step(0.1 + 0.6 * (start + n) / total_rows, report.tr("{sheet}: row {n}", sheet=label, n=f"{n:,}"))

        tick(0)
        if key == "targets":
            pacing = target_pacing(workbook, report.options.start_year)
            write_table(report, ws, table, tick, _pacing_columns(report, table, pacing))
            if len(table):
                write_progress(report, pacing)
                write_target_progress(report)  # issue 16: the figures year by year and the verdict
        else:
            write_table(report, ws, table, tick)
        done += len(table)


def write_table(report: Report, ws: RowSheet, table: Table, tick: Tick, extra: Sequence[Extra] = ()) -> None:
    """The table as it is in the app: header row, one row per record, extra computed columns after."""
    keys = table.keys
    styles = report.styles
    header = styles.get(HEADER)
    ws.set_row(0, 30)  # room for headers that wrap to two lines
    for c, label in enumerate([table.label(k) for k in keys] + [label for label, _, _ in extra]):
        ws.write_string(0, c, label, header)
    columns: list[Sequence[object] | np.ndarray] = []
    formats: list[Format | None] = []
    years: list[bool] = []
    kinds = [_FORMATS.get(table.column_spec(k).kind) for k in keys] + [fmt or None for _, _, fmt in extra]
    for k in keys:
        columns.append(table.column(k))  # the table's own arrays: a block at a time becomes Python values
    for _, values, _ in extra:
        columns.append(list(values))
    for fmt in kinds:
        formats.append(styles.get({"num_format": fmt} if fmt else None))
        years.append(fmt == YEAR)
    n = len(table)
    for start in range(0, n, ROWS_PER_STEP):
        stop = min(start + ROWS_PER_STEP, n)
        block = [c[start:stop].tolist() if isinstance(c, np.ndarray) else c[start:stop] for c in columns]
        ws.write_columns(1 + start, block, formats, 0, stop - start, years)
        tick(stop)
    ws.freeze_panes(1, 0)
    if n:
        ws.autofilter(0, 0, n, len(columns) - 1)
    for c, k in enumerate(keys):
        ws.set_column(c, c, _width(table, k))
    if extra:
        ws.set_column(len(keys), len(columns) - 1, 14)


def _width(table: Table, key: str) -> float:
    if table.is_numeric(key):
        return 12
    longest = max((len(str(v)) for v in table.column(key)[:200] if v is not None), default=8)
    return float(min(max(longest, len(table.label(key)), 8) + 2, 40))


def _pacing_columns(report: Report, table: Table, pacing: list[TargetPace]) -> list[Extra]:
    """The pacing of each target row (``model.pacing``); a target without a value or a year says why."""
    tr = report.tr
    by_row = {p.row: p for p in pacing}
    rows = [by_row.get(r) for r in range(len(table))]

    def col(get: Callable[[TargetPace], object]) -> list[object]:
        return [None if p is None else get(p) for p in rows]

    return [
        (tr("Still to go"), col(lambda p: p.remaining), NUMBER),
        (tr("Baseline as % of target"), col(lambda p: p.progress_pct), PERCENT),
        (tr("Years to target"), col(lambda p: p.years), YEAR),
        (tr("Pace needed per year"), col(lambda p: p.pace), NUMBER),
        (tr("Compound growth needed (% a year)"), col(lambda p: p.growth_pct_per_year), PERCENT),
        (tr("Pacing"), [tr(p.status) if p else tr("no target value or year") for p in rows], ""),
        (tr("How the pace is computed"), col(lambda p: p.basis), ""),
    ]


def write_progress(report: Report, pacing: list[TargetPace]) -> None:
    """Targets that have a baseline, their progress and pace, and the targets-pacing chart."""
    tr = report.tr
    ws = report.sheet(TARGETS_PROGRESS)
    grid = Grid()
    grid.put(1, 1, tr("Progress toward each target"), TITLE)
    grid.put(2, 1, tr("Baseline as a percentage of the target value (100 % = reached); targets with a baseline."), NOTE)
    with_progress = [p for p in pacing if p.progress_pct is not None]
    if not with_progress:
        grid.put(4, 1, tr("No target has a baseline, so there is no progress to show."))
        report.flush(ws, grid)
        return
    labels = [tr("Target"), tr("Baseline as % of target"), tr("Baseline"), tr("Target value"), tr("Unit")]
    labels += [tr("Baseline year"), tr("Target year"), tr("Pace needed per year")]
    grid.header(4, labels)
    grid.heights[4] = 30
    first = 5
    for i, p in enumerate(with_progress):
        row = first + i
        grid.put(row, 1, p.label, WRAP)
        if len(p.label) > _LABEL_WIDTH - 4:  # not every program re-fits wrapped rows on opening
            grid.heights[row] = 15 * (len(p.label) // (_LABEL_WIDTH - 4) + 1)
        values = [(p.progress_pct, PERCENT), (p.baseline, NUMBER), (p.value, NUMBER), (p.unit, None)]
        values += [(p.baseline_year, YEAR), (p.target_year, YEAR), (p.pace, NUMBER)]
        for col, (value, fmt) in enumerate(values, start=2):
            grid.put(row, col, value, TOP, fmt=fmt)
    last = first + len(with_progress) - 1
    grid.widths.update({1: _LABEL_WIDTH, 2: 12, 3: 11, 4: 11, 5: 14, 6: 10, 7: 10, 8: 12})
    ws.freeze_panes(4, 1)
    chart = charts.bars(
        report.book,
        charts.Block(tr(TARGETS_PROGRESS), 4, first, last, 1),
        [2],
        [charts.PART],
        title=tr("Progress toward targets at baseline"),
        value_title=tr("Baseline as % of target (100 % = reached)"),
        fmt='0" %"',
        axis_fmt='0" %"',
        horizontal=True,
    )
    chart.set_x_axis({"min": 0, "name": tr("Baseline as % of target (100 % = reached)"), "num_format": '0" %"'})
    chart.set_size({"width": 900, "height": max(charts.CHART_HEIGHT_PX, int(30 * len(with_progress) + 110))})
    report.chart(ws, chart, 1, 10, "targets")
    report.flush(ws, grid)


@dataclass(frozen=True)
class Figure:
    """A number in the report and where it came from, for the Sources sheet."""

    sheet: str
    cell: str
    item: str
    figure: str
    value: float
    unit: str
    source: str


def write_sources(report: Report) -> None:
    """Every figure of the report with its source; a figure without one says "no source"."""
    tr = report.tr
    report.step(0.72, tr(SOURCES))
    ws = report.sheet(SOURCES)
    styles = report.styles
    ws.write_string(0, 0, tr("Sources of every figure in this report"), styles.get(TITLE))
    header = [tr("Sheet"), tr("Cell"), tr("Item"), tr("Figure"), tr("Value"), tr("Unit"), tr("Source")]
    for c, label in enumerate(header):
        ws.write_string(2, 0 + c, label, styles.get(HEADER))
    formats = [None, None, None, None, styles.get({"num_format": NUMBER}), None, None]
    no_source = tr("no source")
    total = sum(len(report.workbook.table(k)) for k in DATA_TABLES) or 1
    row = 3
    found = figures(report)
    while True:
        chunk = list(islice(found, _SOURCES_CHUNK))
        if not chunk:
            break
        columns: list[list[object]] = [
            [f.sheet for f in chunk],
            [f.cell or None for f in chunk],
            [f.item for f in chunk],
            [f.figure for f in chunk],
            [f.value for f in chunk],
            [f.unit or None for f in chunk],
            [f.source or no_source for f in chunk],
        ]
        ws.write_columns(row, columns, formats, 0, len(chunk))
        row += len(chunk)
        fraction = 0.72 + 0.16 * min(row / (2 * total), 1.0)
        report.step(fraction, tr("{sheet}: row {n}", sheet=tr(SOURCES), n=f"{row:,}"))
    for c, width in enumerate((14, 10, 40, 20, 14, 12, 90)):
        ws.set_column(c, c, width)
    ws.freeze_panes(3, 0)


_SOURCED_FIGURES = {
    "contributions": (("amount", "Amount"),),
    "totals": (("published_total", "Published total"),),
    "targets": (("value", "Target value"), ("baseline", "Baseline")),
    "projects": (("cost", "Cost"), ("length_km", "Length")),
}


def figures(report: Report) -> Iterator[Figure]:
    """Every number in the data sheets, and the computed ones, with its source."""
    tr = report.tr
    summary = tr("Summary")
    for rec in report.recs:
        name = report.corridor_name(rec.corridor)
        computed = tr("computed: sum of contributions")
        yield Figure(summary, "", name, tr("Sum of parts"), rec.sum_of_parts, rec.unit, computed)
        if rec.residual is not None:
            computed = tr("computed: sum of parts - published")
            yield Figure(summary, "", name, tr("Residual"), rec.residual, rec.unit, computed)
    for key, sourced in _SOURCED_FIGURES.items():
        table = report.workbook.table(key)
        sheet = tr(table.spec.label)
        needed = {"source", *_ITEM_COLUMNS[key], *_UNIT_COLUMNS[key], *(column for column, _ in sourced)}
        for column, label in sourced:
            col = letter(table.keys.index(column) + 1)
            figure = tr(label)
            # A block of rows at a time: the texts of a million-row Sources sheet never all exist at once.
            for start in range(0, len(table), _SOURCES_CHUNK):
                stop = min(start + _SOURCES_CHUNK, len(table))
                c = {k: _as_list(table.column(k)[start:stop]) for k in needed}
                items = _items(key, c, tr("(no corridor)"), tr("(no country)"))
                units = _units(key, column, c, stop - start)
                for i, value in enumerate(c[column]):
                    if not isinstance(value, int | float) or value != value:
                        continue
                    source = c["source"][i]
                    yield Figure(sheet, f"{col}{start + i + 2}", items[i], figure, value, units[i], _text(source))
    yield from _progress_figures(report)


def _progress_figures(report: Report) -> Iterator[Figure]:
    """The official figures of the Progress sheet (issue 16), at the cells that sheet wrote them to."""
    first = report.progress_first_row
    if not first:
        return
    tr = report.tr
    table = report.workbook.table("progress")
    sheet, col = tr(PROGRESS), letter(OBSERVATION_KEYS.index("value") + 1)
    for row in range(len(table)):
        value = table.value(row, "value")
        if not isinstance(value, int | float) or value != value:
            continue
        target, country = _text(table.value(row, "target")), _text(table.value(row, "country"))
        item = f"{country}: {target}" if country else target
        figure = tr("Official figure {year}", year=_text(table.value(row, "year")))
        unit, source = _text(table.value(row, "unit")), _text(table.value(row, "source"))
        yield Figure(sheet, f"{col}{first + row}", item, figure, value, unit, source)


_ITEM_COLUMNS = {
    "contributions": ("corridor", "country"),
    "totals": ("corridor",),
    "targets": ("country", "target"),
    "projects": ("project",),
}
_UNIT_COLUMNS = {
    "contributions": ("unit",),
    "totals": ("unit",),
    "targets": ("unit",),
    "projects": ("currency", "cost_unit"),
}


def _as_list(data: object) -> list[object]:
    if isinstance(data, np.ndarray):
        values: list[object] = data.tolist()
        return values
    return list(data)  # type: ignore[call-overload,no-any-return]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _items(key: str, c: dict[str, list[object]], no_corridor: str, no_country: str) -> list[str]:
    if key == "contributions":
        return [
            f"{_text(a) or no_corridor}: {_text(b) or no_country}"
            for a, b in zip(c["corridor"], c["country"], strict=True)
        ]
    if key == "totals":
        return [_text(a) or no_corridor for a in c["corridor"]]
    if key == "targets":
        return [f"{a}: {_text(b)}" if a else _text(b) for a, b in zip(c["country"], c["target"], strict=True)]
    return [_text(a) for a in c["project"]]


def _units(key: str, column: str, c: dict[str, list[object]], n: int) -> list[str]:
    if key == "projects":
        if column == "length_km":
            return ["km"] * n
        return [" ".join(_text(x) for x in pair if x) for pair in zip(c["currency"], c["cost_unit"], strict=True)]
    return [_text(u) for u in c["unit"]]
