"""Pictures of the on-screen charts for the report, painted offscreen: ``corridor-app export --pictures``.

The window paints its own live charts (ui/export_actions.py); the CLI has no
window, so this builds the same chart widgets over the workbook, sized as on a
laptop screen, and paints each to PNG under the report's chart keys
(``io.report.export.CHART_KEYS``).
"""

from __future__ import annotations

import os

from corridor_app.io.report.options import ReportOptions
from corridor_app.model.workbook import Workbook


def paint_report_pictures(workbook: Workbook, options: ReportOptions) -> dict[str, bytes]:
    """PNG bytes by chart key for the charts the report draws natively."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from corridor_app.ui.charts.area import ChartArea
    from corridor_app.ui.charts.picture import chart_image, png_bytes

    app = QApplication.instance() or QApplication([])
    corridor = options.scenario_corridor(workbook) or ""
    area = ChartArea(workbook, corridor, options.display)
    area.resize(1366, 640)
    scenarios = area.scenario_charts
    chosen = options.chosen_scenarios(workbook)
    if chosen:
        scenarios.set_scenario(options.focus_scenario if options.focus_scenario in chosen else chosen[0])
    widgets = {
        "contributions": area.chart,
        "shares": area.shares_chart,
        "targets": area.pacing_panel.chart,
        "projects": area.projects_chart.plot,
    }
    if chosen:
        widgets.update({"waterfall": scenarios.waterfall, "tornado": scenarios.tornado_plot})
        if len(chosen) == len(scenarios.columns) - 1:  # the screen's grouped chart shows every scenario
            widgets["scenarios"] = scenarios.grouped
    if len(workbook.corridors()) >= 2:
        widgets["corridors"] = area.comparison_chart.plot
    area.show()
    app.processEvents()
    try:
        return {key: png_bytes(chart_image(widget)) for key, widget in widgets.items()}
    finally:
        area.detach()
        area.close()
        area.deleteLater()
