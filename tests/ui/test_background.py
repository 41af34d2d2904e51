"""Loading in the background with progress and Cancel (issue: fast at any size, item 2).

The window must stay responsive while a big file loads, keep the current
workbook until the new one is ready, and keep it for good on Cancel or failure.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.ui.background import run_in_background, run_in_steps
from corridor_app.ui.progress_panel import ProgressPanel


def test_open_in_background_installs_the_new_workbook(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "small.csv"
    target.write_text("Country,Amount\nIran,2.5\nRussia,4\n", encoding="utf-8")
    before = window.workbook
    task = window.open_path_in_background(str(target))
    assert window.workbook is before  # nothing changes until the load is done
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert window.workbook is before  # read; the views are built over the next event-loop turns (issue 7)
    with qtbot.waitSignal(window.sig_file_opened, timeout=10_000):
        pass
    assert window.workbook is not before
    assert window.path == str(target)
    assert sorted(window.workspace.chart.series.labels) == ["Iran", "Russia"]


def test_cancel_keeps_the_current_workbook(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    started = threading.Event()

    def slow_loader(path: str, **_reports):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        return load_workbook(path)

    window._loader = slow_loader
    before = window.workbook
    task = window.open_path_in_background(str(Path(window.path)))
    assert started.wait(5)
    button = task.panel.cancel_button
    assert button is not None and button.text() == "Cancel"
    with qtbot.waitSignal(task.cancelled, timeout=2000):
        button.click()  # the user presses Cancel
    release.set()
    assert task.wait(10_000)
    qtbot.wait(50)  # a late result would arrive now; it must be dropped
    assert window.workbook is before
    assert not task.running


def test_failed_background_load_says_why_and_keeps_the_workbook(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.xlsx"
    bad.write_text("not a spreadsheet", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    before = window.workbook
    task = window.open_path_in_background(str(bad))
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert window.workbook is before
    assert shown and "broken.xlsx" in shown[0]


def test_event_loop_runs_while_work_runs_and_progress_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    step = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(0.5, "half way")
        step.wait(5)  # until the test has seen the GUI thread run
        return "done"

    task = run_in_background(work, "Working")
    qtbot.waitUntil(lambda: task.panel.value() == 500, timeout=5000)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the GUI thread is not blocked
    assert task.panel.labelText() == "half way"
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        step.set()
    assert blocker.args == ["done"]
    timer.stop()


def test_work_that_polls_cancelled_stops(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        while not cancelled():
            threading.Event().wait(0.005)
        seen.set()
        raise LoadError("x.xlsx", "cancelled")  # whatever it does after Cancel is dropped

    task = run_in_background(work, "Working")
    got: list[object] = []
    task.failed.connect(got.append)
    task.cancel()
    assert seen.wait(5)
    assert task.wait(5000)
    qtbot.wait(20)
    assert got == []


@pytest.mark.parametrize("fraction", [-1.0, 2.0])
def test_progress_outside_0_1_is_clamped(qtbot, fraction: float) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(fraction, "")
        release.wait(5)

    task = run_in_background(work, "Working")
    qtbot.waitUntil(lambda: task.panel.value() in (0, 1000) and task.panel.maximum() == 1000, timeout=5000)
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass


# --- GUI-thread work in steps (issue 7: the event loop is never blocked for more than 50 ms) ---------------------
def test_steps_run_one_per_event_loop_turn(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []

    def steps():  # type: ignore[no-untyped-def]
        for i in range(3):
            order.append(f"step {i}")
            yield

    ticks = QTimer()
    ticks.timeout.connect(lambda: order.append("tick"))
    ticks.start(0)
    with qtbot.waitSignal(run_in_steps(steps()).finished, timeout=5000):
        pass
    ticks.stop()
    steps_at = [i for i, what in enumerate(order) if what.startswith("step")]
    assert len(steps_at) == 3
    assert all(b - a > 1 for a, b in itertools.pairwise(steps_at))  # other events ran in between


def test_stopped_steps_never_finish(qtbot) -> None:  # type: ignore[no-untyped-def]
    done: list[int] = []

    def steps():  # type: ignore[no-untyped-def]
        yield
        done.append(1)
        yield

    runner = run_in_steps(steps())
    finished: list[bool] = []
    runner.finished.connect(lambda: finished.append(True))
    runner.stop()
    qtbot.wait(30)
    assert not runner.running and done == [] and finished == []


def test_background_open_swaps_the_views_in_at_the_last_step(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 7: the old views stay whole until the new ones are built; an edit in between is refused, not lost."""
    from corridor_app.model.edits import SetCell

    target = tmp_path / "small.csv"
    target.write_text("Country,Amount\nIran,2.5\nRussia,4\n", encoding="utf-8")
    before, old_chart = window.workbook, window.workspace.chart
    with qtbot.waitSignal(window.open_path_in_background(str(target)).finished, timeout=10_000):
        pass
    turns = 0
    while window.workbook is before:
        assert window.workspace.chart is old_chart and window.workspace.table_models["contributions"].workbook is before
        window.submit_edit(SetCell("contributions", 0, "amount", 99.0))
        assert "not made" in window.statusBar().currentMessage()
        qtbot.wait(1)
        turns += 1
        assert turns < 500
    assert turns > 1  # built over several event-loop turns, not in one
    assert before.table("contributions").value(0, "amount") != 99.0
    assert len(window.session.history) == 0
    qtbot.waitUntil(lambda: window.path == str(target), timeout=5000)
    window.submit_edit(SetCell("contributions", 0, "amount", 3.0))
    assert window.workbook.table("contributions").value(0, "amount") == 3.0


def test_open_reports_progress_and_cancel_stops_the_child_loader(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # issue 7: the window hands its progress dialog and Cancel to the child-process loader.
    from corridor_app.app import load_for_window
    from corridor_app.io.loading.isolated import LoadCancelled

    target = tmp_path / "small.csv"
    target.write_text("Country,Amount\nIran,2.5\n", encoding="utf-8")
    heard: list[tuple[float, str]] = []
    stopped: list[bool] = []

    def loader(path: str, progress=None, cancelled=None, mapping=None):  # type: ignore[no-untyped-def]
        try:
            heard_too = lambda f, t: (heard.append((f, t)), progress(f, t))  # noqa: E731
            return load_for_window(path, progress=heard_too, cancelled=cancelled)
        except LoadCancelled:
            stopped.append(True)
            raise

    window._loader = loader
    task = window.open_path_in_background(str(target))
    with qtbot.waitSignal(window.sig_file_opened, timeout=20_000):
        pass
    assert heard[0] == (0.02, "Checking the file…") and any(t == "Building the tables…" for _f, t in heard)
    before = window.workbook
    task = window.open_path_in_background(str(target))
    task.cancel()
    qtbot.waitUntil(lambda: bool(stopped), timeout=20_000)
    assert window.workbook is before


# --- progress in the status bar; the window stays usable (issue 7: no 45 ms top-level dialog) --------------------
def _held_loader(release: threading.Event, started: threading.Event):  # type: ignore[no-untyped-def]
    def slow_loader(path: str, **_reports):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        return load_workbook(path)

    return slow_loader


def test_progress_shows_in_the_status_bar_without_changing_its_height(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    release, started = threading.Event(), threading.Event()
    window._loader = _held_loader(release, started)
    bar = window.statusBar()
    height, central = bar.height(), window.centralWidget().size()
    task = window.open_path_in_background(window.path)
    qtbot.waitUntil(lambda: task.panel.isVisible(), timeout=5000)  # after SHOW_AFTER_MS
    assert task.panel.parent() is bar and task.panel.isWindow() is False
    assert task.panel.maximum() == 0  # busy: this loader does not say how far it is
    qtbot.wait(50)
    assert bar.height() == height and window.centralWidget().size() == central  # only the bar repaints
    release.set()
    with qtbot.waitSignal(window.sig_file_opened, timeout=10_000):
        pass
    assert not [panel for panel in bar.findChildren(ProgressPanel) if panel.isVisible()]


def test_an_edit_made_while_a_file_opens_is_asked_about_again(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from corridor_app.model.edits import SetCell

    target = tmp_path / "small.csv"
    target.write_text("Country,Amount\nIran,2.5\n", encoding="utf-8")
    release, started = threading.Event(), threading.Event()
    window._loader = _held_loader(release, started)
    asked: list[int] = []
    window.ask_unsaved = lambda: (asked.append(1), QMessageBox.StandardButton.Cancel)[1]
    before = window.workbook
    task = window.open_path_in_background(str(target))
    assert started.wait(5)
    window.submit_edit(SetCell("contributions", 0, "amount", 99.0))  # the window is not blocked meanwhile
    release.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.wait(100)
    assert asked == [1]  # the user is asked, answers Cancel: the edit and the workbook stay
    assert window.workbook is before and window.workbook.table("contributions").value(0, "amount") == 99.0
    assert "was not opened" in window.statusBar().currentMessage()


def test_a_newer_open_replaces_one_still_reading(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("Country,Amount\nFirst,1\n", encoding="utf-8")
    second.write_text("Country,Amount\nSecond,2\n", encoding="utf-8")
    release, started = threading.Event(), threading.Event()
    window._loader = _held_loader(release, started)
    old = window.open_path_in_background(str(first))
    assert started.wait(5)
    window._loader = load_workbook
    with qtbot.waitSignal(window.sig_file_opened, timeout=10_000):
        window.open_path_in_background(str(second))
    assert not old.running
    release.set()
    assert old.wait(10_000)
    qtbot.wait(50)  # the first file's late result must be dropped
    assert window.path == str(second) and list(window.workspace.chart.series.labels) == ["Second"]


def test_closing_during_an_open_stops_the_reader(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    release, started = threading.Event(), threading.Event()
    window._loader = _held_loader(release, started)
    task = window.open_path_in_background(window.path)
    assert started.wait(5)
    threading.Timer(0.1, release.set).start()  # a reader that finishes its current call, then sees the cancel
    assert window.close()
    assert not task.running


def test_the_old_views_are_deleted_a_page_at_a_time_after_an_open(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]  # issue 7
    import shiboken6

    target = tmp_path / "small.csv"
    target.write_text("Country,Amount\nIran,2.5\n", encoding="utf-8")
    old_chart, old_panel = window.workspace.chart, window.workspace.panels["contributions"]
    with qtbot.waitSignal(window.sig_file_opened, timeout=10_000):
        window.open_path_in_background(str(target))
    assert shiboken6.isValid(old_chart)  # not in the turn that swapped the views in
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_chart) and not shiboken6.isValid(old_panel), timeout=5000)
    assert shiboken6.isValid(window.workspace.chart) and window.workspace.chart.isVisible()


def test_a_due_timer_runs_between_two_long_steps(qtbot) -> None:  # type: ignore[no-untyped-def]  # issue 7
    import time

    events: list[str] = []

    def steps():  # type: ignore[no-untyped-def]
        for i in range(3):
            time.sleep(0.03)  # a step longer than the timer's interval: the timer is due when it ends
            events.append(f"step {i}")
            yield

    ticks = QTimer()
    ticks.timeout.connect(lambda: events.append("tick"))
    ticks.start(5)
    runner = run_in_steps(steps())
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    ticks.stop()
    order = [e for e in events if e.startswith("step") or e == "tick"]
    first, second = order.index("step 0"), order.index("step 1")
    assert "tick" in order[first:second]  # the loop got its turn: a zero timer had run the steps back to back


def test_a_table_with_unknown_headers_opens_through_the_import_step(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 through the window's real road: the isolated loader refuses 'text | number', the import step
    answers with a mapping, and the same road loads the file with it (totals equal to the column's sum)."""
    from corridor_app import app
    from corridor_app.io.loading.mapping import ColumnMapping
    from corridor_app.ui import file_road

    source = tmp_path / "economies.csv"
    source.write_text("text,number\nKazakhstan,6.32\nIran,12.87\nRussia,13.2\n", encoding="utf-8")
    asked: list[str] = []

    def answer(error, path, settings, parent):  # type: ignore[no-untyped-def]
        asked.append(str(error))
        return ColumnMapping(country="text", amount="number")

    monkeypatch.setattr(file_road, "offer_import_step", answer)
    window._loader = app.load_for_window
    window.open_path_in_background(str(source))
    with qtbot.waitSignal(window.sig_file_opened, timeout=20_000):
        pass
    assert asked and "no corridor table found" in asked[0]
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(6.32 + 12.87 + 13.2)
    window.workspace.table_models["contributions"].setData(
        window.workspace.table_models["contributions"].index(
            0, window.workbook.table("contributions").keys.index("amount")
        ),
        "7",
    )
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(7 + 12.87 + 13.2)
