"""Edits apply, announce, and undo exactly (issue 2)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor_app.model.edits import DeleteRows, Edit, InsertRows, SetCell, SetCells, apply, describe
from corridor_app.model.errors import ParseError
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Change, Workbook


def snapshot(book: Workbook) -> dict[str, tuple[list[dict[str, object]], list[Origin | None]]]:
    return {key: (table.records(), list(table.origins)) for key, table in book.tables.items()}


def listen(book: Workbook) -> list[Change]:
    heard: list[Change] = []
    book.subscribe(heard.append)
    return heard


def test_set_cell_and_its_inverse(seed: Workbook) -> None:
    before = snapshot(seed)
    heard = listen(seed)
    inverse = apply(seed, SetCell("contributions", 1, "amount", 12.0))
    assert seed.table("contributions").value(1, "amount") == 12.0
    assert inverse == SetCell("contributions", 1, "amount", 12.87)
    assert heard == [Change("contributions", (1,), ("amount",))]
    apply(seed, inverse)
    assert snapshot(seed) == before
    assert len(heard) == 2


def test_set_cells_is_one_step_and_one_announcement(seed: Workbook) -> None:
    before = snapshot(seed)
    heard = listen(seed)
    edit = SetCells("contributions", ((0, "amount", 1.0), (2, "country", "KZ"), (0, "amount", 2.0)))
    inverse = apply(seed, edit)
    table = seed.table("contributions")
    assert table.value(0, "amount") == 2.0  # the later of two writes to one cell wins
    assert table.value(2, "country") == "KZ"
    assert heard == [Change("contributions", (0, 2), ("amount", "country"))]
    apply(seed, inverse)
    assert snapshot(seed) == before


def test_insert_and_delete_are_inverse(seed: Workbook) -> None:
    before = snapshot(seed)
    heard = listen(seed)
    record = (("country", "Azerbaijan"), ("amount", 1.5), ("corridor", "North-South ITC"))
    inverse = apply(seed, InsertRows("contributions", (4, 0), (record, record)))
    table = seed.table("contributions")
    assert len(table) == 6
    assert table.value(0, "country") == table.value(4, "country") == "Azerbaijan"
    assert inverse == DeleteRows("contributions", (0, 4))
    assert heard == [Change("contributions", structural=True)]
    apply(seed, inverse)
    assert snapshot(seed) == before


def test_delete_keeps_origins_for_undo(seed: Workbook) -> None:
    before = snapshot(seed)
    inverse = apply(seed, DeleteRows("contributions", (3, 1, 1)))
    assert [seed.table("contributions").value(r, "country") for r in range(2)] == ["Russia", "Kazakhstan"]
    assert isinstance(inverse, InsertRows) and inverse.origins == (
        Origin("Contributions", 3),
        Origin("Contributions", 5),
    )
    apply(seed, inverse)
    assert snapshot(seed) == before


def test_delete_and_undo_keep_numbers_in_unknown_columns(seed: Workbook) -> None:
    # issue 2: undoing a delete turned 5 in a column the format does not know into "5".
    table = seed.table("contributions")
    table.add_extra_column("Rank")
    table.set_value(0, "Rank", 5)
    before = snapshot(seed)
    apply(seed, apply(seed, DeleteRows("contributions", (0,))))
    assert snapshot(seed) == before
    assert table.value(0, "Rank") == 5


def test_changing_batches_to_one_announcement_per_table(seed: Workbook) -> None:
    heard = listen(seed)
    with seed.changing():
        apply(seed, SetCell("contributions", 0, "amount", 1.0))
        apply(seed, SetCell("contributions", 2, "source", "x"))
        apply(seed, SetCell("totals", 0, "published_total", 40.0))
        with seed.changing():  # nested batches still announce once, at the outer end
            apply(seed, SetCell("contributions", 1, "amount", 2.0))
        assert heard == []
    assert sorted(heard, key=lambda c: c.table) == [
        Change("contributions", (0, 1, 2), ("amount", "source")),
        Change("totals", (0,), ("published_total",)),
    ]


def test_batch_with_a_structural_edit_resets_the_view(seed: Workbook) -> None:
    heard = listen(seed)
    with seed.changing():
        apply(seed, SetCell("contributions", 0, "amount", 1.0))
        apply(seed, DeleteRows("contributions", (3,)))
    assert heard == [Change("contributions", None, None, structural=True)]


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (SetCell("contributions", 0, "amount", "13,2"), ParseError),  # edits carry parsed values
        (SetCell("contributions", 0, "amount", True), ParseError),
        (SetCell("contributions", 0, "amount", math.inf), ParseError),
        (SetCell("contributions", 9, "amount", 1.0), IndexError),
        (SetCell("contributions", -1, "amount", 1.0), IndexError),
        (SetCell("contributions", 0, "no such column", 1.0), KeyError),
        (SetCells("contributions", ((0, "amount", 1.0), (1, "amount", "x"))), ParseError),
        (InsertRows("contributions", (0,), ((("amount", "x"),),)), ParseError),
        (InsertRows("contributions", (9,), ((("amount", 1.0),),)), IndexError),
        (DeleteRows("contributions", (0, 4)), IndexError),
    ],
)
def test_invalid_edit_changes_nothing(seed: Workbook, edit: Edit, error: type[Exception]) -> None:
    before = snapshot(seed)
    heard = listen(seed)
    with pytest.raises(error):
        apply(seed, edit)
    assert snapshot(seed) == before
    assert heard == []


@pytest.mark.parametrize("year", [2029.5, 1799, 2201])
def test_year_must_be_a_whole_year(seed: Workbook, year: float) -> None:
    # issue 2: 2029.5 was stored, shown as 2029, and its undo wrote back 2029.
    apply(seed, InsertRows("targets", (0,), ((("target", "FDI"), ("target_year", 2029)),)))
    before = snapshot(seed)
    with pytest.raises(ParseError, match="year"):
        apply(seed, SetCell("targets", 0, "target_year", year))
    assert snapshot(seed) == before


@pytest.mark.parametrize(
    "edit",
    [
        InsertRows("contributions", (0, 0), ((("country", "A"),), (("country", "B"),))),
        InsertRows("contributions", (0, 1), ((("country", "A"),),)),
        InsertRows("contributions", (0,), ((("country", "A"),),), (None, None)),
    ],
)
def test_malformed_insert_changes_nothing(seed: Workbook, edit: InsertRows) -> None:
    # issue 2: duplicate positions inserted two rows whose undo deleted one; a short record
    # list failed half-way through the insert.
    before = snapshot(seed)
    with pytest.raises(ValueError):
        apply(seed, edit)
    assert snapshot(seed) == before


def test_describe(seed: Workbook) -> None:
    assert describe(seed, SetCell("contributions", 1, "amount", 1.0)) == "edit Iran amount"
    assert describe(seed, SetCells("contributions", ((0, "amount", 1.0), (1, "amount", 2.0)))) == (
        "edit 2 cells in Contributions"
    )
    assert describe(seed, DeleteRows("contributions", (0,))) == "delete 1 row from Contributions"


# --- property: any sequence of valid edits is undone exactly by its inverses -------------

_TEXT = st.one_of(st.none(), st.text(min_size=1, max_size=8))
_NUMBER = st.one_of(st.none(), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))


def _value_for(book: Workbook, table: str, column: str) -> st.SearchStrategy[object]:
    if column in book.table(table).extra_columns:
        return st.one_of(_TEXT, st.integers(-1000, 1000), _NUMBER)  # unknown columns keep their types
    kind = book.table(table).column_spec(column).kind
    if kind == "year":
        return st.one_of(st.none(), st.integers(min_value=1800, max_value=2200))
    return _NUMBER if kind == "number" else _TEXT


@st.composite
def _edit(draw: Callable[..., object], book: Workbook) -> Edit:
    key = draw(st.sampled_from(["contributions", "totals", "targets"]))
    table = book.table(key)
    n = len(table)
    columns = table.keys
    kinds = ["insert"] + (["set", "cells", "delete"] if n else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "set":
        row = draw(st.integers(0, n - 1))
        column = draw(st.sampled_from(columns))
        return SetCell(key, row, column, draw(_value_for(book, key, column)))  # type: ignore[arg-type]
    if kind == "cells":
        cells = []
        for _ in range(draw(st.integers(1, 4))):  # type: ignore[call-overload]
            column = draw(st.sampled_from(columns))
            cells.append((draw(st.integers(0, n - 1)), column, draw(_value_for(book, key, column))))
        return SetCells(key, tuple(cells))  # type: ignore[arg-type]
    if kind == "delete":
        rows = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n))
        return DeleteRows(key, tuple(rows))  # type: ignore[arg-type]
    m = draw(st.integers(1, 3))
    positions = draw(st.lists(st.integers(0, n + m - 1), min_size=m, max_size=m, unique=True))
    records = tuple(
        tuple((c, draw(_value_for(book, key, c))) for c in draw(st.lists(st.sampled_from(columns), unique=True)))  # type: ignore[attr-defined]
        for _ in range(m)
    )
    return InsertRows(key, tuple(positions), records)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_inverses_in_reverse_order_restore_everything(data: st.DataObject) -> None:
    book = Workbook()
    book.table("contributions").add_extra_column("Rank")
    book.table("contributions").append_many(
        [{"country": "Russia", "amount": 13.2, "unit": "USD bn", "Rank": 1}, {"country": "Iran", "amount": 12.87}],
        [Origin("Contributions", 2), Origin("Contributions", 3)],
    )
    book.table("targets").append_many([{"target": "FDI", "value": 150.0, "target_year": 2029}], [Origin("Targets", 2)])
    before = snapshot(book)
    heard = listen(book)
    inverses = []
    steps = data.draw(st.integers(1, 12))
    for _ in range(steps):
        edit = data.draw(_edit(book))
        inverses.append(apply(book, edit))
    assert len(heard) == steps  # one announcement per edit
    for inverse in reversed(inverses):
        apply(book, inverse)
    assert snapshot(book) == before


def test_a_failing_subscriber_does_not_stop_the_others_or_the_edit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 3: a broken view must not leave the edit applied but unannounced (and so not undoable)."""
    import sys

    from corridor_app.model.edits import SetCell, apply
    from corridor_app.model.workbook import Workbook

    book = Workbook()
    book.table("contributions").append_many([{"country": "Iran", "amount": 1.0}], [None])
    heard: list[object] = []
    hooked: list[object] = []

    def broken(change: object) -> None:
        raise RuntimeError("view bug")

    book.subscribe(broken)
    book.subscribe(heard.append)
    monkeypatch.setattr(sys, "excepthook", lambda *exc: hooked.append(exc[1]))
    inverse = apply(book, SetCell("contributions", 0, "amount", 2.0))
    assert len(heard) == 1 and isinstance(hooked[0], RuntimeError)
    assert inverse == SetCell("contributions", 0, "amount", 1.0)
