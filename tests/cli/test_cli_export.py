"""``corridor-app export FILE --out REPORT.xlsx [--scenario NAME ...]``."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
import python_calamine as calamine

from corridor_app import cli
from corridor_app.io.saving.writer import save_workbook

from ..io.report_support import SCENARIO_ROWS, charts, seed_workbook, with_scenarios

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx"


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


def test_chosen_scenarios_go_into_the_report(tmp_path: Path) -> None:
    data = tmp_path / "scenarios.xlsx"
    rows = [*SCENARIO_ROWS, {"scenario": "Unused", "country": "Iran", "kind": "override", "value": 1.0}]
    save_workbook(with_scenarios(seed_workbook(), rows), data)
    out = tmp_path / "r.xlsx"
    args = ["export", str(data), "--out", str(out), "--scenario", "India joins", "--scenario", "Iran delays"]
    assert cli.main(args) == 0
    rows_read = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Scenario summary").to_python()
    header = next(r for r in rows_read if r[1:4] == ["Baseline", "India joins", "Iran delays"])
    assert "Unused" not in header


def test_every_scenario_by_default_and_none_when_told(tmp_path: Path) -> None:  # issue 15 item 2, issue 13 item 3
    data = tmp_path / "scenarios.xlsx"
    save_workbook(with_scenarios(seed_workbook()), data)
    out = tmp_path / "r.xlsx"
    assert cli.main(["export", str(data), "--out", str(out)]) == 0
    rows = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Scenario summary").to_python()
    assert any(r[1:4] == ["Baseline", "Iran delays", "India joins"] for r in rows)
    assert cli.main(["export", str(data), "--out", str(out), "--no-scenarios"]) == 0
    assert "Scenario summary" not in calamine.CalamineWorkbook.from_path(str(out)).sheet_names


def test_scenario_and_no_scenarios_together_is_exit_2(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(data_file), "--out", str(tmp_path / "r.xlsx"), "--scenario", "A", "--no-scenarios"]
    assert cli.main(args) == 2
    assert "contradict" in capsys.readouterr().err


def test_default_export_of_the_bundled_dataset_has_every_chart(tmp_path: Path) -> None:  # issue 15, done when
    out = tmp_path / "r.xlsx"
    assert cli.main(["export", str(BUNDLED), "--out", str(out)]) == 0
    titles = [c.title for c in charts(out)]
    for start in (
        "Contributions by country",
        "Share of the sum of parts",
        "Amount by country and scenario",
        "Change against the baseline",
        "Baseline to ",
        "when one country moves",
        "Progress toward targets",
        "Project costs by route",
    ):
        assert sum(t.startswith(start) or start in t for t in titles) == 1, (start, titles)
    assert len(titles) >= 7


def test_report_in_russian(tmp_path: Path) -> None:  # issue 19 item 3
    out_en, out_ru = tmp_path / "en.xlsx", tmp_path / "ru.xlsx"
    assert cli.main(["export", str(BUNDLED), "--out", str(out_en)]) == 0
    assert cli.main(["export", str(BUNDLED), "--out", str(out_ru), "--lang", "ru"]) == 0
    en, ru = (calamine.CalamineWorkbook.from_path(str(p)) for p in (out_en, out_ru))
    assert ru.sheet_names[0] == "Сводка" and len(ru.sheet_names) == len(en.sheet_names)
    assert [c.kind for c in charts(out_ru)] == [c.kind for c in charts(out_en)]
    numbers = lambda book: [  # noqa: E731
        v for n in book.sheet_names for r in book.get_sheet_by_name(n).to_python() for v in r if isinstance(v, float)
    ]
    assert numbers(ru) == numbers(en)  # the same cells, in other words


def test_scenarios_stored_in_the_workbook_reach_the_report(tmp_path: Path) -> None:
    """Issue 5 with issue 4: a scenario from the Scenarios sheet is a column of the Scenario summary."""
    out = tmp_path / "r.xlsx"
    assert (
        cli.main(["export", str(BUNDLED), "--out", str(out), "--scenario", "Iran's share halved under sanctions"]) == 0
    )
    rows = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Scenario summary").to_python()
    header_at = next(i for i, r in enumerate(rows) if r[1:3] == ["Baseline", "Iran's share halved under sanctions"])
    iran = next(r for r in rows[header_at:] if r[0] == "Iran")
    assert iran[1:3] == [pytest.approx(12.87), pytest.approx(6.435)]


def test_pictures_when_asked(tmp_path: Path) -> None:  # issue 15 item 2
    pytest.importorskip("PySide6")
    out = tmp_path / "r.xlsx"
    assert cli.main(["export", str(BUNDLED), "--out", str(out), "--pictures"]) == 0
    with zipfile.ZipFile(out) as zf:
        media = [n for n in zf.namelist() if n.startswith("xl/media/")]
    assert len(media) >= 7  # a picture beside each native chart of the screen
    plain = tmp_path / "plain.xlsx"
    assert cli.main(["export", str(BUNDLED), "--out", str(plain)]) == 0
    with zipfile.ZipFile(plain) as zf:
        assert not [n for n in zf.namelist() if n.startswith("xl/media/")]


def test_pictures_without_qt_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # issue 15 item 2
    monkeypatch.setitem(sys.modules, "corridor_app.ui.report_pictures", None)  # as if PySide6 were missing
    out = tmp_path / "r.xlsx"
    assert cli.main(["export", str(BUNDLED), "--out", str(out), "--pictures"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--pictures needs Qt (PySide6)" in err
    assert not out.exists()
