"""The export dialog answers with the CLI's ReportOptions, from the same defaults (issue 15 item 2)."""

from __future__ import annotations

from corridor_app.io.report.options import ReportOptions
from corridor_app.ui.export_dialog import ExportOptionsDialog


def test_defaults_are_the_clis_every_scenario_english_no_pictures(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportOptionsDialog("r.xlsx", "North-South ITC", ["A", "B"], False)
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert [box.isChecked() for box in dialog.scenario_boxes] == [True, True]
    assert isinstance(options, ReportOptions)  # the object the CLI builds from its command line
    assert (options.scenarios, options.pictures, options.lang) == (("A", "B"), False, "en")
    assert options.corridor == "North-South ITC"


def test_the_users_choices_come_back_as_report_options(qtbot) -> None:  # type: ignore[no-untyped-def]
    defaults = ReportOptions(scenarios=("B",), lang="ru", focus_scenario="B", sensitivity_pct=5.0)
    dialog = ExportOptionsDialog("r.xlsx", "C", ["A", "B"], True, defaults=defaults)
    qtbot.addWidget(dialog)
    assert [box.isChecked() for box in dialog.scenario_boxes] == [False, True]
    assert dialog.language_box.currentData() == "ru"
    dialog.scenario_boxes[0].setChecked(True)
    dialog.language_box.setCurrentIndex(0)
    options = dialog.options()
    assert options.scenarios == ("A", "B") and options.lang == "en" and options.pictures
    assert options.focus_scenario == "B" and options.sensitivity_pct == 5.0  # the window's state is kept
