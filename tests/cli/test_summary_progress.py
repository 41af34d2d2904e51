"""``summary --json`` lists every target's verdict under ``progress`` (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from corridor_app.cli import EXIT_OK, main

PROGRESS_KEYS = {
    "target", "country", "unit", "measure", "baseline", "baseline_year", "goal", "target_year",
    "observations", "projected", "reach_year", "status",
}  # fmt: skip


def test_progress_json_gives_the_two_cases_of_the_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Contributions"
    ws.append(["Country", "Amount", "Unit", "Source"])
    ws.append(["Kazakhstan", 6.32, "USD bn", "EADB"])
    ws = book.create_sheet("Targets")
    ws.append(["Country", "Target", "Value", "Unit", "Baseline", "Baseline year", "Target year", "Source", "Measure"])
    ws.append(["Kazakhstan", "Gasification", 60, "%", 59, 2022, 2029, "s", None])
    ws.append(["Kazakhstan", "FDI", 150, "USD bn", None, None, 2029, "s", "cumulative"])
    ws = book.create_sheet("Progress")
    ws.append(["Target", "Year", "Value", "Source"])
    for target, year, value in [("Gasification", 2023, 60), ("Gasification", 2024, 62.4), ("Gasification", 2025, 63.8),
                                ("FDI", 2023, 24), ("FDI", 2024, 18), ("FDI", 2025, 20)]:  # fmt: skip
        ws.append([target, year, value, "s"])
    book.save(tmp_path / "t.xlsx")
    assert main(["summary", str(tmp_path / "t.xlsx"), "--json"]) == EXIT_OK
    gas, fdi = json.loads(capsys.readouterr().out)["progress"]
    assert set(gas) == PROGRESS_KEYS
    assert gas["observations"] == {"2023": 60, "2024": 62.4, "2025": 63.8}
    assert (gas["measure"], gas["status"], gas["reach_year"], gas["projected"]) == ("level", "reached", 2023, 70.54)
    assert (gas["baseline"], gas["baseline_year"], gas["goal"], gas["target_year"]) == (59, 2022, 60, 2029)
    assert (fdi["measure"], fdi["status"], fdi["reach_year"]) == ("cumulative", "behind", 2030)
    assert fdi["projected"] == pytest.approx(144.666666667)
    assert fdi["baseline"] is None and fdi["observations"] == {"2023": 24, "2024": 18, "2025": 20}
    assert main(["summary", str(tmp_path / "t.xlsx")]) == EXIT_OK
    text = capsys.readouterr().out
    assert text.index("behind     Kazakhstan: FDI") < text.index("reached    Kazakhstan: Gasification")


def test_the_bundled_gasification_figures_are_sourced_and_counted(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bundled Progress sheet (shared/data CORRECTIONS.md): 59, 60, 62.4, 64.2 % for 2022-2025, no warning."""
    assert main(["summary", str(bundled), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    by_target = {p["target"]: p for p in doc["progress"]}
    gas = by_target["Gasification of the country"]
    assert gas["observations"] == {"2022": 59, "2023": 60, "2024": 62.4, "2025": 64.2}
    assert (gas["status"], gas["reach_year"]) == ("reached", 2023)
    assert by_target["FDI attracted over the 7-year term, cumulative"]["measure"] == "cumulative"
    assert not [w for w in doc["warnings"] if w["sheet"] == "Progress"]
