"""The model's fixed words as the screen shows them: column and table names, verdicts, change-log headings.

The model is Qt-free and speaks English; these lists hand its words to Qt Linguist (``QT_TRANSLATE_NOOP``)
and the functions translate them for display. Only the display changes: files keep the names they were
written with, and a column's tooltip still names its header in the file. tests/ui/test_translations.py
fails when the model gains a word that is not listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

COLUMN_LABELS = (
    QT_TRANSLATE_NOOP("Columns", "Corridor"),
    QT_TRANSLATE_NOOP("Columns", "Country"),
    QT_TRANSLATE_NOOP("Columns", "Amount"),
    QT_TRANSLATE_NOOP("Columns", "Unit"),
    QT_TRANSLATE_NOOP("Columns", "Source"),
    QT_TRANSLATE_NOOP("Columns", "Note"),
    QT_TRANSLATE_NOOP("Columns", "Published total"),
    QT_TRANSLATE_NOOP("Columns", "Target"),
    QT_TRANSLATE_NOOP("Columns", "Value"),
    QT_TRANSLATE_NOOP("Columns", "Baseline"),
    QT_TRANSLATE_NOOP("Columns", "Baseline year"),
    QT_TRANSLATE_NOOP("Columns", "Target year"),
    QT_TRANSLATE_NOOP("Columns", "Project"),
    QT_TRANSLATE_NOOP("Columns", "Route"),
    QT_TRANSLATE_NOOP("Columns", "Mode"),
    QT_TRANSLATE_NOOP("Columns", "Length km"),
    QT_TRANSLATE_NOOP("Columns", "Cost"),
    QT_TRANSLATE_NOOP("Columns", "Currency"),
    QT_TRANSLATE_NOOP("Columns", "Cost unit"),
    QT_TRANSLATE_NOOP("Columns", "Start year"),
    QT_TRANSLATE_NOOP("Columns", "End year"),
    QT_TRANSLATE_NOOP("Columns", "Status"),
    QT_TRANSLATE_NOOP("Columns", "Scenario"),
    QT_TRANSLATE_NOOP("Columns", "Kind"),
    QT_TRANSLATE_NOOP("Columns", "Units per USD"),
    QT_TRANSLATE_NOOP("Columns", "As of"),
    QT_TRANSLATE_NOOP("Columns", "Low"),
    QT_TRANSLATE_NOOP("Columns", "High"),
    QT_TRANSLATE_NOOP("Columns", "Approximate"),
    QT_TRANSLATE_NOOP("Columns", "Cost low"),
    QT_TRANSLATE_NOOP("Columns", "Cost high"),
    QT_TRANSLATE_NOOP("Columns", "Cost approximate"),
    QT_TRANSLATE_NOOP("Columns", "Length low"),
    QT_TRANSLATE_NOOP("Columns", "Length high"),
    QT_TRANSLATE_NOOP("Columns", "Length approximate"),
    QT_TRANSLATE_NOOP("Columns", "Year"),
    QT_TRANSLATE_NOOP("Columns", "Measure"),
)

# The tables by their tab names (main_window.TABLE_TABS) and the other tabs of the window.
TABLE_NAMES = (
    QT_TRANSLATE_NOOP("Tables", "Contributions"),
    QT_TRANSLATE_NOOP("Tables", "Totals"),
    QT_TRANSLATE_NOOP("Tables", "Targets"),
    QT_TRANSLATE_NOOP("Tables", "Progress"),
    QT_TRANSLATE_NOOP("Tables", "Projects"),
    QT_TRANSLATE_NOOP("Tables", "FX"),
    QT_TRANSLATE_NOOP("Tables", "Scenarios"),
    QT_TRANSLATE_NOOP("Tables", "Change log"),
)

VERDICTS = (
    QT_TRANSLATE_NOOP("Verdict", "no published total"),
    QT_TRANSLATE_NOOP("Verdict", "does not reconcile"),
    QT_TRANSLATE_NOOP("Verdict", "reconciles"),
    QT_TRANSLATE_NOOP("Verdict", "consistent within the ranges"),
    QT_TRANSLATE_NOOP("Verdict", "outside the ranges"),
)

CHANGE_LOG_COLUMNS = (
    QT_TRANSLATE_NOOP("ChangeLog", "Time"),
    QT_TRANSLATE_NOOP("ChangeLog", "Action"),
    QT_TRANSLATE_NOOP("ChangeLog", "Sheet"),
    QT_TRANSLATE_NOOP("ChangeLog", "Record"),
    QT_TRANSLATE_NOOP("ChangeLog", "Column"),
    QT_TRANSLATE_NOOP("ChangeLog", "Old"),
    QT_TRANSLATE_NOOP("ChangeLog", "New"),
)


# The choices of a choice column (Scenarios' Kind), shown in the user's language. Each Russian word is one the
# model also reads (sheets.SCENARIO_KINDS), so a value copied or typed as shown goes back in as the same choice.
CHOICES = (
    QT_TRANSLATE_NOOP("Choices", "percent"),
    QT_TRANSLATE_NOOP("Choices", "override"),
    QT_TRANSLATE_NOOP("Choices", "add"),
    QT_TRANSLATE_NOOP("Choices", "exclude"),
    QT_TRANSLATE_NOOP("Choices", "none"),
)
# The other choice columns: a range's Approximate cell (issue 18) and a target's Measure; the same rule holds.
OTHER_CHOICES = (
    QT_TRANSLATE_NOOP("Choices", "approximate"),
    QT_TRANSLATE_NOOP("Choices", "exact"),
    QT_TRANSLATE_NOOP("Choices", "level"),
    QT_TRANSLATE_NOOP("Choices", "cumulative"),
)


def choice(value: str) -> str:
    """A choice cell's value on screen (``percent`` is "процент" in Russian); the workbook keeps ``percent``."""
    return QCoreApplication.translate("Choices", value)


def column_label(label: str) -> str:
    """A table column's name on screen (a column the app does not know keeps its own name)."""
    return QCoreApplication.translate("Columns", label)


def table_name(name: str) -> str:
    """A table's tab name on screen: ``table_name("Contributions")`` is "Вклады" in Russian."""
    return QCoreApplication.translate("Tables", name)


def verdict(text: str) -> str:
    """A reconciliation verdict (``Reconciliation.verdict``) on screen."""
    return QCoreApplication.translate("Verdict", text)


def change_log_column(name: str) -> str:
    """A heading of the change log on screen (the saved Change log sheet keeps the English ones)."""
    return QCoreApplication.translate("ChangeLog", name)


# Titles the app gives a file (app.BUNDLED_TITLE): the window's title shows them in the user's language.
FILE_TITLES = (QT_TRANSLATE_NOOP("Files", "North-South ITC (bundled dataset)"),)


def file_title(name: str) -> str:
    """A file's name in the window's title: a title the app gave translated, a file's own name as it is."""
    return QCoreApplication.translate("Files", name) if name in FILE_TITLES else name
