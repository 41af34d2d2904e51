"""Native Excel charts for the report, each series a reference to cells of the report.

The charts hold no numbers of their own: every series points at the cells the
report wrote from the model (``model.series``, ``model.scenarios``,
``model.pacing``, ``model.projects``, ``model.corridors``), so a reader who
changes a number in Excel sees the chart follow, and can restyle it like any
chart they made themselves. Coordinates here are 1-based, as in A1 addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook as XlsxBook

# The screen's series colours (ui/charts/palette.py), so a country looks the same in the app and the report.
PALETTE = (
    "#3B6EA8",
    "#E08A2E",
    "#4F9A5B",
    "#C0504D",
    "#8064A2",
    "#4BACC6",
    "#9C7A4E",
    "#D16BA5",
    "#7F7F7F",
    "#B5B83A",
)
PART, SUM, PUBLISHED, RESIDUAL = "#3B6EA8", "#7F7F7F", "#404040", "#C0392B"
UP, DOWN, TOTAL = "#2E8B57", "#C0392B", "#3B6EA8"  # the waterfall and the tornado, as on screen

CHART_WIDTH_PX = 605  # 16 cm at 96 dpi
CHART_HEIGHT_PX = 283  # 7.5 cm
COLUMN_PX = 64  # a column of default width, to place pictures beside charts


class Colours:
    """One colour per name (country, scenario, corridor, mode), the same in every chart of the report."""

    def __init__(self, first: Sequence[str] = ()) -> None:
        self._of: dict[str, str] = {}
        for name in first:
            self.of(name)

    def of(self, name: str) -> str:
        if name not in self._of:
            self._of[name] = PALETTE[len(self._of) % len(PALETTE)]
        return self._of[name]


@dataclass(frozen=True)
class Block:
    """A table on a sheet a chart reads: a header row, category labels in one column, values in others."""

    sheet: str
    header_row: int
    first_row: int
    last_row: int
    category_col: int

    def cells(self, col: int) -> list[Any]:
        return [self.sheet, self.first_row - 1, col - 1, self.last_row - 1, col - 1]

    def name(self, col: int) -> list[Any]:
        return [self.sheet, self.header_row - 1, col - 1]

    @property
    def categories(self) -> list[Any]:
        return self.cells(self.category_col)


def fill(colour: str, *, dashed: bool = False, transparency: int = 0) -> dict[str, Any]:
    """Fill and border of a series or a single bar."""
    fill: dict[str, Any] = {"color": colour}
    if transparency:
        fill["transparency"] = transparency
    border: dict[str, Any] = {"color": colour}
    if dashed:
        border.update({"dash_type": "dash", "width": 1.5})
    return {"fill": fill, "border": border}


def _labels(fmt: str, **extra: Any) -> dict[str, Any]:
    return {"value": True, "num_format": fmt, "font": {"size": 8}, **extra}


def _style(chart: Chart, title: str, value_title: str, category_title: str, fmt: str, horizontal: bool) -> None:
    chart.set_title({"name": title, "name_font": {"size": 12, "bold": True}})
    value_axis = {"name": value_title, "num_format": fmt, "num_font": {"size": 8}, "name_font": {"size": 9}}
    value_axis["major_gridlines"] = {"visible": True, "line": {"color": "#D9D9D9"}}
    category_axis: dict[str, Any] = {"num_font": {"size": 8}, "name_font": {"size": 9}}
    if category_title:
        category_axis["name"] = category_title
    # XlsxWriter names axes by position: in a horizontal bar chart the value axis is the x axis.
    if horizontal:
        # First row on top, the value axis at the bottom, names clear of bars that go left.
        category_axis.update({"reverse": True, "crossing": "max", "label_position": "low"})
        chart.set_x_axis(value_axis)
        chart.set_y_axis(category_axis)
    else:
        category_axis["label_position"] = "low"  # under the plot, clear of bars below zero
        chart.set_y_axis(value_axis)
        chart.set_x_axis(category_axis)
    chart.set_size({"width": CHART_WIDTH_PX, "height": CHART_HEIGHT_PX})


def bars(
    book: XlsxBook,
    block: Block,
    value_cols: Sequence[int],
    colours: Sequence[str],
    *,
    title: str,
    value_title: str,
    category_title: str = "",
    fmt: str = "#,##0.00",
    axis_fmt: str = "#,##0",
    horizontal: bool = False,
    stacked: bool = False,
    point_colours: dict[int, dict[str, Any]] | None = None,
    data_labels: bool = True,
    error_bars: dict[str, Any] | None = None,
) -> Chart:
    """Clustered (or stacked) bars: one series per column of ``value_cols``, named by its header cell.

    ``point_colours`` styles single bars of the first series (index from 0):
    each country in its colour, the sum and the published total in greys, the
    residual dashed as on screen. ``error_bars`` (XlsxWriter's error bar
    options, custom lengths from cells) go on the first series.
    """
    options: dict[str, Any] = {"type": "bar" if horizontal else "column"}
    if stacked:
        options["subtype"] = "stacked"
    chart = book.add_chart(options)
    assert chart is not None
    for i, col in enumerate(value_cols):
        series: dict[str, Any] = {
            "name": block.name(col),
            "categories": block.categories,
            "values": block.cells(col),
            "gap": 60,
            **fill(colours[i % len(colours)]),
        }
        if stacked:
            series["overlap"] = 100
        if i == 0 and point_colours:
            n = block.last_row - block.first_row + 1
            series["points"] = [point_colours.get(p) for p in range(n)]
        if i == 0 and error_bars:
            series["x_error_bars" if horizontal else "y_error_bars"] = error_bars
        if data_labels:
            series["data_labels"] = _labels(f"{fmt};-{fmt};;" if stacked else fmt)  # no label on a zero segment
        chart.add_series(series)
    _style(chart, title, value_title, category_title, axis_fmt, horizontal)
    if len(value_cols) == 1:
        chart.set_legend({"none": True})
    else:
        chart.set_legend({"position": "bottom", "font": {"size": 8}})
    return chart


def pie(book: XlsxBook, block: Block, value_col: int, colours: Sequence[str], *, title: str) -> Chart:
    """Shares of the sum of parts, each country in its colour, labelled in percent."""
    chart = book.add_chart({"type": "pie"})
    assert chart is not None
    chart.add_series(
        {
            "name": block.name(value_col),
            "categories": block.categories,
            "values": block.cells(value_col),
            "points": [{"fill": {"color": c}, "border": {"color": "#FFFFFF"}} for c in colours],
            "data_labels": {"percentage": True, "num_format": "0.0%", "font": {"size": 8}},
        }
    )
    chart.set_title({"name": title, "name_font": {"size": 12, "bold": True}})
    chart.set_legend({"position": "right", "font": {"size": 8}})
    chart.set_size({"width": int(CHART_WIDTH_PX * 0.75), "height": CHART_HEIGHT_PX})
    return chart


def waterfall(
    book: XlsxBook, block: Block, base_col: int, *, title: str, value_title: str, category_title: str
) -> Chart:
    """Baseline, each change and the scenario total: a stacked column whose first series is an invisible base.

    ``base_col`` holds the invisible base; the next three columns hold the
    increase, the decrease and the totals (zero where a step has none).
    """
    chart = book.add_chart({"type": "column", "subtype": "stacked"})
    assert chart is not None
    chart.add_series(
        {
            "name": block.name(base_col),
            "categories": block.categories,
            "values": block.cells(base_col),
            "fill": {"none": True},
            "border": {"none": True},
            "gap": 50,
            "overlap": 100,
        }
    )
    for offset, colour in ((1, UP), (2, DOWN), (3, TOTAL)):
        chart.add_series(
            {
                "name": block.name(base_col + offset),
                "categories": block.categories,
                "values": block.cells(base_col + offset),
                "overlap": 100,
                "data_labels": _labels("#,##0.00;-#,##0.00;;"),
                **fill(colour),
            }
        )
    _style(chart, title, value_title, category_title, "#,##0", horizontal=False)
    chart.set_legend({"position": "bottom", "delete_series": [0], "font": {"size": 8}})
    return chart


def tornado(book: XlsxBook, block: Block, low_col: int, high_col: int, *, title: str, value_title: str) -> Chart:
    """Each country's effect on the total when it moves down (left, red) and up (right, green)."""
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    assert chart is not None
    for col, colour in ((low_col, DOWN), (high_col, UP)):
        chart.add_series(
            {
                "name": block.name(col),
                "categories": block.categories,
                "values": block.cells(col),
                "overlap": 100,
                "gap": 40,
                "data_labels": _labels("+#,##0.00;-#,##0.00;;"),
                **fill(colour),
            }
        )
    _style(chart, title, value_title, "", "+#,##0.0;-#,##0.0;0", horizontal=True)
    chart.set_y_axis({"reverse": True, "crossing": "max", "label_position": "low", "num_font": {"size": 8}})
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    return chart


def columns_covered(width_px: int) -> int:
    """Default-width columns a chart ``width_px`` wide covers, plus a spacer."""
    return width_px // COLUMN_PX + 1


def progress_lines(
    book: XlsxBook,
    block: Block,
    lines: Sequence[tuple[int, str, str]],
    *,
    title: str,
    value_title: str,
    fmt: str = "#,##0.##",
    value_min: float | None = None,
) -> Chart:
    """A target over the years: one line per (column, colour, dash) of ``lines``, years along the bottom.

    A dash of ``"none"`` draws markers only (the goal, a single point at the
    target year). Blank cells are skipped by the line rather than drawn as
    zero, so a year without a figure leaves no dip. ``value_min`` starts the
    value axis above zero (a level that moves from 59 to 64 %).
    """
    chart = book.add_chart({"type": "line"})
    assert chart is not None
    for col, colour, dash in lines:
        series: dict[str, Any] = {
            "name": block.name(col),
            "categories": block.categories,
            "values": block.cells(col),
        }
        if dash == "none":
            series["line"] = {"none": True}
            series["marker"] = {"type": "diamond", "size": 9, "fill": {"color": colour}, "border": {"color": colour}}
            series["data_labels"] = _labels(fmt, position="right")
        else:
            series["line"] = {"color": colour, "width": 2.25 if dash == "solid" else 1.5, "dash_type": dash}
            if dash == "solid":
                series["marker"] = {"type": "circle", "size": 6, "fill": {"color": colour}, "border": {"color": colour}}
                series["data_labels"] = _labels(fmt, position="above")
            else:
                series["marker"] = {"type": "none"}
        chart.add_series(series)
    _style(chart, title, value_title, "", fmt, horizontal=False)
    value_axis: dict[str, Any] = {"name": value_title, "num_format": fmt, "num_font": {"size": 8}}
    value_axis.update({"name_font": {"size": 9}, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    if value_min is not None:
        value_axis["min"] = value_min
    chart.set_y_axis(value_axis)
    chart.set_x_axis({"num_font": {"size": 8}, "label_position": "low", "num_format": "0"})
    chart.show_blanks_as("span")
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    return chart
