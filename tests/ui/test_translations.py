"""The Russian interface and the user's number format (issue 19, items 1 and 2).

The translations are Qt Linguist's: tools/update_translations.py extracts the strings into
resources/translations/*.ts and compiles them into corridor_app/resources/translations/*.qm. These tests
fail when a string in the code has no Russian translation, when a compiled file is stale, and when the
widgets built with the Russian translators still show English or numbers with a decimal point.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox

from corridor_app import app
from corridor_app.model import pacing, sheets
from corridor_app.model import workbook as workbook_module
from corridor_app.model.money import Display
from corridor_app.model.workbook import Workbook
from corridor_app.ui import i18n, terms
from corridor_app.ui.charts.area import ChartArea
from corridor_app.ui.charts.pacing import _STATUSES
from corridor_app.ui.number_format import edit_number, format_number, format_percent, localize_number_text
from corridor_app.ui.reconcile_panel import ReconciliationPanel
from corridor_app.ui.scenario_panel import ScenarioPanel
from corridor_app.ui.table_model import WorkbookTableModel
from corridor_app.ui.table_panel import TablePanel

ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile("[А-Яа-яЁё]")
NBSP = "\u00a0"


def _update_translations():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_translators(qapp, "ru") == "ru"
    yield
    i18n.install_translators(qapp, "en")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_string_is_translated_and_the_compiled_files_are_fresh(language: str) -> None:
    assert _update_translations().check(language) == []


def test_compiled_translations_ship_in_the_wheel() -> None:
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    compiled = sorted((ROOT / "corridor_app").glob("resources/translations/*.qm"))
    assert {p.name for p in compiled} >= {"corridor_app_ru.qm", "corridor_app_en.qm"}
    for qm in compiled:
        relative = qm.relative_to(ROOT / "corridor_app")
        assert any(relative.match(pattern) for pattern in package_data["corridor_app"]), relative


def test_the_model_s_words_are_listed_for_translation() -> None:
    labels = {column.label for table in sheets.TABLES for column in table.columns}
    assert labels <= set(terms.COLUMN_LABELS)
    assert {table.label for table in sheets.TABLES} <= set(terms.TABLE_NAMES)
    assert tuple(workbook_module.COLUMNS) == terms.CHANGE_LOG_COLUMNS
    assert app.BUNDLED_TITLE in terms.FILE_TITLES
    for column in (c for table in sheets.TABLES for c in table.columns if c.choices):
        assert {choice[0] for choice in column.choices} <= set(terms.CHOICES) | set(terms.OTHER_CHOICES)
    assert set(typing.get_args(pacing.Status)) == set(_STATUSES)


def test_choices_show_in_russian_and_read_back_as_the_same_choice(russian: None) -> None:
    from corridor_app.model.schema import parse_choice

    kind = next(c for c in sheets.SCENARIOS.columns if c.choices)
    assert {c[0] for c in kind.choices} == set(terms.CHOICES)
    for canonical in terms.CHOICES:
        shown = terms.choice(canonical)
        assert CYRILLIC.search(shown), canonical
        assert parse_choice(kind, shown) == canonical
    for column in (c for table in sheets.TABLES for c in table.columns if c.choices and c is not kind):
        for canonical in (choice[0] for choice in column.choices):  # Approximate, Measure (issue 18)
            shown = terms.choice(canonical)
            assert CYRILLIC.search(shown) and parse_choice(column, shown) == canonical, (column.label, shown)


def test_qt_s_own_and_the_app_s_translations_are_installed(qapp: QApplication, russian: None) -> None:
    names = {Path(path).name for path in i18n.installed_files()}
    assert names == {"qtbase_ru.qm", "corridor_app_ru.qm"}
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Save)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Сохранить"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_chart_tabs_tables_and_reconciliation_are_russian_with_decimal_commas(
    qtbot, workbook: Workbook, russian: None
) -> None:  # type: ignore[no-untyped-def]
    charts = ChartArea(workbook, workbook.corridors()[0], display=Display())
    qtbot.addWidget(charts)
    tabs = [charts.tabText(i) for i in range(charts.count())]
    assert tabs == [
        "По странам",
        "Доли",
        "Сценарии",
        "Темпы",
        "Цели по годам",
        "Проекты",
        "Коридоры",
        "По годам",
    ]
    assert "вклады по странам" in charts.chart.getPlotItem().titleLabel.text

    panel = ReconciliationPanel(workbook, workbook.corridors()[0])
    qtbot.addWidget(panel)
    assert panel.sum_label.text() == "Сумма частей <b>39,09 USD bn</b>"
    assert panel.residual_label.text() == "Невязка <b>+0,89 USD bn (+2,3 %)</b>"
    assert "не сходится" in panel.verdict_label.text()

    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Коридор", "Страна", "Сумма"]
    amount = headers.index("Сумма")
    assert model.index(0, amount).data() == "13,2"  # as given in the file (model.precision)
    assert model.index(0, amount).data(Qt.ItemDataRole.EditRole) == "13,2"

    table = TablePanel(model, lambda edit: None, lambda key: {})
    qtbot.addWidget(table)
    assert table.filter_box.placeholderText() == "Фильтр строк (Ctrl+F)"
    assert [a.text().split("\t")[0] for a in table.view.actions()][:2] == ["Копировать", "Копировать с заголовками"]

    scenarios = ScenarioPanel(workbook, lambda edit: None, workbook.corridors()[0])
    qtbot.addWidget(scenarios)
    assert scenarios.new_button.text() == "Новый…"
    adjustments = scenarios.adjustments_model
    kind = workbook.table("scenarios").keys.index("kind")
    assert adjustments.index(0, kind).data() == "процент"
    assert adjustments.index(0, kind).data(Qt.ItemDataRole.EditRole) == "процент"
    assert adjustments.setData(adjustments.index(0, kind), "процент")  # unchanged: no edit, accepted
    rows = [scenarios.totals.headerData(r, Qt.Orientation.Vertical) for r in range(scenarios.totals.rowCount())]
    assert "Итого" in rows and "Невязка" in rows
    assert scenarios.totals.headerData(0, Qt.Orientation.Horizontal) == "Базовый"
    for view in (charts, panel, model, scenarios):
        view.detach()


def test_english_interface_is_unchanged(qtbot, workbook: Workbook) -> None:  # type: ignore[no-untyped-def]
    charts = ChartArea(workbook, workbook.corridors()[0], display=Display())
    qtbot.addWidget(charts)
    tabs = [charts.tabText(i) for i in range(charts.count())]
    assert tabs == [
        "By country",
        "Shares",
        "Scenarios",
        "Targets pacing",
        "Targets over time",
        "Projects",
        "Corridors compared",
        "By year",
    ]
    panel = ReconciliationPanel(workbook, workbook.corridors()[0])
    qtbot.addWidget(panel)
    assert panel.residual_label.text() == "Residual <b>+0.89 USD bn (+2.3 %)</b>"
    assert format_number(1234.5) == "1,234.50"
    charts.detach()
    panel.detach()


def test_numbers_follow_the_chosen_language(qapp: QApplication, russian: None) -> None:
    assert format_number(1234.5) == f"1{NBSP}234,50"
    assert format_number(-0.891, signed=True) == "-0,89"
    assert format_number(0.0, signed=True) == "+0,00"
    assert format_percent(2.33, signed=True) == "+2,3 %"
    assert edit_number(13.2) == "13,2" and edit_number(6.0) == "6"
    assert localize_number_text("2.5") == "2,5" and localize_number_text("St. Petersburg") == "St. Petersburg"


@pytest.mark.parametrize("typed", ["1 234,5", f"1{NBSP}234,5", "1234.5", "1,234.5"])
def test_editing_accepts_both_forms_in_russian(workbook: Workbook, russian: None, typed: str) -> None:
    edits: list[object] = []
    model = WorkbookTableModel(workbook, "contributions", edits.append)
    amount = workbook.table("contributions").keys.index("amount")
    assert model.setData(model.index(0, amount), typed)
    assert edits[0].value == 1234.5  # type: ignore[attr-defined]
    model.detach()


def test_refused_value_names_the_column_in_russian(workbook: Workbook, russian: None) -> None:
    messages: list[str] = []
    model = WorkbookTableModel(workbook, "contributions", lambda edit: None)
    model.sig_edit_refused.connect(messages.append)
    amount = workbook.table("contributions").keys.index("amount")
    assert not model.setData(model.index(1, amount), "много")
    assert messages[0].startswith("Сумма, строка 2: ") and messages[0].endswith("прежнее значение сохранено")
    model.detach()


@pytest.mark.parametrize(
    ("lang", "expected"), [("ru_RU.UTF-8", "ru"), ("en_US.UTF-8", "en"), ("kk_KZ.UTF-8", "ru"), ("C.UTF-8", "en")]
)
def test_language_follows_the_system_locale(lang: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env["LANG"] = lang
    code = "from corridor_app.ui.i18n import system_language; print(system_language())"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == expected


def test_stored_choice_wins_over_the_system(settings: QSettings) -> None:
    settings.setValue(i18n.LANGUAGE_KEY, "ru")
    assert i18n.chosen_language(settings) == "ru"
    settings.setValue(i18n.LANGUAGE_KEY, "xx")  # a language the app does not have: the system's
    assert i18n.chosen_language(settings) == i18n.system_language()


def test_language_menu_stores_the_choice_for_the_next_start(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    menu = QMenu()
    chosen: list[str] = []
    submenu = i18n.add_language_menu(menu, settings, on_chosen=chosen.append)
    actions = {a.text(): a for a in submenu.actions()}
    assert set(actions) >= {"English", "Русский"}
    assert next(iter(actions)).startswith("System language")
    actions["Русский"].trigger()
    assert settings.value(i18n.LANGUAGE_KEY) == "ru" and chosen == ["ru"]
    assert actions["Русский"].isChecked()
    next(iter(actions.values())).trigger()  # back to the system's language
    assert settings.value(i18n.LANGUAGE_KEY) == "" and i18n.chosen_language(settings) == i18n.system_language()


def test_language_message_speaks_both_the_running_and_the_chosen_language(
    qtbot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    parent = QMenu()
    view_menu = QMenu()
    submenu = i18n.add_language_menu(view_menu, settings, parent=parent)
    next(a for a in submenu.actions() if a.text() == "Русский").trigger()
    assert shown == [
        "The language changes when corridor_app is started again.\n\nЯзык сменится при следующем запуске corridor_app."
    ]


def test_qt_translations_folder_has_qtbase_ru() -> None:
    assert (i18n.qt_translations_dir() / "qtbase_ru.qm").is_file()


def test_no_cyrillic_in_english(workbook: Workbook, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ScenarioPanel(workbook, lambda edit: None, workbook.corridors()[0])
    qtbot.addWidget(panel)
    texts = [panel.new_button.text(), panel.add_button.text(), panel.adjustments_view.toolTip()]
    assert not any(CYRILLIC.search(t) for t in texts)
    panel.detach()


def test_corridor_line_matches_the_cli_in_english_and_is_russian_in_russian(
    qapp: QApplication, qtbot, workbook: Workbook
) -> None:  # type: ignore[no-untyped-def]
    from corridor_app.model.corridors import corridor_comparison
    from corridor_app.ui.charts.comparison import CorridorComparisonChart

    chart = CorridorComparisonChart(workbook, Display())
    qtbot.addWidget(chart)
    line = corridor_comparison(workbook, Display()).columns[0].describe()
    assert line in chart.reconciliation_label.text()  # the same words and figures as `summary`
    i18n.install_translators(qapp, "ru")
    try:
        russian = CorridorComparisonChart(workbook, Display())
        qtbot.addWidget(russian)
        text = russian.reconciliation_label.text()
        assert "сумма частей 39,09 при опубликованном итоге 38,20 USD bn, невязка +0,89 (+2,3 %), не сходится" in text
    finally:
        i18n.install_translators(qapp, "en")


def test_the_report_speaks_the_interface_s_language_until_one_is_chosen(settings: QSettings, russian: None) -> None:
    from corridor_app.ui.export_actions import LANG_KEY, _report_language

    assert i18n.running_language() == "ru"
    assert _report_language(settings) == "ru"
    settings.setValue(LANG_KEY, "en")  # the language chosen for the last report wins
    assert _report_language(settings) == "en"


def test_the_loader_s_stages_show_in_russian(russian: None) -> None:
    from corridor_app.ui.progress_panel import stage_text

    source = "".join(
        (ROOT / "corridor_app" / "io" / "loading" / name).read_text(encoding="utf-8")
        for name in ("isolated.py", "answer.py")
    )
    stages = ["Reading the cells…", "Building the tables…", "Checking the file…"]
    assert all(f'"{stage}"' in source for stage in stages)  # the words io/loading reports
    assert [stage_text(s) for s in stages] == ["Чтение ячеек…", "Построение таблиц…", "Проверка файла…"]
    assert stage_text("Reading north_south_itc.xlsx…") == "Чтение north_south_itc.xlsx…"
    assert stage_text("a stage added later") == "a stage added later"
