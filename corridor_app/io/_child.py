"""The parsing child of ``load_workbook_isolated``: preflight and read one file, under limits.

Run as ``python -I -c <bootstrap>`` by ``io/isolated.py``; never imported by
the app itself. It limits its own address space and CPU time first, then
reads the file and writes one pickled answer to stdout:
``("ok", sheets, peak_kib)``, ``("error", fields, peak_kib)`` or
``("memory", None, peak_kib)``. An abort inside the parser (a Rust panic or a
failed allocation) kills only this process; the parent reports it.
"""

from __future__ import annotations

import pickle
import sys

EXIT_MEMORY = 3


def _peak_kib() -> int:
    """Peak resident memory of this process image; VmHWM, as ru_maxrss keeps the parent's from before exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _limit(memory: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the parent's wall-clock timeout applies
        return
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def main(argv: list[str]) -> int:
    path, memory, cpu_seconds = argv[0], int(argv[1]), int(argv[2])
    _limit(memory, cpu_seconds)
    out = sys.stdout.buffer
    try:
        from corridor_app.io.errors import LoadError
        from corridor_app.io.loader import read_sheets

        try:
            sheets = read_sheets(path)
        except LoadError as exc:
            fields = {
                "message": exc.message,
                "sheet": exc.sheet,
                "row": exc.row,
                "column": exc.column,
                "problems": exc.problems,
            }
            answer: tuple[str, object, int] = ("error", fields, _peak_kib())
        else:
            answer = ("ok", sheets, _peak_kib())
        out.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    except MemoryError:
        sheets = None  # free what we can before answering
        out.write(pickle.dumps(("memory", None, _peak_kib())))
        out.flush()
        return EXIT_MEMORY
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
