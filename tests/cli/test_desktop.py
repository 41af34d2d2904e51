"""``corridor-app desktop`` puts the app in the Linux menu and Open With list, for this user (issue 19, item 5)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_app import desktop
from corridor_app.cli import main

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="freedesktop.org desktops")


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_entry_and_icon_that_start_this_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["desktop"]) == 0
    entry = _entry(tmp_path / "applications" / "corridor_app.desktop")
    command = desktop.app_command()
    assert entry["Exec"] == " ".join(desktop.exec_argument(a) for a in command) + " %f"
    assert entry["TryExec"] == command[0]
    assert entry["Icon"] == "corridor_app"
    for mime in ("spreadsheetml.sheet", "opendocument.spreadsheet", "text/csv"):
        assert mime in entry["MimeType"]
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "corridor_app.svg").is_file()
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run(
            [validate, str(tmp_path / "applications" / "corridor_app.desktop")], capture_output=True
        )
        assert result.returncode == 0, result.stdout + result.stderr

    assert main(["desktop", "--uninstall"]) == 0
    assert not (tmp_path / "applications" / "corridor_app.desktop").exists()
    assert not (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "corridor_app.svg").exists()


def test_frozen_app_starts_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = tmp_path / "corridor-app"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert desktop.app_command() == [str(app)]


def test_exec_arguments_are_quoted_as_the_specification_asks() -> None:
    assert desktop.exec_argument("/opt/corridor-app/corridor-app") == "/opt/corridor-app/corridor-app"
    assert desktop.exec_argument("/home/a b/app") == '"/home/a b/app"'
    assert desktop.exec_argument('/x/"$`\\') == '"/x/\\"\\$\\`\\\\"'
    assert desktop.exec_argument("/x/100%") == "/x/100%%"


def test_unwritable_home_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(blocker) in err and "Traceback" not in err
