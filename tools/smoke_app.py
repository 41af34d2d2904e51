"""Check a built standalone app (tools/build_app.py) and measure it against the app run by Python.

    python tools/smoke_app.py [dist/corridor-app]

1. ``summary --json data/north_south_itc.xlsx`` run by the app from a shell whose PATH holds no Python
   gives the seed's figures, the same JSON as the source checkout (the load runs in the app's own child);
2. the window opens offscreen on the bundled dataset (``--smoke-window``, a PNG is written), in English
   with LANG=en_US.UTF-8 and in Russian with Qt's own translations with LANG=ru_RU.UTF-8;
3. the report export's child process is the app too (the window's Export to Excel);
4. the bundled dataset, icon, translations (the app's and Qt's) and docs are inside.

Then it prints the folder's size and the start-up times (median of 3) of the app and of
``python -m corridor_app`` from the virtualenv this script runs in. Exit code 0 when every check passed.
Run it where the build runs; it needs a display or uses Qt's offscreen platform.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "data" / "north_south_itc.xlsx"
SEED = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}
INSIDE = ("north_south_itc.xlsx", "corridor_app.svg", "corridor_app_ru.qm", "qtbase_ru.qm", "FORMAT.md", "README.md")


def executable(folder: Path) -> Path:
    for name in ("corridor-app", "corridor-app.exe", "Contents/MacOS/corridor-app"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"error: no corridor-app executable in {folder}: build it with python tools/build_app.py")


def no_python_env(empty: Path) -> dict[str, str]:
    """A shell whose PATH is one empty folder (no python, no python3, nothing) and settings of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "LC_"))}
    env["PATH"] = str(empty)
    env["XDG_CONFIG_HOME"] = str(empty.parent / "config")  # a fresh QSettings: no stored language or layout
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    return env


def timed(cmd: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(list(cmd), env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    return time.perf_counter() - started, done


def check_summary(app: Path, env: dict[str, str], work: Path) -> list[str]:
    seconds, done = timed([str(app), "summary", "--json", str(DATASET)], env, work)
    if done.returncode != 0:
        return [f"summary --json failed ({done.returncode}): {done.stderr.strip()}"]
    frozen = json.loads(done.stdout)
    countries = frozen["corridors"][0]["countries"]
    problems = [
        f"summary: {country} is {countries.get(country)}, not {value}"
        for country, value in SEED.items()
        if countries.get(country) != value
    ]
    source = subprocess.run(
        [sys.executable, "-m", "corridor_app", "summary", "--json", str(DATASET)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if json.loads(source.stdout) != frozen:
        problems.append("summary --json differs from the source checkout's")
    print(f"ok  summary --json from a PATH without Python: the seed's figures ({seconds:.2f} s)")
    return problems


def check_window(app: Path, env: dict[str, str], work: Path) -> list[str]:
    """The window opens offscreen; with LANG=ru_RU.UTF-8 its chart tabs are Russian and Qt's own .qm is loaded."""
    problems = []
    for lang, tab in (("en_US.UTF-8", "By country"), ("ru_RU.UTF-8", "По странам")):
        png = work / f"window-{lang}.png"
        seconds, done = timed([str(app), "--smoke-window", str(png)], {**env, "LANG": lang}, work)
        if done.returncode != 0 or not png.is_file() or png.stat().st_size < 10_000:
            problems.append(f"the window did not open ({done.returncode}): {done.stderr.strip()[-500:]}")
            continue
        shown = json.loads(done.stdout.strip().splitlines()[-1])
        if not any(tab in tabs for tabs in shown["tabs"]):
            problems.append(f"LANG={lang}: no tab {tab!r} in {shown['tabs']}")
        if lang.startswith("ru") and "qtbase_ru.qm" not in shown["translations"]:
            problems.append(f"LANG={lang}: Qt's own translation not loaded ({shown['translations']})")
        print(f"ok  window opened offscreen with LANG={lang} ({seconds:.2f} s): {tab!r}, {shown['translations']}")
    return problems


def check_export_child(app: Path, work: Path) -> list[str]:
    """Run the report export with the app as the child, as the window's Export to Excel does in the app."""
    sys.path.insert(0, str(ROOT))
    from corridor_app.io.loading.loader import load_workbook
    from corridor_app.io.report.process import export_report_in_child

    out = work / "report.xlsx"
    python = sys.executable
    sys.executable = str(app)
    try:
        export_report_in_child(load_workbook(str(DATASET)), out)
    except Exception as exc:  # noqa: BLE001 - any failure is the check's answer
        return [f"the export child failed: {type(exc).__name__}: {exc}"]
    finally:
        sys.executable = python
    if not out.is_file() or out.stat().st_size < 5_000:
        return ["the export child wrote no report"]
    print(f"ok  report export with the app as its child process ({out.stat().st_size // 1024} KiB)")
    return []


def check_inside(folder: Path) -> list[str]:
    names = {p.name for p in folder.rglob("*")}
    missing = [name for name in INSIDE if name not in names]
    if not missing:
        print("ok  inside: " + ", ".join(INSIDE))
    return [f"not inside the app: {name}" for name in missing]


def median_time(cmd: Sequence[str], env: dict[str, str], cwd: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        seconds, done = timed(cmd, env, cwd)
        if done.returncode != 0:
            raise SystemExit(f"error: {' '.join(cmd)} failed: {done.stderr.strip()[-300:]}")
        times.append(seconds)
    return statistics.median(times)


def measure(folder: Path, app: Path, env: dict[str, str], work: Path) -> None:
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"size: {size / 2**20:.0f} MiB in {sum(1 for _ in folder.rglob('*'))} files")
    venv_env = dict(os.environ, QT_QPA_PLATFORM=env["QT_QPA_PLATFORM"], XDG_CONFIG_HOME=env["XDG_CONFIG_HOME"])
    python = [sys.executable, "-m", "corridor_app"]
    rows = [
        ("summary --json", [str(app), "summary", "--json", str(DATASET)], [*python, "summary", "--json", str(DATASET)]),
        (
            "window shown",
            [str(app), "--smoke-window", str(work / "a.png")],
            [sys.executable, "-m", "corridor_app.frozen", "--smoke-window", str(work / "b.png")],
        ),
    ]
    print("start-up, median of 3 (app / python from the virtualenv):")
    for label, frozen_cmd, python_cmd in rows:
        frozen = median_time(frozen_cmd, env, work)
        source = median_time(python_cmd, venv_env, ROOT)
        print(f"  {label:15} {frozen:5.2f} s / {source:5.2f} s")


def main() -> int:
    folder = (Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "corridor-app").resolve()
    app = executable(folder)
    with tempfile.TemporaryDirectory(prefix="corridor-smoke-") as tmp:
        work = Path(tmp)
        (work / "empty").mkdir()
        env = no_python_env(work / "empty")
        problems = check_inside(folder)
        problems += check_summary(app, env, work)
        problems += check_window(app, env, work)
        problems += check_export_child(app, work)
        for problem in problems:
            print(f"FAIL {problem}")
        if problems:
            return 1
        measure(folder, app, env, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
