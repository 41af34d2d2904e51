"""The Excel report, reloaded with python-calamine and openpyxl (issue: export to Excel with native charts)."""

from __future__ import annotations

import math
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree

from corridor_app.io.errors import ExportCancelled, SaveError
from corridor_app.io.report import export as report_module
from corridor_app.io.report.export import export_report
from corridor_app.io.report.labels import Labels
from corridor_app.io.report.options import ReportOptions
from corridor_app.model.pacing import DEFAULT_START_YEAR, target_pacing
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.scenarios import scenario_totals
from corridor_app.model.series import contribution_bars, shares

from .report_support import (
    HOSTILE,
    Cells,
    chart_titled,
    charts,
    make_workbook,
    seed_workbook,
    sheet_formulas,
    with_scenarios,
)

SCENARIOS = ("Iran delays", "India joins")
NO_SCENARIOS = ReportOptions(scenarios=())


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.xlsx"
    export_report(with_scenarios(seed_workbook()), path)
    return path


def test_sheets_in_order(report: Path) -> None:
    names = openpyxl.load_workbook(report).sheetnames
    assert names == [
        "Summary",
        "Scenario summary",
        "Corridors compared",
        "Projects by route",
        "Contributions",
        "Totals",
        "Targets",
        "Targets progress",
        "Progress",
        "Projects",
        "Sources",
    ]


def test_contributions_chart_points_at_the_model_numbers(report: Path) -> None:
    rec = reconcile_totals(seed_workbook())[0]
    bars = contribution_bars(rec)
    chart = chart_titled(report, "Contributions by country: North-South ITC")
    assert chart.kind == "barChart" and len(chart.series) == 1
    cells = Cells(report)
    series = chart.series[0]
    assert cells.resolve(series.categories_ref) == [*bars.labels, "Sum of parts", "Published total", "Residual"]
    values = cells.resolve(series.values_ref)
    assert values == pytest.approx([*bars.values, rec.sum_of_parts, rec.published_total, rec.residual])
    assert values[-1] == pytest.approx(0.89)  # the seed residual is shown, not absorbed
    assert cells.resolve(series.title_ref) == ["Amount (USD bn)"]


def test_share_chart_points_at_model_shares(report: Path) -> None:
    rec = reconcile_totals(seed_workbook())[0]
    expected = shares(rec)
    chart = chart_titled(report, "Share of the sum of parts: North-South ITC")
    cells = Cells(report)
    labels = cells.resolve(chart.series[0].categories_ref)
    values = cells.resolve(chart.series[0].values_ref)
    assert chart.kind == "pieChart"
    assert dict(zip(labels, values, strict=True)) == pytest.approx(expected)
    assert sum(values) == pytest.approx(100)


def test_every_chart_series_points_at_numbers(report: Path) -> None:
    found = charts(report)
    # 2 corridors x (bars, pie), scenarios, deltas, waterfall, tornado, targets, corridors compared; the one
    # project has no FX rate, so it is listed, not drawn.
    assert len(found) == 10
    cells = Cells(report)
    for chart in found:
        for series in chart.series:
            values = cells.resolve(series.values_ref)
            labels = cells.resolve(series.categories_ref)
            assert len(values) == len(labels) > 0, chart.title
            # A blank is a country absent from a scenario or a corridor: no bar, never a made-up zero.
            drawn = [v for v in values if v != ""]
            assert drawn and all(isinstance(v, float) and math.isfinite(v) for v in drawn), (chart.title, values)
            assert all(isinstance(v, str) and v for v in labels), (chart.title, labels)
            assert cells.resolve(series.title_ref)[0], chart.title


def test_scenario_charts_draw_the_screen_comparison(report: Path) -> None:  # issue 13 item 3, issue 15
    columns = scenario_totals(with_scenarios(seed_workbook()), "North-South ITC")
    cells = Cells(report)
    chart = chart_titled(report, "Amount by country and scenario")
    assert [cells.resolve(s.title_ref)[0] for s in chart.series] == ["Baseline", *SCENARIOS]
    for s, column in zip(chart.series, columns, strict=True):
        assert cells.resolve(s.categories_ref) == list(column.countries)
        expected = ["" if v is None else pytest.approx(v) for v in column.countries.values()]
        assert cells.resolve(s.values_ref) == expected  # India is absent from the baseline: blank, not 0
    delta = chart_titled(report, "Change against the baseline")
    assert [cells.resolve(s.title_ref)[0] for s in delta.series] == list(SCENARIOS)
    for s, column in zip(delta.series, columns[1:], strict=True):
        assert cells.resolve(s.values_ref) == pytest.approx(list(column.country_delta.values()))
    iran = list(columns[0].countries).index("Iran")
    assert cells.resolve(delta.series[0].values_ref)[iran] == pytest.approx(8.0 - 12.87)


def test_waterfall_is_a_stacked_column_with_an_invisible_base(report: Path) -> None:  # issue 15
    chart = chart_titled(report, "Baseline to Iran delays")
    cells = Cells(report)
    assert chart.kind == "barChart" and len(chart.series) == 4
    steps = cells.resolve(chart.series[0].categories_ref)
    assert steps == ["Baseline", "Iran", "Iran delays"]
    base, up, down, total = (cells.resolve(s.values_ref) for s in chart.series)
    assert down == pytest.approx([0, 12.87 - 8.0, 0]) and up == pytest.approx([0, 0, 0])
    assert total == pytest.approx([39.09, 0, 34.22]) and base == pytest.approx([0, 34.22, 0])
    with zipfile.ZipFile(report) as zf:
        xml = next(
            zf.read(n) for n in zf.namelist() if n.startswith("xl/charts/") and b"Baseline to Iran" in zf.read(n)
        )
    assert b'<c:grouping val="stacked"/>' in xml and b"<a:noFill/>" in xml


def test_tornado_has_each_countrys_low_and_high_effect(report: Path) -> None:  # issue 15
    chart = chart_titled(report, "Iran delays: total 34.22 when one country moves ±10 %")
    cells = Cells(report)
    low, high = (cells.resolve(s.values_ref) for s in chart.series)
    countries = cells.resolve(chart.series[0].categories_ref)
    assert countries[0] == "Russia"  # the widest swing on top
    assert low[0] == pytest.approx(-1.32) and high[0] == pytest.approx(1.32)


def test_corridors_compared_only_with_two_corridors(report: Path, tmp_path: Path) -> None:  # issue 15
    chart = chart_titled(report, "Contributions by country across corridors (USD bn)")
    cells = Cells(report)
    assert [cells.resolve(s.title_ref)[0] for s in chart.series] == ["North-South ITC", "Corridor B"]
    one = tmp_path / "one.xlsx"
    book = make_workbook([{"corridor": "C", "country": "Iran", "amount": 1.0, "unit": "USD bn"}])
    export_report(book, one)
    assert "Corridors compared" not in openpyxl.load_workbook(one).sheetnames


def test_projects_by_route_stacked_by_mode_in_the_display_currency(tmp_path: Path) -> None:  # issue 15
    projects = [
        {"project": "A", "route": "East", "mode": "rail", "cost": 2.0, "currency": "USD", "cost_unit": "bn"},
        {"project": "B", "route": "East", "mode": "road", "cost": 500, "currency": "USD", "cost_unit": "mln"},
        {"project": "C", "route": "West", "mode": "rail", "cost": 1.0, "currency": "USD", "cost_unit": "bn"},
        {"project": "D", "route": "West", "mode": "rail", "cost": 9.0, "currency": "XYZ", "cost_unit": "bn"},
    ]
    book = make_workbook([{"corridor": "C", "country": "Iran", "amount": 1.0, "unit": "USD bn"}], projects=projects)
    path = tmp_path / "p.xlsx"
    export_report(book, path)
    chart = chart_titled(path, "Project costs by route, stacked by mode (USD bn)")
    cells = Cells(path)
    assert [cells.resolve(s.title_ref)[0] for s in chart.series] == ["rail", "road"]
    assert cells.resolve(chart.series[0].categories_ref) == ["East", "West"]
    assert cells.resolve(chart.series[0].values_ref) == pytest.approx([2.0, 1.0])
    assert cells.resolve(chart.series[1].values_ref) == pytest.approx([0.5, 0.0])
    listed = [r for r in cells.sheets["Projects by route"] if r and r[1] == "D"]
    assert listed and listed[0][3] == pytest.approx(9.0)  # listed beside, in no total


def test_same_colour_for_a_country_in_every_chart(report: Path) -> None:  # issue 15
    with zipfile.ZipFile(report) as zf:
        names = sorted(n for n in zf.namelist() if n.startswith("xl/charts/chart"))
        xml = {n: zf.read(n).decode() for n in names}
    bars = next(x for x in xml.values() if "Contributions by country: North-South" in x)
    pie = next(x for x in xml.values() if "Share of the sum of parts: North-South" in x)
    colours = lambda x: re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"', x, re.S)  # noqa: E731
    assert colours(bars)[:4] == colours(pie)[:4]


def test_targets_progress_chart_uses_pacing(report: Path) -> None:
    pacing = [p for p in target_pacing(seed_workbook(), DEFAULT_START_YEAR) if p.progress_pct is not None]
    chart = chart_titled(report, "Progress toward targets")
    cells = Cells(report)
    assert cells.resolve(chart.series[0].categories_ref) == [p.label for p in pacing]
    assert cells.resolve(chart.series[0].values_ref) == pytest.approx([61.0, 59 / 60 * 100])


def test_targets_sheet_has_pacing_columns(report: Path) -> None:
    ws = openpyxl.load_workbook(report)["Targets"]
    header = [c.value for c in ws[1]]
    pace = header.index("Pace needed per year")
    assert ws.cell(row=2, column=pace + 1).value == pytest.approx((100 - 61) / 6)
    # No baseline: an amount to accumulate from 2023 to 2029, both counted (model/pacing.py).
    assert ws.cell(row=3, column=pace + 1).value == pytest.approx(11000 / 7)
    assert ws.cell(row=3, column=header.index("Pacing") + 1).value == "in progress"


def test_summary_sums_match_reconcile_totals_and_formulas_agree(report: Path) -> None:
    recs = reconcile_totals(seed_workbook())
    cells = Cells(report)
    rows = cells.sheets["Summary"]
    for rec in recs:
        title = f"{rec.corridor} ({rec.unit})"
        top = next(i for i, r in enumerate(rows) if r[0] == title)
        n = len(rec.countries)
        amounts = [rows[top + 2 + i][1] for i in range(n)]
        assert sum(amounts) == pytest.approx(rec.sum_of_parts)
        sum_row = rows[top + 2 + n]
        assert sum_row[0] == "Sum of parts"
        assert sum_row[1] == pytest.approx(rec.sum_of_parts)  # a number, readable without recalculation
        if rec.published_total is not None:
            assert rows[top + 3 + n][1] == pytest.approx(rec.published_total)
            assert rows[top + 4 + n][1] == pytest.approx(rec.residual)
    ws = openpyxl.load_workbook(report)["Summary"]
    formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    sums = [c for c in formulas if c.value.startswith("=SUM(")]
    assert len(sums) == len(recs)
    for cell in sums:  # the formula beside the number adds up the same cells
        first, last = re.match(r"=SUM\(B(\d+):B(\d+)\)", cell.value).groups()
        total = sum(ws.cell(row=r, column=2).value for r in range(int(first), int(last) + 1))
        assert ws.cell(row=cell.row, column=2).value == pytest.approx(total)


def test_no_text_cell_became_a_formula(report: Path) -> None:
    built = re.compile(r"^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+-[A-Z]+\d+|[A-Z]+\d+/[A-Z]+\d+\*100)$")
    for part, formulas in sheet_formulas(report).items():
        for f in formulas:
            assert built.match(f), (part, f)
    cells = Cells(report)
    summary = [v for row in cells.sheets["Summary"] for v in row]
    assert HOSTILE in summary
    assert "=1+1" in summary  # a source that looks like a formula is text too
    assert HOSTILE in [v for row in cells.sheets["Contributions"] for v in row]
    book = openpyxl.load_workbook(report)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert "HYPERLINK" not in cell.value and cell.value != "=1+1"


def test_sources_list_every_figure(report: Path) -> None:
    wb = seed_workbook()
    rows = Cells(report).sheets["Sources"]
    header = rows.index(["Sheet", "Cell", "Item", "Figure", "Value", "Unit", "Source"])
    listed = rows[header + 1 :]
    data = [r for r in listed if r[0] != "Summary"]
    expected = (
        len(wb.table("contributions")) + len(wb.table("totals")) + 3 + 2  # 3 target values + 2 baselines
    ) + 2  # project cost and length
    assert len(data) == expected
    turkey = next(r for r in data if r[2] == "Corridor B: Turkey")
    assert turkey[6] == "no source"
    cells = Cells(report)
    for sheet, cell, _, _, value, _, _ in data:  # each listed cell holds the listed number
        col = re.match(r"([A-Z]+)(\d+)", cell)
        assert cells.resolve(f"'{sheet}'!{col[1]}{col[2]}") == [pytest.approx(value)]


def test_sources_in_cell_comments(report: Path) -> None:
    ws = openpyxl.load_workbook(report)["Summary"]
    russia = next(c for c in ws["A"] if c.value == "Russia")
    comment = ws.cell(row=russia.row, column=2).comment
    assert comment is not None and "EADB via SPUTNIK" in comment.text


def test_charts_have_titles_axis_titles_and_number_formats(report: Path) -> None:
    with zipfile.ZipFile(report) as zf:
        root = ElementTree.fromstring(zf.read("xl/charts/chart1.xml"))
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    chart = root.find(f"{c}chart")
    assert "".join(t.text for t in chart.find(f"{c}title").iter(f"{a}t")).startswith("Contributions by country")
    value_axis = chart.find(f"{c}plotArea/{c}valAx")
    assert "".join(t.text for t in value_axis.find(f"{c}title").iter(f"{a}t")) == "USD bn"  # unit on the axis
    deleted = value_axis.find(f"{c}delete")
    assert deleted is None or deleted.get("val") == "0"  # the axis is drawn
    labels = chart.find(f"{c}plotArea/{c}barChart/{c}ser/{c}dLbls")
    assert labels.find(f"{c}showVal").get("val") == "1"
    assert labels.find(f"{c}numFmt").get("formatCode") == "#,##0.00"


def test_without_scenarios_no_scenario_sheet(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_report(with_scenarios(seed_workbook()), path, NO_SCENARIOS)
    assert "Scenario summary" not in openpyxl.load_workbook(path).sheetnames
    assert len(charts(path)) == 6


def test_empty_workbook_exports(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    export_report(make_workbook([]), path)
    assert Cells(path).sheets["Summary"][3][0] == "The workbook has no contributions."
    assert charts(path) == []


def test_images_placed_beside_charts(tmp_path: Path) -> None:
    png, other = _png(40, 20), _png(30, 20)
    path = tmp_path / "r.xlsx"
    export_report(with_scenarios(seed_workbook()), path, images={"contributions": png, "targets": other})
    with zipfile.ZipFile(path) as zf:
        media = sorted(n for n in zf.namelist() if n.startswith("xl/media/"))
        assert sorted(zf.read(n) for n in media) == sorted([png, other])
    with pytest.raises(ValueError, match="PNG"):
        export_report(seed_workbook(), path, images={"contributions": b"GIF89a..."})


def test_previous_report_survives_a_failure_mid_export(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = report.read_bytes()

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(report_module, "SECTIONS", (*report_module.SECTIONS, broken))
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_report(seed_workbook(), report)
    assert report.read_bytes() == before
    assert list(report.parent.iterdir()) == [report]  # no temporary file left behind


def test_unwritable_folder_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="nothing was changed"):
        export_report(seed_workbook(), tmp_path / "missing" / "r.xlsx")


@pytest.mark.parametrize("after", [1, 4, 1000])
def test_cancel_leaves_previous_report(report: Path, after: int) -> None:
    before = report.read_bytes()
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= after

    if after == 1000:  # never cancelled: the export completes and replaces the report
        export_report(seed_workbook(), report, cancelled=cancelled)
        assert report.read_bytes() != before
        return
    with pytest.raises(ExportCancelled):
        export_report(seed_workbook(), report, cancelled=cancelled)
    assert report.read_bytes() == before
    assert list(report.parent.iterdir()) == [report]


def test_cancel_after_the_file_is_written_still_keeps_the_previous(report: Path) -> None:
    before = report.read_bytes()
    seen: list[str] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(message)

    def cancelled() -> bool:
        return bool(seen) and seen[-1] == "Writing the file"

    with pytest.raises(ExportCancelled):
        export_report(seed_workbook(), report, progress=progress, cancelled=cancelled)
    assert report.read_bytes() == before


def test_large_export_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    projects = [{"project": f"P{i}", "country": "Iran", "cost": float(i), "source": "s"} for i in range(3000)]
    wb = make_workbook([{"corridor": "C", "country": "Iran", "amount": 1.0}], projects=projects)
    path = tmp_path / "big.xlsx"
    progress: list[tuple[float, str]] = []
    export_report(wb, path, progress=lambda f, m: progress.append((f, m)))
    fractions = [f for f, _ in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("Projects: row 2,500" in m for _, m in progress)
    assert Cells(path).sheets["Projects"][3000][1] == "P2999"

    path.write_bytes(b"previous")
    with pytest.raises(ExportCancelled):
        export_report(
            wb,
            path,
            cancelled=lambda: any("Projects: row 1,000" in m for _, m in progress[-1:]),
            progress=lambda f, m: progress.append((f, m)),
        )
    assert path.read_bytes() == b"previous"


def test_report_modules_do_not_import_qt() -> None:
    code = (
        "import sys, corridor_app.io.report.export, corridor_app.io.report.options, corridor_app.model.pacing;"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _png(width: int, height: int) -> bytes:
    """A valid grey PNG, made without Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_every_word_of_the_report_has_its_russian(tmp_path: Path, report_labels: list[Labels]) -> None:  # issue 19
    made = report_labels
    projects = [{"project": "A", "route": "", "mode": "", "cost": 2.0, "currency": "USD", "cost_unit": "bn"}]
    book = with_scenarios(seed_workbook())
    book.table("projects").append_many(projects, [None])  # type: ignore[list-item]
    path = tmp_path / "ru.xlsx"
    export_report(book, path, ReportOptions(lang="ru"))
    assert made and made[0].missing == set()
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:2] == ["Сводка", "Сценарии"] and all(len(n) <= 31 for n in names)
