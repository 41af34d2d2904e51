"""Checks of a loaded or edited workbook that are worth a warning.

These do not stop anything: a missing source or a duplicated country is shown
to the analyst (window, ``summary``, ``check``), located by sheet, row and
column.
"""

from __future__ import annotations

import numpy as np

from corridor_app.model.errors import Problem
from corridor_app.model.factorize import text_codes
from corridor_app.model.progress_match import progress_problems
from corridor_app.model.projects import project_problems
from corridor_app.model.reconcile import Reconciliation, reconcile_totals, reconciliation_problems
from corridor_app.model.scenarios import scenario_problems
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

SHOWN_ROWS = 10  # rows named one by one before the rest of a finding is summed up


def validate(workbook: Workbook, recs: list[Reconciliation] | None = None) -> list[Problem]:
    """Every warning about the workbook's current content.

    Column at a time: a registry of a million rows is checked in well under a
    second, and a finding that repeats on thousands of rows is one warning that
    counts them, not thousands of warnings nobody reads.
    """
    problems = _duplicates(workbook.table("contributions"))
    for name in ("contributions", "totals", "targets", "projects", "progress"):
        problems.extend(_missing_sources(workbook.table(name)))
    if recs is None:
        recs = reconcile_totals(workbook)
    problems.extend(reconciliation_problems(workbook, recs))
    problems.extend(scenario_problems(workbook))
    problems.extend(project_problems(workbook))
    problems.extend(progress_problems(workbook))
    return problems


def _rows_text(table: Table, rows: np.ndarray) -> str:
    named = ", ".join(str(table.where(int(r))[1] or "new") for r in rows[:SHOWN_ROWS])
    return named + (f" and {len(rows) - SHOWN_ROWS:,} more" if len(rows) > SHOWN_ROWS else "")


def _duplicates(contrib: Table) -> list[Problem]:
    """One warning per corridor, country (ignoring case) and year given on more than one row."""
    if not len(contrib):
        return []
    corridors = text_codes(contrib, "corridor")
    countries = text_codes(contrib, "country")
    folded: dict[str, int] = {}
    fold = np.array([folded.setdefault(label.casefold(), len(folded)) for label in countries.labels], dtype=np.int64)
    key = corridors.codes * len(folded) + fold[countries.codes]
    if "year" in contrib.keys:  # a country-by-year table has a row per country and year (issue 17)
        _years, year_codes = np.unique(np.nan_to_num(contrib.column("year"), nan=-1.0), return_inverse=True)
        key = key * (int(year_codes.max()) + 1) + year_codes.reshape(-1)
    key[np.asarray(fold[countries.codes] == folded.get("", -1))] = -1  # a blank country is not a duplicate
    order = np.argsort(key, kind="stable")  # rows of one key together, in table order
    ordered = key[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.r_[starts, len(ordered)])
    problems = []
    for start in sorted(starts[(counts > 1) & (ordered[starts] >= 0)], key=lambda i: order[i + 1]):
        rows = order[start : start + counts[np.searchsorted(starts, start)]]
        country = str(contrib.value(int(rows[0]), "country"))
        _, first = contrib.where(int(rows[0]))
        first_txt = f"row {first}" if first else "another row"
        sheet, at = contrib.where(int(rows[1]))
        if len(rows) == 2:
            message = f"{country} appears again (first at {first_txt}); amounts are added"
        else:
            message = (
                f"{country} appears on {len(rows):,} rows (first at {first_txt}; "
                f"again at rows {_rows_text(contrib, rows[1:])}); amounts are added"
            )
        problems.append(Problem("warning", message, sheet, at, contrib.header("country")))
    return problems


def _blank(table: Table, key: str) -> np.ndarray:
    values = table.column(key)
    if table.is_numeric(key):
        return np.asarray(np.isnan(values), dtype=bool)
    return np.asarray((values == None) | (values == ""), dtype=bool)  # noqa: E711 - elementwise


def _missing_sources(table: Table) -> list[Problem]:
    """Figures without a source: each of the first few, then one warning for the rest."""
    if not len(table) or "source" not in table.spec.keys:
        return []
    filled = np.zeros(len(table), dtype=bool)
    for key in table.spec.keys:
        if key != "source":
            filled |= ~_blank(table, key)
    rows = np.flatnonzero(np.asarray(table.column("source") == None, dtype=bool) & filled)  # noqa: E711
    problems = []
    for row in rows[:SHOWN_ROWS]:
        sheet, at = table.where(int(row))
        problems.append(Problem("warning", "figure has no source", sheet, at, table.header("source")))
    if len(rows) > SHOWN_ROWS:
        rest = rows[SHOWN_ROWS:]
        sheet, at = table.where(int(rest[0]))
        problems.append(
            Problem(
                "warning",
                f"{len(rest):,} more figures have no source (rows {_rows_text(table, rest)})",
                sheet,
                at,
                table.header("source"),
            )
        )
    return problems
