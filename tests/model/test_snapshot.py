"""A workbook snapshot is independent of the live workbook (issue 7: exports run on a copy while the user edits)."""

from __future__ import annotations

from corridor_app.model.edits import DeleteRows, InsertRows, SetCell, apply
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.snapshot import SnapshotBuilder
from corridor_app.model.table import Origin
from corridor_app.model.workbook import Change, ExtraSheet, Workbook


def contents(book: Workbook) -> dict[str, tuple[list[dict[str, object]], list[Origin | None], list[str]]]:
    return {k: (t.records(), list(t.origins), list(t.extra_columns)) for k, t in book.tables.items()}


def test_snapshot_has_the_same_data_and_reconciles_the_same(seed: Workbook) -> None:
    table = seed.table("contributions")
    table.origins = [Origin("Contributions", r + 2) for r in range(len(table))]
    seed.table("contributions").headers["amount"] = "Сумма"
    seed.extra_sheets.append(ExtraSheet("Notes", [["a", 1]]))
    seed.sheet_order.append("Contributions")
    copy = seed.snapshot()
    assert contents(copy) == contents(seed)
    assert copy.table("contributions").headers == {"amount": "Сумма"}
    assert [s.name for s in copy.extra_sheets] == ["Notes"] and copy.sheet_order == ["Contributions"]
    [live], [snap] = reconcile_totals(seed), reconcile_totals(copy)
    assert snap.sum_of_parts == live.sum_of_parts and snap.residual == live.residual


def test_edits_to_the_live_workbook_do_not_reach_the_snapshot(seed: Workbook) -> None:  # issue 7
    copy = seed.snapshot()
    frozen = contents(copy)
    heard: list[Change] = []
    copy.subscribe(heard.append)
    apply(seed, SetCell("contributions", 1, "amount", 99.0))
    apply(seed, InsertRows("contributions", (0,), ((("country", "Oman"), ("amount", 1.0)),)))
    apply(seed, DeleteRows("totals", (0,)))
    assert contents(copy) == frozen
    assert heard == []  # the copy has no listeners of the live workbook
    assert abs(reconcile_totals(copy)[0].sum_of_parts - 39.09) < 1e-9
    assert reconcile_totals(seed)[0].sum_of_parts != reconcile_totals(copy)[0].sum_of_parts


def test_edits_to_the_snapshot_do_not_reach_the_live_workbook(seed: Workbook) -> None:
    copy = seed.snapshot()
    before = contents(seed)
    copy.table("contributions").set_value(0, "country", "Changed")
    copy.table("contributions").origins.insert(0, Origin("X", 1))
    assert contents(seed) == before


def test_builder_copies_in_steps_and_equals_a_snapshot(seed: Workbook) -> None:
    builder = SnapshotBuilder(seed, step_cells=1)  # one column per step
    steps = 0
    while not builder.step():
        steps += 1
    assert steps > len(seed.tables)  # it really went column by column
    assert contents(builder.finish()) == contents(seed.snapshot())


def test_builder_takes_edits_made_between_steps(seed: Workbook) -> None:  # issue 7
    builder = SnapshotBuilder(seed, step_cells=1)
    while not builder.step():
        pass
    apply(seed, SetCell("contributions", 1, "amount", 99.0))  # after the amount column was copied
    apply(seed, InsertRows("totals", (1,), ((("corridor", "Other"), ("published_total", 5.0)),)))
    copy = builder.finish()
    assert contents(copy) == contents(seed)
    apply(seed, SetCell("contributions", 0, "amount", 1.0))  # after finish: not in the snapshot
    assert copy.table("contributions").value(0, "amount") == 13.2


def test_a_long_column_is_copied_in_slices_and_an_edit_between_slices_is_kept(seed: Workbook) -> None:  # issue 7
    builder = SnapshotBuilder(seed, step_cells=2)  # the 4 contribution rows take two steps a column
    for _ in range(3):  # corridor: two slices; country: its first slice
        builder.step()
    apply(seed, SetCell("contributions", 0, "country", "Oman"))  # in the slice of "country" already copied
    apply(seed, SetCell("contributions", 0, "corridor", "Elsewhere"))  # in a column already copied
    while not builder.step():
        pass
    assert contents(builder.finish()) == contents(seed)
