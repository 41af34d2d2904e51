"""The column-at-a-time loader gives exactly what the cell-by-cell path gives (issue: fast at any size).

Each case is interpreted twice: as it is, and with every row forced through the
per-cell path; tables, origins, warnings and errors must be identical.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

import corridor_app.io.loading.interpret as interpret_module
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.columnar import FastRows, read_fast
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.interpret import interpret

# "Period" is a column the format does not know (kept as an extra); "Year" became a known column in issue 17.
HEADER = ["Corridor", "Country", "Amount, USD bn", "Unit", "Source", "Note", "Period", "Flag"]
ROWS: list[list[object]] = [
    ["ITC", "Russia", 13.2, "USD bn", "MinTrans", " padded note ", 2020.0, True],
    ["ITC", "Iran", 12, "", "", "", 2021, 1.0],
    ["ITC", "Kazakhstan", "USD 6 320 mln", None, "src", None, "x", dt.datetime(2024, 1, 2)],
    ["", "others", 6.7, "USD bn", "src", "", None, ""],
    ["", "", "", "", "", "", "", ""],
    [None, None, None],
    ["   ", " ", "", "", "", "", "", ""],
    ["ITC", "Total", 38.2, "USD bn", "published", "", "", ""],
    ["ITC", 2020.0, 1.0, "USD bn", "numeric country", "", "", ""],
    ["ITC", "Armenia", "1,5", "USD bn", "comma", "", "", ""],
    ["ITC", "Georgia", 0.5],
    ["ITC", "Oman", 2.5, "USD mln", "small", "", "", "", "beyond the header"],
]


def _sheet(rows: list[list[object]]) -> RawSheet:
    return RawSheet("Contributions", [["North–South ITC"], [], HEADER, *rows], first_row=3, first_col=1)


def _snapshot(book):  # type: ignore[no-untyped-def]
    tables = {}
    for key, table in book.tables.items():
        tables[key] = (
            table.keys,
            [table.record(r) for r in range(len(table))],
            list(table.origins),
        )
    return tables, [str(p) for p in book.problems]


def _all_per_cell(body, spec, mapping, extras, *, default_corridor, header_unit, force_slow=()):  # type: ignore[no-untyped-def]
    return FastRows(np.empty(0, dtype=np.int64), {}, np.arange(len(body), dtype=np.int64))


def _both(monkeypatch, rows):  # type: ignore[no-untyped-def]
    def run():  # type: ignore[no-untyped-def]
        try:
            return _snapshot(interpret("book.xlsx", [_sheet([list(r) for r in rows])]))
        except LoadError as exc:
            return ("error", str(exc), [str(p) for p in exc.problems])

    fast = run()
    with monkeypatch.context() as m:
        m.setattr(interpret_module, "read_fast", _all_per_cell)
        slow = run()
    return fast, slow


@pytest.mark.parametrize("drop", [None, 2, 8])
def test_fast_path_matches_per_cell_path(monkeypatch, drop: int | None) -> None:  # type: ignore[no-untyped-def]
    rows = [r for i, r in enumerate(ROWS) if i != drop and i != 9]  # row 9 is an error case, below
    fast, slow = _both(monkeypatch, rows)
    assert fast == slow
    assert fast[0] != "error"


def test_bad_cells_are_reported_exactly_as_before(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = [*ROWS, ["ITC", "Chad", math.inf, "", "", "", "", ""], ["ITC", "Mali", False, "", "", "", "", ""]]
    fast, slow = _both(monkeypatch, rows)
    assert fast == slow
    assert fast[0] == "error" and "Chad" not in fast[1]


def test_text_is_shared_and_numbers_are_float64() -> None:
    body = [["ITC", "Iran", 1.0, "USD bn"], ["ITC", "Iran", 2, "USD bn"]]
    from corridor_app.model.sheets import CONTRIBUTIONS

    got = read_fast(
        [list(r) for r in body],
        CONTRIBUTIONS,
        {0: "corridor", 1: "country", 2: "amount", 3: "unit"},
        {},
        default_corridor="",
        header_unit=lambda _k: "",
    )
    assert got.index.tolist() == [0, 1] and got.others.size == 0
    assert got.columns["amount"].dtype == np.float64
    assert got.columns["country"][0] is got.columns["country"][1]


def test_forced_rows_go_cell_by_cell() -> None:
    from corridor_app.model.sheets import CONTRIBUTIONS

    got = read_fast(
        [["Iran", 1.0], ["Iran", 2.0]],
        CONTRIBUTIONS,
        {0: "country", 1: "amount"},
        {},
        default_corridor="",
        header_unit=lambda _k: "",
        force_slow=[1],
    )
    assert got.index.tolist() == [0] and got.others.tolist() == [1]


def test_the_year_column_reads_the_same_on_both_paths(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # issue 17: Contributions has an optional Year column; "FY2021" and 2022.0 are years, "x" is an error.
    header = ["Country", "Amount", "Year"]
    good = [["Iran", 1.0, 2020], ["Oman", 2.0, "FY2021"], ["Chad", 3.0, 2022.0], ["Mali", 4.0, None]]

    def run(rows):  # type: ignore[no-untyped-def]
        try:
            return _snapshot(interpret("book.xlsx", [RawSheet("Contributions", [header, *rows])]))
        except LoadError as exc:
            return ("error", str(exc), [str(p) for p in exc.problems])

    fast = run(good)
    with monkeypatch.context() as m:
        m.setattr(interpret_module, "read_fast", _all_per_cell)
        assert run(good) == fast
        slow_bad = run([*good, ["Peru", 5.0, "x"]])
    assert fast[0] != "error"
    assert [r["year"] for r in fast[0]["contributions"][1]] == [2020, 2021, 2022, None]
    assert run([*good, ["Peru", 5.0, "x"]]) == slow_bad and slow_bad[0] == "error"
