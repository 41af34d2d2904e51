"""Bad input never crashes, hangs or loses data: the window's side (issue 6).

Opening goes through the isolated loader; an in-place save that would drop
content, or hit a file another program holds, is refused with the reason and
Save As offered; every edit batch (undo and redo too) goes to the autosave
journal, and after a real crash the edits come back, undoable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook as XlsxWorkbook
from openpyxl.chart import BarChart, Reference
from PySide6.QtWidgets import QFileDialog, QMessageBox

from corridor_app import app
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.safety.journal import find_journal, journal_path_for, read_journal
from corridor_app.model.edits import SetCell
from corridor_app.session import OpenFile, SavePolicy, policy_for
from corridor_app.ui.file_safety import Choice, Prompt
from tests.io.hostile_files import make_xlsx

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"


class Prompts:
    """Stands in for the message boxes: records each prompt and gives scripted answers."""

    def __init__(self, *answers: Choice) -> None:
        self.answers = list(answers)
        self.seen: list[Prompt] = []

    def __call__(self, prompt: Prompt) -> Choice:
        self.seen.append(prompt)
        assert self.answers, f"unexpected prompt: {prompt.text}"
        return self.answers.pop(0)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def _iran(workbook) -> int:  # type: ignore[no-untyped-def]
    table = workbook.table("contributions")
    return next(r for r in range(len(table)) if table.value(r, "country") == "Iran")


def _amount(window) -> float:  # type: ignore[no-untyped-def]
    return float(window.workbook.table("contributions").value(_iran(window.workbook), "amount"))


def _save_as_to(monkeypatch, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def dialog(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append("save as")
        return str(target), "Excel workbook (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


# --- isolation -----------------------------------------------------------------------------
def test_hostile_file_through_the_window_says_why_and_keeps_the_workbook(window, qtbot, tmp_path, warnings) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: a zip bomb opened in the window is refused by the isolated loader; nothing else changes."""
    bomb = make_xlsx(tmp_path / "bomb.xlsx", extra={"xl/media/big.bin": b"\0" * (8 * 1024 * 1024)})
    window._loader = app.load_for_window
    before, path = window.workbook, window.path
    task = window.open_path_in_background(str(bomb))
    with qtbot.waitSignal(task.failed, timeout=15_000):
        pass
    assert len(warnings) == 1 and "zip bomb" in warnings[0] and "bomb.xlsx" in warnings[0]
    assert window.workbook is before and window.path == path


def test_window_loader_reads_in_a_child_process(monkeypatch, qtbot, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: Open, Open Recent, drag and drop and the start-up file share load_for_window: isolated."""
    import corridor_app.io.loading.isolated as isolated

    calls: list[str] = []
    real = isolated.load_isolated
    monkeypatch.setattr(isolated, "load_isolated", lambda p, **kw: calls.append(str(p)) or real(p, **kw))
    data = tmp_path / "small.csv"
    data.write_text("Country,Amount\nIran,2.5\n", encoding="utf-8")
    assert app.load_for_window(str(data)).table("contributions").value(0, "amount") == 2.5
    assert calls == [str(data)]
    window, error = app.create_window(str(data))  # the file given at start-up
    window.settings = settings
    qtbot.addWidget(window)
    assert error is None and calls == [str(data), str(data)]
    assert window._loader is app.load_for_window


def test_start_up_file_refused_shows_the_bundled_dataset(qtbot, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    bomb = make_xlsx(tmp_path / "bomb.xlsx", extra={"xl/media/big.bin": b"\0" * (8 * 1024 * 1024)})
    window, error = app.create_window(str(bomb))
    window.settings = settings
    qtbot.addWidget(window)
    assert isinstance(error, LoadError) and "zip bomb" in error.describe()
    # The bundled dataset opens as a template: Save asks where (the shipped copy stays as is).
    assert window.session.file.policy is SavePolicy.TEMPLATE and "bundled dataset" in window.windowTitle()
    assert _amount(window) == pytest.approx(12.87)


# --- saving in place -----------------------------------------------------------------------
def test_save_in_place_refused_for_a_corpus_file_with_a_chart(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: saving over a file with a chart would drop the chart: refused with the reason, Save As offered."""
    source = CORPUS / "xlsxwriter__chart_bar01.xlsx"
    if not source.is_file():
        pytest.skip("the shared corpus is not beside the repository")
    original = tmp_path / source.name
    shutil.copyfile(source, original)
    window.session.file = OpenFile(str(original), policy_for(str(original)))  # as if the workbook came from it
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 11.0))
    prompts = Prompts(Choice.SAVE_AS)
    window.safety.ask = prompts
    copy = tmp_path / "copy.xlsx"
    asked = _save_as_to(monkeypatch, copy)
    before = original.read_bytes()

    assert window.save()

    assert "charts" in prompts.seen[0].text and Choice.SAVE_AS in prompts.seen[0].choices
    assert asked == ["save as"]
    assert original.read_bytes() == before
    assert window.path == str(copy) and window.session.history.is_clean
    assert load_workbook(copy).table("contributions").value(_iran(window.workbook), "amount") == 11.0


def test_opened_file_with_a_chart_is_not_saved_over(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: the same through the real open road, on a corridor workbook with a native chart; Cancel keeps all."""
    book = XlsxWorkbook()
    ws = book.active
    assert ws is not None
    ws.title = "Contributions"
    for row in [("Country", "Amount", "Unit"), ("Iran", 12.87, "USD bn"), ("Russia", 13.2, "USD bn")]:
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    ws.add_chart(chart, "E2")
    path = tmp_path / "charted.xlsx"
    book.save(path)
    window._loader = app.load_for_window
    with qtbot.waitSignal(window.sig_file_opened, timeout=15_000):
        window.open_path_in_background(str(path))
    window.submit_edit(SetCell("contributions", 0, "amount", 1.0))
    prompts = Prompts(Choice.CANCEL)
    window.safety.ask = prompts
    before = path.read_bytes()
    assert not window.save()
    assert "charts" in prompts.seen[0].text and path.read_bytes() == before
    assert not window.session.history.is_clean


def test_file_that_loses_nothing_is_updated_in_place_without_a_question(window) -> None:  # type: ignore[no-untyped-def]
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 11.0))
    window.safety.ask = Prompts()  # any prompt fails the test
    assert window.save()
    assert load_workbook(window.path).table("contributions").value(_iran(window.workbook), "amount") == 11.0


# --- lock files ----------------------------------------------------------------------------
def test_excel_lock_file_offers_save_as_naming_the_owner(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: Excel's ~$ file beside the workbook: warn, name who has it open, offer Save As."""
    target = Path(window.path)
    (target.parent / f"~${target.name}").write_bytes(bytes([4]) + b"Anna" + b" " * 40)
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 11.0))
    prompts = Prompts(Choice.SAVE_AS)
    window.safety.ask = prompts
    before = target.read_bytes()
    copy = tmp_path / "mine.xlsx"
    _save_as_to(monkeypatch, copy)

    assert window.save()

    assert "open in Excel (by Anna)" in prompts.seen[0].text
    assert prompts.seen[0].choices == (Choice.SAVE_AS, Choice.SAVE_HERE, Choice.CANCEL)
    assert target.read_bytes() == before and copy.is_file()


def test_stale_lock_can_be_saved_over_on_request(window) -> None:  # type: ignore[no-untyped-def]
    target = Path(window.path)
    (target.parent / f".~lock.{target.name}#").write_text(",Boris,host,01.01.2025 10:00,/home/boris;", "utf-8")
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 11.0))
    window.safety.ask = prompts = Prompts(Choice.SAVE_HERE)
    assert window.save()
    assert "LibreOffice (by Boris)" in prompts.seen[0].text
    assert load_workbook(target).table("contributions").value(_iran(window.workbook), "amount") == 11.0


def test_lock_file_on_open_is_a_warning(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = Path(window.path)
    (target.parent / f".~lock.{target.name}#").write_text(",Boris,host,01.01.2025 10:00,/home/boris;", "utf-8")
    window.safety.ask = prompts = Prompts(Choice.OK)
    with qtbot.waitSignal(window.sig_file_opened, timeout=15_000):
        window.open_path_in_background(str(target))
    assert len(prompts.seen) == 1 and "open in LibreOffice (by Boris)" in prompts.seen[0].text
    assert "Save As" in prompts.seen[0].detail


# --- autosave journal and recovery ---------------------------------------------------------
def test_every_edit_batch_undo_and_redo_is_journaled(window) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: undo and redo change the data too; the journal replays them in order."""
    row = _iran(window.workbook)
    window.submit_edit(SetCell("contributions", row, "amount", 20.0))
    window.session.undo()
    window.session.redo()
    header, edits = read_journal(journal_path_for(window.path))
    assert header.source == str(Path(window.path).resolve())
    assert [e.value for e in edits] == [20.0, pytest.approx(12.87), 20.0]  # type: ignore[union-attr]


def test_journal_is_discarded_after_save_and_on_clean_close(window) -> None:  # type: ignore[no-untyped-def]
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 20.0))
    assert find_journal(window.path) is not None
    assert window.save()
    assert find_journal(window.path) is None
    window.submit_edit(SetCell("contributions", _iran(window.workbook), "amount", 21.0))
    assert find_journal(window.path) is not None
    window.close()  # the fixture answers Discard: a clean close on purpose
    assert find_journal(window.path) is None


CRASH = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import SetCell
from corridor_app.session import OpenFile, Session, policy_for
from corridor_app.ui.main_window import MainWindow
qapp = QApplication([])
path = sys.argv[1]
session = Session(load_workbook(path), OpenFile(path, policy_for(path)))
win = MainWindow(session, load_workbook, QSettings(sys.argv[2], QSettings.Format.IniFormat))
table = win.workbook.table("contributions")
row = next(r for r in range(len(table)) if table.value(r, "country") == "Iran")
win.submit_edit(SetCell("contributions", row, "amount", 20.0))
win.submit_edit(SetCell("contributions", row, "source", "typed before the crash"))
win.submit_edit(SetCell("contributions", row, "amount", 21.0))
win.session.undo()
os._exit(3)
"""


def _crash_while_editing(path: Path, tmp_path: Path) -> None:
    """A real crash: another process edits the file in a window and dies without closing or saving."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(path), str(tmp_path / "crash.ini")], env=env, cwd=ROOT, timeout=60
    )
    assert done.returncode == 3


def test_after_a_crash_the_edits_are_recovered_and_undoable(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: edit, crash, reopen: recovery is offered, the edits come back and each can be undone."""
    path = Path(window.path)
    _crash_while_editing(path, tmp_path)
    assert find_journal(path) is not None
    window._loader = app.load_for_window
    window.safety.ask = prompts = Prompts(Choice.RECOVER)

    with qtbot.waitSignal(window.sig_file_opened, timeout=15_000):
        window.open_path_in_background(str(path))

    assert "4 unsaved changes" in prompts.seen[0].text
    row = _iran(window.workbook)
    table = window.workbook.table("contributions")
    assert table.value(row, "amount") == 20.0 and table.value(row, "source") == "typed before the crash"
    assert window.workspace.reconciliation.reconciliation.sum_of_parts == pytest.approx(39.09 - 12.87 + 20.0)
    assert window.windowTitle().startswith("north_south_itc.xlsx *")
    assert len(window.session.history) == 4
    while window.session.history.can_undo:
        window.session.undo()
    assert table.value(row, "amount") == pytest.approx(12.87) and table.value(row, "source") != "typed before the crash"
    window.session.redo()
    assert table.value(row, "amount") == 20.0

    assert window.save()  # the file now holds the edits: the journal is not needed any more
    assert find_journal(path) is None


def test_recovery_refused_when_the_file_changed(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: edits made on other bytes could land on wrong rows: nothing is applied, the journal is kept."""
    path = Path(window.path)
    _crash_while_editing(path, tmp_path)
    changed = load_workbook(path)
    from corridor_app.io.saving.writer import save_workbook

    save_workbook(changed, path, keep_backups=False)  # someone saved the file since
    window.safety.ask = prompts = Prompts(Choice.RECOVER, Choice.OK)
    with qtbot.waitSignal(window.sig_file_opened, timeout=15_000):
        window.open_path_in_background(str(path))
    assert "has changed" in prompts.seen[1].text
    assert _amount(window) == pytest.approx(12.87) and len(window.session.history) == 0
    assert find_journal(path) is None
    assert journal_path_for(path).with_name(journal_path_for(path).name + ".unrecovered").is_file()


def test_recovery_discarded_on_request(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = Path(window.path)
    _crash_while_editing(path, tmp_path)
    assert find_journal(path) is not None
    window.safety.ask = prompts = Prompts(Choice.DISCARD)
    with qtbot.waitSignal(window.sig_file_opened, timeout=15_000):
        window.open_path_in_background(str(path))
    assert len(prompts.seen) == 1 and prompts.seen[0].title == "Recover unsaved changes?"
    assert _amount(window) == pytest.approx(12.87) and find_journal(path) is None
