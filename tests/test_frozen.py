"""The standalone app's entry point plays the app's own child processes, and only those (issue 19).

In the app built by tools/build_app.py, ``sys.executable`` is the app: the isolated loader and the report
export start it with ``-I -c BOOTSTRAP``. These tests stand a script in for the app (``sys.executable``
pointing at it), so the real dispatch runs without a build; tools/smoke_app.py checks the built app.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from corridor_app import bundled, frozen
from corridor_app.io.loading import isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.report import process

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"


def test_child_command_recognises_the_app_s_bootstraps_only() -> None:
    assert frozen.child_command(["-I", "-c", isolated._BOOTSTRAP, "root", "a.xlsx"]) == (
        isolated._BOOTSTRAP,
        ["-c", "root", "a.xlsx"],
    )
    assert frozen.child_command(["-c", process._BOOTSTRAP, "root"]) == (process._BOOTSTRAP, ["-c", "root"])
    assert frozen.child_command(["-c", "import os; os.system('echo owned')"]) is None
    assert frozen.child_command(["summary", "--json", "-c"]) is None
    assert frozen.child_command(["-c"]) is None


def test_other_command_lines_go_to_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert frozen.main(["summary", str(BUNDLED)]) == 0
    assert "Russia" in capsys.readouterr().out
    assert frozen.main(["-c", "print('owned')"]) == 2  # not a child: the CLI refuses it as a bad command line
    assert "owned" not in capsys.readouterr().out


@pytest.fixture
def app_standin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A program that, like the built app, runs ``corridor_app.frozen`` with whatever arguments it is given."""
    if sys.platform == "win32":
        pytest.skip("the stand-in is a shell script")
    script = tmp_path / "corridor-app"
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m corridor_app.frozen "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "executable", str(script))
    return script


def test_loading_child_runs_through_the_app_entry_point(app_standin: Path) -> None:
    loaded = isolated.load_workbook_isolated(BUNDLED)
    assert loaded.table("contributions").records() == load_workbook(BUNDLED).table("contributions").records()


def test_report_child_runs_through_the_app_entry_point(app_standin: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    process.export_report_in_child(load_workbook(BUNDLED), out)
    assert out.stat().st_size > 5_000


def test_bundled_files_come_from_the_app_folder_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert bundled.default_dataset() == BUNDLED  # the checkout
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled._root() == tmp_path
