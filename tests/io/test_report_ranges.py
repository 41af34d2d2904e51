"""Ranges in the report (issue 18 item 4): Low/High cells, the verdict within the ranges, custom error bars.

A workbook read from a CSV with Russia written "12–14" and a published total
"более 38" is exported and reread with python-calamine and openpyxl; the error
bars are read from the chart XML and resolved against the cells.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.report.export import export_report
from corridor_app.io.report.labels import Labels
from corridor_app.io.report.options import ReportOptions
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

from .report_support import NS, Cells, chart_titled, seed_workbook

CSV = (
    "Страна;Сумма, млрд долл.;Источник\n"
    "Россия;12–14;ЕАБР\nИран;12,87;ЕАБР\nКазахстан;6,32;ЕАБР\nпрочие;около 6,7;ЕАБР\nИтого;более 38;ЕАБР\n"
)


def _ranged_workbook(tmp_path: Path) -> Workbook:
    path = tmp_path / "ranges.csv"
    path.write_text(CSV, encoding="utf-8")
    book = load_workbook(path)
    corridor = str(book.table("contributions").value(0, "corridor") or "")
    rows = [{"scenario": "Russia +10 %", "country": "Россия", "kind": "percent", "value": 10, "corridor": corridor}]
    book.table("scenarios").append_many(rows, [Origin("Scenarios", 2)])
    return book


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.xlsx"
    export_report(_ranged_workbook(tmp_path), path)
    return path


def _row(rows: list[list[object]], first: str) -> list[object]:
    return next(r for r in rows if r and r[0] == first)


def test_data_sheets_write_low_high_and_approximate(report: Path) -> None:  # issue 18 item 4
    book = openpyxl.load_workbook(report)
    contributions = list(book["Contributions"].values)
    header = list(contributions[0])
    russia = next(r for r in contributions if r[header.index("Country")] == "Россия")
    assert (russia[header.index("Low")], russia[header.index("High")]) == (12, 14)
    others = next(r for r in contributions if r[header.index("Country")] == "прочие")
    assert others[header.index("Approximate")] == "approximate"
    totals = list(book["Totals"].values)
    header = list(totals[0])
    assert (totals[1][header.index("Low")], totals[1][header.index("High")]) == (38, None)


def test_summary_has_the_ranges_and_the_range_verdict(report: Path, tmp_path: Path) -> None:  # issue 18 item 4
    rec = reconcile_totals(_ranged_workbook(tmp_path))[0]
    rows = Cells(report).sheets["Summary"]
    header = _row(rows, "Country")
    low, high = header.index("Low"), header.index("High")
    assert (_row(rows, "Россия")[low], _row(rows, "Россия")[high]) == (12, 14)
    assert _row(rows, "Иран")[low] == ""  # a point: no range written
    parts = _row(rows, "Sum of parts")
    assert (parts[low], parts[high]) == pytest.approx(rec.parts_interval) == (37.89, 39.89)
    published = _row(rows, "Published total")
    assert (published[1], published[low], published[high]) == (38, 38, "")  # "более 38": no high
    residual = _row(rows, "Residual")
    assert (residual[low], residual[high]) == ("", pytest.approx(39.89 - 38))  # open below
    assert _row(rows, "Verdict")[1].startswith("does not reconcile")  # the tolerance verdict stays
    within = _row(rows, "Within the ranges")[1]
    assert within.startswith("consistent within the ranges") and rec.consistent_within_ranges
    assert "37.89 – 39.89" in within and "38.00 or more" in within
    assert within.endswith("approximate: прочие")  # "около 6,7" is said to be approximate


def _error_bars(path: Path, title: str) -> list[tuple[str, str, str]]:
    """(kind, plus reference, minus reference) of each error bar element of the chart titled ``title``."""
    with zipfile.ZipFile(path) as zf:
        for name in (n for n in zf.namelist() if n.startswith("xl/charts/chart")):
            root = ElementTree.fromstring(zf.read(name))
            if not "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS)).startswith(title):
                continue
            return [
                (
                    bars.find("c:errValType", NS).get("val"),
                    bars.find("c:plus//c:f", NS).text,
                    bars.find("c:minus//c:f", NS).text,
                )
                for bars in root.iter(f"{{{NS['c']}}}errBars")
            ]
    raise AssertionError(f"no chart titled {title!r}")


def test_contributions_chart_has_custom_error_bars_only_where_a_range_is_stated(report: Path) -> None:
    cells = Cells(report)
    chart = chart_titled(report, "Contributions by country")
    categories = cells.resolve(chart.series[0].categories_ref)
    values = cells.resolve(chart.series[0].values_ref)
    [(kind, plus_ref, minus_ref)] = _error_bars(report, "Contributions by country")
    assert kind == "cust"
    plus, minus = cells.resolve(plus_ref), cells.resolve(minus_ref)
    assert len(plus) == len(minus) == len(categories)
    drawn = {c: (v - m, v + p) for c, v, m, p in zip(categories, values, minus, plus, strict=True) if p != ""}
    assert set(drawn) == {"Россия", "Sum of parts"}  # the points stated as points get no whisker
    assert drawn["Россия"] == pytest.approx((12, 14))
    assert drawn["Sum of parts"] == pytest.approx((37.89, 39.89))
    assert all(isinstance(x, float) for x in (*plus, *minus) if x != "")  # numeric cells, not text


def test_scenario_columns_carry_their_range(report: Path) -> None:  # issue 18 item 2 through the report
    rows = Cells(report).sheets["Scenario summary"]
    header = rows[3]
    scenario = header.index("Russia +10 %")
    low, high = _row(rows, "Sum of parts, low"), _row(rows, "Sum of parts, high")
    assert (low[1], high[1]) == pytest.approx((37.89, 39.89))
    assert (low[scenario], high[scenario]) == pytest.approx((37.89 + 1.2, 39.89 + 1.4))  # the bounds scale by 10 %


def test_without_ranges_the_summary_keeps_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    export_report(seed_workbook(), path, ReportOptions(scenarios=()))
    rows = Cells(path).sheets["Summary"]
    assert _row(rows, "Country")[:5] == ["Country", "Amount (USD bn)", "Share of sum of parts", "Formula", "Source"]
    assert _error_bars(path, "Contributions by country: North-South ITC") == []
    assert not any(r[0] == "Within the ranges" for r in rows)


def test_ranges_in_russian_have_every_word(tmp_path: Path, report_labels: list[Labels]) -> None:
    made = report_labels
    path = tmp_path / "ru.xlsx"
    export_report(_ranged_workbook(tmp_path), path, ReportOptions(lang="ru"))
    assert made and made[0].missing == set()
    rows = Cells(path).sheets["Сводка"]
    assert _row(rows, "С учётом диапазонов")[1].startswith("согласуется в пределах диапазонов")
