"""What goes into the report, with the defaults the CLI and the window share (issue 15, "one report, two faces").

``corridor-app export`` and File > Export both build a ``ReportOptions`` and
hand it to ``export_report``: every scenario unless the user chose some, no
pictures unless asked, English unless another language is asked for. Qt-free,
so the CLI never imports the window to learn a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corridor_app.model.money import Display
from corridor_app.model.pacing import DEFAULT_START_YEAR
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT, reconcile_totals
from corridor_app.model.scenarios import scenario_names
from corridor_app.model.workbook import Workbook

LANGUAGES = ("en", "ru")
DEFAULT_SENSITIVITY_PCT = 10.0  # the tornado's move, as the Scenarios tab starts


@dataclass(frozen=True)
class ReportOptions:
    """The choices behind one report.

    scenarios
        Scenario names to compare, in that order; ``None`` (the default) means
        every scenario of the workbook, ``()`` means none (no Scenario summary).
    pictures
        Place pictures of the on-screen charts beside the native ones. The
        pictures themselves are painted by the window (Qt) and passed to
        ``export_report`` as PNG bytes; this flag only records the request.
    corridor
        The corridor the Scenario summary compares; ``None``: the first
        corridor that has contributions.
    focus_scenario
        The scenario the waterfall and the tornado are drawn for (the one
        selected on screen); ``None``: the first compared scenario.
    """

    scenarios: tuple[str, ...] | None = None
    pictures: bool = False
    lang: str = "en"
    corridor: str | None = None
    focus_scenario: str | None = None
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT
    display: Display = field(default_factory=Display)
    sensitivity_pct: float = DEFAULT_SENSITIVITY_PCT
    start_year: int = DEFAULT_START_YEAR

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown report language {self.lang!r} (choose one of {', '.join(LANGUAGES)})")

    def chosen_scenarios(self, workbook: Workbook) -> list[str]:
        """The scenario names the report compares: the chosen ones the workbook has, or all of them."""
        known = scenario_names(workbook)
        if self.scenarios is None:
            return known
        return [name for name in dict.fromkeys(self.scenarios) if name in known]

    def scenario_corridor(self, workbook: Workbook) -> str | None:
        """The corridor of the Scenario summary, or None when no corridor has contributions."""
        recs = [r for r in reconcile_totals(workbook, self.tolerance_pct) if r.countries]
        if self.corridor is not None and any(r.corridor == self.corridor for r in recs):
            return self.corridor
        return recs[0].corridor if recs else None

    def unknown_scenarios(self, workbook: Workbook) -> list[str]:
        """Chosen names the workbook does not define (the CLI refuses them; the window cannot offer them)."""
        known = set(scenario_names(workbook))
        return [name for name in self.scenarios or () if name not in known]
