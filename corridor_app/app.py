"""Composition root: builds the workbook, the undo stack and the window; all wiring lives here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from corridor_app.bundled import ICON, default_dataset
from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import load_workbook_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.model.workbook import Workbook


def load_for_window(
    path: str,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Workbook:
    """The loader the window uses for Open, Open Recent, drag and drop and the start-up file.

    The file is read in a limited child process (10 s and 1 GiB, more only for a sheet counted as
    large: io/budget.py), so no file can crash or hang the window; ``progress`` hears how far it has
    come and ``cancelled`` stops it.
    """
    return load_workbook_isolated(path, progress=progress, cancelled=cancelled)


def create_window(path: str | None = None):  # type: ignore[no-untyped-def]
    """Build the main window on ``path`` (default dataset when ``None``).

    Returns the window and, if ``path`` could not be opened, the error to show.
    A file given by the user is read in isolation; the bundled dataset ships
    with the app and is read in process, which keeps the default start-up
    about 60 ms (the isolation's cost) faster. The bundled dataset opens as a
    template: Save asks for a new file, so the copy in the installation stays
    as shipped.
    """
    from corridor_app.ui.main_window import MainWindow

    error: LoadError | None = None
    target = path or str(default_dataset())
    try:
        workbook = load_for_window(target) if path else load_workbook(target)
    except LoadError as exc:
        error = exc
        target = str(default_dataset())
        try:
            workbook = load_workbook(target)
        except LoadError:
            workbook, target = Workbook(), ""
    bundled = target == str(default_dataset())
    window = MainWindow(workbook, load_for_window, None if bundled else target or None)
    if bundled:
        window.untitled_name = "North-South ITC (bundled dataset)"
        window._update_title()
    return window, error


def run_gui(path: str | None = None) -> int:
    """Start the Qt application on ``path`` and run until the window closes."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("corridor_app")
    app.setOrganizationName("corridor_app")
    if ICON.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(ICON)))
    if path is not None and not Path(path).exists():
        print(f"error: {path}: the file does not exist", file=sys.stderr)
        return 2
    window, error = create_window(path)
    window.show()
    if error is not None:
        QMessageBox.warning(window, "Cannot open file", f"{error.describe()}\n\nThe bundled dataset is shown instead.")
    if window.path:
        window.safety.file_opened(window.path)  # a crash journal waiting for this file: offer recovery
    return int(app.exec())
