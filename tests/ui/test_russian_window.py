"""Issue 19's "done when": started on a Russian system, the real window is Russian; on an English one, unchanged.

The window is started in a child process the way ``corridor-app`` starts it (``LANG`` read by Qt at start-up,
``install_translators`` before the first widget, the bundled dataset), with the settings in a temporary
folder. The child reports every menu title and action text, the table and chart tabs, the buttons and
labels of the reconciliation strip, the scenario panel and the top bar, and a few numbers; the test
here judges them. Names from the data (corridors, countries, units, scenarios), shortcuts and a few
proper names (Excel, PNG, corridor_app, English) may stay Latin; any other Latin letter is English left
in the Russian interface.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN = re.compile("[A-Za-z]")
# Proper names and file patterns that stay as they are in Russian programs too.
PROPER = ("corridor_app", "Excel", "English", "PNG", "SVG", "xlsx", "Shift", "Ctrl", "Tab", "Enter", "Esc", "F2")

PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton
from PySide6.QtCore import Qt

app = QApplication(sys.argv[:1])
app.setApplicationName("corridor_app")
app.setOrganizationName("corridor_app")
from corridor_app.ui.i18n import install_translators

language = install_translators(app)  # as app.run_gui: the stored choice, else the system's language
from corridor_app.app import create_window

window, error = create_window(None)
window.resize(1366, 768)
window.show()
app.processEvents()
window.recent_menu.aboutToShow.emit()  # fills Open Recent ("(none)" on a fresh profile)

menus, actions = [], []


keys = {}


def mnemonic(text):
    at = text.replace("&&", "").find("&")
    return None if at < 0 else text.replace("&&", "")[at + 1].lower()


def walk(menu):
    menus.append(menu.title())
    keys[menu.title()] = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and mnemonic(a.text())]
    for action in menu.actions():
        if action.menu() is not None:
            walk(action.menu())
        elif not action.isSeparator():
            actions.append(action.text().split("\t")[0])


for action in window.menuBar().actions():
    walk(action.menu())
space = window.workspace
book = window.workbook
model = space.table_models["contributions"]
amount = book.table("contributions").keys.index("amount")
data = set()
for key in ("contributions", "totals", "targets", "progress", "projects", "fx", "scenarios"):
    table = book.table(key)
    for column in table.keys:
        if not table.is_numeric(column):
            data.update(str(v) for v in table.column(column) if isinstance(v, str) and v)
report = {
    "language": language,
    "title": window.windowTitle(),
    "menu_bar": [action.text() for action in window.menuBar().actions()],
    "menus": menus,
    "mnemonics": {"": [mnemonic(a.text()) for a in window.menuBar().actions()], **keys},
    "actions": actions,
    "table_tabs": [space.tabs.tabText(i) for i in range(space.tabs.count())],
    "chart_tabs": [space.chart_tabs.tabText(i) for i in range(space.chart_tabs.count())],
    "strip": [label.text() for label in space.reconciliation.findChildren(QLabel) if label.text()],
    "top": [label.text() for label in space.findChildren(QLabel) if label.text().endswith(":")],
    "scenario_buttons": [b.text() for b in space.scenario_panel.findChildren(QPushButton)],
    "scenario_labels": [w.text() for w in space.scenario_panel.findChildren(QLabel) if w.text()],
    "headers": [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())],
    "first_amount": model.index(0, amount).data(),
    "data": sorted(data, key=len, reverse=True),
}
print(json.dumps(report, ensure_ascii=False))
"""


def _start(lang: str, tmp_path: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANGUAGE", "LANG")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _left_in_english(text: str, allowed: list[str]) -> str:
    """What of ``text`` is still Latin once markup, data names, proper names and mnemonics are taken out."""
    text = re.sub("<[^>]+>", " ", text).replace("&", "")
    for name in allowed:
        text = text.replace(name, " ")
    return " ".join(word for word in text.split() if LATIN.search(word))


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return _start("ru_RU.UTF-8", tmp_path_factory.mktemp("ru"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return _start("en_US.UTF-8", tmp_path_factory.mktemp("en"))


def test_russian_system_gets_a_russian_window(russian: dict[str, object]) -> None:
    assert russian["language"] == "ru"
    allowed = [*russian["data"], *PROPER]  # type: ignore[misc]
    groups = ("menus", "actions", "table_tabs", "chart_tabs", "strip", "top", "scenario_buttons", "scenario_labels")
    english_left = {
        text: left
        for group in groups
        for text in russian[group]  # type: ignore[attr-defined]
        if (left := _left_in_english(text, allowed))
    }
    assert english_left == {}
    for group in ("menus", "table_tabs", "chart_tabs", "scenario_buttons"):
        assert all(CYRILLIC.search(text) for text in russian[group]), group  # type: ignore[attr-defined]
    assert russian["menu_bar"] == ["&Файл", "&Правка", "С&ервис", "&Вид", "&Справка"]  # type: ignore[index]
    assert "МТК «Север — Юг» (встроенные данные)" in russian["title"]  # type: ignore[operator]
    assert russian["headers"][:3] == ["Коридор", "Страна", "Сумма"]  # type: ignore[index]


def test_russian_numbers_have_decimal_commas(russian: dict[str, object]) -> None:
    assert russian["first_amount"] == "13,2"
    sums = [text for text in russian["strip"] if "Сумма частей" in text]  # type: ignore[attr-defined]
    assert sums == ["Сумма частей <b>39,09 USD bn</b>"]
    assert re.search(r"\d\.\d", " ".join(russian["strip"])) is None  # type: ignore[arg-type]


def test_english_system_gets_the_english_window(english: dict[str, object]) -> None:
    assert english["language"] == "en"
    assert english["menu_bar"] == ["&File", "&Edit", "&Tools", "&View", "&Help"]  # type: ignore[index]
    assert english["table_tabs"][:3] == ["Contributions", "Totals", "Targets"]  # type: ignore[index]
    assert english["chart_tabs"][0] == "By country"  # type: ignore[index]
    assert english["first_amount"] == "13.2"
    assert "Sum of parts <b>39.09 USD bn</b>" in english["strip"]  # type: ignore[operator]
    assert english["title"].startswith("North-South ITC (bundled dataset)")  # type: ignore[attr-defined]
    groups = ("menus", "actions", "table_tabs", "chart_tabs", "strip", "top", "scenario_buttons", "scenario_labels")
    shown = [text for group in groups for text in english[group]]  # type: ignore[attr-defined]
    assert [text for text in shown if CYRILLIC.search(text)] == ["Русский"]  # the language menu names it in Russian


@pytest.mark.parametrize("language", ["russian", "english"])
def test_each_menu_s_alt_keys_are_distinct(language: str, request: pytest.FixtureRequest) -> None:
    shown = request.getfixturevalue(language)
    for menu, letters in shown["mnemonics"].items():
        assert len(letters) == len(set(letters)), (menu, letters)
