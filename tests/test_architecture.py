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
PURE = ("model", "io", "session")
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


def _module_imports(path: Path) -> set[str]:
    """Every corridor_app module ``path`` imports, at the top, in functions or under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("corridor_app"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corridor_app"):
            found.add(node.module)
            # ``from corridor_app.io import transfer`` imports the module corridor_app.io.transfer
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in _module_imports(path) if t in modules and t != name}
        # importing a package runs its __init__, and a module's parents are imported first
        graph[name] = {t for t in targets}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    """Issue 13: no circle among corridor_app modules, counting imports in functions and under TYPE_CHECKING."""
    assert _cycles(_import_graph()) == []


def test_cycle_finder_sees_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_file_is_past_450_lines() -> None:
    """Issue 13: a file past ~400 lines holds two things (STYLE.md)."""
    long = {str(p.relative_to(REPO)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 450}
    assert long == {}


def test_session_works_with_pyside6_absent() -> None:
    """Issue 13: the Session is importable and usable in a process where PySide6 cannot be imported."""
    script = (
        "import sys\n"
        "for name in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "    sys.modules[name] = None\n"
        "import corridor_app\n"
        "from corridor_app.model.edits import SetCell\n"
        f"s = corridor_app.open({str(REPO / 'data' / 'north_south_itc.xlsx')!r})\n"
        "frame = s.frame('contributions')\n"
        "row = frame.index[frame['country'] == 'Iran'][0]\n"
        "s.submit(SetCell('contributions', int(row), 'amount', 11.0))\n"
        "changed = s.reconciliation().sum_of_parts\n"
        "s.undo()\n"
        "print(round(changed, 2), round(s.reconciliation().sum_of_parts, 2))\n"
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
    assert done.stdout.split() == ["37.22", "39.09"]


# What each part may import (docs/ARCHITECTURE.md). A part not listed (app, frozen) is the composition root.
LAYERS = {
    "model": {"model"},
    "io": {"io", "model"},
    "session": {"session", "io", "model", "bundled"},
    "ui": {"ui", "session", "io", "model", "bundled"},
    # The commands never import Qt, except ``export --pictures`` (which asks for it) and the window command.
    "cli": {"cli", "session", "io", "model", "bundled", "desktop", "app", "ui.report_pictures"},
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_each_part_imports_only_what_it_may() -> None:
    """Issue 13: the boundaries of docs/ARCHITECTURE.md, counting imports in functions and under TYPE_CHECKING."""
    wrong = []
    for module, targets in _import_graph().items():
        allowed = LAYERS.get(_part(module))
        if allowed is None:
            continue
        for target in targets:
            rest = ".".join(target.split(".")[1:])
            if target != "corridor_app" and not any(rest == a or rest.startswith(a + ".") for a in allowed):
                wrong.append(f"{module} -> {target}")
    assert wrong == []
