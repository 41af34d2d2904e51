"""A bound pasted or typed into a figure writes its Low/High in the same edit; a contradiction is refused (issue 18)."""

from __future__ import annotations

import pytest

from corridor_app.model.edits import apply
from corridor_app.model.paste import PasteError, build_paste
from corridor_app.model.ranges import edit_cells
from corridor_app.model.schema import parse_cell
from corridor_app.model.workbook import Workbook


def _amount_column(book: Workbook) -> int:
    return book.table("contributions").keys.index("amount")


def test_pasted_bound_fills_low_and_high_and_undoes_as_one(seed: Workbook) -> None:
    edit = build_paste(seed, "contributions", [0, 1], _amount_column(seed), [["12–14"], ["около 13"]])
    inverse = apply(seed, edit)
    contrib = seed.table("contributions")
    assert [contrib.value(0, k) for k in ("amount", "low", "high", "approx")] == [13.0, 12.0, 14.0, None]
    assert [contrib.value(1, k) for k in ("amount", "low", "high", "approx")] == [13.0, None, None, "approximate"]
    apply(seed, inverse)
    assert [contrib.value(0, k) for k in ("amount", "low", "high")] == [13.2, None, None]


def test_paste_that_leaves_a_low_above_its_figure_is_refused(seed: Workbook) -> None:
    contrib = seed.table("contributions")
    start = contrib.keys.index("low")
    with pytest.raises(PasteError, match=r"Low 14 is above the amount 13\.2"):
        build_paste(seed, "contributions", [0], start, [["14"]])


def test_typed_plain_number_outside_the_range_is_refused_with_the_way_out(seed: Workbook) -> None:
    contrib = seed.table("contributions")
    apply(seed, build_paste(seed, "contributions", [0], _amount_column(seed), [["12–14"]]))
    value, quantity = parse_cell(contrib.column_spec("amount"), "15")
    _, refused = edit_cells(contrib.spec, contrib.record(0), "amount", value, quantity)
    assert refused == "High 14 is below the amount 15 (edit High first)"
    value, quantity = parse_cell(contrib.column_spec("amount"), "over 15")
    cells, refused = edit_cells(contrib.spec, contrib.record(0), "amount", value, quantity)
    assert refused is None and cells == {"amount": 15.0, "low": 15.0, "high": None, "approx": None}
