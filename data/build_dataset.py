"""Build data/north_south_itc.xlsx, the bundled default workbook, from the CSVs beside it.

Run from the repository root:  python data/build_dataset.py

Each CSV is read with the app's own CSV reader (so the bundled data also proves
the reader) and every figure keeps its source:
  contributions.csv  the source article's per-country amounts (USD bn), note 6
  totals.csv         the published total, 38.2 (the article), with the EDB's
                     "over US$38 billion" as its Low and no High (issue 18)
  targets.csv        Kazakhstan's targets: the article's, with sourced baselines
  projects.csv       named projects in their own currencies (millions), as in
                     shared/data/projects.csv with its corrections; where
                     sources publish several costs or lengths, their spread is
                     the Cost/Length low and high; the corridor is set here from
                     the route (lines off the INSTC routes are listed under
                     "Kazakhstan national network")
  scenarios.csv      illustrative what-ifs (each labelled "illustration, not a
                     forecast"); also written as Excel Scenario Manager scenarios
  fx.csv             exchange rates (units per USD), each dated and sourced, so
                     the projects can be shown in one display currency
  progress.csv       official yearly figures for the targets (issue 16), each
                     with its source; only figures found in public material
                     (shared/data/FIGURES.md, CORRECTIONS.md), none estimated
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corridor_app.io.loading.loader import load_workbook  # noqa: E402
from corridor_app.io.saving.writer import save_workbook  # noqa: E402
from corridor_app.model.workbook import Workbook  # noqa: E402

CORRIDOR = "North-South ITC"
OFF_CORRIDOR = "Kazakhstan national network"


def build() -> Workbook:
    book = Workbook()
    for name, key in (
        ("contributions", "contributions"),
        ("totals", "totals"),
        ("targets", "targets"),
        ("projects", "projects"),
        ("scenarios", "scenarios"),
        ("fx", "fx"),
        ("progress", "progress"),
    ):
        source = load_workbook(HERE / f"{name}.csv").table(key)
        table = book.table(key)
        for extra in source.extra_columns:
            table.add_extra_column(extra)
        table.append_many(source.records(), [None] * len(source))
    projects = book.table("projects")
    for row in range(len(projects)):
        route = str(projects.value(row, "route") or "")
        projects.set_value(row, "corridor", OFF_CORRIDOR if route.startswith("n/a") else CORRIDOR)
    return book


def main() -> None:
    out = HERE / "north_south_itc.xlsx"
    save_workbook(build(), out, keep_backups=False)  # the build output is in git; no backups beside it
    print(f"wrote {out.name}")


if __name__ == "__main__":
    main()
