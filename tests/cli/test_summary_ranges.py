"""``summary --json`` with figures as ranges: the issue 18 keys, added beside the existing ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corridor_app.cli import EXIT_OK, main

RANGE_KEYS = {
    "sum_of_parts_low",
    "sum_of_parts_high",
    "published_low",
    "published_high",
    "consistent_within_ranges",
    "ranges",
}
SEED_ROWS = "Russia;13,2\nIran;12,87\nKazakhstan;6,32\nall other states;6,7\n"


def _summary(tmp_path: Path, capsys: pytest.CaptureFixture[str], total: str) -> dict[str, object]:
    path = tmp_path / "seed.csv"
    path.write_text(f"Country;Amount (USD bn)\n{SEED_ROWS}Итого;{total}\n", encoding="utf-8")
    assert main(["summary", str(path), "--json"]) == EXIT_OK
    (entry,) = json.loads(capsys.readouterr().out)["corridors"]
    return entry  # type: ignore[no-any-return]


def test_published_total_written_as_a_lower_bound_is_consistent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, "Done when": Russia 13.2 ... and a published total "более 38"."""
    entry = _summary(tmp_path, capsys, "более 38")
    assert set(entry) >= RANGE_KEYS
    assert entry["sum_of_parts"] == 39.09
    assert (entry["sum_of_parts_low"], entry["sum_of_parts_high"]) == (39.09, 39.09)
    assert (entry["published_low"], entry["published_high"]) == (38.0, None)
    assert entry["consistent_within_ranges"] is True
    assert entry["reconciled"] is False  # the tolerance verdict is unchanged beside it
    assert entry["ranges"]["Russia"] == [13.2, 13.2]  # type: ignore[index]


def test_published_total_written_as_a_point_is_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 18, "Done when": the same with the published total written 38.2 alone."""
    entry = _summary(tmp_path, capsys, "38,2")
    assert (entry["published_low"], entry["published_high"]) == (None, None)
    assert entry["consistent_within_ranges"] is False


def test_no_published_total_gives_null(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "parts.csv"
    path.write_text("Country;Amount\nRussia;12–14\nIran;12,5–13,5\n", encoding="utf-8")
    assert main(["summary", str(path), "--json"]) == EXIT_OK
    (entry,) = json.loads(capsys.readouterr().out)["corridors"]
    assert entry["consistent_within_ranges"] is None
    assert entry["ranges"] == {"Russia": [12.0, 14.0], "Iran": [12.5, 13.5]}
    assert (entry["sum_of_parts_low"], entry["sum_of_parts_high"]) == (24.5, 27.5)


def test_text_summary_prints_the_ranges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.csv"
    path.write_text(f"Country;Amount (USD bn)\n{SEED_ROWS}Итого;более 38\n", encoding="utf-8")
    assert main(["summary", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "published range" in out and "at least 38.00" in out and "consistent within the ranges" in out
