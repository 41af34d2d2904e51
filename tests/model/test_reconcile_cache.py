"""reconcile_totals caches per change of the figures and never answers from stale data (issue: fast at any size)."""

from __future__ import annotations

import random

import pytest

from corridor_app.model.edits import DeleteRows, InsertRows, SetCell, apply
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.sheets import CONTRIBUTIONS
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook


def _book() -> Workbook:
    book = Workbook()
    contrib = book.table("contributions")
    rows = [("ITC", "Russia", 13.2), ("ITC", "Iran", 12.87), ("ITC", "Kazakhstan", 6.32), ("ITC", "others", 6.7)]
    contrib.append_many(
        [{"corridor": c, "country": k, "amount": a, "unit": "USD bn"} for c, k, a in rows], [None] * len(rows)
    )
    book.table("totals").append_many([{"corridor": "ITC", "published_total": 38.2, "unit": "USD bn"}], [None])
    return book


def _plain_sum(book: Workbook, units: dict[str, str]) -> dict[str, float]:
    """The reference: a loop over rows, converting USD bn and mln to each corridor's unit."""
    t = book.table("contributions")
    out: dict[str, float] = {}
    scale = {"USD bn": 1e9, "USD mln": 1e6}
    for r in range(len(t)):
        amount = t.value(r, "amount")
        if amount is None:
            continue
        key = str(t.value(r, "corridor") or "")
        factor = scale[str(t.value(r, "unit"))] / scale[units[key]]
        out[key] = out.get(key, 0.0) + float(amount) * factor
    return out


def test_seed_reconciles_as_before() -> None:
    (rec,) = reconcile_totals(_book())
    assert rec.sum_of_parts == pytest.approx(39.09)
    assert rec.residual == pytest.approx(0.89)
    assert list(rec.countries) == ["Russia", "Iran", "Kazakhstan", "others"]


def test_every_kind_of_edit_is_seen() -> None:
    book = _book()
    rng = random.Random(5)
    for step in range(200):
        t = book.table("contributions")
        kind = rng.choice(["amount", "unit", "country", "corridor", "insert", "delete"])
        row = rng.randrange(len(t))
        if kind == "amount":
            apply(book, SetCell("contributions", row, "amount", rng.choice([1.0, 2.5, None])))
        elif kind == "unit":
            apply(book, SetCell("contributions", row, "unit", rng.choice(["USD bn", "USD mln"])))
        elif kind == "country":
            apply(book, SetCell("contributions", row, "country", rng.choice(["Iran", "Oman"])))
        elif kind == "corridor":
            apply(book, SetCell("contributions", row, "corridor", rng.choice(["ITC", "Middle"])))
        elif kind == "insert":
            record = (("corridor", "ITC"), ("country", "Chad"), ("amount", 3.0), ("unit", "USD bn"))
            apply(book, InsertRows("contributions", (row,), (record,)))
        elif len(t) > 2:
            apply(book, DeleteRows("contributions", (row,)))
        recs = reconcile_totals(book)
        got = {r.corridor: r.sum_of_parts for r in recs}
        want = _plain_sum(book, {r.corridor: r.unit for r in recs})
        assert got.keys() >= want.keys(), step
        for name, total in want.items():
            assert got[name] == pytest.approx(total), (step, kind)


def test_direct_table_writes_are_seen_too() -> None:
    book = _book()
    reconcile_totals(book)
    book.table("contributions").set_value(0, "amount", 0.0)  # no announcement: the stamp still changes
    assert reconcile_totals(book)[0].sum_of_parts == pytest.approx(39.09 - 13.2)
    book.tables["contributions"] = Table(CONTRIBUTIONS)  # a replaced table is a different table
    assert reconcile_totals(book)[0].sum_of_parts == 0


def test_corridors_are_kept_until_a_corridor_column_changes() -> None:  # issue 7: asked for by every view
    book = _book()
    assert book.corridors() == ["ITC"]
    assert book.corridors() == ["ITC"]  # from the cache
    inverse = apply(book, SetCell("contributions", 1, "corridor", "Middle"))
    assert book.corridors() == ["ITC", "Middle"]
    apply(book, inverse)
    assert book.corridors() == ["ITC"]
    apply(book, InsertRows("totals", (1,), ((("corridor", "Lapis"), ("published_total", 1.0), ("unit", "USD bn")),)))
    assert book.corridors() == ["ITC", "Lapis"]
    apply(book, DeleteRows("totals", (1,)))
    assert book.corridors() == ["ITC"]
    apply(book, SetCell("contributions", 0, "amount", 1.0))  # another column: the cache stands
    book.corridors().append("changed by a caller")
    assert book.corridors() == ["ITC"]  # each caller gets its own list
    book.tables["totals"] = Table(book.tables["totals"].spec)
    book.tables["totals"].append_many([{"corridor": "Zangezur", "unit": "USD bn"}], [None])
    assert book.corridors() == ["ITC", "Zangezur"]
