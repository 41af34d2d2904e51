"""Warnings of ``validate``: duplicated countries and figures without a source, at any size (issues 3 and 7)."""

from __future__ import annotations

import numpy as np

from corridor_app.model.table import Origin
from corridor_app.model.validate import SHOWN_ROWS, validate
from corridor_app.model.workbook import Workbook


def _book(rows: list[tuple[str, str, float, str | None]]) -> Workbook:
    book = Workbook()
    table = book.table("contributions")
    records = [{"corridor": c, "country": k, "amount": a, "unit": "USD bn", "source": s} for c, k, a, s in rows]
    table.append_many(records, [Origin("Contributions", i + 2) for i in range(len(rows))])
    return book


def test_a_country_given_twice_is_one_warning_at_its_second_row() -> None:
    book = _book([("NSTC", "Iran", 1.0, "a"), ("NSTC", "Russia", 2.0, "a"), ("NSTC", "iran", 3.0, "a")])
    (dup,) = [p for p in validate(book) if "appears" in p.message]
    assert dup.message == "Iran appears again (first at row 2); amounts are added"
    assert (dup.sheet, dup.row, dup.column) == ("Contributions", 4, "Country")


def test_a_country_on_thousands_of_rows_is_one_warning_that_counts_them() -> None:
    rows = [("NSTC", "Iran" if i % 2 else "Russia", 1.0, "a") for i in range(5000)]
    rows.append(("Middle Corridor", "Iran", 1.0, "a"))  # another corridor: not a duplicate
    dups = [p for p in validate(_book(rows)) if "appears" in p.message]
    assert [p.message.split(" appears")[0] for p in dups] == ["Russia", "Iran"]  # in the order they repeat
    assert dups[0].message.startswith("Russia appears on 2,500 rows (first at row 2; again at rows 4, 6, 8,")
    assert "and 2,489 more" in dups[0].message and dups[0].row == 4


def test_figures_without_a_source_are_named_then_summed_up() -> None:
    rows = [("NSTC", f"C{i}", float(i), None) for i in range(SHOWN_ROWS + 5)]
    found = [p for p in validate(_book(rows)) if "source" in p.message]
    assert [p.row for p in found[:SHOWN_ROWS]] == list(range(2, SHOWN_ROWS + 2))
    assert found[-1].message.startswith("5 more figures have no source (rows 12, 13, 14, 15, 16")
    assert len(found) == SHOWN_ROWS + 1


def test_a_blank_row_is_neither_a_duplicate_nor_a_missing_source() -> None:
    book = _book([("NSTC", "Iran", 1.0, "a")])
    table = book.table("contributions")
    table.insert([1, 2], [{}, {}])
    assert len(table) == 3 and np.isnan(table.column("amount")[1])
    assert not [p for p in validate(book) if "appears" in p.message or "source" in p.message]
