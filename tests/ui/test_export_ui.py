"""File > Export to Excel… and Export chart… from the window, in the background (issues 5 and 7).

The report is read back with python-calamine (a reader other than the writer)
and compared with what the window shows.
"""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.report.process import ExportJob
from corridor_app.model.edits import SetCell
from corridor_app.model.scenarios import scenario_names
from corridor_app.ui import background_save, export_actions
from corridor_app.ui.export_actions import ReportExport
from corridor_app.ui.export_dialog import ExportOptionsDialog
from tests.io.report_support import Cells

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def choose_file(monkeypatch, path: Path, selected_filter: str = "") -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(path), selected_filter))


def options(monkeypatch, *, untick: tuple[str, ...] = (), pictures: bool = False) -> list[ExportOptionsDialog]:  # type: ignore[no-untyped-def]
    """Answer the options step through the real dialog: untick some scenarios, set the pictures box."""
    shown: list[ExportOptionsDialog] = []

    def exec_(dialog: ExportOptionsDialog) -> int:
        shown.append(dialog)
        for box in dialog.scenario_boxes:
            if box.text() in untick:
                box.setChecked(False)
        dialog.pictures_box.setChecked(pictures)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportOptionsDialog, "exec", exec_)
    return shown


def hold_exports(monkeypatch) -> tuple[threading.Event, threading.Event]:  # type: ignore[no-untyped-def]
    """Exports start, then wait before their child runs: (started, release), both ``threading.Event``."""
    started, release = threading.Event(), threading.Event()
    real = ExportJob.run

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)  # until the test has done what happens meanwhile (a Cancel, an edit, a close)
        return real(*args, **kwargs)

    monkeypatch.setattr(ExportJob, "run", held)
    return started, release


def exported(window) -> ReportExport:  # type: ignore[no-untyped-def]
    jobs = window.findChildren(ReportExport)
    assert jobs, "the action started no export"
    return jobs[-1]


def sum_row(cells: Cells) -> int:
    """The 1-based Summary row labelled "Sum of parts" (the first corridor's)."""
    rows = cells.sheets["Summary"]
    return next(i + 1 for i, row in enumerate(rows) if row and row[0] == "Sum of parts")


def test_export_through_the_action_matches_the_screen(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 5
    target = tmp_path / "report.xlsx"
    choose_file(monkeypatch, target)
    names = scenario_names(window.workbook)
    shown = options(monkeypatch, untick=(names[1],))
    window.export_action.trigger()
    job = exported(window)
    with qtbot.waitSignal(job.sig_done, timeout=30_000) as done:
        pass
    assert done.args == ["written"]
    assert [b.isChecked() for b in shown[0].scenario_boxes] == [True, False, True]
    cells = Cells(target)
    rec = window.workspace.reconciliation.reconciliation  # what the strip above the tables shows
    row = sum_row(cells)
    assert cells.value("Summary", row, 1) == pytest.approx(rec.sum_of_parts)
    assert cells.value("Summary", row + 1, 1) == pytest.approx(rec.published_total)
    assert cells.value("Summary", row + 2, 1) == pytest.approx(rec.residual)
    assert f"{rec.sum_of_parts:,.2f}" in window.workspace.reconciliation.sum_label.text()
    headers = {v for r in cells.sheets["Scenario summary"] for v in r if isinstance(v, str)}
    assert {names[0], names[2]} <= headers and names[1] not in headers
    assert window.statusBar().currentMessage() == "Report written: report.xlsx"
    button = window.statusBar().findChild(QPushButton, export_actions.OPEN_FOLDER)
    assert button is not None and button.isVisible()
    opened: list[str] = []
    monkeypatch.setattr(export_actions.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    button.click()
    assert opened == [str(tmp_path.resolve())]


def test_ctrl_e_is_the_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Export to Excel…" in texts and "Export &Chart…" in texts


def test_chart_pictures_are_placed_when_asked(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "pictures.xlsx"
    choose_file(monkeypatch, target)
    options(monkeypatch, pictures=True)
    job = export_actions.export_to_excel(window.export_context)
    assert job is not None
    with qtbot.waitSignal(job.sig_done, timeout=30_000):
        pass
    # Every on-screen chart with a twin in the report, as the CLI's --pictures paints them (issue 15).
    expected = {"contributions", "shares", "targets", "scenarios", "waterfall", "tornado", "projects"}
    assert set(job.images) == expected
    with zipfile.ZipFile(target) as zf:
        media = [zf.read(n) for n in zf.namelist() if n.startswith("xl/media/")]
    assert len(media) == len(expected) and all(png.startswith(PNG_MAGIC) for png in media)


def test_cancel_leaves_the_previous_report_byte_identical(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 7
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"the previous report")
    choose_file(monkeypatch, target)
    options(monkeypatch)
    started, release = hold_exports(monkeypatch)
    window.export_action.trigger()
    job = exported(window)
    with qtbot.waitSignal(job.sig_started, timeout=10_000) as begun:
        pass
    assert started.wait(5)
    task = begun.args[0]
    button = task.panel.cancel_button
    assert button is not None and button.text() == "Cancel"
    with qtbot.waitSignal(job.sig_done, timeout=30_000) as done:
        button.click()
        release.set()
    assert done.args == ["cancelled"]
    assert target.read_bytes() == b"the previous report"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.xlsx")]  # no temporary file left
    assert window.statusBar().currentMessage() == "Export cancelled; the previous file is unchanged"


def test_a_cancel_too_late_to_stop_the_export_is_not_reported_as_a_cancel(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.xlsx"
    choose_file(monkeypatch, target)
    options(monkeypatch)
    written, release = threading.Event(), threading.Event()
    real = ExportJob.run

    def then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        written.set()
        release.wait(10)

    monkeypatch.setattr(ExportJob, "run", then_wait)
    job = export_actions.export_to_excel(window.export_context)
    assert job is not None
    with qtbot.waitSignal(job.sig_started, timeout=10_000) as begun:
        pass
    assert written.wait(20)
    with qtbot.waitSignal(job.sig_done, timeout=10_000) as done:
        begun.args[0].cancel()
        release.set()
    assert done.args == ["written"]
    assert target.exists()
    assert window.statusBar().currentMessage().endswith("Report written: report.xlsx")


def test_an_edit_during_the_export_does_not_change_the_report(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 7
    target = tmp_path / "report.xlsx"
    choose_file(monkeypatch, target)
    options(monkeypatch)
    started, release = hold_exports(monkeypatch)
    before = window.workspace.reconciliation.reconciliation.sum_of_parts
    job = export_actions.export_to_excel(window.export_context)
    assert job is not None
    with qtbot.waitSignal(job.sig_started, timeout=10_000):
        pass
    assert started.wait(5)
    contributions = window.workbook.table("contributions")
    iran = next(r for r in range(len(contributions)) if contributions.value(r, "country") == "Iran")
    window.submit_edit(SetCell("contributions", iran, "amount", 99.0))  # while the worker runs
    assert window.workspace.reconciliation.reconciliation.sum_of_parts != pytest.approx(before)
    with qtbot.waitSignal(job.sig_done, timeout=30_000) as done:
        release.set()
    assert done.args == ["written"]
    cells = Cells(target)
    assert cells.value("Summary", sum_row(cells), 1) == pytest.approx(before)
    assert 99.0 not in [r[1] for r in cells.sheets["Summary"] if len(r) > 1]


def test_an_unwritable_report_says_why(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    choose_file(monkeypatch, tmp_path / "no such folder" / "report.xlsx")
    options(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    job = export_actions.export_to_excel(window.export_context)
    assert job is not None
    with qtbot.waitSignal(job.sig_done, timeout=30_000) as done:
        pass
    assert done.args == ["failed"]
    assert len(shown) == 1 and "report.xlsx" in shown[0] and "Traceback" not in shown[0]


def test_exporting_over_the_workbook_itself_is_refused(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    choose_file(monkeypatch, Path(window.path))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    assert export_actions.export_to_excel(window.export_context) is None
    assert warned and "workbook itself" in warned[0]


@pytest.mark.parametrize("tab", ["By country", "Scenarios", "Targets pacing"])
def test_chart_export_writes_png_and_svg(window, qtbot, tmp_path, monkeypatch, tab) -> None:  # type: ignore[no-untyped-def]
    area = window.workspace.chart_tabs
    area.setCurrentIndex(next(i for i in range(area.count()) if area.tabText(i) == tab))
    choose_file(monkeypatch, tmp_path / "chart.png")
    task = export_actions.export_chart(window.export_context)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert (tmp_path / "chart.png").read_bytes().startswith(PNG_MAGIC)
    choose_file(monkeypatch, tmp_path / "chart", "SVG drawing (*.svg)")  # no suffix: the filter decides
    task = export_actions.export_chart(window.export_context)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    root = ElementTree.parse(tmp_path / "chart.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    drawn = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert {"path", "text"} <= drawn and "image" not in drawn  # vector bars, axes and labels, not pictures
    assert window.statusBar().currentMessage() == "Chart written: chart.svg"


def test_chart_export_failure_says_why(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    choose_file(monkeypatch, tmp_path / "missing" / "chart.png")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    task = export_actions.export_chart(window.export_context)
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert len(shown) == 1 and "chart.png" in shown[0]


def test_large_save_as_runs_on_a_worker_and_the_window_keeps_running(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 7
    monkeypatch.setattr(background_save, "LARGE_ROWS", 0)  # the bundled workbook counts as large
    threads: list[threading.Thread] = []
    real = background_save.save_workbook

    def slow_save(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        threading.Event().wait(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(background_save, "save_workbook", slow_save)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    target = tmp_path / "copy.xlsx"
    assert window.save_to(str(target))
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # the GUI thread ran its timers while the file was written
    assert window.path == str(target) and window.session.history.is_clean
    assert len(load_workbook(target).table("contributions")) == len(window.workbook.table("contributions"))


def test_large_save_failure_is_the_same_message(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(background_save, "LARGE_ROWS", 0)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert not window.save_to(str(tmp_path / "missing" / "copy.xlsx"))
    assert len(shown) == 1 and "copy.xlsx" in shown[0]


def test_closing_during_an_export_asks_and_stops_it_only_if_told(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # issue 7
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"the previous report")
    choose_file(monkeypatch, target)
    options(monkeypatch)
    started, release = hold_exports(monkeypatch)
    job = export_actions.export_to_excel(window.export_context)
    assert job is not None
    with qtbot.waitSignal(job.sig_started, timeout=10_000):
        pass
    assert started.wait(5)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []
    window.ask_stop_export = lambda path: (asked.append(path), answers.pop(0))[1]
    assert not window.close()  # "No": the window and the export go on
    assert asked == [str(target)] and job.running
    threading.Timer(0.2, release.set).start()  # the worker sees the cancel once its current call returns
    assert window.close()  # "Yes": the export is stopped before the window goes
    assert not job.task.running
    assert target.read_bytes() == b"the previous report"
