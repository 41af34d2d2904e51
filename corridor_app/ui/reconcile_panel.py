"""The reconciliation strip above the table: sum of parts, published total, residual.

Placed where the eye falls first, because the residual is the finding: the
parts of a published total that do not add up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from corridor_app.model.reconcile import Reconciliation, reconcile_totals
from corridor_app.model.workbook import Workbook
from corridor_app.ui.follows import FollowsWorkbook
from corridor_app.ui.number_format import format_number, format_percent
from corridor_app.ui.terms import verdict


def _fmt(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{format_number(value)} {unit}".strip()


class ReconciliationPanel(FollowsWorkbook, QWidget):
    """Shows one corridor's reconciliation and follows every change of the figures."""

    watched = frozenset({"contributions", "totals"})

    def __init__(self, workbook: Workbook, corridor: str = "") -> None:
        super().__init__()
        self._workbook = workbook
        self._corridor = corridor
        self.setObjectName("reconciliation")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.sum_label = QLabel()
        self.published_label = QLabel()
        self.residual_label = QLabel()
        self.verdict_label = QLabel()
        for label in (self.sum_label, self.published_label, self.residual_label, self.verdict_label):
            label.setTextFormat(label.textFormat().RichText)
            layout.addWidget(label)
        layout.addStretch(1)
        self.reconciliation: Reconciliation | None = None
        self._follow(workbook)
        self.refresh()

    def refresh(self) -> None:
        recs = reconcile_totals(self._workbook)
        rec = next((r for r in recs if r.corridor == self._corridor), recs[0] if recs else None)
        self.reconciliation = rec
        if rec is None:
            for label in (self.sum_label, self.published_label, self.residual_label):
                label.setText("")
            self.verdict_label.setText(self.tr("No contributions"))
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
        self.setToolTip(
            self.tr("The published total and the sum of the country amounts differ.")
            if rec.flagged
            else self.tr("The published total matches the sum of the parts.")
            if rec.published_total is not None
            else self.tr("No published total for this corridor (add one in the Totals tab).")
        )
