"""summary --scenario / --all-scenarios: scenario keys added to the documented JSON (issue: scenarios)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corridor_app.cli import EXIT_OK, EXIT_UNREADABLE, main
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.workbook import Workbook

ITC = "North-South ITC"
SEED = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    book = Workbook()
    book.table("contributions").append_many(
        [{"corridor": ITC, "country": c, "amount": a, "unit": "USD bn", "source": "s"} for c, a in SEED.items()],
        [None] * len(SEED),
    )
    book.table("totals").append_many(
        [{"corridor": ITC, "published_total": 38.2, "unit": "USD bn", "source": "s"}], [None]
    )
    rows = [
        {"scenario": "Iran halved", "country": "Iran", "kind": "percent", "value": -50.0},
        {"scenario": "no others", "country": "all other states", "kind": "exclude"},
    ]
    book.table("scenarios").append_many(rows, [None, None])  # type: ignore[arg-type]
    path = tmp_path / "seed.xlsx"
    save_workbook(book, path)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["summary", *args, "--json"]) == EXIT_OK
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_scenario_adds_a_key_and_renames_none(capsys: pytest.CaptureFixture[str], workbook_file: Path) -> None:
    plain = run_json(capsys, str(workbook_file))
    data = run_json(capsys, str(workbook_file), "--scenario", "Iran halved")
    assert plain["scenarios"] == []
    assert {k: v for k, v in data.items() if k != "scenarios"} == {k: v for k, v in plain.items() if k != "scenarios"}
    assert set(plain) >= {"file", "corridors", "warnings"}
    (entry,) = data["scenarios"]  # type: ignore[misc]
    assert entry["scenario"] == "Iran halved"
    assert entry["corridor"] == ITC
    assert entry["countries"] == pytest.approx({**SEED, "Iran": 6.435})
    assert entry["total"] == pytest.approx(32.655)
    assert entry["delta"] == pytest.approx(-6.435)
    assert entry["delta_pct"] == pytest.approx(-16.46)
    assert entry["residual"] == pytest.approx(-5.545)


def test_all_scenarios_and_exclusions(capsys: pytest.CaptureFixture[str], workbook_file: Path) -> None:
    data = run_json(capsys, str(workbook_file), "--all-scenarios")
    entries = data["scenarios"]
    assert [e["scenario"] for e in entries] == ["Iran halved", "no others"]  # type: ignore[union-attr]
    others = entries[1]  # type: ignore[index]
    assert others["excluded"] == ["all other states"]
    assert "all other states" not in others["countries"]
    assert others["total"] == pytest.approx(32.39)


def test_repeated_scenario_flags_keep_their_order(capsys: pytest.CaptureFixture[str], workbook_file: Path) -> None:
    data = run_json(capsys, str(workbook_file), "--scenario", "no others", "--scenario", "Iran halved")
    assert [e["scenario"] for e in data["scenarios"]] == ["no others", "Iran halved"]  # type: ignore[union-attr]


def test_text_output_shows_the_scenario(capsys: pytest.CaptureFixture[str], workbook_file: Path) -> None:
    assert main(["summary", str(workbook_file), "--scenario", "no others"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "scenario 'no others', North-South ITC: total 32.39 USD bn (-6.70, -17.1 %)" in out
    assert "excluded" in out


def test_unknown_scenario_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], workbook_file: Path) -> None:
    assert main(["summary", str(workbook_file), "--scenario", "nope"]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no scenario named 'nope' (scenarios: Iran halved, no others)" in err
