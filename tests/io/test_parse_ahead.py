"""The parse ahead of the preflight: the same answers as a load in order, never a weaker limit.

Guards issue 17 item 4 ("the load the window runs ahead of pandas"): the loading child parses a
spreadsheet while its preflight scans it (io/loading/_child.py). Whatever the parse ahead does,
the answer must be the one a load in order gives, and a file the preflight refuses is refused for
its reason.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading import budget, isolated
from corridor_app.io.loading.budget import Budget, ahead_budget

from .hostile_files import CORRIDOR_ROWS, make_ods, make_xlsx, write_zip

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"
CORPUS = REPO / ".." / "shared" / "corpus"
GIB = 1024**3
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def _plan(path: Path) -> Budget | None:
    return ahead_budget(str(path), base_seconds=10, base_memory=GIB)


def test_an_ordinary_workbook_is_parsed_ahead_under_the_base_budget(tmp_path: Path) -> None:
    assert _plan(make_xlsx(tmp_path / "f.xlsx")) == Budget(10, GIB)
    assert _plan(BUNDLED) == Budget(10, GIB)


def test_the_estimate_grows_with_the_declared_sheet_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_xlsx(tmp_path / "f.xlsx")
    declared = next(i.file_size for i in zipfile.ZipFile(path).infolist() if "worksheets/" in i.filename)
    monkeypatch.setattr(budget, "BASE_CELLS", 10)
    got = _plan(path)
    assert got is not None and got.extra
    cells = declared // budget.XML_BYTES_PER_CELL
    assert got.memory == GIB + (cells - 10) * budget.BYTES_PER_CELL


def test_no_parse_ahead_where_the_directory_cannot_bound_the_parse(tmp_path: Path) -> None:
    csv = tmp_path / "f.csv"
    csv.write_text("Country,Amount\nIran,12.87\n", encoding="utf-8")
    assert _plan(csv) is None
    # A part that declares it inflates 1000 times its packed size: the preflight refuses it, nothing parses first.
    bomb = make_xlsx(tmp_path / "bomb.xlsx", CORRIDOR_ROWS + "<!-- " + " " * 5_000_000 + " -->")
    assert _plan(bomb) is None
    xlsb = tmp_path / "f.xlsb"
    write_zip(xlsb, {"[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.bin": b"\x00" * 64})
    assert _plan(xlsb) is None
    assert _plan(tmp_path / "missing.xlsx") is None


def test_a_refusal_is_the_preflight_s_even_with_a_parse_ahead(tmp_path: Path) -> None:
    # The parser would read the first cell happily; the preflight refuses the DTD.
    path = make_xlsx(tmp_path / "dtd.xlsx", CORRIDOR_ROWS, before="")
    part = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    hostile = part.replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1)
    make_xlsx(path, CORRIDOR_ROWS, replace={"xl/worksheets/sheet1.xml": hostile})
    with pytest.raises(LoadError) as info:
        isolated.load_workbook_isolated(path)
    assert "DTD" in info.value.message


@pytest.mark.slow
def test_a_sheet_larger_than_its_directory_suggests_is_loaded_again_in_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # An .ods row repeated 220,000 times: a few hundred bytes declared, 2.2 million cells counted, so the
    # counted budget is above the estimate. The parent trusts only a budget said before a parser ran,
    # so the child asks for a load in order, under the counted budget.
    def cell(value: str, kind: str = "string") -> str:
        if kind == "float":
            return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    header = (
        "<table:table-row>"
        + cell("Country")
        + cell("Amount")
        + "".join(cell(f"N{i}") for i in range(8))
        + "</table:table-row>"
    )
    body = '<table:table-row table:number-rows-repeated="220000">' + cell("Iran") + cell("1.5", "float")
    body += "".join(cell("x") for _ in range(8)) + "</table:table-row>"
    path = make_ods(tmp_path / "repeated.ods", f'<table:table table:name="Contributions">{header}{body}</table:table>')
    with zipfile.ZipFile(path, "a") as zf:  # calamine wants the manifest a real .ods has
        zf.writestr("META-INF/manifest.xml", MANIFEST)
    plan = _plan(path)
    assert plan is not None and not plan.extra
    with caplog.at_level(logging.INFO, logger=isolated.__name__):
        book = isolated.load_workbook_isolated(path)
    assert "loading again in order" in caplog.text
    assert len(book.table("contributions")) == 220_000


def test_a_child_that_died_ahead_of_its_preflight_is_run_again_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[str] = []

    def run_once(path: str, mode: str, **_kwargs: object) -> tuple[object, int, int]:
        modes.append(mode)
        if len(modes) == 1:
            raise isolated._AheadDied(LoadError(path, "the reader crashed on this file"))
        return ["sheets"], 1, 1

    monkeypatch.setattr(isolated, "_run_once", run_once)
    payload, _seconds, _peak, _base = isolated._run("f.xlsx", "sheets", timeout=10, memory=GIB, deadline=None)
    assert payload == ["sheets"] and modes == ["sheets", "sheets:sequential"]


def test_an_error_the_preflight_stands_behind_is_not_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def run_once(path: str, mode: str, **_kwargs: object) -> tuple[object, int, int]:
        calls.append(mode)
        raise LoadError(path, "no corridor table found")

    monkeypatch.setattr(isolated, "_run_once", run_once)
    with pytest.raises(LoadError):
        isolated._run("f.xlsx", "workbook", timeout=10, memory=GIB, deadline=None)
    assert calls == ["workbook"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize(
    "name",
    [
        "calamine__any_sheets.ods",
        "calamine__errors.xlsx",
        "calamine__merged_range.xlsx",
        "calamine__issues.xlsx",
        "xlsxwriter__formula_results01.xlsx",
        "xlsxwriter__unicode_polish_utf8.xlsx",
    ],
)
def test_sheets_parsed_ahead_equal_sheets_parsed_in_order(name: str) -> None:
    path = str(CORPUS / name)

    def sheets(mode: str) -> object:
        try:
            payload = isolated._run_once(path, mode, timeout=10, memory=GIB, deadline=isolated.time.monotonic() + 10)
        except LoadError as exc:
            return ("refused", exc.message, exc.sheet)
        return [(s.name, s.rows, s.marks, s.first_row, s.first_col) for s in payload[0]]  # type: ignore[attr-defined]

    assert sheets("sheets") == sheets("sheets:sequential")
