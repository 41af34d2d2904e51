"""model/ and io/ never import Qt or pyqtgraph (issue 2; STYLE.md "Layout that shows the architecture").

Checked twice: statically (every import statement of every file, including imports
inside functions) and dynamically (importing every module in a fresh interpreter and
looking at what ended up in sys.modules, which also catches imports made by the
packages model/ and io/ depend on).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "corridor_app"
PURE = ("model", "io")
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph")


def _pure_files() -> list[Path]:
    return sorted(p for name in PURE for p in (PACKAGE / name).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                roots.add(first.value.split(".")[0])
    return roots


def test_pure_packages_exist() -> None:
    files = _pure_files()
    assert any(p.parent.name == "model" for p in files) and any(p.parent.name == "io" for p in files)


@pytest.mark.parametrize("path", _pure_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_qt_import_in_source(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert not _imported_roots(tree) & set(FORBIDDEN)


def test_static_check_sees_every_import_form() -> None:
    source = (
        "import PySide6.QtCore\nfrom shiboken6 import isValid\n"
        "def f():\n    import pyqtgraph as pg\n    importlib.import_module('PySide6.QtGui')\n"
    )
    assert _imported_roots(ast.parse(source)) == {"PySide6", "shiboken6", "pyqtgraph"}


def test_no_qt_in_sys_modules_after_importing_everything() -> None:
    modules = [_module_name(p) for p in _pure_files()]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
