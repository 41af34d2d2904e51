"""The loader's column readers give, cell for cell and type for type, what the per-cell path gives (issue 17).

The build step was made several times faster by reading each column in one
walk over slices of rows (io/loading/column_readers.py). These tests guard
that no such speed change alters a value: sheets mixing the tricky cases
(blank and whitespace-only texts, None, bools and numbers in text columns,
repeated and distinct texts, short rows, blank rows, choices, odd cells past
the rows a column's kind is judged on and across slice boundaries) are
interpreted as they are and with every row forced through the per-cell path,
and the stored columns must match exactly, types included; a small sheet is
also checked against values written out by hand.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
import pytest

import corridor_app.io.loading.interpret as interpret_module
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.columnar import FastRows, read_fast
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.interpret import interpret
from corridor_app.model.workbook import Workbook

HEADER: list[object] = ["Corridor", "Country", "Amount", "Unit", "Source", "Note", "Year", "Status", "Code", "Share"]
WIDTH = len(HEADER) + 1  # one more column, with no header: neither read nor kept, but it makes a row non-blank


def _stored(book: Workbook) -> dict[str, object]:
    """Every table's columns as (type, value) per cell, its origins, and the book's findings."""
    out: dict[str, object] = {"problems": [str(p) for p in book.problems]}
    for key, table in book.tables.items():
        columns = {}
        for name in table.keys:
            array = table.column(name)
            cells = [
                ("nan", None) if isinstance(v, float) and math.isnan(v) else (type(v).__name__, v)
                for v in array.tolist()
            ]
            columns[name] = (str(array.dtype), cells)
        out[key] = (columns, list(table.origins))
    return out


def _per_cell(body, spec, mapping, extras, *, default_corridor, header_unit, force_slow=()):  # type: ignore[no-untyped-def]
    return FastRows(np.empty(0, dtype=np.int64), {}, np.arange(len(body), dtype=np.int64))


def _both(monkeypatch: pytest.MonkeyPatch, sheets: list[RawSheet]) -> tuple[object, object, int]:
    """The book (or the refusal) with the column readers and with every row read cell by cell."""
    read_by_columns = 0

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal read_by_columns
        got = read_fast(*args, **kwargs)
        read_by_columns += len(got.index)
        return got

    def run() -> object:
        copies = [RawSheet(s.name, [list(r) for r in s.rows], s.first_row, s.first_col) for s in sheets]
        try:
            return _stored(interpret("book.xlsx", copies))
        except LoadError as exc:
            return ("error", str(exc), [str(p) for p in exc.problems])

    with monkeypatch.context() as m:
        m.setattr(interpret_module, "read_fast", counting)
        fast = run()
    with monkeypatch.context() as m:
        m.setattr(interpret_module, "read_fast", _per_cell)
        slow = run()
    return fast, slow, read_by_columns


def _tricky_rows(n: int, seed: int, *, bools_in_text: bool) -> list[list[object]]:
    """``n`` rows that load without error, the odd cells spread beyond the first 2,048 rows and across slices."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for i in range(n):
        odd = rng.random() < 0.15  # a row with something unusual in it
        source: object = f"https://example.org/doc/{i}"  # distinct texts
        if odd:
            source = rng.choice(["", "   ", None, 7.0, 7.5, 2024, " padded ", "\t"])
            if bools_in_text:
                source = rng.choice([source, True, False])
        row: list[object] = [
            rng.choice(["ITC", " ITC", "Middle Corridor ", "", None, "   "]) if odd else "ITC",
            rng.choice(["Iran", "Oman ", " Kazakhstan", "Россия"]),
            rng.choice([rng.uniform(0, 50), rng.randint(1, 9), "12.5", "1,5", "USD 300 mln"])
            if odd
            else round(rng.uniform(0, 50), 3),
            rng.choice(["USD bn", "", None, " USD mln ", "   "]) if odd else "USD bn",
            source,
            rng.choice(["", "   ", None, f" note {i}"]) if odd else f"note {i}",  # distinct texts, no numbers
            rng.choice([2020.0, 2021, None, "", "FY2022", "2023"]) if odd else float(rng.randint(2000, 2030)),
            rng.choice(["planned", "", None, "  ", "operating ", 3.0]) if odd else rng.choice(["planned", "operating"]),
            rng.choice([f"P-{i}", 17, 17.5, "", None, dt.date(2024, 1, 2)]) if odd else f"P-{i}",
            rng.choice([0.5, 1, "", None, "n/a", dt.datetime(2024, 5, 6, 7, 8)]) if odd else rng.random(),
            rng.choice([None, None, "stray", 3.0]) if odd else None,
        ]
        if rng.random() < 0.02:
            row = row[: rng.randint(3, WIDTH - 1)]  # a short row, as a reader gives when trailing cells are empty
        rows.append(row)
        if rng.random() < 0.01:
            rows.append(rng.choice([[None] * WIDTH, [""] * WIDTH, [], [None, ""]]))  # blank rows, skipped
    return rows


def _sheet(rows: list[list[object]]) -> RawSheet:
    return RawSheet("Contributions", [["North–South ITC"], [], HEADER, *rows], first_row=3, first_col=1)


@pytest.mark.parametrize("bools_in_text", [False, True])
@pytest.mark.parametrize("n", [40, 5000])
def test_column_readers_store_what_the_per_cell_path_stores(
    monkeypatch: pytest.MonkeyPatch, n: int, bools_in_text: bool
) -> None:
    fast, slow, by_columns = _both(monkeypatch, [_sheet(_tricky_rows(n, seed=n, bools_in_text=bools_in_text))])
    assert fast == slow
    assert not (isinstance(fast, tuple) and fast[0] == "error"), fast
    if not bools_in_text:  # (a bool in a text column sends that column's every row cell by cell, today)
        assert by_columns > n // 2  # the readers, not the per-cell path, read most rows: the comparison means something


def test_a_whole_slice_of_short_rows_reads_the_same_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    # Readers take rows 1,024 at a time: here one slice is all full rows and the next all short ones.
    full: list[object] = ["ITC", "Iran", 1.5, "USD bn", "src", "note", 2020.0, "planned", "P-1", 0.5]
    rows = [list(full) for _ in range(1024)] + [["ITC", "Oman", 2.5] for _ in range(1100)] + [list(full)]
    fast, slow, by_columns = _both(monkeypatch, [_sheet(rows)])
    assert fast == slow
    assert by_columns == len(rows)


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_a_blank_required_text_among_distinct_texts_is_refused_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, blank: object
) -> None:
    # Project names are all different (the readers keep them unshared); one is blank, past the first slice.
    rows: list[list[object]] = [[f"Project {i}", "ITC", 100.0 + i] for i in range(3000)]
    rows[2500][0] = blank
    fast, slow, _ = _both(monkeypatch, [RawSheet("Projects", [["Project", "Corridor", "Length km"], *rows])])
    assert fast == slow
    assert isinstance(fast, tuple) and "A2502" in fast[1] and "Project is required" in fast[1]


def _random_cell(rng: random.Random, i: int) -> object:
    return rng.choice(
        [
            "Iran",
            " Iran ",
            "",
            "   ",
            "Total",
            "Итого",
            "USD bn",
            "over 38",
            "approx",
            "≈",
            "процент",
            "exact",
            f"text {i}",
            None,
            True,
            False,
            0,
            1,
            1.0,
            2.5,
            2020.0,
            1799.0,
            float("nan"),
            float("inf"),
            dt.date(2023, 5, 6),
        ]
    )


@pytest.mark.parametrize("seed", range(40))
def test_random_sheets_read_the_same_on_both_paths(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    # Every table, mapped columns of every kind (choices too), errors included: the same book or the same refusal.
    rng = random.Random(seed)
    headers = [
        ["Country", "Amount", "Low", "High", "Approx", "Unit", "Note", "Extra"],
        ["Target", "Country", "Value", "Unit", "Measure", "Baseline year", "Note"],
        ["Project", "Corridor", "Length km", "Length approx", "Cost", "Currency", "Start year", "Status"],
        ["Scenario", "Country", "Kind", "Value", "Note"],
    ]
    header: list[object] = list(headers[seed % len(headers)])
    width = len(header) + 1
    # Most cells of a column: one plain value, or a distinct text per row.
    steady = {c: rng.choice(["Iran", 5.0, f"t{c}", None, "distinct"]) for c in range(width)}
    odd = rng.choice([0.2, 0.01])
    rows = [
        [
            _random_cell(rng, i) if rng.random() < odd else f"row {i}" if steady[c] == "distinct" else steady[c]
            for c in range(rng.choice([width, width, 2]))
        ]
        for i in range(rng.choice([3, 60, 2500]))
    ]
    names = ["Contributions", "Targets", "Projects", "Scenarios"]
    fast, slow, _ = _both(monkeypatch, [RawSheet(names[seed % len(names)], [header, *rows])])
    assert fast == slow


def test_a_small_sheet_reads_as_written_out_by_hand() -> None:
    # A frozen expectation, independent of both paths' code.
    rows: list[list[object]] = [
        [" ITC ", "Iran", 13.2, "USD bn", "  ", 5.0, 2020.0, "planned", "", 0.5, None],
        [None, " Oman", 2, "", 7, "note", 2021, "  ", 17, None, None],
        ["", "Qatar", 1.5],
        [None, None, None, None],
        ["   ", "Chad", 0.25, None, None, None, None, None, dt.date(2024, 1, 2), "", "stray"],
    ]
    book = interpret("book.xlsx", [_sheet(rows)])
    table = book.table("contributions")

    def column(key: str) -> list[object]:
        return [None if isinstance(v, float) and math.isnan(v) else v for v in table.column(key).tolist()]

    assert column("corridor") == ["ITC", "North–South ITC", "North–South ITC", "North–South ITC"]
    assert column("country") == ["Iran", "Oman", "Qatar", "Chad"]
    assert column("amount") == [13.2, 2.0, 1.5, 0.25]
    assert column("unit") == ["USD bn", None, None, None]
    assert column("source") == [None, "7", None, None]
    assert column("note") == ["5", "note", None, None]
    assert column("year") == [2020.0, 2021.0, None, None]
    assert column("Status") == ["planned", "  ", None, None]
    assert column("Code") == [None, 17, None, "2024-01-02"]
    assert column("Share") == [0.5, None, None, None]
    assert [o.row for o in table.origins] == [6, 7, 8, 10]
