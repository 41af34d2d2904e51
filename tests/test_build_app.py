"""The standalone build ships every file the app looks for (issue 19, item 4).

The build takes minutes and is not run here (tools/smoke_app.py checks a built app); this checks the
build script's list of files against corridor_app/bundled.py, which finds them at run time, so a file
added to one and not the other fails here rather than in an analyst's hands.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from corridor_app import bundled

ROOT = Path(__file__).resolve().parents[1]


def _build_app():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_app", ROOT / "tools" / "build_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_every_bundled_file_is_in_the_build() -> None:
    shipped = {(dest, source.name) for source, dest in _build_app().data_files()}
    wanted = [bundled.DEFAULT_DATASET, bundled.ICON, bundled.DESKTOP_ENTRY, *bundled.TRANSLATIONS.glob("*.qm")]
    assert len(wanted) >= 5
    for path in wanted:
        folder = path.parent.relative_to(ROOT).as_posix()
        assert (folder, path.name) in shipped, f"{path.relative_to(ROOT)} is not in tools/build_app.py's data_files"
    assert all(source.is_file() for source, _ in _build_app().data_files())


def test_the_build_runs_the_frozen_entry_point() -> None:
    args = _build_app().pyinstaller_args(clean=False)
    assert Path(args[0]) == ROOT / "corridor_app" / "frozen.py"
    assert "--onedir" in args and args[args.index("--collect-submodules") + 1] == "corridor_app"
