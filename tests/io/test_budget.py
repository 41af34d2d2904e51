"""The load budget: 10 s and 1 GiB for any file, more only for a sheet the preflight has counted as large.

Guards issue 7 ("1M rows loads and stays usable") without weakening issue 6
("each load ends within 10 s and 1 GiB, or is refused with a reason").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading import budget
from corridor_app.io.loading.preflight import Preflight
from corridor_app.io.loading.xmlscan import SheetStats

GIB = 1024**3


def _checked(cells: int, rows: int = 0, cols: int = 10) -> Preflight:
    stats = SheetStats()
    stats.cells = cells
    stats.min_row, stats.max_row = 1, rows or max(1, cells // cols)
    stats.min_col, stats.max_col = 0, cols - 1
    return Preflight("xlsx", {"Contributions": stats})


def test_an_ordinary_file_gets_the_base_budget() -> None:
    got = budget.load_budget("f.xlsx", _checked(50_000), base_seconds=10, base_memory=GIB)
    assert got == budget.Budget(10, GIB) and not got.extra


def test_a_counted_million_row_sheet_gets_time_and_memory_in_proportion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "memory_ceiling", lambda base: 8 * GIB)
    got = budget.load_budget("f.xlsx", _checked(10_000_000), base_seconds=10, base_memory=GIB)
    extra = 10_000_000 - budget.BASE_CELLS
    assert got.extra
    assert got.seconds == pytest.approx(10 + extra * budget.SECONDS_PER_CELL)
    assert got.memory == GIB + extra * budget.BYTES_PER_CELL


def test_far_away_cells_weigh_by_their_bounding_box() -> None:
    # 20 cells spread over a million rows: the parser allocates the box, so the budget counts it.
    assert budget.weight("f.xlsx", _checked(20, rows=1_000_000, cols=16)) == 4_000_000


def test_more_than_this_computer_can_spare_is_refused_with_the_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "memory_ceiling", lambda base: 2 * GIB)
    with pytest.raises(LoadError) as info:
        budget.load_budget("big.xlsx", _checked(15_000_000), base_seconds=10, base_memory=GIB)
    assert "15,000,000 cells" in info.value.message and "GiB" in info.value.message
    assert info.value.path == "big.xlsx"


def test_a_csv_is_weighed_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 8000)
    assert budget.weight(str(path), Preflight("text")) == 8000 // budget.TEXT_BYTES_PER_CELL


def test_ceilings_never_fall_below_the_base() -> None:
    assert budget.memory_ceiling(GIB) >= GIB
    assert budget.seconds_ceiling(10, 1_000) == 10
