"""The reconciliation strip above the table: sum of parts, published total, residual.

Placed where the eye falls first, because the residual is the finding: the
parts of a published total that do not add up.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from corridor_app.model.reconcile import Reconciliation, reconcile_totals, reconciliation_of
from corridor_app.model.workbook import Workbook
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_percent
from corridor_app.ui.terms import verdict


def _fmt(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{format_number(value)} {unit}".strip()


def _interval(low: float, high: float, unit: str = "") -> str:
    """ "37.52–40.52", "≥ 38.00", "≤ 40.00" or one number, with the unit if given."""
    if low == high:
        text = format_number(low)
    elif high == math.inf:
        text = f"≥ {format_number(low)}"
    elif low == -math.inf:
        text = f"≤ {format_number(high)}"
    else:
        text = f"{format_number(low)}–{format_number(high)}"
    return f"{text} {unit}".strip()


def range_text(rec: Reconciliation) -> str:
    """The strip's range part: "Ranges: parts 37.52–40.52, published ≥ 38.00 USD bn: consistent within the ranges"."""
    parts = _interval(*rec.parts_interval)
    count = len(rec.approximate)
    approx = (
        QCoreApplication.translate("ReconciliationPanel", " (approximate: {count})").format(count=count)
        if count
        else ""
    )
    published = rec.published_interval
    if published is None:
        text = QCoreApplication.translate("ReconciliationPanel", "Ranges: parts <b>{parts}</b>{approx}")
        return text.format(parts=f"{parts} {rec.unit}".strip(), approx=approx)
    colour = "#2e7d32" if rec.consistent_within_ranges else "#c0392b"
    shown = _interval(*published, rec.unit)
    if rec.published_approximate:
        shown += QCoreApplication.translate("ReconciliationPanel", " (approximate)")
    text = QCoreApplication.translate(
        "ReconciliationPanel", "Ranges: parts <b>{parts}</b>{approx}, published <b>{published}</b>: "
    )
    return text.format(parts=parts, approx=approx, published=shown) + (
        f"<span style='color:{colour}'><b>{verdict(rec.range_verdict)}</b></span>"
    )


class ReconciliationPanel(FollowsWorkbook, QWidget):
    """Shows one corridor's reconciliation and follows every change of the figures."""

    watched = frozenset({"contributions", "totals"})

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__()
        self._workbook = workbook
        self._corridor = corridor
        self.setObjectName("reconciliation")
        # Two lines: the point figures, and under them the ranges (issue 18), so a laptop screen holds both.
        lines = QVBoxLayout(self)
        lines.setContentsMargins(10, 6, 10, 6)
        lines.setSpacing(2)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        lines.addLayout(layout)
        self.sum_label = QLabel()
        self.published_label = QLabel()
        self.residual_label = QLabel()
        self.verdict_label = QLabel()
        # The parts' range, the published range and whether they overlap (issue 18); hidden without ranges.
        self.range_label = QLabel()
        labels = (self.sum_label, self.published_label, self.residual_label, self.verdict_label, self.range_label)
        for label in labels:
            label.setTextFormat(label.textFormat().RichText)
        for label in labels[:-1]:
            layout.addWidget(label)
        layout.addStretch(1)
        lines.addWidget(self.range_label)
        self.range_label.setVisible(False)
        self.reconciliation: Reconciliation | None = None
        self._follow(workbook)
        self.refresh()

    def refresh(self) -> None:
        recs = reconcile_totals(self._workbook)
        rec = reconciliation_of(recs, self._corridor)
        self.reconciliation = rec
        if rec is None:
            for label in (self.sum_label, self.published_label, self.residual_label):
                label.setText("")
            self.verdict_label.setText(self.tr("No contributions"))
            self.range_label.setVisible(False)
            return
        unit = rec.unit
        self.sum_label.setText(self.tr("Sum of parts <b>{amount}</b>").format(amount=_fmt(rec.sum_of_parts, unit)))
        self.published_label.setText(
            self.tr("Published total <b>{amount}</b>").format(amount=_fmt(rec.published_total, unit))
        )
        if rec.residual is None:
            self.residual_label.setText(self.tr("Residual <b>{amount}</b>").format(amount="—"))
        else:
            pct = f" ({format_percent(rec.residual_pct, signed=True)})" if rec.residual_pct is not None else ""
            amount = f"{format_number(rec.residual, signed=True)} {unit}{pct}"
            self.residual_label.setText(self.tr("Residual <b>{amount}</b>").format(amount=amount))
        colour = "#c0392b" if rec.flagged else "#2e7d32" if rec.published_total is not None else "#555"
        note = "; " + self.tr("%Ln not counted", "", len(rec.excluded)) if rec.excluded else ""
        self.verdict_label.setText(f"<span style='color:{colour}'><b>{verdict(rec.verdict)}</b>{note}</span>")
        self.range_label.setVisible(rec.has_ranges)
        self.range_label.setText(range_text(rec) if rec.has_ranges else "")
        tip = (
            self.tr("The published total and the sum of the country amounts differ.")
            if rec.flagged
            else self.tr("The published total matches the sum of the parts.")
            if rec.published_total is not None
            else self.tr("No published total for this corridor (add one in the Totals tab).")
        )
        if rec.has_ranges:
            # The tolerance verdict compares points; the range verdict asks if the stated uncertainty covers the gap.
            tip += (
                "\nRanges: the parts' Low/High (a missing bound counts as the figure) against the published "
                "Low/High (a side left blank beside a stated bound is open)."
            )
        self.setToolTip(tip)
