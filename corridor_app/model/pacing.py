"""How far each target is from its baseline, and the yearly pace needed to reach it.

The Targets table gives a target value, its year, and (sometimes) a baseline
and the baseline's year. From those alone this computes what the screen and
the Excel report both show: the gap left, how much of the target the baseline
already reaches, and the change per year (absolute and compound) needed to get
from the baseline to the target by the target year. A figure that cannot be
computed is ``None`` with a ``status`` saying why, never a silent 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from corridor_app.model.workbook import Workbook

_DIGITS = 9  # as in reconcile: 21 - 18.4 reads 2.6, not 2.6000000000000014


@dataclass(frozen=True)
class Pacing:
    """The pacing of one target row (``row`` indexes the Targets table)."""

    row: int
    country: str
    target: str
    unit: str
    value: float | None
    baseline: float | None
    baseline_year: int | None
    target_year: int | None
    gap: float | None
    progress_pct: float | None
    years: int | None
    pace_per_year: float | None
    growth_pct_per_year: float | None
    status: str

    @property
    def label(self) -> str:
        """``country: target`` for chart categories."""
        return f"{self.country}: {self.target}" if self.country else self.target


def pace(
    value: float | None, baseline: float | None, baseline_year: int | None, target_year: int | None
) -> tuple[float | None, float | None, int | None, float | None, float | None, str]:
    """Gap, progress %, years, pace per year, compound growth % per year, and a status.

    Progress is the baseline as a percentage of the target (over 100 when the
    baseline already exceeds it). The compound rate needs both values positive.
    """
    if value is None:
        return None, None, None, None, None, "no target value"
    if baseline is None:
        return None, None, None, None, None, "no baseline"
    gap = round(value - baseline, _DIGITS)
    progress = baseline / value * 100 if value else None
    if baseline_year is None or target_year is None:
        return gap, progress, None, None, None, "no baseline year" if baseline_year is None else "no target year"
    years = target_year - baseline_year
    if years <= 0:
        return gap, progress, years, None, None, "target year not after baseline year"
    per_year = round(gap / years, _DIGITS)
    growth = (math.pow(value / baseline, 1 / years) - 1) * 100 if value > 0 and baseline > 0 else None
    status = "reached at baseline" if progress is not None and progress >= 100 else "to reach"
    return gap, progress, years, per_year, growth, status


def target_pacing(workbook: Workbook) -> list[Pacing]:
    """One ``Pacing`` per row of the Targets table, in table order."""
    table = workbook.table("targets")
    result = []
    for row in range(len(table)):
        value = _number(table.value(row, "value"))
        baseline = _number(table.value(row, "baseline"))
        by = _year(table.value(row, "baseline_year"))
        ty = _year(table.value(row, "target_year"))
        gap, progress, years, per_year, growth, status = pace(value, baseline, by, ty)
        result.append(
            Pacing(
                row,
                str(table.value(row, "country") or ""),
                str(table.value(row, "target") or ""),
                str(table.value(row, "unit") or ""),
                value,
                baseline,
                by,
                ty,
                gap,
                progress,
                years,
                per_year,
                growth,
                status,
            )
        )
    return result


def _number(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not math.isnan(v) else None


def _year(v: object) -> int | None:
    return int(v) if isinstance(v, int | float) and not math.isnan(v) else None
