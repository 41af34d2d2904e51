"""The generated benchmark workbooks load as corridor workbooks, with the row count asked for."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import write_csv, write_xlsx
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.reconcile import reconcile_totals


def test_generated_xlsx_loads_with_every_row_and_a_residual(tmp_path: Path) -> None:
    book = load_workbook(write_xlsx(tmp_path / "c.xlsx", 300))
    contrib = book.table("contributions")
    assert len(contrib) == 300
    assert {"Status", "Project code", "Share"} <= set(contrib.extra_columns)
    # Year is a known column since issue 17: read as years, not kept as text.
    assert contrib.column("year").min() >= 2000 and contrib.column("year").max() <= 2035
    recs = reconcile_totals(book)
    assert recs and all(r.published_total is not None and r.residual_pct is not None for r in recs)
    assert all(abs(r.residual_pct - 100 * (1 / 0.98 - 1)) < 0.01 for r in recs)  # type: ignore[operator]


def test_generated_csv_loads_the_same_amounts(tmp_path: Path) -> None:
    xlsx = load_workbook(write_xlsx(tmp_path / "c.xlsx", 50)).table("contributions")
    csv = load_workbook(write_csv(tmp_path / "c.csv", 50)).table("contributions")
    assert list(csv.column("amount")) == list(xlsx.column("amount"))
