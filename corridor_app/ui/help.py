"""The Help menu (issue 14): the keyboard shortcuts, the user guide and About.

The shortcuts dialog is generated from the window's actions when it opens, so a
key added to a menu is listed without anyone editing a list. The user guide is
an HTML page shipped inside the package (``corridor_app/guide``), opened in the
system's browser. ``add_help_menu`` is the one call the window makes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import corridor_app
from corridor_app.bundled import default_dataset

USER_GUIDE = Path(__file__).resolve().parent.parent / "guide" / "user_guide.html"
LICENCE_FALLBACK = "MIT"
DATA_SOURCES = QT_TRANSLATE_NOOP(
    "Help",
    "Country contributions and the published total (38.2 USD bn): the source article of October 2022, "
    "citing the Eurasian Development Bank (EADB). Kazakhstan's targets: the same article, with sourced "
    "baselines and later official figures. Projects: named projects in their own currencies. Exchange "
    "rates: dated and sourced in the FX sheet. Every row names its source; hover a cell to read it.",
)
# Keys the table views and tab bars handle themselves (no menu action stands for them).
VIEW_KEYS = (
    (
        QT_TRANSLATE_NOOP("Help", "Table"),
        QT_TRANSLATE_NOOP("Help", "Edit the current cell"),
        QT_TRANSLATE_NOOP("Help", "F2, or start typing"),
    ),
    (QT_TRANSLATE_NOOP("Help", "Table"), QT_TRANSLATE_NOOP("Help", "Commit and move down / right"), "Enter / Tab"),
    (QT_TRANSLATE_NOOP("Help", "Table"), QT_TRANSLATE_NOOP("Help", "Cancel the edit"), "Esc"),
    (
        QT_TRANSLATE_NOOP("Help", "Table"),
        QT_TRANSLATE_NOOP("Help", "Select a block"),
        QT_TRANSLATE_NOOP("Help", "Shift+arrows, Shift+click"),
    ),
    (QT_TRANSLATE_NOOP("Help", "Tabs"), QT_TRANSLATE_NOOP("Help", "Next / previous tab"), "Ctrl+Tab / Ctrl+Shift+Tab"),
)


def _plain(text: str) -> str:
    """A menu text as a person reads it: "&Save As…\\tCtrl+S" -> "Save As…"."""
    return text.split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_of(action: QAction) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return _plain(owner.title())
    return ""


def menu_actions(menu_bar: QMenuBar) -> list[QAction]:
    """Every action of every menu (and submenu) of ``menu_bar``, in menu order."""
    found: list[QAction] = []

    def walk(actions: Iterable[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator():
                found.append(action)

    walk(menu_bar.actions())
    return found


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for each action that has a shortcut, keys as this platform writes them."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        name = _plain(action.text())
        if not keys or not name or (name, keys[0]) in seen:
            continue
        seen.add((name, keys[0]))
        rows.append((_menu_of(action), name, ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """A table of the window's keys, read from its actions when the dialog is built."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(actions) + [
            tuple(QCoreApplication.translate("Help", t) for t in row) for row in VIEW_KEYS
        ]  # type: ignore[misc]
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Command"), self.tr("Keys")])
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, min(640, 80 + 26 * len(self.rows)))


def licence() -> str:
    import importlib.metadata  # 25 ms: when About opens, not at start-up

    try:
        return importlib.metadata.metadata("corridor-app")["License"] or LICENCE_FALLBACK
    except importlib.metadata.PackageNotFoundError:
        return LICENCE_FALLBACK


def about_text() -> str:
    """The About box: version, licence, Qt and PySide6 versions, where the bundled figures come from."""
    return (
        f"<h3>corridor_app {corridor_app.__version__}</h3>"
        + "<p>"
        + QCoreApplication.translate(
            "Help", "Compare how much each country puts into an investment corridor, and whether it adds up."
        )
        + "</p><p>"
        + QCoreApplication.translate("Help", "Licence: {licence}").format(licence=licence())
        + f"<br>Qt {qVersion()}, PySide6 {PySide6.__version__}</p><p>"
        + QCoreApplication.translate("Help", "<b>Bundled data</b> ({file}): {sources}").format(
            file=default_dataset().name, sources=QCoreApplication.translate("Help", DATA_SOURCES)
        )
        + "</p>"
    )


def open_user_guide(parent: QWidget | None = None, opener: Callable[[QUrl], bool] | None = None) -> bool:
    """Open the user guide in the system's browser; say where it is when no browser opens it."""
    url = QUrl.fromLocalFile(str(USER_GUIDE))
    if USER_GUIDE.exists() and (opener or QDesktopServices.openUrl)(url):
        return True
    text = QCoreApplication.translate("Help", "The user guide could not be opened. It is at:\n{path}").format(
        path=USER_GUIDE
    )
    QMessageBox.information(parent, QCoreApplication.translate("Help", "User guide"), text)
    return False


def add_help_menu(
    menu_bar: QMenuBar, parent: QWidget, actions: Sequence[QAction] | Callable[[], Sequence[QAction]] | None = None
) -> QMenu:
    """Add Help (Keyboard shortcuts, User guide, About) to ``menu_bar``.

    ``actions`` are the actions whose keys are listed (or a function giving them when the dialog opens);
    by default every action of the menu bar, read when the dialog opens.
    """
    menu = menu_bar.addMenu(QCoreApplication.translate("Help", "&Help"))

    def listed() -> Sequence[QAction]:
        if actions is None:
            return menu_actions(menu_bar)
        return actions() if callable(actions) else actions

    shortcuts = menu.addAction(QCoreApplication.translate("Help", "&Keyboard shortcuts…"))
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    shortcuts.triggered.connect(lambda: ShortcutsDialog(listed(), parent).exec())
    guide = menu.addAction(QCoreApplication.translate("Help", "&User guide"))
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: open_user_guide(parent))
    menu.addSeparator()
    about = menu.addAction(QCoreApplication.translate("Help", "&About corridor_app"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(
        lambda: QMessageBox.about(parent, QCoreApplication.translate("Help", "About corridor_app"), about_text())
    )
    return menu
