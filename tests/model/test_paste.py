"""Paste like a spreadsheet, without Qt (issue 14): a block covers its own size, a value fills a selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.edits import apply, describe
from corridor_app.model.paste import PasteError, build_fill, build_paste, paste_name, tile
from corridor_app.model.workbook import Workbook

DATASET = Path(__file__).resolve().parents[2] / "data" / "north_south_itc.xlsx"


@pytest.fixture
def workbook() -> Workbook:
    return load_workbook(DATASET)


def _amounts(workbook: Workbook) -> list[object]:
    table = workbook.table("contributions")
    return [table.value(r, "amount") for r in range(len(table))]


def _amount_column(workbook: Workbook) -> int:
    return workbook.table("contributions").keys.index("amount")


def test_a_one_cell_block_writes_one_cell_whatever_rows_remain_below(workbook: Workbook) -> None:
    """Issue 14: a one-value paste on Kazakhstan's amount overwrote every amount below it."""
    edit = build_paste(workbook, "contributions", [2, 3], _amount_column(workbook), [["13,2"]])
    apply(workbook, edit)
    assert _amounts(workbook) == [13.2, 12.87, 13.2, 6.7]
    assert describe(workbook, edit) == "Paste 1 cell"


def test_a_block_writes_as_many_rows_and_columns_as_it_has(workbook: Workbook) -> None:
    col = _amount_column(workbook)
    edit = build_paste(workbook, "contributions", [0, 1, 2, 3], col, [["1"], ["2"]])
    apply(workbook, edit)
    assert _amounts(workbook) == [1.0, 2.0, 6.32, 6.7]
    assert describe(workbook, edit) == "Paste 2 cells"


def test_a_block_taller_than_the_rows_left_is_refused_whole_naming_why(workbook: Workbook) -> None:
    with pytest.raises(PasteError, match=r"3 rows but only 2 rows remain.*insert rows first"):
        build_paste(workbook, "contributions", [2, 3], _amount_column(workbook), [["1"], ["2"], ["3"]])
    assert _amounts(workbook) == [13.2, 12.87, 6.32, 6.7]


def test_a_block_wider_than_the_columns_left_is_refused(workbook: Workbook) -> None:
    keys = workbook.table("contributions").keys
    with pytest.raises(PasteError, match="2 columns wide but only 1 columns remain"):
        build_paste(workbook, "contributions", [0], len(keys) - 1, [["a", "b"]])


def test_a_single_value_fills_exactly_the_given_cells(workbook: Workbook) -> None:
    col = _amount_column(workbook)
    edit = build_fill(workbook, "contributions", [(3, col), (0, col)], "1\u00a0000,5")
    apply(workbook, edit)
    assert _amounts(workbook) == [1000.5, 12.87, 6.32, 1000.5]
    assert describe(workbook, edit) == "Paste 2 cells"


def test_a_fill_with_a_value_a_column_refuses_names_the_cell(workbook: Workbook) -> None:
    col = _amount_column(workbook)
    with pytest.raises(PasteError, match="row 2, Amount"):
        build_fill(workbook, "contributions", [(1, col), (2, col)], "abc")


def test_tile_repeats_a_block_only_over_a_whole_multiple() -> None:
    assert tile([["1"], ["2"]], 4, 1) == [["1"], ["2"], ["1"], ["2"]]
    assert tile([["1", "2"]], 2, 4) == [["1", "2", "1", "2"], ["1", "2", "1", "2"]]
    assert tile([["1"], ["2"]], 3, 1) is None
    assert tile([["1"], ["2"]], 2, 1) is None


def test_paste_name_counts_cells() -> None:
    assert (paste_name(1), paste_name(6)) == ("Paste 1 cell", "Paste 6 cells")
