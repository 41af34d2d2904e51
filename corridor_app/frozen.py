"""The entry point of the standalone app (tools/build_app.py), where ``sys.executable`` is the app itself.

The isolated loader and the report export start their children as
``sys.executable [-I] -c BOOTSTRAP ARGS...`` (io/loading/isolated.py,
io/report/process.py). In a frozen app there is no interpreter to take ``-c``:
the child is the app again, so this entry point recognises those two command
lines and runs the bootstrap itself, as ``python -c`` would. Only the app's own
bootstraps are accepted, so the app never runs code given on its command line.
Everything else goes to the normal command line (``corridor_app.cli.main``).

``--smoke-window PNG`` (hidden) opens the window on the bundled dataset, saves
what it shows to PNG and quits: the check that the built app's window starts
(tools/smoke_app.py), and its start-up time.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

SMOKE_WINDOW = "--smoke-window"


def is_child_bootstrap(code: str) -> bool:
    """Whether ``code`` is the ``-c`` program of one of the app's children (each module imported only if needed).

    The loading child is checked first: its module is one the load imports anyway, while the report's
    would bring openpyxl into every load.
    """
    from corridor_app.io.loading import isolated

    if code == isolated._BOOTSTRAP:
        return True
    from corridor_app.io.report import process

    return code == process._BOOTSTRAP


def child_command(argv: Sequence[str]) -> tuple[str, list[str]] | None:
    """``(code, argv for the code)`` when ``argv`` (without the program) starts one of the app's children.

    Accepts ``-c CODE ARGS`` with interpreter flags such as ``-I`` before ``-c``; None for any other command
    line, and for a ``-c`` whose code is not one of the app's bootstraps.
    """
    args = list(argv)
    flags = 0
    while flags < len(args) and args[flags] in ("-I", "-E", "-s", "-S", "-u", "-B"):
        flags += 1
    if len(args) < flags + 2 or args[flags] != "-c":
        return None
    code = args[flags + 1]
    if not is_child_bootstrap(code):
        return None
    return code, ["-c", *args[flags + 2 :]]


def run_child(code: str, child_argv: list[str]) -> int:
    """Run a bootstrap as ``python -c`` does: ``sys.argv[0] == "-c"``, a fresh ``__main__`` namespace."""
    sys.argv = child_argv
    try:
        exec(compile(code, "<string>", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    except SystemExit as exc:
        code_ = exc.code
        if code_ is None:
            return 0
        if isinstance(code_, int):
            return code_
        print(code_, file=sys.stderr)
        return 1
    return 0


def smoke_window(png: str) -> int:
    """Open the window on the bundled dataset, save it to ``png`` once shown, print what it shows, quit.

    Prints one JSON line: the seconds from this function's start to the window shown, the title, the
    texts of every tab bar and the translation files installed. 0 when the window appeared.
    """
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    from corridor_app.app import run_gui
    from corridor_app.ui.i18n import install_translators, installed_files

    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app)  # the window in the user's language, as run_gui will once it installs them itself
    shown: dict[str, object] = {}

    def grab() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
        if windows:
            shown["seconds"] = round(time.perf_counter() - started, 3)
            windows[0].grab().save(png)
            shown["title"] = windows[0].windowTitle()
            tabs = windows[0].findChildren(QTabWidget)
            shown["tabs"] = [[t.tabText(i) for i in range(t.count())] for t in tabs]
            shown["translations"] = [Path(f).name for f in installed_files()]
        QApplication.quit()

    QTimer.singleShot(0, grab)
    run_gui(None)
    if not shown:
        print("error: the window did not appear", file=sys.stderr)
        return 1
    print(json.dumps(shown, ensure_ascii=False))
    del app
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch the app's command line: a child process role, the window smoke check, or the normal CLI."""
    args = list(sys.argv[1:] if argv is None else argv)
    child = child_command(args) if "-c" in args[:8] else None
    if child is not None:
        return run_child(*child)
    if len(args) == 2 and args[0] == SMOKE_WINDOW:
        return smoke_window(args[1])
    from corridor_app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
