"""The Progress sheet of the report (issue 16 item 6): verdicts, figures with sources, a line chart per target.

Reread with python-calamine (cells) and openpyxl (sheet names, number formats);
the charts from their XML, so the test sees what another reader sees.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree

from corridor_app.io.report.export import export_report
from corridor_app.io.report.labels import Labels
from corridor_app.io.report.options import ReportOptions
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

from .report_support import NS, Cells, chart_titled, make_workbook

GASIFICATION = "Gasification"
FDI = "FDI inflows"


def _done_when_workbook() -> Workbook:
    """The two "Done when" targets of issue 16: a level target reached, a cumulative target behind."""
    targets = [
        {
            "country": "Kazakhstan",
            "target": GASIFICATION,
            "value": 60,
            "unit": "%",
            "baseline": 59,
            "baseline_year": 2022,
            "target_year": 2029,
        },
        {
            "country": "Kazakhstan",
            "target": FDI,
            "value": 150,
            "unit": "USD bn",
            "baseline_year": 2022,
            "target_year": 2029,
            "measure": "cumulative",
        },
    ]
    book = make_workbook([{"corridor": "C", "country": "A", "amount": 1.0, "unit": "USD bn"}], targets=targets)
    rows = [
        {"target": GASIFICATION, "country": "Kazakhstan", "year": y, "value": v, "unit": "%", "source": "stat.gov.kz"}
        for y, v in ((2023, 60.0), (2024, 62.4), (2025, 63.8))
    ]
    rows += [
        {"target": FDI, "country": "Kazakhstan", "year": y, "value": v, "unit": "USD bn", "source": "nationalbank.kz"}
        for y, v in ((2023, 24.0), (2024, 18.0), (2025, 20.0))
    ]
    rows.append({"target": FDI, "country": "Kazakhstan", "year": 2022, "value": 28.0, "unit": "USD bn"})
    book.table("progress").append_many(rows, [Origin("Progress", i + 2) for i in range(len(rows))])
    return book


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "report.xlsx"
    export_report(_done_when_workbook(), path, ReportOptions(scenarios=()))
    return path


def _rows(report: Path) -> list[list[object]]:
    return Cells(report).sheets["Progress"]


def _row_of(rows: list[list[object]], first: str) -> list[object]:
    return next(r for r in rows if r and r[0] == first)


def test_progress_sheet_follows_targets_progress(report: Path) -> None:  # issue 16 item 6
    names = openpyxl.load_workbook(report).sheetnames
    assert names.index("Progress") == names.index("Targets progress") + 1


def test_done_when_verdicts_are_in_the_cells(report: Path) -> None:  # issue 16 "Done when"
    rows = _rows(report)
    header = _row_of(rows, "Target")
    col = {name: header.index(name) for name in header if name}
    fdi, gas = _row_of(rows, f"Kazakhstan: {FDI}"), _row_of(rows, f"Kazakhstan: {GASIFICATION}")
    assert rows.index(fdi) < rows.index(gas)  # behind first
    assert gas[col["Status"]] == "reached" and gas[col["Measure"]] == "level"
    assert (gas[col["Baseline"]], gas[col["Baseline year"]], gas[col["Goal"]], gas[col["Target year"]]) == (
        59,
        2022,
        60,
        2029,
    )
    assert (gas[col["Latest figure"]], gas[col["Latest year"]]) == (63.8, 2025)
    assert fdi[col["Status"]] == "behind" and fdi[col["Measure"]] == "cumulative"
    assert fdi[col["Latest figure"]] == pytest.approx(62.0)  # 24 + 18 + 20; 2022 is before the counted years
    assert fdi[col["Pace seen (a year)"]] == pytest.approx(62 / 3)
    assert fdi[col["Projected in target year"]] == pytest.approx(62 + 4 * 62 / 3)
    assert fdi[col["Projected in target year"]] < 150
    assert fdi[col["Goal reached in (at that pace)"]] > 2029


def test_observations_keep_their_sources(report: Path) -> None:
    rows = _rows(report)
    start = rows.index(_row_of(rows, "Official figures and their sources"))
    header = rows[start + 1]
    assert [h for h in header if h] == ["Target", "Country", "Year", "Value", "Unit", "Source", "Note"]
    source = header.index("Source")
    listed = [(r[0], r[2], r[3], r[source]) for r in rows[start + 2 : start + 9]]
    assert (GASIFICATION, 2024, 62.4, "stat.gov.kz") in listed
    assert (FDI, 2024, 18, "nationalbank.kz") in listed
    assert (FDI, 2022, 28, "no source") in listed  # a figure without a source says so
    merged = {str(m) for m in openpyxl.load_workbook(report)["Progress"].merged_cells.ranges}
    assert f"F{start + 3}:J{start + 3}" in merged  # the source spans columns, so an address is not cut off


def test_sources_sheet_points_at_the_progress_figures(report: Path) -> None:  # issue 16 item 6
    cells = Cells(report)
    listed = [r for r in cells.sheets["Sources"] if r[0] == "Progress"]
    assert len(listed) == 7
    by_figure = {(r[2], r[3]): r for r in listed}
    row = by_figure[(f"Kazakhstan: {GASIFICATION}", "Official figure 2024")]
    assert (row[4], row[5], row[6]) == (62.4, "%", "stat.gov.kz")
    assert cells.resolve(f"'Progress'!{row[1]}") == [62.4]  # the cell named holds the figure
    assert by_figure[(f"Kazakhstan: {FDI}", "Official figure 2022")][6] == "no source"


def _line_styles(path: Path, title: str) -> list[str]:
    """The dash of each series' line in the chart titled ``title`` ("solid", "dash", "sysDot", "none")."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.startswith("xl/charts/chart"):
                continue
            root = ElementTree.fromstring(zf.read(name))
            if "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS)) != title:
                continue
            styles = []
            for ser in root.iter(f"{{{NS['c']}}}ser"):
                ln = ser.find("c:spPr/a:ln", NS)
                if ln is not None and ln.find("a:noFill", NS) is not None:
                    styles.append("none")
                else:
                    dash = None if ln is None else ln.find("a:prstDash", NS)
                    styles.append("solid" if dash is None else dash.get("val", ""))
            return styles
    raise AssertionError(f"no chart titled {title!r}")


def test_a_native_line_chart_per_target_over_the_sheets_cells(report: Path) -> None:  # issue 16 item 6
    cells = Cells(report)
    gas = chart_titled(report, f"Kazakhstan: {GASIFICATION}")
    assert gas.kind == "lineChart" and len(gas.series) == 4
    names = [cells.resolve(s.title_ref)[0] for s in gas.series]
    assert names == ["Official figure", "Required path", "Projection", "Goal"]
    years = cells.resolve(gas.series[0].categories_ref)
    assert years == list(range(2022, 2030))
    figures = cells.resolve(gas.series[0].values_ref)
    assert figures == ["", 60, 62.4, 63.8, "", "", "", ""]  # a year without a figure is blank, not 0
    required = cells.resolve(gas.series[1].values_ref)
    assert required[0] == 59 and required[-1] == 60
    assert cells.resolve(gas.series[3].values_ref)[-1] == 60  # the goal at the target year
    assert _line_styles(report, f"Kazakhstan: {GASIFICATION}") == ["solid", "dash", "sysDot", "none"]

    fdi = chart_titled(report, f"Kazakhstan: {FDI}")
    assert cells.resolve(fdi.series[0].title_ref) == ["Running total"]
    running = cells.resolve(fdi.series[0].values_ref)
    assert [v for v in running if v != ""] == pytest.approx([24, 42, 62])
    projection = [v for v in cells.resolve(fdi.series[2].values_ref) if v != ""]
    assert projection[0] == pytest.approx(62) and projection[-1] == pytest.approx(62 + 4 * 62 / 3)


def test_no_progress_sheet_without_targets(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_report(make_workbook([{"corridor": "C", "country": "A", "amount": 1.0}]), path)
    assert "Progress" not in openpyxl.load_workbook(path).sheetnames


def test_progress_sheet_in_russian_has_every_word(tmp_path: Path, report_labels: list[Labels]) -> None:
    made = report_labels
    path = tmp_path / "ru.xlsx"
    export_report(_done_when_workbook(), path, ReportOptions(lang="ru", scenarios=()))
    assert made and made[0].missing == set()
    rows = Cells(path).sheets["Прогресс"]
    assert any(r[1] == "достигнута" for r in rows) and any(r[1] == "отставание" for r in rows)
