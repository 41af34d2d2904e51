"""The report built in a child process gives the same file and the same outcomes (issues 5 and 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from corridor_app import cli
from corridor_app.io.errors import ExportCancelled, SaveError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.report.options import ReportOptions
from corridor_app.io.report.process import ExportJob, export_report_in_child
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.reconcile import reconcile_totals

from .report_support import charts, seed_workbook, with_scenarios


def _summary(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Summary").to_python()


def test_the_child_writes_the_report_and_reports_progress(tmp_path: Path) -> None:
    book = seed_workbook()
    seen: list[float] = []
    path = tmp_path / "report.xlsx"
    export_report_in_child(with_scenarios(book), path, progress=lambda f, _m: seen.append(f))
    rows = _summary(path)
    total = reconcile_totals(book)[0].sum_of_parts
    assert any(r[0] == "Sum of parts" and r[1] == pytest.approx(total) for r in rows)
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert "Scenario summary" in CalamineWorkbook.from_path(str(path)).sheet_names


def test_a_cancel_reaches_the_child_and_leaves_the_previous_report(tmp_path: Path) -> None:
    book = seed_workbook()
    rows = [{"corridor": "Big", "country": f"C{i}", "amount": float(i), "unit": "USD bn"} for i in range(20_000)]
    book.table("contributions").append_many(rows, [None] * len(rows))
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"previous report")
    asked: list[float] = []
    with pytest.raises(ExportCancelled):
        # Cancel once the child has started writing: the request travels to it and it stops.
        export_report_in_child(book, path, progress=lambda f, _m: asked.append(f), cancelled=lambda: len(asked) > 2)
    assert asked and asked[-1] < 1.0
    assert path.read_bytes() == b"previous report"
    assert not list(tmp_path.glob(".report.xlsx.*.tmp"))


def test_a_cancel_before_the_start_starts_nothing(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with pytest.raises(ExportCancelled):
        export_report_in_child(seed_workbook(), path, cancelled=lambda: True)
    assert not path.exists()


def test_a_folder_that_cannot_be_written_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="nothing was changed"):
        export_report_in_child(seed_workbook(), tmp_path / "missing" / "report.xlsx")


def test_the_live_workbook_keeps_its_subscribers(tmp_path: Path) -> None:
    book = seed_workbook()
    heard: list[object] = []
    book.subscribe(heard.append)
    export_report_in_child(book, tmp_path / "r.xlsx")
    assert book._listeners == [heard.append]


def test_a_job_pickled_in_steps_has_the_child_compute_the_named_scenarios(tmp_path: Path) -> None:  # issue 7
    book = seed_workbook()
    rows = [{"scenario": "Iran halved", "country": "Iran", "kind": "percent", "value": -50.0}]
    book.table("scenarios").append_many(rows, [None])  # type: ignore[arg-type]
    corridor = reconcile_totals(book)[0].corridor
    options = ReportOptions(scenarios=("Iran halved", "No such scenario"), corridor=corridor)
    job = ExportJob(book, tmp_path / "r.xlsx", options)
    while not job.step():
        pass
    assert job.done
    job.run()
    sheets = CalamineWorkbook.from_path(str(tmp_path / "r.xlsx"))
    summary = sheets.get_sheet_by_name("Scenario summary").to_python()
    assert ["", "Baseline", "Iran halved", ""] in [r[:4] for r in summary]  # the unknown name is left out
    assert ["Sum of parts", 39.09, pytest.approx(32.655)] in [r[:3] for r in summary]  # Iran -50 %, by the child


def test_one_report_two_faces(tmp_path: Path) -> None:  # issue 15 item 2, issue 13 item 3
    """The CLI's export and the window's job (the child process) write the same report from the same defaults."""
    data = tmp_path / "data.xlsx"
    save_workbook(with_scenarios(seed_workbook()), data)
    by_cli, by_window = tmp_path / "cli.xlsx", tmp_path / "window.xlsx"
    assert cli.main(["export", str(data), "--out", str(by_cli)]) == 0
    # The window's job over the same file: ReportOptions() is what its dialog starts from (every scenario ticked).
    job = ExportJob(load_workbook(data), by_window, ReportOptions())
    job.run()
    cli_book, window_book = CalamineWorkbook.from_path(str(by_cli)), CalamineWorkbook.from_path(str(by_window))
    assert cli_book.sheet_names == window_book.sheet_names
    assert "Scenario summary" in cli_book.sheet_names
    for name in cli_book.sheet_names:
        assert cli_book.get_sheet_by_name(name).to_python() == window_book.get_sheet_by_name(name).to_python(), name
    cli_charts, window_charts = charts(by_cli), charts(by_window)
    assert [(c.kind, c.title, len(c.series)) for c in cli_charts] == [
        (c.kind, c.title, len(c.series)) for c in window_charts
    ]
    assert len(cli_charts) >= 7


def test_a_temporary_folder_that_cannot_be_written_is_a_save_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "gone"))
    target = tmp_path / "r.xlsx"
    with pytest.raises(SaveError, match="temporary folder"):
        export_report_in_child(seed_workbook(), target)
    assert not target.exists()
