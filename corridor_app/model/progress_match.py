"""Which Progress rows belong to which target, in the target's unit, and what does not fit (issue 16).

A Progress row belongs to every Targets row of the same name (case, spacing
and punctuation ignored), and of the same country when both give one: the
eastern-route capacity figures count toward its 2027 goal and its 2030 goal
alike. A figure whose unit cannot be turned into the target's (tonnes against
kilometres) is left out and warned about at its cell, as is a name that
matches no target; a scale is converted (USD mln into USD bn).
"""

from __future__ import annotations

from dataclasses import dataclass

from corridor_app.model.columns import normalise_name
from corridor_app.model.errors import Problem
from corridor_app.model.units import conversion_factor, parse_unit
from corridor_app.model.workbook import Workbook

_DIGITS = 9


@dataclass(frozen=True)
class Observation:
    """One official figure for a target: its year, value in the target's unit, and where it comes from."""

    year: int
    value: float
    source: str = ""
    note: str = ""
    row: int = -1  # the Progress table row, -1 for a figure made in code
    unit: str = ""  # the unit as written on the Progress row


@dataclass(frozen=True)
class _Matched:
    observations: dict[int, list[Observation]]
    problems: list[Problem]


def target_observations(workbook: Workbook) -> dict[int, list[Observation]]:
    """Targets row -> its figures in the target's unit, in Progress table order."""
    return _match(workbook).observations


def progress_problems(workbook: Workbook) -> list[Problem]:
    """Warnings at the Progress cells that count toward no target, or toward one twice in a year."""
    return _match(workbook).problems


def _key(text: object) -> str:
    return normalise_name(text or "")


def _match(workbook: Workbook) -> _Matched:
    targets, progress = workbook.table("targets"), workbook.table("progress")
    by_name: dict[str, list[int]] = {}
    for row in range(len(targets)):
        if targets.value(row, "target"):
            by_name.setdefault(_key(targets.value(row, "target")), []).append(row)
    observations: dict[int, list[Observation]] = {}
    problems: list[Problem] = []
    seen: dict[tuple[int, int], int] = {}
    for row in range(len(progress)):
        name, year, value = (progress.value(row, k) for k in ("target", "year", "value"))
        if not name or year is None or value is None:
            continue  # the loader and the editor require them; a row being typed in is not a finding yet
        sheet, at = progress.where(row)
        country = _key(progress.value(row, "country"))
        rows = [
            r
            for r in by_name.get(_key(name), [])
            if not country or not targets.value(r, "country") or _key(targets.value(r, "country")) == country
        ]
        if not rows:
            whom = f" for {progress.value(row, 'country')}" if country else ""
            problems.append(
                Problem(
                    "warning",
                    f"no target named {name!r}{whom} on the Targets sheet; this figure counts toward nothing",
                    sheet,
                    at,
                    progress.header("target"),
                )
            )
            continue
        unit_text = str(progress.value(row, "unit") or "")
        for target_row in rows:
            target_unit = str(targets.value(target_row, "unit") or "")
            factor = conversion_factor(parse_unit(unit_text), parse_unit(target_unit))
            if factor is None:
                problems.append(
                    Problem(
                        "warning",
                        f"unit {unit_text!r} is not the unit {target_unit!r} of the target {name!r}; "
                        "this figure is not counted",
                        sheet,
                        at,
                        progress.header("unit"),
                    )
                )
                continue
            previous = seen.get((target_row, int(year)))
            if previous is not None:
                _, first_at = progress.where(previous)
                problems.append(
                    Problem(
                        "warning",
                        f"{name} has a figure for {year} already (row {first_at or previous + 1}); "
                        "this later one is used",
                        sheet,
                        at,
                        progress.header("year"),
                    )
                )
            seen[(target_row, int(year))] = row
            observations.setdefault(target_row, []).append(
                Observation(
                    int(year),
                    round(float(value) * factor, _DIGITS),
                    str(progress.value(row, "source") or ""),
                    str(progress.value(row, "note") or ""),
                    row,
                    unit_text,
                )
            )
    return _Matched(observations, problems)
