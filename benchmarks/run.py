"""Run the benchmark suite and print times with ratios: ``python -m benchmarks --sizes 1k,100k,1M``.

Every figure is measured in a fresh child process, side by side with its
baseline in the same run, and the best of ``--repeat`` runs is kept: this
machine is shared and noisy, so the ratios are what to compare between runs.
Generated workbooks are cached in ``--cache`` (default: benchmarks/.cache).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.generate import write_wide_xlsx, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}
MiB = 2**20


def parse_sizes(text: str) -> list[tuple[str, int]]:
    out = []
    for part in text.split(","):
        part = part.strip()
        if part in SIZES:
            out.append((part, SIZES[part]))
        elif part:
            out.append((part, int(float(part.lower().replace("k", "e3").replace("m", "e6")))))
    return out


def probe(*args: str, timeout: float = 3600) -> tuple[dict[str, Any], float]:
    """Run one probe in a child process; returns its JSON answer and the whole-process seconds.

    For a load probe the seconds run from the process's start to the moment its data was loaded.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probes", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    wall = time.time() - start
    if done.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed:\n{done.stderr[-3000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    if "loaded_at" in answer:  # a load: the whole process from its start up to the data loaded
        wall = answer["loaded_at"] - start
    return answer, wall


def best(repeat: int, *args: str) -> tuple[dict[str, Any], float]:
    """The run with the least whole-process time of ``repeat`` runs."""
    runs = [probe(*args) for _ in range(repeat)]
    return min(runs, key=lambda r: r[1])


def side_by_side(repeat: int, *probes: tuple[str, ...]) -> list[tuple[dict[str, Any], float]]:
    """The best run of each probe, the probes taking turns (ours, a baseline, ours, ...).

    On a shared machine a burst of other work then falls on both sides rather than on one.
    """
    runs: list[list[tuple[dict[str, Any], float]]] = [[] for _ in probes]
    for _ in range(repeat):
        for i, args in enumerate(probes):
            runs[i].append(probe(*args))
    return [min(r, key=lambda x: x[1]) for r in runs]


class Report:
    """Rows of the results table: what, size, ours, baseline, ratio, target."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, what: str, size: str, ours: float, base: float | None, unit: str, target: str = "") -> None:
        ratio = ours / base if base else None
        self.rows.append(
            {"what": what, "size": size, "ours": ours, "base": base, "ratio": ratio, "unit": unit, "target": target}
        )
        print(self.format(self.rows[-1]), flush=True)

    @staticmethod
    def format(row: dict[str, Any]) -> str:
        def fmt(v: float | None) -> str:
            if v is None:
                return "-"
            if row["unit"] == "s":
                return f"{v:.3f} s"
            if row["unit"] == "ms":
                return f"{v * 1000:.2f} ms"
            if row["unit"] == "MiB":
                return f"{v / MiB:.1f} MiB"
            return f"{v:.2f}"

        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else "-"
        cells = (f"{row['what']:<50}", f"{row['size']:>5}", f"{fmt(row['ours']):>12}", f"{fmt(row['base']):>12}")
        return "| " + " | ".join(cells) + f" | {ratio:>7} | {row['target']} |"

    @staticmethod
    def header() -> str:
        cells = (f"{'measure (ours vs baseline)':<50}", f"{'rows':>5}", f"{'ours':>12}", f"{'baseline':>12}")
        return (
            "| "
            + " | ".join(cells)
            + f" | {'ratio':>7} | target |\n"
            + (f"|{'-' * 52}|{'-' * 7}|{'-' * 14}|{'-' * 14}|{'-' * 9}|--------|")
        )


def run(
    sizes: Sequence[tuple[str, int]], repeat: int, cache: Path, openpyxl_max: int, gui: bool, load_only: bool = False
) -> Report:
    cache.mkdir(parents=True, exist_ok=True)
    report = Report()
    print(machine())
    print(Report.header(), flush=True)
    if gui and not load_only:
        # Each run needs its own spawn time, so measure the repeats one by one.
        app_runs = [probe("startup", "app", str(time.time()))[0]["seconds"] for _ in range(repeat)]
        bare_runs = [probe("startup", "bare", str(time.time()))[0]["seconds"] for _ in range(repeat)]
        report.add(
            "start-up to first paint: app vs bare PySide6", "data", min(app_runs), min(bare_runs), "s", "<= 1.5 s"
        )
    # The loading child reports its memory before its later imports, and the parent imports numpy and the
    # model while the child starts: what those imports take is measured apart, and not counted as the load's.
    imported, _ = probe("import_bytes")
    for label, n in sizes:
        path = cache / f"contributions_{label}.xlsx"
        if not path.exists():
            t = time.time()
            write_xlsx(path, n)
            print(f"(generated {path.name}: {path.stat().st_size / MiB:.1f} MiB in {time.time() - t:.0f} s)")
        reps = repeat if n <= 100_000 or load_only else 1
        # "ours" is the load as the window and the CLI run it: preflight, parse and build in a limited child.
        (iso, iso_wall), (cal, cal_wall), (ours, ours_wall), (_floor, floor_wall) = side_by_side(
            reps,
            ("load_isolated", str(path)),
            ("load_pandas", str(path), "calamine"),
            ("load_ours", str(path)),
            ("calamine_floor", str(path)),
        )
        # Issue 17 asks for 0.8x at 100k rows and more (at 1k the fixed cost of the child weighs, issue 7's 1.5x).
        target = "<= 0.8x" if n >= 100_000 else "<= 1.5x"
        report.add("load, whole process: ours vs pandas+calamine", label, iso_wall, cal_wall, "s", target)
        report.add("load, whole process: ours vs calamine to_python", label, iso_wall, floor_wall, "s", "")
        if n <= openpyxl_max and not load_only:
            _opx, opx_wall = best(reps, "load_pandas", str(path), "openpyxl")
            report.add("load, whole process: ours vs pandas+openpyxl", label, iso_wall, opx_wall, "s", "<= 0.25x")
        report.add("load without the child vs pandas+calamine", label, ours_wall, cal_wall, "s", "")
        # The child's growth (peak minus its memory once its modules are imported, as for the baselines),
        # or this process's growth when larger: they do not overlap (the child has exited when the
        # workbook is unpickled here).
        grown = max(
            iso["child_peak"] - iso["child_base"] - imported["child"],
            iso["rss_peak"] - iso["rss_base"] - imported["parent"],
        )
        report.add("peak memory of the load vs data as DataFrames", label, grown, cal["frame_bytes"], "MiB", "<= 3x")
        pandas_grown = cal["rss_peak"] - cal["rss_base"]
        report.add("peak memory of the load: ours vs pandas+calamine", label, grown, pandas_grown, "MiB", "")
        report.add(
            "peak memory in process (no child) vs DataFrames",
            label, ours["rss_peak"] - ours["rss_base"], cal["frame_bytes"], "MiB", "",
        )  # fmt: skip
        report.add("table memory: ours vs DataFrames (deep)", label, ours["data_bytes"], cal["frame_bytes"], "MiB", "")
        if load_only:
            continue
        out = cache / f"out_{label}.xlsx"
        exp, _ = best(reps, "export_ours", str(path), str(out))
        wo, _ = best(reps, "export_openpyxl", str(path), str(out), "write_only")
        report.add(
            f"export ({exp['kind']}) vs openpyxl write-only", label, exp["seconds"], wo["seconds"], "s", "<= 1.0x"
        )
        xw, _ = best(reps, "export_xlsxwriter", str(path), str(out))
        report.add(
            "export: xlsxwriter constant_memory vs openpyxl write-only", label, xw["seconds"], wo["seconds"], "s", ""
        )
        if exp.get("rss_peak") and exp.get("rss_base"):
            grown = exp["rss_peak"] - exp["rss_base"]
            report.add("export: peak memory growth vs the loaded tables", label, grown, ours["data_bytes"], "MiB", "")
        if n <= openpyxl_max:
            normal, _ = best(reps, "export_openpyxl", str(path), str(out), "normal")
            report.add(f"export ({exp['kind']}) vs openpyxl normal", label, exp["seconds"], normal["seconds"], "s", "")
        out.unlink(missing_ok=True)
        if gui:
            edit, _ = probe("edit", str(path), "60")
            report.add("edit -> table+chart+totals, median", label, edit["median"], None, "ms", "<= 16 ms")
            report.add("edit -> table+chart+totals, p95", label, edit["p95"], None, "ms", "")
            scroll, _ = probe("scroll", str(path), "40")
            for ref in ("numpy_column", "pandas_iat"):
                report.add(
                    f"viewport repaint, median: ours vs {ref}", label, scroll["ours"]["median"],
                    scroll[ref]["median"], "ms", "<= 16 ms",
                )  # fmt: skip
            report.add("viewport repaint, p95 (ours)", label, scroll["ours"]["p95"], None, "ms", "")
            events, _ = probe("export_events", str(path), str(out))
            out.unlink(missing_ok=True)
            report.add("event loop during File > Export, longest gap", label, events["max"], None, "ms", "<= 50 ms")
            opened, _ = probe("open_events", str(path))
            report.add("event loop during File > Open, longest gap", label, opened["max"], None, "ms", "<= 50 ms")
            sorted_, _ = probe("sort_filter", str(path), str(openpyxl_max))
            qt = sorted_.get("qt_proxy", {})
            for what, name in (("sort_amount", "sort by amount"), ("filter", "filter rows on a word")):
                report.add(
                    f"{name}: ours vs QSortFilterProxyModel", label, sorted_["ours"][what], qt.get(what), "s", ""
                )
    wide = cache / "wide_3x9000.xlsx"
    if not wide.exists():
        write_wide_xlsx(wide)
    # A sheet of a column per project or year is normal: its cost must grow with the cells, not faster (issue 17).
    _wide, wide_wall = best(repeat, "load_isolated", str(wide))
    _wide_pd, wide_pd_wall = best(repeat, "load_pandas", str(wide), "calamine")
    report.add("load of a wide sheet: ours vs pandas+calamine", "3x9000", wide_wall, wide_pd_wall, "s", "<= 1.5x")
    return report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
        with open("/proc/meminfo") as fh:
            ram = int(fh.readline().split()[1]) * 1024
    except OSError:
        ram = 0
    return (
        f"machine: {os.cpu_count()} cores, {cpu}, {ram / 2**30:.0f} GiB RAM; "
        f"Python {platform.python_version()} on {platform.system()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,100k", help="comma-separated row counts: 1k,100k,1M (default 1k,100k)")
    parser.add_argument("--smoke", action="store_true", help="smallest size, one run each: checks that it works")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    parser.add_argument("--cache", type=Path, default=ROOT / "benchmarks" / ".cache", help="generated workbooks")
    parser.add_argument(
        "--openpyxl-max", type=int, default=100_000, help="skip the (minutes-long) openpyxl baselines above this size"
    )
    parser.add_argument("--no-gui", action="store_true", help="skip start-up, edit and repaint (no Qt)")
    parser.add_argument("--json", type=Path, help="also write the results table as JSON here")
    parser.add_argument("--load-only", action="store_true", help="only the load: time and memory against pandas")
    args = parser.parse_args(argv)
    sizes = [("1k", 1_000)] if args.smoke else parse_sizes(args.sizes)
    repeat = 1 if args.smoke else args.repeat
    report = run(sizes, repeat, args.cache, args.openpyxl_max, gui=not args.no_gui, load_only=args.load_only)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "rows": report.rows}, indent=2), encoding="utf-8")
    return 0
