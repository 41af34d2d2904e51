"""``corridor-app goal-seek``: the documented JSON and exit codes (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corridor_app.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, main

KEYS = {"corridor", "country", "current", "required", "change", "change_pct", "total"}


def test_kazakhstan_reconciles_at_5_43(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16, done when: goal-seek data/north_south_itc.xlsx --country Kazakhstan --reconcile --json."""
    assert main(["goal-seek", str(bundled), "--country", "Kazakhstan", "--reconcile", "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) >= KEYS  # keys are added, never renamed
    assert doc["corridor"] == "North-South ITC"
    assert (doc["country"], doc["current"], doc["required"], doc["change"]) == ("Kazakhstan", 6.32, 5.43, -0.89)
    assert (doc["change_pct"], doc["total"], doc["reachable"]) == (-14.08, 38.2, True)


def test_text_answer_and_an_unreachable_total(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["goal-seek", str(bundled), "--country", "Iran", "--total", "40"]) == EXIT_OK
    assert "Iran needs 13.78 USD bn instead of 12.87" in capsys.readouterr().out
    assert main(["goal-seek", str(bundled), "--country", "Iran", "--total", "10", "--json"]) == EXIT_PROBLEMS
    doc = json.loads(capsys.readouterr().out)
    assert (doc["reachable"], doc["nearest_total"]) == (False, 26.22)


def test_errors_are_one_line_and_exit_2(bundled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["goal-seek", str(bundled), "--country", "Peru", "--reconcile"]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no country 'Peru'" in err
    with pytest.raises(SystemExit):
        main(["goal-seek", str(bundled), "--country", "Iran"])  # a total or --reconcile is required
