"""Every real-world file in ../shared/corpus loads or is refused with a clear LoadError (issue item 4).

Through the road the window takes for every user file (issue 13): preflight, parsing and the building
of the workbook all in the limited child process (``load_isolated``), not interpreted in this process.

Most corpus files are not corridor tables: "no corridor table found" is their
right outcome. The files below with another expected reason are checked for
that reason, so a readable file is never refused for a wrong one.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import LOAD_TIMEOUT_S, load_isolated, read_sheets_isolated

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix != ".md") if CORPUS.is_dir() else []
NO_TABLE = "no corridor table found"
REFUSED = {
    "calamine__pass_protected.xlsx": "password-protected",
    "calamine__issue_385.xls": "password-protected",
    "calamine__issue_594_dos.ods": "repeated 999,999,999 x 999,999,999 times",
    "calamine__too_small.xls": "holds plain text",
    "calamine__OOM_alloc3.xls": "damaged or not in the Excel 97-2003 workbook (.xls) format",
}
LOADED = {"calamine__pivots.xlsx": {"targets": 20}}

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside the repository")


def test_corpus_is_complete() -> None:
    assert len(FILES) == 76


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_file_loads_or_is_refused_clearly(path: Path) -> None:
    started = time.monotonic()
    try:
        loaded = load_isolated(path)
    except LoadError as exc:
        assert time.monotonic() - started < LOAD_TIMEOUT_S
        assert "\n" not in str(exc) and "Traceback" not in str(exc)
        if NO_TABLE in exc.message:
            assert path.name not in LOADED and path.name not in REFUSED
            return
        assert path.name in REFUSED, f"refused for a wrong reason: {exc}"
        assert REFUSED[path.name] in exc.message
        return
    assert time.monotonic() - started < LOAD_TIMEOUT_S
    assert path.name not in REFUSED
    assert loaded.peak_bytes < 1024**3
    book = loaded.workbook
    assert {k: len(t) for k, t in book.tables.items() if len(t)} == LOADED[path.name]


def sheets(name: str) -> dict[str, list[list[object]]]:
    return {s.name: s.rows for s in read_sheets_isolated(CORPUS / name).sheets}


def test_strict_ooxml_is_not_silently_empty() -> None:
    rows = sheets("calamine__strict_iso_paths.xlsx")["ml_out"]
    assert rows[0][:2] == ["Item", "Thickness"] and len(rows) == 76


def test_both_date_systems() -> None:
    assert sheets("calamine__date_1904.xlsx")["Sheet1"][0][0] == dt.date(2021, 1, 1)
    assert sheets("calamine__date.xlsx")["Sheet1"][0][0] == dt.date(2021, 1, 1)


def test_xlsb_is_read() -> None:
    assert any(rows for rows in sheets("calamine__issues.xlsb").values())


def test_error_results_are_flagged_not_blank() -> None:
    read = read_sheets_isolated(CORPUS / "calamine__errors.xlsx")
    marks = next(s.marks for s in read.sheets if s.name == "Feuil1")
    assert marks[(1, 0)] == "the cell shows the spreadsheet error #DIV/0!"
    assert len(marks) == 7


def test_far_declared_dimension_is_read_by_real_cells() -> None:
    assert len(sheets("xlsxwriter__comment03.xlsx")["Sheet1"]) == 1
    assert len(sheets("calamine__issue_174.xlsx")["Sheet1"]) == 2
