"""docs/API.md's notebook example runs as written, against the bundled dataset (issue 13)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_api_example_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (REPO / "docs" / "API.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    (tmp_path / "data").mkdir()
    shutil.copyfile(REPO / "data" / "north_south_itc.xlsx", tmp_path / "data" / "north_south_itc.xlsx")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "docs/API.md", "exec"), {})
    out = capsys.readouterr().out.split("\n")
    assert "38.22" in out and "39.09" in out
    assert (tmp_path / "report.xlsx").stat().st_size > 10_000
    assert (tmp_path / "my_copy.xlsx").is_file()
    assert os.path.exists(tmp_path / "data" / "north_south_itc.xlsx")
