"""Ranges through loading: bound texts and Low/High columns, on the per-cell and the columnar roads (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

import corridor_app.io.loading.interpret as interpret_module
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.columnar import FastRows
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.interpret import interpret
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.schema import match_columns
from corridor_app.model.sheets import CONTRIBUTIONS, PROJECTS, TOTALS


def test_aliases_of_the_bound_columns() -> None:
    assert match_columns(CONTRIBUTIONS, ["Country", "Amount", "Min", "Max"]) == {
        0: "country",
        1: "amount",
        2: "low",
        3: "high",
    }
    assert match_columns(CONTRIBUTIONS, ["Страна", "Сумма", "От", "До"]) == {
        0: "country",
        1: "amount",
        2: "low",
        3: "high",
    }
    ru = match_columns(CONTRIBUTIONS, ["Страна", "Сумма", "Нижняя оценка", "Верхняя оценка", "Приблизительно"])
    assert ru == {0: "country", 1: "amount", 2: "low", 3: "high", 4: "approx"}
    assert match_columns(TOTALS, ["Коридор", "Итого", "От", "До"]) == {
        0: "corridor",
        1: "published_total",
        2: "low",
        3: "high",
    }
    projects = match_columns(PROJECTS, ["Project", "Cost", "Low", "High", "Length km", "Length low km"])
    assert projects == {0: "project", 1: "cost", 2: "cost_low", 3: "cost_high", 4: "length_km", 5: "length_low"}


def test_csv_with_decimal_commas_loads_ranges(tmp_path: Path) -> None:
    """Issue 18, "Done when": a country written 12–14 and 12,5–13,5 in a CSV loads as low and high."""
    path = tmp_path / "ranges.csv"
    path.write_text(
        "Страна;Сумма, млрд долл.;Источник\n"
        "Россия;12–14;ЕАБР\nИран;12,5–13,5;ЕАБР\nКазахстан;6,32;ЕАБР\nпрочие;около 6,7;ЕАБР\nИтого;более 38;ЕАБР\n",
        encoding="utf-8",
    )
    book = load_workbook(path)
    contrib = book.table("contributions")
    got = [(contrib.value(r, "amount"), contrib.value(r, "low"), contrib.value(r, "high")) for r in range(4)]
    assert got == [(13.0, 12.0, 14.0), (13.0, 12.5, 13.5), (6.32, None, None), (6.7, None, None)]
    assert contrib.value(3, "approx") == "approximate"
    totals = book.table("totals")
    assert (totals.value(0, "published_total"), totals.value(0, "low"), totals.value(0, "high")) == (38.0, 38.0, None)


def test_bound_in_another_scale_is_converted_with_its_figure(tmp_path: Path) -> None:
    path = tmp_path / "mln.csv"
    path.write_text("Country,Amount,Unit\nRussia,over USD 13 200 mln,USD bn\n", encoding="utf-8")
    contrib = load_workbook(path).table("contributions")
    assert (contrib.value(0, "amount"), contrib.value(0, "low")) == pytest.approx((13.2, 13.2))


HEADER = ["Country", "Amount", "Low", "High", "Unit"]


def _sheet(rows: list[list[object]]) -> RawSheet:
    return RawSheet("Contributions", [HEADER, *rows])


def _per_cell(body, spec, mapping, extras, *, default_corridor, header_unit, force_slow=()):  # type: ignore[no-untyped-def]
    import numpy as np

    return FastRows(np.empty(0, dtype=np.int64), {}, np.arange(len(body), dtype=np.int64))


def _both(monkeypatch, rows):  # type: ignore[no-untyped-def]
    def run():  # type: ignore[no-untyped-def]
        try:
            book = interpret("book.xlsx", [_sheet([list(r) for r in rows])])
            return book.table("contributions").records()
        except LoadError as exc:
            return ("error", [str(p) for p in exc.problems])

    fast = run()
    with monkeypatch.context() as m:
        m.setattr(interpret_module, "read_fast", _per_cell)
        slow = run()
    return fast, slow


def test_numeric_low_and_high_read_the_same_on_both_roads(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fast, slow = _both(monkeypatch, [["Russia", 13.2, 12.0, 14.0, "USD bn"], ["Iran", 12.87, None, None, "USD bn"]])
    assert fast == slow
    assert fast[0]["low"] == 12.0 and fast[0]["high"] == 14.0 and fast[1]["low"] is None


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        (["Russia", 13.2, 14.0, 15.0, "USD bn"], "Low", "Low 14 is above the amount 13.2"),
        (["Russia", 13.2, 12.0, 13.0, "USD bn"], "High", "High 13 is below the amount 13.2"),
        (["Russia", 13.2, 15.0, 12.0, "USD bn"], "Low", "Low 15 is above High 12"),
        (["Russia", "over 13", 14.0, None, "USD bn"], "Low", "contradicts the 13 written in Amount"),
        (["Russia", "up to 13", None, 12.0, "USD bn"], "High", "contradicts the 13 written in Amount"),
    ],
)
def test_a_contradicting_bound_is_an_error_at_its_cell(monkeypatch, row, column, says) -> None:  # type: ignore[no-untyped-def]
    fast, slow = _both(monkeypatch, [row])
    assert fast == slow
    assert fast[0] == "error"
    assert any(f"column '{column}'" in p and says in p for p in fast[1]), fast[1]


def test_a_bound_text_and_a_column_that_adds_to_it_are_merged(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fast, slow = _both(monkeypatch, [["Russia", "over 13", None, 15.0, "USD bn"]])
    assert fast == slow
    assert (fast[0]["amount"], fast[0]["low"], fast[0]["high"]) == (13.0, 13.0, 15.0)


def test_ranges_survive_save_and_load(tmp_path: Path) -> None:
    from corridor_app.io.saving.writer import save_workbook

    path = tmp_path / "ranges.csv"
    path.write_text("Country;Amount\nRussia;12–14\nIran;около 12,87\nИтого;более 38\n", encoding="utf-8")
    book = load_workbook(path)
    saved = tmp_path / "ranges.xlsx"
    save_workbook(book, saved, keep_backups=False)
    again = load_workbook(saved)
    for key in ("contributions", "totals"):
        assert again.table(key).records() == book.table(key).records()


def test_bundled_dataset_states_its_ranges(bundled: Path) -> None:
    """Issue 18, item 5: the EDB's "over US$38 billion" beside the article's 38.2; published spreads of projects."""
    book = load_workbook(bundled)
    totals = book.table("totals")
    assert (totals.value(0, "published_total"), totals.value(0, "low"), totals.value(0, "high")) == (38.2, 38.0, None)
    projects = book.table("projects")
    by_name = {str(projects.value(r, "project")): r for r in range(len(projects))}
    canal = by_name["Volga-Caspian Sea Shipping Canal deepening"]
    assert (projects.value(canal, "cost_low"), projects.value(canal, "cost_high")) == (4080.0, 4160.0)
    line = by_name["Moyynty-Kyzylzhar railway"]
    assert (projects.value(line, "length_low"), projects.value(line, "length_high")) == (323.0, 366.0)
