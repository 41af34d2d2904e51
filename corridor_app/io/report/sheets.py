"""The data sheets of the Excel report: tables, Targets with pacing, Scenario summary, Sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from corridor_app.io.report.cells import (
    AMOUNT,
    BOLD,
    NOTE,
    NUMBER,
    PERCENT,
    TITLE,
    TOP,
    TOTAL_BORDER,
    WRAP,
    YEAR,
    header_row,
    put,
    put_formula,
    set_widths,
)
from corridor_app.io.report.charts import bar_chart, columns_covered
from corridor_app.model.comparison import ScenarioComparison
from corridor_app.model.pacing import TargetPace
from corridor_app.model.reconcile import Reconciliation
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

_FORMATS = {"number": NUMBER, "year": YEAR}
_LABEL_WIDTH = 50
ROWS_PER_STEP = 500  # progress and cancel are checked this often while writing rows

Tick = Callable[[int], None]  # called with the number of rows written so far


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


def write_table(
    ws: Worksheet, table: Table, tick: Tick, extra: list[tuple[str, list[object], str]] | None = None
) -> None:
    """The table as it is in the app: header row, one row per record, extra computed columns after."""
    keys = table.keys
    extra = extra or []
    header_row(ws, 1, [table.label(k) for k in keys] + [label for label, _, _ in extra])
    fmts = [_FORMATS.get(table.column_spec(k).kind) for k in keys]
    columns = [table.column(k) for k in keys]
    numeric = [table.is_numeric(k) for k in keys]
    for r in range(len(table)):
        for c, (column, fmt, is_num) in enumerate(zip(columns, fmts, numeric, strict=True), start=1):
            value = column[r]
            if is_num and fmt == YEAR and value == value:  # NaN != NaN
                value = int(value)
            put(ws, r + 2, c, value, fmt=fmt)
        for i, (_, values, fmt) in enumerate(extra, start=len(keys) + 1):
            put(ws, r + 2, i, values[r], fmt=fmt)
        if r % ROWS_PER_STEP == ROWS_PER_STEP - 1:
            tick(r + 1)
    ws.freeze_panes = "A2"
    ncols = len(keys) + len(extra)
    if len(table):
        ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{len(table) + 1}"
    set_widths(ws, {c: _width(table, k) for c, k in enumerate(keys, start=1)})
    set_widths(ws, {c: 14 for c in range(len(keys) + 1, ncols + 1)})


def _width(table: Table, key: str) -> float:
    if table.is_numeric(key):
        return 12
    longest = max((len(str(v)) for v in table.column(key)[:200] if v is not None), default=8)
    return float(min(max(longest, len(table.label(key)), 8) + 2, 40))


def write_targets(ws: Worksheet, table: Table, pacing: list[TargetPace], tick: Tick) -> None:
    """The Targets table with its pacing columns (``model.pacing``) after the table's own.

    Targets without a value or a year have no pacing; their cells say why.
    """
    by_row = {p.row: p for p in pacing}
    rows = [by_row.get(r) for r in range(len(table))]

    def col(get: Callable[[TargetPace], object]) -> list[object]:
        return [None if p is None else get(p) for p in rows]

    write_table(
        ws,
        table,
        tick,
        [
            ("Still to go", col(lambda p: p.remaining), NUMBER),
            ("Baseline as % of target", col(lambda p: p.progress_pct), PERCENT),
            ("Years to target", col(lambda p: p.years), YEAR),
            ("Pace needed per year", col(lambda p: p.pace), NUMBER),
            ("Compound growth needed (% a year)", col(lambda p: p.growth_pct_per_year), PERCENT),
            ("Pacing", [p.status if p else "no target value or year" for p in rows], ""),
            ("How the pace is computed", col(lambda p: p.basis), ""),
        ],
    )


def write_progress(ws: Worksheet, pacing: list[TargetPace]) -> tuple[int, int] | None:
    """Targets that have a baseline, their progress and pace, and the targets-progress chart.

    Returns the row and column beside the chart (for a picture), or None when
    no target has a baseline (then the sheet only says so).
    """
    put(ws, 1, 1, "Progress toward each target", font=TITLE)
    put(ws, 2, 1, "Baseline as a percentage of the target value (100 % = reached); targets with a baseline.", font=NOTE)
    with_progress = [p for p in pacing if p.progress_pct is not None]
    if not with_progress:
        put(ws, 4, 1, "No target has a baseline, so there is no progress to show.")
        return None
    labels = ["Target", "Baseline as % of target", "Baseline", "Target value", "Unit", "Baseline year", "Target year"]
    header_row(ws, 4, [*labels, "Pace needed per year"])
    ws.row_dimensions[4].height = 30
    first = 5
    for i, p in enumerate(with_progress):
        row = first + i
        put(ws, row, 1, p.label).alignment = WRAP
        if len(p.label) > _LABEL_WIDTH - 4:  # not every program re-fits wrapped rows on opening
            ws.row_dimensions[row].height = 15 * (len(p.label) // (_LABEL_WIDTH - 4) + 1)
        values = [(p.progress_pct, PERCENT), (p.baseline, NUMBER), (p.value, NUMBER), (p.unit, None)]
        values += [(p.baseline_year, YEAR), (p.target_year, YEAR), (p.pace, NUMBER)]
        for col, (value, fmt) in enumerate(values, start=2):
            put(ws, row, col, value, fmt=fmt).alignment = TOP
    last = first + len(with_progress) - 1
    set_widths(ws, {1: _LABEL_WIDTH, 2: 12, 3: 11, 4: 11, 5: 14, 6: 10, 7: 10, 8: 12})
    ws.freeze_panes = "B5"
    chart = bar_chart(
        ws,
        title="Progress toward targets at baseline",
        category_col=1,
        value_cols=[2],
        header_row=4,
        first_row=first,
        last_row=last,
        value_title="Baseline as % of target (100 % = reached)",
        category_title="",
        fmt='0" %"',
        horizontal=True,
    )
    chart.x_axis.title = None
    chart.height = max(7.5, 0.8 * len(with_progress) + 3)
    chart.width = 24
    chart.x_axis.scaling.orientation = "maxMin"  # first target on top, as in the table
    chart.y_axis.crosses = "max"  # and the value axis at the bottom
    chart.y_axis.scaling.min = 0
    ws.add_chart(chart, "J1")
    return 1, 10 + columns_covered(chart.width)


def write_scenarios(ws: Worksheet, comparison: ScenarioComparison) -> dict[str, tuple[int, int]]:
    """Excel's Scenario Summary layout, then the change against current values.

    Returns, by chart key, the row and column beside each chart (for a picture).
    """
    unit = f" ({comparison.unit})" if comparison.unit else ""
    put(ws, 1, 1, f"Scenario summary: {comparison.corridor or '(no corridor)'}{unit}", font=TITLE)
    put(ws, 2, 1, "Amounts by country in each scenario; countries a scenario leaves out keep their amount.", font=NOTE)
    names = comparison.names
    ncol = len(names)
    header_row(ws, 4, ["", *names])
    put(ws, 5, 1, "Changing cells: amount by country", font=BOLD)
    first = 6
    for i, country in enumerate(comparison.countries):
        put(ws, first + i, 1, country or "(no country)")
        for j, name in enumerate(names, start=2):
            put(ws, first + i, j, comparison.amounts[name][i], fmt=AMOUNT)
    last = first + len(comparison.countries) - 1
    row = last + 1
    put(ws, row, 1, "Result cells", font=BOLD)
    results: list[tuple[str, list[float | None], str]] = [
        ("Sum of parts", [comparison.sums[n] for n in names], AMOUNT),
        ("Published total", [comparison.published_total for _ in names], AMOUNT),
        ("Residual (sum of parts - published)", [comparison.residual(n) for n in names], AMOUNT),
        ("Residual (% of published)", [comparison.residual_pct(n) for n in names], PERCENT),
    ]
    for label, values, fmt in results:
        row += 1
        put(ws, row, 1, label)
        for j, v in enumerate(values, start=2):
            put(ws, row, j, v, fmt=fmt)
    sum_row = last + 2
    row += 1
    put(ws, row, 1, "Sum of parts (formula)", font=NOTE)
    for j in range(2, ncol + 2):
        col = get_column_letter(j)
        put_formula(ws, row, j, f"=SUM({col}{first}:{col}{last})", AMOUNT)
    for j in range(1, ncol + 2):
        ws.cell(row=sum_row, column=j).border = TOTAL_BORDER
    # The change against current values, for the delta chart.
    top = row + 2
    put(ws, top, 1, "Change against current values", font=BOLD)
    header_row(ws, top + 1, ["", *comparison.scenario_names])
    d_first = top + 2
    for i, country in enumerate(comparison.countries):
        put(ws, d_first + i, 1, country or "(no country)")
        for j, name in enumerate(comparison.scenario_names, start=2):
            put(ws, d_first + i, j, comparison.deltas(name)[i], fmt=AMOUNT)
    d_last = d_first + len(comparison.countries) - 1
    put(ws, d_last + 1, 1, "Sum of parts")
    for j, name in enumerate(comparison.scenario_names, start=2):
        put(ws, d_last + 1, j, round(comparison.sums[name] - comparison.sums[names[0]], 9), fmt=AMOUNT)
    set_widths(ws, {1: 36, **{j: 16 for j in range(2, ncol + 2)}})
    ws.freeze_panes = "B5"

    anchor_col = ncol + 3
    axis = f"Amount{unit}"
    compare = bar_chart(
        ws,
        title="Scenario comparison by country",
        category_col=1,
        value_cols=list(range(2, ncol + 2)),
        header_row=4,
        first_row=first,
        last_row=last,
        value_title=axis,
        category_title="Country",
        fmt=AMOUNT,
        axis_fmt="#,##0",
        data_labels=len(comparison.countries) * ncol <= 24,
    )
    delta = bar_chart(
        ws,
        title="Change against current values",
        category_col=1,
        value_cols=list(range(2, ncol + 1)),
        header_row=top + 1,
        first_row=d_first,
        last_row=d_last,
        value_title=f"Change{unit}",
        category_title="Country",
        fmt=AMOUNT,
        axis_fmt="#,##0.0",
        horizontal=True,
    )
    delta.x_axis.scaling.orientation = "maxMin"
    delta.y_axis.crosses = "max"  # with countries top-down, keep the value axis at the bottom
    delta.x_axis.tickLblPos = "low"  # country names stay clear of bars that go left
    letter = get_column_letter(anchor_col)
    ws.add_chart(compare, f"{letter}1")
    ws.add_chart(delta, f"{letter}17")
    beside = anchor_col + columns_covered(compare.width)
    return {"scenarios": (1, beside), "deltas": (17, beside)}


def write_sources(ws: Worksheet, figures: Iterator[Figure]) -> int:
    """Every figure of the report with its source; a figure without one says "no source"."""
    put(ws, 1, 1, "Sources of every figure in this report", font=TITLE)
    header_row(ws, 3, ["Sheet", "Cell", "Item", "Figure", "Value", "Unit", "Source"])
    row = 3
    for f in figures:
        row += 1
        put(ws, row, 1, f.sheet)
        put(ws, row, 2, f.cell)
        put(ws, row, 3, f.item)
        put(ws, row, 4, f.figure)
        put(ws, row, 5, f.value, fmt=NUMBER)
        put(ws, row, 6, f.unit)
        put(ws, row, 7, f.source or "no source")
    set_widths(ws, {1: 14, 2: 10, 3: 40, 4: 20, 5: 14, 6: 12, 7: 90})
    ws.freeze_panes = "A4"
    return row - 3


_SOURCED_FIGURES = {
    "contributions": (("amount", "Amount"),),
    "totals": (("published_total", "Published total"),),
    "targets": (("value", "Target value"), ("baseline", "Baseline")),
    "projects": (("cost", "Cost"), ("length_km", "Length")),
}


def figures(workbook: Workbook, recs: list[Reconciliation], summary: str) -> Iterator[Figure]:
    """Every number in the data sheets, and the computed ones, with its source."""
    for rec in recs:
        name = rec.corridor or "(no corridor)"
        yield Figure(summary, "", name, "Sum of parts", rec.sum_of_parts, rec.unit, "computed: sum of contributions")
        if rec.residual is not None:
            yield Figure(summary, "", name, "Residual", rec.residual, rec.unit, "computed: sum of parts - published")
    for key, figures in _SOURCED_FIGURES.items():
        table = workbook.table(key)
        sheet = table.spec.label
        for column, label in figures:
            col = get_column_letter(table.keys.index(column) + 1)
            for r in range(len(table)):
                value = table.value(r, column)
                if not isinstance(value, int | float):
                    continue
                yield Figure(
                    sheet,
                    f"{col}{r + 2}",
                    _item(key, table.record(r)),
                    label,
                    value,
                    _unit(key, column, table.record(r)),
                    str(table.value(r, "source") or ""),
                )


def _item(key: str, record: Mapping[str, object]) -> str:
    if key == "contributions":
        return f"{record['corridor'] or '(no corridor)'}: {record['country'] or '(no country)'}"
    if key == "totals":
        return str(record["corridor"] or "(no corridor)")
    if key == "targets":
        return f"{record['country']}: {record['target']}" if record["country"] else str(record["target"])
    return str(record["project"] or "")


def _unit(key: str, column: str, record: Mapping[str, object]) -> str:
    if key == "projects":
        if column == "length_km":
            return "km"
        return " ".join(str(record[k]) for k in ("currency", "cost_unit") if record[k])
    return str(record["unit"] or "")
