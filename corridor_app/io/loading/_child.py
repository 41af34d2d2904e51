"""The parsing child of ``io/isolated.py``: preflight, read and build one file, under limits.

Run as ``python -I -c <bootstrap>`` by ``io/isolated.py``; never imported by
the app itself. It limits its own address space and CPU time first. Then the
preflight scans the file while calamine parses it on a thread (the parse runs
outside the interpreter lock, so on two cores the preflight is free); the parse
is used only once the preflight has passed, and runs until then under the
budget the zip directory allows (``budget.ahead_budget``). With the mode
``workbook:sequential`` or ``sheets:sequential`` the preflight runs first and
the parser only after it, as the parent asks when a parse ahead died
(io/loading/isolated.py). It speaks to the parent through stdout in lines,
then one pickle:

- ``@budget SECONDS BYTES``: the child has raised its own limits to this budget,
  for a sheet the preflight verified as larger than the base limits allow, or
  for the parse ahead by the zip directory's declared sizes; always before any
  parser runs (the parent trusts only the first, caps it and extends its wait);
- ``@base KIB``: its resident memory once its modules are imported (the load's growth counts from it);
- ``@ahead``: a parse ahead has started;
- ``@checked``: the preflight passed; a failure after it is the parser's;
- ``@progress PERMILLE``: how far the load has come;
- ``@answer`` then the pickled ``("ok", payload, peak_kib)``,
  ``("error", fields, peak_kib)``, ``("memory", None, peak_kib)`` or, after a parse ahead,
  ``("again", None, peak_kib)``: the counted cells need a larger budget than the zip directory
  suggested, which the parent would not trust now that a parser has run; it loads the file again in order.

The payload is the raw sheets (``sheets`` mode) or the built workbook with a
dict of facts about the file (``workbook`` mode, what the window and the CLI
use: pickled columns cross faster than millions of cells). An optional last
argument is a ``ColumnMapping`` as JSON (io/loading/mapping.py). An abort inside the parser (a Rust panic or a
failed allocation) kills only this process; the parent reports it.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Callable

    from corridor_app.io.loading.budget import Budget
    from corridor_app.io.loading.spreadsheet import ParseAhead

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


def _set_limits(memory: int, cpu_seconds: int) -> None:
    """Move the soft limits to a budget (up or down), within the hard ones set at the start."""
    try:
        import resource
    except ImportError:
        return
    for which, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu_seconds)):
        _soft, hard = resource.getrlimit(which)
        if value > 0 and (hard == resource.RLIM_INFINITY or value <= hard):
            resource.setrlimit(which, (value, hard))


def _answer(out: BinaryIO, answer: tuple[str, object, int], dump_parts: Callable[[object], list[bytes]]) -> None:
    parts = dump_parts(answer)
    _say(out, f"answer {sum(len(part) for part in parts)}")  # the size first: the parent reads it in place
    for part in parts:
        out.write(part)


def _say(out: BinaryIO, line: str) -> None:
    out.write(f"@{line}\n".encode("ascii"))
    out.flush()


def main(argv: list[str]) -> int:
    """Load, answer, and end the process at once: the answer is written, and nothing is left to close.

    Ending without the interpreter's clean-up matters twice: a parse ahead the preflight refused may
    still be running (a thread inside the parser cannot be stopped), and freeing a million cells one
    object at a time took the parent's wait 0.7 s longer at a million rows.
    """
    try:
        code = _main(argv)
    except BaseException:  # noqa: BLE001 - a bug: say it on stderr (the parent logs it), and still end at once
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _main(argv: list[str]) -> int:
    path, memory, cpu_seconds = argv[0], int(argv[1]), int(argv[2])
    mode, _, order = argv[3].partition(":")
    memory_ceiling, cpu_ceiling = int(argv[4]), int(argv[5])
    mapping_json = argv[6] if len(argv) > 6 else ""
    _limit(memory, cpu_seconds, memory_ceiling, cpu_ceiling)
    gc.disable()  # a short-lived process of millions of acyclic cells: collection passes only cost time
    out = sys.stdout.buffer
    ahead: ParseAhead | None = None
    plan: Budget | None = None
    try:
        from corridor_app.io.errors import LoadError
        from corridor_app.io.loading.budget import ahead_budget, load_budget
        from corridor_app.io.loading.spreadsheet import ParseAhead

        _say(out, f"base {_rss_kib()}")  # before any file is read (the imports below then count as the load's)
        if order != "sequential":
            # Parse while the rest is imported and the preflight scans: calamine's parse runs outside the
            # interpreter lock, so on two cores the preflight costs no time. Its result is used only if the
            # preflight passes; until then it runs under the budget the zip directory allows (budget.py).
            plan = ahead_budget(path, base_seconds=cpu_seconds, base_memory=memory)
            if plan is not None:
                if plan.extra:
                    _set_limits(plan.memory, int(plan.seconds) + 1)
                    _say(out, f"budget {plan.seconds:.1f} {plan.memory}")
                ahead = ParseAhead(path)
                _say(out, "ahead")
        if mode == "workbook":  # imported here, while the parse ahead runs, rather than after it
            import corridor_app.io.loading.interpret  # noqa: F401
        from corridor_app.io.loading.loader import read_checked, source_encoding
        from corridor_app.io.loading.mapping import ColumnMapping
        from corridor_app.io.loading.preflight import preflight
        from corridor_app.io.transfer import dump_parts

        try:
            mapping = ColumnMapping.from_json(mapping_json) if mapping_json else None
            checked = preflight(path)
            _say(out, "checked")  # the preflight passed: a failure from here on is the parser's
            _say(out, "progress 250")
            budget = load_budget(path, checked, base_seconds=cpu_seconds, base_memory=memory)
            if plan is not None and (budget.seconds > plan.seconds or budget.memory > plan.memory):
                # More than the parse ahead was given: the parent trusts only a budget said before any
                # parser ran, so it loads the file again in order, under this counted budget.
                _answer(out, ("again", None, _peak_kib()), dump_parts)
                return 0
            if plan is not None or budget.extra:
                _set_limits(budget.memory, int(budget.seconds) + 1)  # the counted budget, never the estimate
            if budget.extra and plan is None:
                _say(out, f"budget {budget.seconds:.1f} {budget.memory}")
            sheets = read_checked(path, checked, mapping.encoding if mapping else None, ahead)
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
        _answer(out, answer, dump_parts)
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
