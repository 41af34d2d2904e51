"""Reading an exported report back, independently of the code that wrote it.

Charts are read from the chart XML in the zip (not through openpyxl's chart
objects), cells through python-calamine, so a test checks what another reader
sees.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import python_calamine as calamine
from defusedxml import ElementTree

from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
_REF = re.compile(r"^'?(?P<sheet>.+?)'?!\$?(?P<c1>[A-Z]+)\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]+)\$?(?P<r2>\d+))?$")


@dataclass
class ChartSeries:
    title_ref: str | None
    categories_ref: str | None
    values_ref: str


@dataclass
class Chart:
    kind: str
    title: str
    series: list[ChartSeries]


def charts(path: Path) -> list[Chart]:
    """Every chart in the file: its kind (barChart, pieChart), title text and series references."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("xl/charts/chart")):
            root = ElementTree.fromstring(zf.read(name))
            plot = root.find("c:chart/c:plotArea", NS)
            kind = next(el.tag.split("}")[1] for el in plot if el.tag.endswith("Chart"))
            title = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS))
            series = []
            for ser in plot.iter(f"{{{NS['c']}}}ser"):
                tx = ser.find("c:tx//c:f", NS)
                cat = ser.find("c:cat//c:f", NS)
                val = ser.find("c:val//c:f", NS)
                series.append(
                    ChartSeries(tx.text if tx is not None else None, cat.text if cat is not None else None, val.text)
                )
            found.append(Chart(kind, title, series))
    return found


def chart_titled(path: Path, start: str) -> Chart:
    matches = [c for c in charts(path) if c.title.startswith(start)]
    assert len(matches) == 1, [c.title for c in charts(path)]
    return matches[0]


def column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Cells:
    """The report's cell values as python-calamine reads them (a second reader)."""

    def __init__(self, path: Path) -> None:
        book = calamine.CalamineWorkbook.from_path(str(path))
        self.sheets = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}

    def value(self, sheet: str, row: int, col: int) -> object:
        """1-based row, 0-based column, as in a reference."""
        rows = self.sheets[sheet]
        if row - 1 >= len(rows) or col >= len(rows[row - 1]):
            return ""
        return rows[row - 1][col]

    def resolve(self, ref: str) -> list[object]:
        """The values a one-column or one-row reference like ``'Summary'!$B$4:$B$10`` points at."""
        m = _REF.match(ref)
        assert m, ref
        sheet = m["sheet"].replace("''", "'")
        c1, r1 = column_index(m["c1"]), int(m["r1"])
        c2, r2 = (column_index(m["c2"]), int(m["r2"])) if m["c2"] else (c1, r1)
        assert c1 == c2 or r1 == r2, f"{ref} is not one row or one column"
        return [self.value(sheet, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def sheet_formulas(path: Path) -> dict[str, list[str]]:
    """Every formula stored in each worksheet XML, by worksheet part name."""
    out: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                root = ElementTree.fromstring(zf.read(name))
                out[name] = [f.text or "" for f in root.iter(f"{{{NS['s']}}}f")]
    return out


def make_workbook(
    contributions: list[dict[str, object]],
    totals: list[dict[str, object]] = (),  # type: ignore[assignment]
    targets: list[dict[str, object]] = (),  # type: ignore[assignment]
    projects: list[dict[str, object]] = (),  # type: ignore[assignment]
) -> Workbook:
    wb = Workbook()
    for key, records in (
        ("contributions", contributions),
        ("totals", totals),
        ("targets", targets),
        ("projects", projects),
    ):
        wb.table(key).append_many(records, [Origin(key.title(), i + 2) for i in range(len(records))])
    return wb


SOURCE = "EADB via SPUTNIK Azerbaijan, 26.10.2022"
HOSTILE = '=HYPERLINK("http://x","y")'


def seed_workbook() -> Workbook:
    """The seed figures, plus a second corridor with hostile text and a figure without a source."""
    c = "North-South ITC"
    contributions = [
        {"corridor": c, "country": "Russia", "amount": 13.2, "unit": "USD bn", "source": SOURCE},
        {"corridor": c, "country": "Iran", "amount": 12.87, "unit": "USD bn", "source": SOURCE},
        {"corridor": c, "country": "Kazakhstan", "amount": 6.32, "unit": "USD bn", "source": SOURCE},
        {"corridor": c, "country": "all other states", "amount": 6.7, "unit": "USD bn", "source": SOURCE},
        {"corridor": "Corridor B", "country": HOSTILE, "amount": 5.0, "unit": "USD bn", "source": "=1+1"},
        {"corridor": "Corridor B", "country": "Turkey", "amount": 2.5, "unit": "USD bn"},
    ]
    totals = [{"corridor": c, "published_total": 38.2, "unit": "USD bn", "source": "EDB"}]
    targets = [
        {
            "country": "Kazakhstan",
            "target": "National Fund assets",
            "value": 100,
            "unit": "USD bn",
            "baseline": 61,
            "baseline_year": 2023,
            "target_year": 2029,
            "source": "Kursiv",
        },
        {
            "country": "Kazakhstan",
            "target": "Railway track repaired",
            "value": 11000,
            "unit": "km",
            "target_year": 2029,
        },
        {
            "country": "Kazakhstan",
            "target": "Gasification",
            "value": 60,
            "unit": "%",
            "baseline": 59,
            "baseline_year": 2022,
            "target_year": 2029,
            "source": "ritmeurasia",
        },
    ]
    projects = [
        {
            "corridor": c,
            "project": "Rasht-Astara railway",
            "country": "Iran",
            "length_km": 162,
            "cost": 1600,
            "currency": "EUR",
            "cost_unit": "million",
            "source": "ria.ru",
        },
    ]
    return make_workbook(contributions, totals, targets, projects)


SCENARIO_ROWS = [
    {"scenario": "Iran delays", "country": "Iran", "kind": "override", "value": 8.0},
    {"scenario": "India joins", "country": "India", "kind": "add", "value": 2.5, "corridor": "North-South ITC"},
]


def with_scenarios(book: Workbook, rows: list[dict[str, object]] = SCENARIO_ROWS) -> Workbook:
    """``book`` with scenarios in its Scenarios table (the report compares the workbook's own scenarios)."""
    book.table("scenarios").append_many(rows, [Origin("Scenarios", i + 2) for i in range(len(rows))])
    return book
