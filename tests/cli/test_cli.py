"""The headless commands: summary (text and the documented JSON) and check's exit codes (issue 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from corridor_app.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, main

REPO = Path(__file__).resolve().parents[2]
SEED_COUNTRIES = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}
CORRIDOR_KEYS = {
    "corridor",
    "countries",
    "unit",
    "sum_of_parts",
    "published_total",
    "residual",
    "residual_pct",
    "reconciled",
    "excluded",
}


def _check_seed_json(doc: dict[str, object]) -> None:
    assert {"corridors", "warnings"} <= set(doc)
    corridors = doc["corridors"]
    assert isinstance(corridors, list) and len(corridors) == 1
    (entry,) = corridors
    assert set(entry) >= CORRIDOR_KEYS  # keys are added, never renamed
    assert entry["corridor"] == "North-South ITC"
    assert entry["countries"] == SEED_COUNTRIES
    assert entry["unit"] == "USD bn"
    assert entry["sum_of_parts"] == 39.09
    assert entry["published_total"] == 38.2
    assert entry["residual"] == 0.89
    assert entry["residual_pct"] == 2.33
    assert entry["reconciled"] is False
    assert entry["excluded"] == []
    warnings = doc["warnings"]
    assert isinstance(warnings, list)
    for w in warnings:
        assert {"severity", "sheet", "row", "column", "cell", "message"} <= set(w)


def test_summary_json(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(bundled), "--json"]) == EXIT_OK
    out, err = capsys.readouterr()
    _check_seed_json(json.loads(out))
    assert err == ""


def test_summary_json_as_a_subprocess(bundled: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "corridor_app", "summary", str(bundled), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    _check_seed_json(json.loads(done.stdout))
    # The headless command never loads Qt.
    assert "Traceback" not in done.stderr


def test_summary_text(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(bundled)]) == EXIT_OK
    out = capsys.readouterr().out
    for part in ("North-South ITC (USD bn)", "13.20", "12.87", "6.32", "6.70", "39.09", "38.20", "+0.89", "+2.3 %"):
        assert part in out
    assert "does not reconcile" in out


def test_summary_json_lists_excluded_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Corridor,Country,Amount,Unit,Source\n"
        "C,Russia,13.2,USD bn,x\nC,Iran,1000,EUR mln,y\nC,Kazakhstan,6320,USD mln,z\n",
        encoding="utf-8",
    )
    assert main(["summary", str(path), "--json"]) == EXIT_OK
    (entry,) = json.loads(capsys.readouterr().out)["corridors"]
    assert entry["countries"] == {"Russia": 13.2, "Kazakhstan": 6.32}
    assert entry["published_total"] is None and entry["reconciled"] is None
    (ex,) = entry["excluded"]
    assert ex["country"] == "Iran" and ex["amount"] == 1000 and ex["unit"] == "EUR mln" and "EUR mln" in ex["reason"]


def test_check_bundled_is_clean(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bundled)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "OK" in out
    assert "2.3 %" in err  # the residual is reported, as a finding about the data ...
    assert main(["check", str(bundled), "--strict"]) == EXIT_PROBLEMS  # ... that --strict counts


def _seed_csv(tmp_path: Path, name: str, iran: str = "12.87", iran_source: str = "EADB") -> Path:
    path = tmp_path / name
    path.write_text(
        "Country,Amount,Source\n"
        f"Russia,13.2,EADB\nIran,{iran},{iran_source}\nKazakhstan,6.32,EADB\nall other states,6.7,EADB\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("iran", "source", "says"), [("13.2x", "EADB", "B3"), ("12.87", "", "no source")])
def test_check_finds_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], iran: str, source: str, says: str
) -> None:
    path = _seed_csv(tmp_path, "seed.csv", iran, source)
    assert main(["check", str(path)]) == EXIT_PROBLEMS
    out, err = capsys.readouterr()
    assert says in err and "row 3" in err and str(path) in err
    assert "Traceback" not in out + err


def _not_a_spreadsheet_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "missing.xlsx", "does not exist"),
        (lambda d: (d / "notes.xlsx").write_text("Country,Amount\n") and d / "notes.xlsx", "plain text"),
        (lambda d: _not_a_spreadsheet_zip(d / "archive.xlsx"), "not a spreadsheet"),
        (lambda d: (d / "empty.csv").write_bytes(b"") or d / "empty.csv", "empty"),
        (lambda d: d, "folder"),
    ],
    ids=["missing", "text-named-xlsx", "zip-not-spreadsheet", "empty", "folder"],
)
@pytest.mark.parametrize("command", ["check", "summary"])
def test_unreadable_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, says: str, command: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main([command, str(path)]) == EXIT_UNREADABLE
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0] and str(path) in lines[0]
    assert "Traceback" not in err


def test_unreadable_file_as_a_subprocess(tmp_path: Path) -> None:
    path = _not_a_spreadsheet_zip(tmp_path / "archive.xlsx")
    done = subprocess.run(
        [sys.executable, "-m", "corridor_app", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_UNREADABLE
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["a.xlsx", "b.xlsx"]) == EXIT_UNREADABLE
    assert "Traceback" not in capsys.readouterr().err


def test_an_unknown_table_is_refused_with_the_flags_that_open_it(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: the CLI's face of the import step; the same file opens with the flags it names."""
    source = tmp_path / "econ.csv"
    source.write_text("Economy,Value (USD m)\nRussia,10\nIran,20\n", encoding="utf-8")
    assert main(["summary", str(source)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "no corridor table found" in err and "--country-column NAME --amount-column NAME" in err
    assert main(["summary", str(source), "--country-column", "Economy", "--amount-column", "Value (USD m)"]) == EXIT_OK
    assert "30.00" in capsys.readouterr().out
