"""Native Excel charts for the report, each series a reference to cells of the report.

The charts hold no numbers of their own: every series points at the cells the
report wrote from the model (``model.series``, ``model.comparison``,
``model.pacing``), so a reader who changes a number in Excel sees the chart
follow, and can restyle it like any chart they made themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, PieChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.worksheet.worksheet import Worksheet

# Colours shared with the screen's palette: parts in blue, totals in grey, the residual in orange.
PALETTE = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300")
PART, SUM, PUBLISHED, RESIDUAL = "4472C4", "7F7F7F", "404040", "ED7D31"

CHART_WIDTH_CM = 16.0
CHART_HEIGHT_CM = 7.5
COLUMN_PX = 64  # a column of default width, to place pictures beside charts


def columns_covered(width_cm: float) -> int:
    """Default-width columns a chart ``width_cm`` wide covers, plus a spacer."""
    return int(width_cm / 2.54 * 96) // COLUMN_PX + 1


def _text(size_pt: float, bold: bool = False) -> RichText:
    props = CharacterProperties(sz=int(size_pt * 100), b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _labels(fmt: str, *, value: bool = True, percent: bool = False) -> DataLabelList:
    labels = DataLabelList()
    labels.showVal = value
    labels.showPercent = percent
    labels.showSerName = False
    labels.showCatName = False
    labels.showLegendKey = False
    labels.numFmt = fmt
    labels.txPr = _text(8)
    return labels


def _title(text: str) -> Title:
    """A chart title at 12 pt: the default is large enough to crowd a small chart."""
    props = CharacterProperties(sz=1200, b=True)
    para = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _fill(colour: str) -> GraphicalProperties:
    props = GraphicalProperties(solidFill=colour)
    props.line.solidFill = colour
    return props


def bar_chart(
    ws: Worksheet,
    *,
    title: str,
    category_col: int,
    value_cols: Sequence[int],
    header_row: int,
    first_row: int,
    last_row: int,
    value_title: str,
    category_title: str,
    fmt: str,
    axis_fmt: str | None = None,
    horizontal: bool = False,
    point_colours: dict[int, str] | None = None,
    data_labels: bool = True,
) -> BarChart:
    """Clustered bars: one series per column of ``value_cols``, titled by its header cell.

    ``point_colours`` colours single bars of the first series (index from 0),
    used to set the sum, the published total and the residual apart from the
    countries.
    """
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = _title(title)
    chart.style = 10
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    for i, col in enumerate(value_cols):
        values = Reference(ws, min_col=col, min_row=first_row, max_row=last_row)
        series = Series(values, title=None)
        series.tx = SeriesLabel(strRef=_str_ref(ws, header_row, col))
        series.graphicalProperties = _fill(PALETTE[i % len(PALETTE)])
        series.invertIfNegative = False
        if i == 0 and point_colours:
            series.dPt = [DataPoint(idx=idx, spPr=_fill(c)) for idx, c in point_colours.items()]
        if data_labels:
            series.dLbls = _labels(fmt)
        chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=category_col, min_row=first_row, max_row=last_row))
    chart.y_axis.title = value_title
    chart.x_axis.title = category_title
    chart.y_axis.number_format = axis_fmt or fmt
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel then draws no labels.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.txPr = _text(8)
    chart.y_axis.txPr = _text(8)
    chart.gapWidth = 60
    if len(value_cols) == 1:
        chart.legend = None
    else:
        chart.legend.position = "b"
    return chart


def pie_chart(
    ws: Worksheet, *, title: str, category_col: int, value_col: int, header_row: int, first_row: int, last_row: int
) -> PieChart:
    """Shares of the sum of parts, labelled in percent."""
    chart = PieChart()
    chart.title = _title(title)
    chart.width, chart.height = CHART_WIDTH_CM * 0.75, CHART_HEIGHT_CM
    values = Reference(ws, min_col=value_col, min_row=first_row, max_row=last_row)
    series = Series(values, title=None)
    series.tx = SeriesLabel(strRef=_str_ref(ws, header_row, value_col))
    n = last_row - first_row + 1
    series.dPt = [DataPoint(idx=i, spPr=_fill(PALETTE[i % len(PALETTE)])) for i in range(n)]
    series.dLbls = _labels("0.0%", value=False, percent=True)
    chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=category_col, min_row=first_row, max_row=last_row))
    chart.legend.position = "r"
    chart.plot_area.layout = Layout(manualLayout=ManualLayout(x=0.05, y=0.15, w=0.55, h=0.8))
    return chart


def _str_ref(ws: Worksheet, row: int, col: int) -> StrRef:
    return StrRef(f=str(Reference(ws, min_col=col, min_row=row)))
