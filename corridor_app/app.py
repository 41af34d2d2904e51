"""Composition root: builds the Session, the window over it and the application; all wiring lives here."""

from __future__ import annotations

import sys
from pathlib import Path

from corridor_app.bundled import ICON, default_dataset
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import load_workbook_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.workbook import Workbook
from corridor_app.session import OpenFile, SavePolicy, Session, policy_for

BUNDLED_TITLE = "North-South ITC (bundled dataset)"

# The loader the window uses for Open, Open Recent, drag and drop and a file given at start-up: the file
# is read in a limited child process (10 s and 1 GiB, more only for a sheet counted as large:
# io/loading/budget.py), so no file can crash or hang the window; it reports progress and can be cancelled.
load_for_window = load_workbook_isolated


def initial_session(path: str | None = None) -> tuple[Session, LoadError | None]:
    """The session the window starts on: ``path``, or the bundled dataset (also when ``path`` cannot be read).

    A file given by the user is read in isolation; the bundled dataset ships with the app and is read
    in process, which keeps the default start-up about 60 ms faster. It opens as a template: Save asks
    for a new file, so the copy in the installation stays as shipped.
    """
    error: LoadError | None = None
    if path:
        try:
            return Session(load_for_window(path), OpenFile(path, policy_for(path))), None
        except LoadError as exc:
            error = exc
    bundled = str(default_dataset())
    try:
        workbook = load_workbook(bundled)
    except LoadError:
        return Session(Workbook()), error
    return Session(workbook, OpenFile(bundled, SavePolicy.TEMPLATE, BUNDLED_TITLE)), error


def create_window(path: str | None = None):  # type: ignore[no-untyped-def]
    """Build the main window on ``path`` (the bundled dataset when ``None``); returns it and the load error, if any."""
    from corridor_app.ui.main_window import MainWindow

    session, error = initial_session(path)
    return MainWindow(session, load_for_window), error


def run_gui(path: str | None = None) -> int:
    """Start the Qt application on ``path`` and run until the window closes."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("corridor_app")
    app.setOrganizationName("corridor_app")
    from corridor_app.ui.i18n import install_translators

    install_translators(app)  # before any widget: the language chosen in View > Language, else the system's
    from corridor_app.ui.keys import install_app_keys

    # Window keys (Ctrl+S, Ctrl+E, Ctrl+Z...) get through every text field; the filter lives as long as the app.
    keys = install_app_keys(app)
    if ICON.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(ICON)))
    if path is not None and not Path(path).exists():
        print(f"error: {path}: the file does not exist", file=sys.stderr)
        return 2
    window, error = create_window(path)
    window.show()
    if error is not None:
        from PySide6.QtCore import QCoreApplication

        title = QCoreApplication.translate("MainWindow", "Cannot open file")
        text = QCoreApplication.translate("MainWindow", "{error}\n\nThe bundled dataset is shown instead.")
        QMessageBox.warning(window, title, text.format(error=error.describe()))
    if window.session.file.journalled and window.path:
        window.safety.file_opened(window.path)  # a crash journal waiting for this file: offer recovery
    try:
        return int(app.exec())
    finally:
        app.removeEventFilter(keys)
