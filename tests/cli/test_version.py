"""``corridor-app --version`` (issue 14): prints the version and exits 0, without opening the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import corridor_app
from corridor_app.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"corridor-app {corridor_app.__version__}"


def test_version_runs_without_qt() -> None:
    code = "import sys; from corridor_app.cli import main; sys.argv = ['corridor-app', '--version']\n"
    code += "try:\n    main()\nexcept SystemExit:\n    pass\nassert 'PySide6' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("corridor-app ")
