"""Checks of a loaded or edited workbook that are worth a warning.

These do not stop anything: a missing source or a duplicated country is shown
to the analyst (window, ``summary``, ``check``), located by sheet, row and
column.
"""

from __future__ import annotations

from corridor_app.model.errors import Problem
from corridor_app.model.projects import project_problems
from corridor_app.model.reconcile import Reconciliation, reconcile_totals, reconciliation_problems
from corridor_app.model.scenarios import scenario_problems
from corridor_app.model.workbook import Workbook


def validate(workbook: Workbook, recs: list[Reconciliation] | None = None) -> list[Problem]:
    """Every warning about the workbook's current content."""
    problems: list[Problem] = []
    contrib = workbook.table("contributions")
    seen: dict[tuple[str, str], int] = {}
    for row in range(len(contrib)):
        corridor = str(contrib.value(row, "corridor") or "")
        country = str(contrib.value(row, "country") or "")
        sheet, at = contrib.where(row)
        key = (corridor, country.casefold())
        if country and key in seen:
            _, first = contrib.where(seen[key])
            first_txt = f"row {first}" if first else "another row"
            problems.append(
                Problem(
                    "warning",
                    f"{country} appears again (first at {first_txt}); amounts are added",
                    sheet,
                    at,
                    contrib.header("country"),
                )
            )
        else:
            seen[key] = row
    for name in ("contributions", "totals", "targets", "projects"):
        table = workbook.table(name)
        for row in range(len(table)):
            if table.value(row, "source") is None and any(
                table.value(row, k) is not None for k in table.spec.keys if k != "source"
            ):
                sheet, at = table.where(row)
                problems.append(Problem("warning", "figure has no source", sheet, at, table.header("source")))
    if recs is None:
        recs = reconcile_totals(workbook)
    problems.extend(reconciliation_problems(workbook, recs))
    problems.extend(scenario_problems(workbook))
    problems.extend(project_problems(workbook))
    return problems
