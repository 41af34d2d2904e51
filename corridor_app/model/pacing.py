"""Target pacing: how far each target is, and the yearly pace needed to reach it by its year.

The rule (docs/FORMAT.md, "Target pacing"):

- A target with a baseline: the baseline is the level at the end of its
  baseline year (a baseline without a year: the end of the year before
  ``start_year``). Progress is baseline / value; the pace needed is
  (value - baseline) / (target year - baseline year) per year. A baseline
  already at or past the value is "met" and needs no pace.
- A target without a baseline is read as an amount to be accumulated over the
  years from ``start_year`` to its target year, both counted: pace = value /
  (target year - start year + 1), so USD 150 bn of FDI over 2023-2029 is
  150 / 7 = 21.43 bn a year. Progress is unknown. A target in percent without a
  baseline is a level, not an accumulation, so it gets no pace.
- A target whose year is before ``start_year`` (and not met) is "past due".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from corridor_app.model.workbook import Workbook

Status = Literal["met", "in progress", "past due", "no pace"]
_DIGITS = 9
DEFAULT_START_YEAR = 2023  # the source article's seven-year term, 2023-2029


@dataclass(frozen=True)
class TargetPace:
    """One target's progress and the yearly pace needed to reach it."""

    row: int
    country: str
    target: str
    unit: str
    value: float
    target_year: int
    baseline: float | None
    baseline_year: int | None
    start_year: int
    years: int | None
    progress: float | None  # fraction, 0.61 = 61 % of the way
    remaining: float | None
    pace: float | None  # per year
    status: Status
    basis: str

    @property
    def label(self) -> str:
        """``country: target`` for chart categories."""
        return f"{self.country}: {self.target}" if self.country else self.target

    @property
    def progress_pct(self) -> float | None:
        """Progress in percent (the baseline as a share of the target)."""
        return None if self.progress is None else round(self.progress * 100, _DIGITS)

    @property
    def growth_pct_per_year(self) -> float | None:
        """Compound growth a year that takes the baseline to the target (both must be positive)."""
        if self.baseline is None or not self.years or self.baseline <= 0 or self.value <= 0:
            return None
        if self.status != "in progress":
            return None
        ratio: float = float((self.value / self.baseline) ** (1 / self.years))
        return round((ratio - 1) * 100, _DIGITS)


def target_pacing(workbook: Workbook, start_year: int) -> list[TargetPace]:
    """Pacing of every target that has a value and a target year, in table order.

    ``start_year`` is the first year counted for targets without a baseline,
    and the year against which a deadline is past.
    """
    table = workbook.table("targets")
    result = []
    for row in range(len(table)):
        value, year = table.value(row, "value"), table.value(row, "target_year")
        if value is None or year is None:
            continue
        baseline = table.value(row, "baseline")
        base_year = table.value(row, "baseline_year")
        unit = str(table.value(row, "unit") or "")
        result.append(
            _pace(
                row,
                str(table.value(row, "country") or ""),
                str(table.value(row, "target") or ""),
                unit,
                float(value),
                int(year),
                None if baseline is None else float(baseline),
                None if base_year is None else int(base_year),
                start_year,
            )
        )
    return result


def _pace(
    row: int,
    country: str,
    target: str,
    unit: str,
    value: float,
    year: int,
    baseline: float | None,
    base_year: int | None,
    start_year: int,
) -> TargetPace:
    def make(
        years: int | None,
        progress: float | None,
        remaining: float | None,
        pace: float | None,
        status: Status,
        basis: str,
    ) -> TargetPace:
        rnd = _round
        return TargetPace(
            row, country, target, unit, value, year, baseline, base_year, start_year,
            years, rnd(progress), rnd(remaining), rnd(pace), status, basis,
        )  # fmt: skip

    if baseline is not None:
        if base_year is None:
            base_year = start_year - 1
        progress = baseline / value if value else None
        remaining = value - baseline
        if remaining <= 0:
            return make(None, progress, 0.0, None, "met", f"baseline {baseline:g} ({base_year}) reaches the target")
        years = year - base_year
        if years <= 0 or year < start_year:
            return make(None, progress, remaining, None, "past due", f"target year {year} has passed")
        basis = f"({value:g} - {baseline:g}) / ({year} - {base_year})"
        return make(years, progress, remaining, remaining / years, "in progress", basis)
    if unit.strip() == "%":
        return make(None, None, None, None, "no pace", "a percentage needs a baseline to pace")
    years = year - start_year + 1
    if years <= 0:
        return make(None, None, value, None, "past due", f"target year {year} is before {start_year}")
    return make(years, None, value, value / years, "in progress", f"{value:g} / {years} years ({start_year}-{year})")


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, _DIGITS)
