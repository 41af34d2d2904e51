"""``summary`` on projects in several currencies and on several corridors (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corridor_app.cli import main

SHARED_PROJECTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "projects.csv"
ROOT = Path(__file__).resolve().parents[2]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["summary", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_bare_projects_file_lists_every_unconverted_cost(capsys: pytest.CaptureFixture[str]) -> None:
    if not SHARED_PROJECTS.exists():
        pytest.skip("../shared/data/projects.csv is not beside the repository")
    out = run_json(capsys, str(SHARED_PROJECTS))
    assert {"file", "corridors", "warnings"} <= out.keys()  # the documented keys stay
    excluded = out["excluded"]
    assert len(excluded) == 7
    rasht = next(e for e in excluded if e["project"] == "Rasht-Astara railway")
    assert (rasht["currency"], rasht["amount"], rasht["country"]) == ("EUR", 1600.0, "Iran")
    assert {e["currency"] for e in excluded} == {"EUR", "RUB", "KZT"}
    # Only USD is summed into the USD total; the rest is summed per currency, never across.
    assert out["projects"][0]["total"] == pytest.approx(1.9)
    assert out["by_currency"]["EUR"] == {"amount": 3.664, "unit": "EUR bn", "projects": 4, "converted": None}
    assert out["by_currency"]["KZT"]["amount"] == pytest.approx(704.9)
    assert sum(1 for w in out["warnings"] if "no FX rate" in w["message"]) == 7


def test_bundled_dataset_converts_with_its_fx_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, str(ROOT / "data" / "north_south_itc.xlsx"))
    assert out["excluded"] == []
    assert {r["currency"] for r in out["fx"]} >= {"EUR", "RUB", "KZT"}
    assert all(r["as_of"] and r["source"] for r in out["fx"] if r["currency"] != "USD")
    totals = {p["corridor"]: p["total"] for p in out["projects"]}
    rates = {r["currency"]: r["units_per_usd"] for r in out["fx"]}
    # Dostyk-Moyynty, Darbaza-Maktaaral and Bakhty-Ayagoz (KZT 321 bn, found by the source check: CORRECTIONS.md).
    kz_network = (542900 + 162000 + 321000) / rates["KZT"] / 1000
    assert totals["Kazakhstan national network"] == pytest.approx(kz_network)
    assert out["corridors"][0]["sum_of_parts"] == pytest.approx(39.09)


def test_two_corridors_each_reconciled_against_its_own_total(
    two_corridor_xlsx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_json(capsys, str(two_corridor_xlsx))
    by_name = {c["corridor"]: c for c in out["corridors"]}
    assert by_name["North-South ITC"]["reconciled"] is False
    assert by_name["North-South ITC"]["residual"] == pytest.approx(0.89)
    assert by_name["Middle Corridor"]["reconciled"] is True
    assert by_name["Middle Corridor"]["unit"] == "EUR bn"
    comparison = out["comparison"]
    assert comparison["corridors"] == ["North-South ITC", "Middle Corridor"]
    assert comparison["countries"]["Kazakhstan"] == {
        "North-South ITC": pytest.approx(6.32),
        "Middle Corridor": pytest.approx(9.0 / 0.8),
    }
    assert comparison["countries"]["Azerbaijan"]["North-South ITC"] is None
    middle = next(r for r in comparison["reconciliations"] if r["corridor"] == "Middle Corridor")
    assert middle["published_total"] == pytest.approx(13.0 / 0.8)


def test_corridor_without_rate_is_excluded_from_the_comparison_only(
    two_corridor_xlsx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = two_corridor_xlsx
    out = run_json(capsys, str(path), "--currency", "KZT")
    assert out["display"] == "KZT bn"
    # No KZT rate: nothing is drawn at a guessed rate, everything is listed; each corridor still reconciles.
    assert {e["country"] for e in out["excluded"]} >= {"Russia", "Azerbaijan"}
    assert all(e["reason"].startswith("no FX rate") for e in out["excluded"])
    assert {c["corridor"]: c["reconciled"] for c in out["corridors"]} == {
        "North-South ITC": False,
        "Middle Corridor": True,
    }


def test_text_summary_shows_both_corridors_and_refuses_a_bad_currency(
    two_corridor_xlsx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = two_corridor_xlsx
    assert main(["summary", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Corridors compared (USD bn" in text
    assert "Middle Corridor: reconciles" in text
    assert main(["summary", str(path), "--currency", "km"]) == 2
    assert "--currency" in capsys.readouterr().err
