"""The parsing child of ``io/isolated.py``: preflight, read and build one file, under limits.

Run as ``python -I -c <bootstrap>`` by ``io/isolated.py``; never imported by
the app itself. It limits its own address space and CPU time first, runs the
preflight, and only then any parser. It speaks to the parent through stdout in
lines, then one pickle:

- ``@budget SECONDS BYTES``: the preflight verified a sheet larger than the
  base limits allow, and the child has raised its own limits to this budget
  (sent before any parser runs; the parent caps it and extends its wait);
- ``@base KIB``: its resident memory once its modules are imported (the load's growth counts from it);
- ``@progress PERMILLE``: how far the load has come;
- ``@answer`` then the pickled ``("ok", payload, peak_kib)``,
  ``("error", fields, peak_kib)`` or ``("memory", None, peak_kib)``.

The payload is the raw sheets (``sheets`` mode) or the built workbook with a
dict of facts about the file (``workbook`` mode, what the window and the CLI
use: pickled columns cross faster than millions of cells). An optional last
argument is a ``ColumnMapping`` as JSON (io/loading/mapping.py). An abort inside the parser (a Rust panic or a
failed allocation) kills only this process; the parent reports it.
"""

from __future__ import annotations

import gc
import pickle
import sys
from typing import BinaryIO

EXIT_MEMORY = 3


def _status_kib(field: str) -> int | None:
    """A memory figure of this process from /proc/self/status (Linux), in KiB; None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _peak_kib() -> int:
    """Peak resident memory of this process image; VmHWM, as ru_maxrss keeps the parent's from before exec."""
    peak = _status_kib("VmHWM")
    if peak is not None:
        return peak
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _rss_kib() -> int:
    """Resident memory now (Linux; 0 elsewhere): the baseline the load's growth is counted from."""
    return _status_kib("VmRSS") or 0


def _limit(memory: int, cpu_seconds: int, memory_ceiling: int, cpu_ceiling: int) -> None:
    """Soft limits at the base budget, hard limits at the ceiling a verified large file may raise them to."""
    try:
        import resource
    except ImportError:  # Windows: only the parent's wall-clock timeout applies
        return
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, max(memory, memory_ceiling)))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, max(cpu_seconds, cpu_ceiling) + 1))


def _raise_limits(memory: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:
        return
    for which, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu_seconds)):
        _soft, hard = resource.getrlimit(which)
        if value > 0 and (hard == resource.RLIM_INFINITY or value <= hard):
            resource.setrlimit(which, (value, hard))


def _say(out: BinaryIO, line: str) -> None:
    out.write(f"@{line}\n".encode("ascii"))
    out.flush()


def main(argv: list[str]) -> int:
    path, memory, cpu_seconds, mode = argv[0], int(argv[1]), int(argv[2]), argv[3]
    memory_ceiling, cpu_ceiling = int(argv[4]), int(argv[5])
    mapping_json = argv[6] if len(argv) > 6 else ""
    _limit(memory, cpu_seconds, memory_ceiling, cpu_ceiling)
    gc.disable()  # a short-lived process of millions of acyclic cells: collection passes only cost time
    out = sys.stdout.buffer
    try:
        from corridor_app.io.errors import LoadError
        from corridor_app.io.loading.budget import load_budget
        from corridor_app.io.loading.loader import read_checked, source_encoding
        from corridor_app.io.loading.mapping import ColumnMapping
        from corridor_app.io.loading.preflight import preflight
        from corridor_app.io.transfer import dump_parts

        _say(out, f"base {_rss_kib()}")  # after the imports, before any file is read
        try:
            mapping = ColumnMapping.from_json(mapping_json) if mapping_json else None
            checked = preflight(path)
            _say(out, "progress 250")
            budget = load_budget(path, checked, base_seconds=cpu_seconds, base_memory=memory)
            if budget.extra:
                _raise_limits(budget.memory, int(budget.seconds) + 1)
                _say(out, f"budget {budget.seconds:.1f} {budget.memory}")
            sheets = read_checked(path, checked, mapping.encoding if mapping else None)
            _say(out, "progress 650")
            payload: object = sheets
            if mode == "workbook":
                from corridor_app.io.loading.loader import build_workbook

                # The workbook, and what the status bar and `check` say of the file: its text encoding.
                payload = (build_workbook(path, sheets, mapping), {"encoding": source_encoding(sheets)})
                sheets = []
        except LoadError as exc:
            fields = {
                "message": exc.message,
                "sheet": exc.sheet,
                "row": exc.row,
                "column": exc.column,
                "cell": exc.cell,
                "problems": exc.problems,
                "detail": exc.detail,
            }
            answer: tuple[str, object, int] = ("error", fields, _peak_kib())
        else:
            answer = ("ok", payload, _peak_kib())
        parts = dump_parts(answer)
        _say(out, f"answer {sum(len(part) for part in parts)}")  # the size first: the parent reads it in place
        for part in parts:
            out.write(part)
    except MemoryError:
        sheets, payload = [], None  # free what we can before answering
        # transfer.dumps's form, built by hand: the import may be what ran out of memory.
        parts = [pickle.dumps([]), pickle.dumps(("memory", None, _peak_kib()))]
        data = len(parts).to_bytes(8, "big") + b"".join(len(p).to_bytes(8, "big") for p in parts) + b"".join(parts)
        _say(out, f"answer {len(data)}")
        out.write(data)
        out.flush()
        return EXIT_MEMORY
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
