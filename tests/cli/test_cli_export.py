"""``corridor-app export FILE --out REPORT.xlsx [--scenario NAME ...]``."""

from __future__ import annotations

from pathlib import Path

import pytest
import python_calamine as calamine

from corridor_app import cli
from corridor_app.io.saving.writer import save_workbook

from ..io.report_support import seed_workbook


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.xlsx"
    save_workbook(seed_workbook(), path)
    return path


def test_export_writes_a_report(data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.xlsx"
    assert cli.main(["export", str(data_file), "--out", str(out)]) == 0
    book = calamine.CalamineWorkbook.from_path(str(out))
    assert book.sheet_names[0] == "Summary"
    rows = book.get_sheet_by_name("Summary").to_python()
    sum_row = next(r for r in rows if r[0] == "Sum of parts")
    assert sum_row[1] == pytest.approx(39.09)
    assert "report written" in capsys.readouterr().out


def test_unreadable_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a spreadsheet")
    out = tmp_path / "report.xlsx"
    assert cli.main(["export", str(bad), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error:") and "Traceback" not in err
    assert not out.exists()


def test_unwritable_output_is_one_line_exit_2(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", str(data_file), "--out", str(tmp_path / "no" / "r.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be written" in err


def test_unknown_scenario_is_exit_2(data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", str(data_file), "--out", str(tmp_path / "r.xlsx"), "--scenario", "Nope"]) == 2
    assert "no scenario named 'Nope'" in capsys.readouterr().err


def test_chosen_scenarios_go_into_the_report(data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    available = {"Iran delays": {"Iran": 8.0}, "India joins": {"India": 2.5}, "Unused": {"Iran": 1.0}}
    monkeypatch.setattr(cli.export, "workbook_scenarios", lambda workbook, corridor: available)
    out = tmp_path / "r.xlsx"
    args = ["export", str(data_file), "--out", str(out), "--scenario", "India joins", "--scenario", "Iran delays"]
    assert cli.main(args) == 0
    rows = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Scenario summary").to_python()
    header = next(r for r in rows if r[1:4] == ["Current values", "India joins", "Iran delays"])
    assert "Unused" not in header


def test_scenarios_stored_in_the_workbook_reach_the_report(tmp_path: Path) -> None:
    """Issue 5 with issue 4: a scenario from the Scenarios sheet is a column of the Scenario summary."""
    bundled = Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx"
    out = tmp_path / "r.xlsx"
    assert (
        cli.main(["export", str(bundled), "--out", str(out), "--scenario", "Iran's share halved under sanctions"]) == 0
    )
    rows = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Scenario summary").to_python()
    header_at = next(
        i for i, r in enumerate(rows) if r[1:3] == ["Current values", "Iran's share halved under sanctions"]
    )
    iran = next(r for r in rows[header_at:] if r[0] == "Iran")
    assert iran[1:3] == [pytest.approx(12.87), pytest.approx(6.435)]
