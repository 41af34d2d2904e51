"""`summary`, `check` and `export` take the column mapping as flags, and `check` names a CSV's encoding (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook as XlsxBook

from corridor_app import cli


def _xlsx(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = XlsxBook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_summary_with_flags_reads_unknown_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _xlsx(tmp_path / "e.xlsx", [("Economy", "Value (USD m)"), ("Kazakhstan", 120.5), ("China", 300)])
    assert cli.main(["summary", str(path)]) == 2
    assert "no corridor table found" in capsys.readouterr().err
    argv = ["summary", str(path), "--json", "--country-column", "Economy", "--amount-column", "Value (USD m)"]
    assert cli.main(argv) == 0
    corridor = json.loads(capsys.readouterr().out)["corridors"][0]
    assert corridor["sum_of_parts"] == pytest.approx(420.5)


def test_check_and_export_take_the_same_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _xlsx(tmp_path / "t.xlsx", [("text", "number"), ("Kazakhstan", 1.5), ("China", "abc")])
    flags = ["--sheet", "Sheet", "--header-row", "1", "--country-column", "text", "--amount-column", "number"]
    assert cli.main(["check", str(path), *flags]) == 1
    err = capsys.readouterr().err
    assert "sheet 'Sheet', row 3, column 'number', cell B3" in err
    good = _xlsx(tmp_path / "g.xlsx", [("text", "number"), ("Kazakhstan", 1.5), ("China", 2)])
    out = tmp_path / "report.xlsx"
    assert cli.main(["export", str(good), "--out", str(out), *flags]) == 0
    assert out.exists()


def test_check_names_the_encoding_and_takes_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes("Страна;Сумма, млрд долл.;Источник\nРоссия;13,2;ЕАБР\n".encode("koi8_r"))
    assert cli.main(["check", str(path)]) == 0
    assert "read as KOI8-R text" in capsys.readouterr().out
    assert cli.main(["check", str(path), "--encoding", "utf-8"]) == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_summary_json_adds_by_year_and_keeps_the_other_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Country,2013,2014,2015\nKazakhstan,1.5,2.5,3\nChina,10,,12.25\n", encoding="utf-8")
    assert cli.main(["summary", str(path), "--json"]) == 0
    corridor = json.loads(capsys.readouterr().out)["corridors"][0]
    assert corridor["by_year"] == {"2013": 11.5, "2014": 2.5, "2015": 15.25}
    assert corridor["sum_of_parts"] == pytest.approx(29.25)
    for key in ("corridor", "countries", "unit", "published_total", "residual", "residual_pct", "reconciled"):
        assert key in corridor


def test_the_text_summary_shows_the_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Country,2013,2014\nKazakhstan,1.5,2.5\nChina,10,\n", encoding="utf-8")
    assert cli.main(["summary", str(path)]) == 0
    assert "by year: 2013 11.50, 2014 2.50" in capsys.readouterr().out
