"""Build the standalone app: a folder that runs the window and the command line without Python.

    python tools/build_app.py            # -> dist/corridor-app/corridor-app[.exe]
    python tools/build_app.py --clean    # start from an empty PyInstaller cache

Run it with the Python that has the app's dependencies and PyInstaller (``pip install ".[build]"``), on
the system the app is for: PyInstaller does not cross-build, so the same script makes the Linux folder on
Linux, the Windows one on Windows and the macOS one on macOS. Inside the folder: the bundled dataset
(data/), the icon (resources/), the compiled translations (corridor_app/resources/translations/ and Qt's
own qtbase_*.qm), the docs and the README. The entry point is corridor_app/frozen.py, which also plays
the app's child processes (the isolated loader, the report export).

PyInstaller rather than pyside6-deploy: pyside6-deploy drives Nuitka, which compiles every module to C
(pandas and numpy included): on a shared 2-core machine it had compiled 285 of 912 C files after 25
minutes. PyInstaller collects the same modules as bytecode in about a minute, needs no C compiler, and
its hooks know pandas, numpy, pyqtgraph and PySide6.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "corridor-app"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"

# Parts of the dependencies the app never uses: left out to keep the folder smaller and the start faster.
EXCLUDES = [
    "tkinter",
    "matplotlib",
    "IPython",
    "pytest",
    "hypothesis",
    "mypy",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "OpenGL",
    "scipy",
]


def data_files() -> list[tuple[Path, str]]:
    """``(source, folder in the app)`` for every file the app reads at run time (see corridor_app/bundled.py)."""
    files = [
        (ROOT / "data" / "north_south_itc.xlsx", "data"),
        (ROOT / "resources" / "corridor_app.svg", "resources"),
        (ROOT / "resources" / "corridor_app.desktop", "resources"),
        (ROOT / "README.md", "."),
    ]
    files += [(doc, "docs") for doc in sorted((ROOT / "docs").glob("*.md"))]
    files += [
        (qm, "corridor_app/resources/translations")
        for qm in sorted(ROOT.glob("corridor_app/resources/translations/*.qm"))
    ]
    return files


def program_icon() -> Path | None:
    """The icon of the program file itself: .ico on Windows, .icns on macOS, rendered from the SVG with Qt.

    Linux desktops take the icon from the menu entry instead (``corridor-app desktop``), so None there.
    """
    suffix = {"win32": "ico", "darwin": "icns"}.get(sys.platform)
    if suffix is None:
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "resources" / "corridor_app.svg")).render(painter)
    painter.end()
    WORK.mkdir(parents=True, exist_ok=True)
    icon = WORK / f"corridor_app.{suffix}"
    saved = image.save(str(icon), suffix)
    del app
    return icon if saved else None


def pyinstaller_args(clean: bool) -> list[str]:
    sep = os.pathsep  # PyInstaller's SOURCE:DEST separator is ';' on Windows
    args = [
        str(ROOT / "corridor_app" / "frozen.py"),
        "--name",
        NAME,
        "--onedir",
        "--console",  # one program for the window, the command line and the child processes
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        "--specpath",
        str(WORK),
        "--paths",
        str(ROOT),
        "--collect-submodules",
        "corridor_app",  # children import by name (io/loading/_child.py, io/report/process.py)
        "--log-level",
        "WARN",
    ]
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    for source, dest in data_files():
        args += ["--add-data", f"{source}{sep}{dest}"]
    icon = program_icon()
    if icon is not None:
        args += ["--icon", str(icon)]
    if clean:
        args.append("--clean")
    return args


def missing_libraries(app: Path) -> list[str]:
    """Shared libraries the window's X11 and Wayland plugins need that the build machine lacked (Linux).

    PyInstaller copies the libraries it finds on the build machine; one missing there is missing in the
    app too, and the window would not open on a desktop without it. Empty elsewhere or when ldd is absent.
    """
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        return []
    missing: set[str] = set()
    for plugin in app.rglob("plugins/platforms/*.so"):
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False).stdout
        missing |= {line.split()[0] for line in out.splitlines() if "not found" in line}
    return sorted(missing)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args()
    try:
        import PyInstaller.__main__
    except ImportError:
        print('error: PyInstaller is not installed: pip install ".[build]"', file=sys.stderr)
        return 2
    missing = [str(source) for source, _ in data_files() if not source.exists()]
    if missing:
        print("error: missing files for the app: " + ", ".join(missing), file=sys.stderr)
        return 2
    if not list(ROOT.glob("corridor_app/resources/translations/*.qm")):
        print("error: no compiled translations: run python tools/update_translations.py", file=sys.stderr)
        return 2
    started = time.perf_counter()
    PyInstaller.__main__.run(pyinstaller_args(args.clean))
    app = DIST / NAME
    shutil.rmtree(app / "_internal" / "corridor_app" / "__pycache__", ignore_errors=True)
    seconds = time.perf_counter() - started
    missing = missing_libraries(app)
    if missing:
        print(
            "warning: the build machine lacks " + ", ".join(missing) + ": the window needs them on a Linux desktop; "
            "install them (README, system libraries) and build again",
            file=sys.stderr,
        )
    print(f"built {app} in {seconds:.0f} s: {folder_size(app) / 2**20:.0f} MiB")
    print(f"check it with: python tools/smoke_app.py {app}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
