"""Targets over time: the official figures year by year, and the verdict on each target (issue 16).

The rule (docs/FORMAT.md, "Progress"):

- A **level** target (the default: 60 % gasified by 2029) is judged on its
  figures as they are. The required path is the straight line from the
  baseline (its year; without a year, the end of the year before
  ``start_year``) to the goal in the target year. The pace is the slope of the
  least-squares line through the baseline and the figures from the baseline
  year on (Excel's TREND); the projection is that line at the target year.
- A **cumulative** target (USD 150 bn of FDI over 2023-2029) is judged on the
  running total of yearly flows from the first counted year (the year after the
  baseline year, else ``start_year``), starting from the baseline (else 0). The
  required path is the even yearly share; the pace is the mean flow of the
  years with a figure (the least-squares constant flow); the projection is the
  total so far plus the pace for each year after the last figure.
- Status: ``reached`` when the latest figure (running total) is at or past the
  goal; ``on track`` when the projection reaches the goal by the target year;
  ``behind`` when it does not (or the target year has a figure short of the
  goal); ``no data`` without figures, or with one figure and no baseline to
  draw a line from. As in the pacing, a goal is a value to reach or pass: "at
  least USD 24 bn" below a baseline of 28 is met by any figure of 24 or more.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from corridor_app.model.pacing import DEFAULT_START_YEAR
from corridor_app.model.progress_match import Observation, target_observations
from corridor_app.model.workbook import Workbook

Measure = Literal["level", "cumulative"]
Status = Literal["reached", "on track", "behind", "no data"]
Point = tuple[int, float]
STATUS_ORDER: dict[Status, int] = {"behind": 0, "on track": 1, "reached": 2, "no data": 3}
_DIGITS = 9

__all__ = ["Observation", "Verdict", "judge", "sorted_by_status", "target_progress", "yearly_rows"]


@dataclass(frozen=True)
class Verdict:
    """One target judged on its figures: the paths to draw and the answer.

    ``actual`` is what is drawn as observed: the figures for a level, the
    running totals for a cumulative target. ``required`` and ``projection`` are
    the dashed and dotted lines, as (year, value) points.
    """

    row: int
    target: str
    country: str
    unit: str
    measure: Measure
    baseline: float | None
    baseline_year: int | None
    goal: float
    target_year: int
    observations: tuple[Observation, ...]
    actual: tuple[Point, ...]
    required: tuple[Point, ...]
    required_pace: float | None
    pace: float | None
    projected: float | None
    projection: tuple[Point, ...]
    reach_year: int | None
    status: Status
    basis: str

    @property
    def label(self) -> str:
        """``country: target`` for lists and selectors."""
        return f"{self.country}: {self.target}" if self.country else self.target

    @property
    def latest(self) -> Point | None:
        """The last observed point (year, level or running total)."""
        return self.actual[-1] if self.actual else None

    def required_at(self, year: int) -> float | None:
        """The value the required path asks for at ``year`` (``None`` without a path)."""
        if len(self.required) < 2:
            return None
        (y0, v0), (y1, v1) = self.required[0], self.required[-1]
        return _round(v0 + (v1 - v0) * (year - y0) / (y1 - y0)) if y1 != y0 else None

    @property
    def gap(self) -> float | None:
        """Latest figure minus what the required path asks for in its year (negative: behind)."""
        latest = self.latest
        if latest is None:
            return None
        needed = self.required_at(latest[0])
        return None if needed is None else _round(latest[1] - needed)


YearRow = tuple[int, float | None, float | None, float | None]


def yearly_rows(verdict: Verdict) -> list[YearRow]:
    """(year, official figure, required path, projection) for every year from the path's start to the target year.

    The cells a report writes under a native line chart of one target: the
    figure is the running total for a cumulative target; a blank (``None``)
    where a line has no point that year, so the chart leaves a gap.
    """
    drawn = (*verdict.actual, *verdict.required, *verdict.projection)
    if not drawn:
        return []
    first = min(y for y, _ in drawn)
    last = max(verdict.target_year, *(y for y, _ in drawn))
    actual = dict(verdict.actual)
    rows: list[YearRow] = []
    for year in range(first, last + 1):
        needed = verdict.required_at(year) if verdict.required and verdict.required[0][0] <= year else None
        rows.append((year, actual.get(year), needed, _on_segment(verdict.projection, year)))
    return rows


def _on_segment(segment: tuple[Point, ...], year: int) -> float | None:
    if len(segment) < 2:
        return None
    (y0, v0), (y1, v1) = segment[0], segment[-1]
    if not y0 <= year <= y1 or y1 == y0:
        return None
    return _round(v0 + (v1 - v0) * (year - y0) / (y1 - y0))


def target_progress(workbook: Workbook, start_year: int = DEFAULT_START_YEAR) -> list[Verdict]:
    """The verdict on every target with a value and a target year, in table order."""
    table = workbook.table("targets")
    observed = target_observations(workbook)
    result = []
    for row in range(len(table)):
        goal, year = table.value(row, "value"), table.value(row, "target_year")
        if goal is None or year is None:
            continue
        baseline, base_year = table.value(row, "baseline"), table.value(row, "baseline_year")
        measure: Measure = "cumulative" if table.value(row, "measure") == "cumulative" else "level"
        verdict = judge(
            float(goal),
            int(year),
            observed.get(row, ()),
            measure=measure,
            baseline=None if baseline is None else float(baseline),
            baseline_year=None if base_year is None else int(base_year),
            start_year=start_year,
        )
        result.append(
            _with_names(
                verdict,
                row,
                str(table.value(row, "target") or ""),
                str(table.value(row, "country") or ""),
                str(table.value(row, "unit") or ""),
            )
        )
    return result


def sorted_by_status(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """Behind first, then on track, reached and no data; table order within each."""
    return sorted(verdicts, key=lambda v: (STATUS_ORDER[v.status], v.row))


def _with_names(v: Verdict, row: int, target: str, country: str, unit: str) -> Verdict:
    return Verdict(
        row, target, country, unit, v.measure, v.baseline, v.baseline_year, v.goal, v.target_year,
        v.observations, v.actual, v.required, v.required_pace, v.pace, v.projected, v.projection,
        v.reach_year, v.status, v.basis,
    )  # fmt: skip


def judge(
    goal: float,
    target_year: int,
    observations: Sequence[Observation],
    *,
    measure: Measure = "level",
    baseline: float | None = None,
    baseline_year: int | None = None,
    start_year: int = DEFAULT_START_YEAR,
) -> Verdict:
    """The verdict on one target from its figures (pure: no workbook needed).

    ``observations`` are in the target's unit; a year given twice keeps the
    later one. Rules: the module docstring and docs/FORMAT.md "Progress".
    """
    by_year = {o.year: o for o in observations}
    obs = tuple(by_year[y] for y in sorted(by_year))
    if measure == "cumulative":
        return _cumulative(goal, target_year, obs, baseline, baseline_year, start_year)
    return _level(goal, target_year, obs, baseline, baseline_year, start_year)


def _level(
    goal: float,
    target_year: int,
    obs: tuple[Observation, ...],
    baseline: float | None,
    baseline_year: int | None,
    start_year: int,
) -> Verdict:
    base_year = baseline_year if baseline_year is not None or baseline is None else start_year - 1
    required: tuple[Point, ...] = ()
    required_pace = None
    if baseline is not None and base_year is not None and target_year > base_year:
        required = ((base_year, baseline), (target_year, goal))
        required_pace = _round((goal - baseline) / (target_year - base_year))
    actual = tuple((o.year, o.value) for o in obs)
    make = _maker(goal, target_year, "level", baseline, base_year, obs, actual, required, required_pace)
    if not obs:
        return make(None, None, (), None, "no data", "no figures yet: only the pacing applies")
    points = [p for p in actual if base_year is None or p[0] >= base_year]
    if baseline is not None and base_year is not None and base_year not in {y for y, _ in points}:
        points.insert(0, (base_year, baseline))
    fit = _least_squares(points)
    last_year, last = actual[-1]
    reached_since = _reached_since(actual, goal)
    pace = projected = None
    projection: tuple[Point, ...] = ()
    reach = reached_since
    if fit is not None:
        slope, intercept = fit
        pace = _round(slope)
        projected = _round(intercept + slope * target_year)
        if target_year > last_year:
            projection = ((last_year, _round(intercept + slope * last_year)), (target_year, projected))
        if reach is None and slope > 0:
            crossing = (goal - intercept) / slope
            reach = max(last_year + 1, math.ceil(round(crossing, 6)))
    if reached_since is not None:
        return make(
            pace, projected, projection, reach, "reached", f"{_g(last)} in {last_year} meets the goal {_g(goal)}"
        )
    if fit is None:
        needed = None
        if required:
            needed = required[0][1] + (goal - required[0][1]) * (last_year - required[0][0]) / (
                target_year - required[0][0]
            )
        if needed is None:
            return make(None, None, (), None, "no data", "one figure and no baseline: no pace to project")
        status: Status = "on track" if last >= needed else "behind"
        return make(None, None, (), None, status, f"{_g(last)} in {last_year} against {_g(_r(needed))} on the path")
    assert projected is not None and pace is not None
    if last_year >= target_year or projected < goal:
        basis = f"at {_g(pace)} a year the trend gives {_g(projected)} in {target_year}, short of {_g(goal)}"
        return make(pace, projected, projection, reach, "behind", basis)
    basis = f"at {_g(pace)} a year the trend gives {_g(projected)} in {target_year}"
    return make(pace, projected, projection, reach, "on track", basis)


def _cumulative(
    goal: float,
    target_year: int,
    obs: tuple[Observation, ...],
    baseline: float | None,
    baseline_year: int | None,
    start_year: int,
) -> Verdict:
    first = baseline_year + 1 if baseline_year is not None else start_year
    start = baseline if baseline is not None else 0.0
    counted = tuple(o for o in obs if first <= o.year)
    years = target_year - first + 1
    required: tuple[Point, ...] = ()
    required_pace = None
    if years > 0:
        required_pace = _round((goal - start) / years)
        required = ((first - 1, start), (target_year, goal))
    running, total = [], start
    for o in counted:
        total += o.value
        running.append((o.year, _round(total)))
    actual = tuple((y, float(v)) for y, v in running)
    make = _maker(goal, target_year, "cumulative", baseline, first - 1, counted, actual, required, required_pace)
    if not counted:
        return make(None, None, (), None, "no data", f"no yearly figures from {first} on: only the pacing applies")
    last_year, last = actual[-1]
    pace = _round(sum(o.value for o in counted) / len(counted))
    remaining_years = max(target_year - last_year, 0)
    projected = _round(last + pace * remaining_years)
    projection: tuple[Point, ...] = ((last_year, last), (target_year, projected)) if remaining_years else ()
    reached_since = next((y for y, v in actual if v >= goal), None)
    if reached_since is not None:
        return make(
            pace, projected, projection, reached_since, "reached", f"{_g(last)} by {last_year} meets {_g(goal)}"
        )
    reach = last_year + math.ceil(round((goal - last) / pace, 6)) if pace > 0 else None
    basis = (
        f"{_g(last)} by {last_year}; at {_g(pace)} a year (mean of {len(counted)} year"
        f"{'s' if len(counted) != 1 else ''}) {_g(projected)} by {target_year}"
    )
    status: Status = "on track" if projected >= goal and last_year < target_year else "behind"
    return make(pace, projected, projection, reach, status, basis)


def _maker(
    goal: float,
    target_year: int,
    measure: Measure,
    baseline: float | None,
    baseline_year: int | None,
    obs: tuple[Observation, ...],
    actual: tuple[Point, ...],
    required: tuple[Point, ...],
    required_pace: float | None,
) -> Callable[[float | None, float | None, tuple[Point, ...], int | None, Status, str], Verdict]:
    """A Verdict builder with the target's fixed parts filled in (names are added by the caller)."""

    def make(
        pace: float | None,
        projected: float | None,
        projection: tuple[Point, ...],
        reach: int | None,
        status: Status,
        basis: str,
    ) -> Verdict:
        return Verdict(
            -1, "", "", "", measure, baseline, baseline_year, goal, target_year, obs, actual, required,
            required_pace, pace, projected, projection, reach, status, basis,
        )  # fmt: skip

    return make


def _least_squares(points: Sequence[Point]) -> tuple[float, float] | None:
    """Slope and intercept of the least-squares line, or ``None`` with fewer than two years."""
    if len({y for y, _ in points}) < 2:
        return None
    n = len(points)
    mx = sum(y for y, _ in points) / n
    my = sum(v for _, v in points) / n
    sxx = sum((y - mx) ** 2 for y, _ in points)
    sxy = sum((y - mx) * (v - my) for y, v in points)
    slope = sxy / sxx
    return slope, my - slope * mx


def _reached_since(actual: Sequence[Point], goal: float) -> int | None:
    """The first year from which every figure is at or past the goal, if the latest is."""
    since = None
    for year, value in actual:
        at_goal = value - goal >= -1e-9
        since = (since if since is not None else year) if at_goal else None
    return since


def _round(x: float) -> float:
    return round(x, _DIGITS)


def _r(x: float) -> float:
    return round(x, 2)


def _g(x: float) -> str:
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"
