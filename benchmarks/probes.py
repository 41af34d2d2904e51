"""Measurements that run in a child process: ``python -m benchmarks.probes NAME ARG...``.

Each probe prints one JSON object on its last line: the seconds it timed and
the process's resident memory after imports (``rss_base``) and at its peak
(``rss_peak``), both in bytes. A load probe also says when its data was loaded
(``loaded_at``, ``time.time()``): the runner times the whole process up to
then, so the probe's own bookkeeping after the load (sizes of what it loaded)
and the interpreter's exit count on neither side.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

Result = dict[str, Any]


def rss_now() -> int:
    """Resident set size of this process in bytes (Linux; 0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def rss_peak() -> int:
    """Peak resident set size of this process in bytes."""
    try:
        import resource
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def _reset_peak() -> int:
    """Forget the load's peak (Linux: clear_refs 5 resets VmHWM); returns the resident size now."""
    import gc

    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    return rss_now()


def _peak_since_reset() -> int:
    """VmHWM in bytes: the peak resident size since ``_reset_peak`` (0 where /proc is missing)."""
    try:
        with open("/proc/self/status") as fh:
            line = next(ln for ln in fh if ln.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024
    except (OSError, StopIteration):
        return 0


def calamine_floor(path: str) -> Result:
    """The floor: calamine parses every sheet into Python lists, nothing more."""
    import python_calamine as calamine

    base = rss_now()
    start = time.perf_counter()
    book = calamine.CalamineWorkbook.from_path(path)
    cells = sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)
    return {"seconds": time.perf_counter() - start, "loaded_at": time.time(), "rss_base": base, "rows": cells}


def load_ours(path: str) -> Result:
    """``load_workbook`` as the app calls it; ``data_bytes`` is what the tables hold."""
    from corridor_app.io.loading.loader import load_workbook

    base = rss_now()
    start = time.perf_counter()
    book = load_workbook(path)
    seconds, loaded_at = time.perf_counter() - start, time.time()
    peak = rss_peak()
    return {
        "seconds": seconds,
        "loaded_at": loaded_at,
        "rss_base": base,
        "rss_peak": peak,
        "rows": len(book.table("contributions")),
        "data_bytes": sum(t.nbytes() for t in book.tables.values()),
        "pandas_imported": "pandas" in sys.modules,
    }


# What the loading child imports after it has reported its memory (numpy among them), and what the
# parent imports while the child starts: measured in a fresh process each, so that the load's growth
# is counted from memory with the modules imported, as for the baselines.
_CHILD_IMPORTS = """
import corridor_app.io.errors, corridor_app.io.loading.budget, corridor_app.io.loading.spreadsheet
before = rss_now()
import corridor_app.io.loading.interpret, corridor_app.io.loading.loader, corridor_app.io.loading.mapping
import corridor_app.io.loading.preflight, corridor_app.io.transfer
"""
_PARENT_IMPORTS = """
import corridor_app.io.loading.isolated
before = rss_now()
import numpy, corridor_app.io.transfer, corridor_app.model.workbook
"""


def import_bytes() -> Result:
    """What the modules the loading child and its parent import during the load add to their memory."""
    return {"seconds": 0.0, "child": _import_bytes(_CHILD_IMPORTS), "parent": _import_bytes(_PARENT_IMPORTS)}


def _import_bytes(code: str) -> int:
    """The memory ``code`` adds after its ``before = rss_now()`` line, in a fresh interpreter."""
    import subprocess

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    script = f"import sys\nsys.path.insert(0, sys.argv[1])\nfrom benchmarks.probes import rss_now\n{code}\n"
    script += "print(rss_now() - before)\n"
    done = subprocess.run([sys.executable, "-I", "-c", script, root], capture_output=True, text=True)
    return int(done.stdout.strip() or 0)


def load_isolated(path: str) -> Result:
    """The load as the window and the CLI run it: parsed in a limited child process, built here.

    ``child_peak`` is the parsing child's peak resident memory; the load's whole
    cost in memory is that plus this process's growth (the two coexist at the hand-over).
    Both bases are taken before some modules are imported: ``import_bytes`` measures those, apart.
    """
    from corridor_app.io.loading.isolated import load_isolated

    base = rss_now()
    start = time.perf_counter()
    read = load_isolated(path)
    book = read.workbook
    seconds, loaded_at = time.perf_counter() - start, time.time()
    return {
        "seconds": seconds,
        "loaded_at": loaded_at,
        "rss_base": base,
        "rss_peak": rss_peak(),
        "child_peak": read.peak_bytes,
        "child_base": read.base_bytes,
        "rows": len(book.table("contributions")),
        "data_bytes": sum(t.nbytes() for t in book.tables.values()),
    }


def load_pandas(path: str, engine: str) -> Result:
    """``pandas.read_excel`` of every sheet; ``frame_bytes`` is their deep memory usage."""
    import pandas as pd

    base = rss_now()
    start = time.perf_counter()
    frames = pd.read_excel(path, sheet_name=None, engine=engine)
    seconds, loaded_at = time.perf_counter() - start, time.time()
    peak = rss_peak()
    return {
        "seconds": seconds,
        "loaded_at": loaded_at,
        "rss_base": base,
        "rss_peak": peak,
        "rows": len(next(iter(frames.values()))),
        "frame_bytes": int(sum(f.memory_usage(deep=True).sum() for f in frames.values())),
    }


def export_ours(path: str, out: str) -> Result:
    """The app's Excel output of the loaded workbook: the report with charts when present, else Save As."""
    from corridor_app.io.loading.loader import load_workbook

    book = load_workbook(path)
    base = _reset_peak()
    try:
        from corridor_app.io.report.export import export_report  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from corridor_app.io.saving.writer import save_workbook

        kind = "save_workbook"
        start = time.perf_counter()
        save_workbook(book, out)
    else:
        kind = "export_report"
        start = time.perf_counter()
        export_report(book, out)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "kind": kind,
        "bytes": os.path.getsize(out),
        "rss_peak": _peak_since_reset(),
        "rss_base": base,
    }


def export_openpyxl(path: str, out: str, mode: str) -> Result:
    """Plain openpyxl writing the same rows: ``normal`` or ``write_only`` mode."""
    import python_calamine as calamine
    from openpyxl import Workbook

    book = calamine.CalamineWorkbook.from_path(path)
    sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    start = time.perf_counter()
    out_book = Workbook(write_only=mode == "write_only")
    if mode != "write_only":
        out_book.remove(out_book.active)
    for name, rows in sheets.items():
        sheet = out_book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out_book.save(out)
    return {"seconds": time.perf_counter() - start, "bytes": os.path.getsize(out)}


def export_xlsxwriter(path: str, out: str) -> Result:
    """Plain XlsxWriter in ``constant_memory`` mode writing the same rows (the writer the report uses)."""
    import python_calamine as calamine
    import xlsxwriter

    book = calamine.CalamineWorkbook.from_path(path)
    sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    start = time.perf_counter()
    out_book = xlsxwriter.Workbook(out, {"constant_memory": True})
    for name, rows in sheets.items():
        sheet = out_book.add_worksheet(name)
        write_string, write_number = sheet.write_string, sheet.write_number
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    write_string(r, c, value)
                elif isinstance(value, int | float):
                    write_number(r, c, value)
    out_book.close()
    return {"seconds": time.perf_counter() - start, "bytes": os.path.getsize(out), "rss_peak": rss_peak()}


PROBES: dict[str, Callable[..., Result]] = {
    "calamine_floor": calamine_floor,
    "load_ours": load_ours,
    "load_isolated": load_isolated,
    "import_bytes": import_bytes,
    "load_pandas": load_pandas,
    "export_ours": export_ours,
    "export_openpyxl": export_openpyxl,
    "export_xlsxwriter": export_xlsxwriter,
}


def main(argv: list[str]) -> int:
    name, *args = argv
    if name in PROBES:
        result = PROBES[name](*args)
    else:
        from benchmarks.gui_probes import GUI_PROBES

        result = GUI_PROBES[name](*args)
    result.setdefault("rss_peak", rss_peak())
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
