"""Load a file so that no input can take the app down: parse it in a child process with limits.

The parsers underneath can abort the whole process (a Rust panic or failed
allocation in calamine is not an exception Python can catch) or exhaust memory.
``load_workbook_isolated`` runs ``preflight``, the parser and the building of
the workbook in a fresh child process whose address space and CPU time are
limited, and waits at most until the deadline. Every outcome is a ``Workbook``
or a ``LoadError`` in plain words.

The child parses a spreadsheet while its preflight runs (io/loading/_child.py).
If that child dies of something other than the preflight's refusal or the
deadline (out of memory under the estimated budget, or a parser crash before the
preflight had said anything), the load is done again in order, preflight first,
so the answer is always the one the preflight or the counted budget gives.

The child imports the readers and the model (no pandas, no Qt), so the
isolation costs about one Python start-up (see docs/RELIABILITY.md). Only data
crosses back, through an unpickler that accepts plain values, numpy arrays and
the model's own classes, nothing that can run code. The workbook crosses as
columns, which is far cheaper than its millions of cells would be.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.answer import (
    MEMORY_WORDS,
    Channel,
    Progress,
    death,
    failure,
    is_built,
    mib,
    unpickle_answer,
)
from corridor_app.io.loading.budget import memory_ceiling, seconds_ceiling
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.io.loading.xmlscan import MAX_CELLS

if TYPE_CHECKING:
    from corridor_app.model.workbook import Workbook

log = logging.getLogger(__name__)

LOAD_TIMEOUT_S = 10.0
LOAD_MEMORY_BYTES = 1024**3

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from corridor_app.io.loading._child import main; sys.exit(main(sys.argv[2:]))"
)
Cancelled = Callable[[], bool]


class LoadCancelled(LoadError):
    """The user cancelled the load; the child was stopped."""


@dataclass(frozen=True)
class IsolatedRead:
    """The raw sheets a child read, with what it cost: wall time and the child's peak memory."""

    sheets: list[RawSheet]
    seconds: float
    peak_bytes: int


@dataclass(frozen=True)
class IsolatedLoad:
    """The workbook a child built, with what it cost: wall time, the child's peak memory and its baseline."""

    workbook: Workbook
    seconds: float
    peak_bytes: int
    base_bytes: int = 0  # the child's memory after its imports: peak - base is what the load itself took
    # The text encoding a CSV was read with (io/loading/encoding.py canonical name), "" for a spreadsheet.
    encoding: str = ""


def _process_age() -> float:
    """Seconds since this process started (Linux), so a CLI can count its own start-up."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


def deadline_from_process_start(timeout: float = LOAD_TIMEOUT_S) -> float:
    """A ``time.monotonic()`` deadline counted from this process's start, for a CLI command.

    A process older than half the budget is not a fresh command (the CLI's
    ``main`` called from a long-running program or a test): the count starts now.
    """
    age = _process_age()
    return time.monotonic() + timeout - (age if age < timeout / 2 else 0.0)


def _import_what_the_answer_needs() -> None:
    """numpy and the model, which the answer is unpickled into (already there in the window)."""
    import numpy  # noqa: F401

    import corridor_app.io.transfer
    import corridor_app.model.workbook  # noqa: F401


class _AheadDied(Exception):
    """The child that parsed ahead of its preflight died; ``error`` is what it would say."""

    def __init__(self, error: LoadError) -> None:
        super().__init__(error.message)
        self.error = error


def _run(
    path: str,
    mode: str,
    *,
    timeout: float,
    memory: int,
    deadline: float | None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    mapping: ColumnMapping | None = None,
) -> tuple[object, float, int, int]:
    """Run the child on ``path`` in ``mode``; return its payload, the wall time, its peak and its base memory.

    A child that parsed ahead of its preflight and died for that (see the module's docstring) is run
    again in order, within the same deadline.
    """
    started = time.monotonic()
    end = deadline if deadline is not None else started + timeout

    def once(order: str) -> tuple[object, int, int]:
        return _run_once(
            path, order, timeout=timeout, memory=memory, deadline=end, progress=progress, cancelled=cancelled,
            mapping=mapping,
        )  # fmt: skip

    try:
        payload, peak, base = once(mode)
    except _AheadDied as died:
        log.info("%s: the parse ahead of the preflight failed (%s); loading again in order", path, died.error.message)
        payload, peak, base = once(f"{mode}:sequential")
    return payload, time.monotonic() - started, peak, base


def _run_once(
    path: str,
    mode: str,
    *,
    timeout: float,
    memory: int,
    deadline: float,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    mapping: ColumnMapping | None = None,
) -> tuple[object, int, int]:
    """One child on ``path`` in ``mode``: its payload, peak and base memory; ``_AheadDied`` to run it again."""
    end = deadline
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped")
    cpu = int(remaining) + 1
    memory_cap = memory_ceiling(memory)
    seconds_cap = seconds_ceiling(remaining, MAX_CELLS)
    args = [path, str(memory), str(cpu), mode, str(memory_cap), str(int(seconds_cap) + 1)]
    if mapping is not None and not mapping.is_empty:
        args.append(mapping.to_json())
    cmd = [sys.executable, "-I", "-c", _BOOTSTRAP, _PACKAGE_ROOT, *args]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "LANG")}
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    except OSError as exc:
        raise LoadError(path, f"the reader process could not be started ({exc.strerror})") from None
    if progress is not None:
        progress(0.02, "Checking the file…")
    channel = Channel(proc, progress, max_answer=memory_cap)
    imported = False
    granted = False
    limit = timeout
    try:
        while proc.poll() is None:
            if channel.budget is not None and not granted:
                granted = True  # a large sheet: wait as long as its budget, never past the ceiling
                extra = min(channel.budget[0] - cpu, seconds_cap - remaining)
                if extra > 0:
                    end += extra
                    limit = timeout + extra
                memory = min(max(memory, channel.budget[1]), memory_cap)
            if cancelled is not None and cancelled():
                raise LoadCancelled(path, "the load was cancelled")
            if time.monotonic() >= end:
                raise LoadError(path, f"reading the file took longer than {limit:g} s and was stopped")
            if not imported and (channel.checked or channel.done.is_set()):
                # While the child only parses (its preflight done, a core free), not while it starts.
                _import_what_the_answer_needs()
                imported = True
            wait = max(0.001, min(0.05, end - time.monotonic()))
            if not channel.done.is_set():
                channel.done.wait(wait)  # wakes as the answer is read, not at the next poll
                continue
            try:
                proc.wait(timeout=wait)  # the child ends right after its answer (os._exit)
            except subprocess.TimeoutExpired:
                continue
    except LoadError:
        proc.kill()
        proc.wait()
        channel.join(proc)
        raise
    channel.join(proc)
    answer = unpickle_answer(channel.answer, model=mode.startswith("workbook"))
    if answer is None:
        died = failure(path, proc.returncode, channel.errors, memory, limit)
        if channel.ahead and (not channel.checked or death(proc.returncode, channel.errors) == "memory"):
            raise _AheadDied(died)
        raise died
    status, payload, peak_kib = answer
    if status == "again" and channel.ahead:
        raise _AheadDied(LoadError(path, "the counted cells need more than the parse ahead was given"))
    if status == "memory":
        short = LoadError(path, f"{MEMORY_WORDS} {mib(memory)} of memory and was stopped")
        if channel.ahead:
            raise _AheadDied(short)
        raise short
    if status == "error":
        assert isinstance(payload, dict)
        error = LoadError(path, **payload)
        if error.detail:  # what the reader said goes to the log for a bug report, not into the message
            log.warning("%s: %s (reader: %s)", path, error.message, error.detail)
        raise error
    return payload, int(peak_kib) * 1024, channel.base_kib * 1024


def read_sheets_isolated(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOAD_TIMEOUT_S,
    memory: int = LOAD_MEMORY_BYTES,
    deadline: float | None = None,
    encoding: str | None = None,
) -> IsolatedRead:
    """Preflight and parse ``path`` in a limited child process; return its raw sheets (a CSV in ``encoding``).

    The import step previews these (ui/import_dialog.py).

    Raises
    ------
    LoadError
        The file was refused, the child ran out of time or memory, or it crashed.
    """
    mapping = ColumnMapping(encoding=encoding) if encoding else None
    payload, seconds, peak, _base = _run(
        os.fspath(path), "sheets", timeout=timeout, memory=memory, deadline=deadline, mapping=mapping
    )
    if not (isinstance(payload, list) and all(isinstance(s, RawSheet) for s in payload)):
        raise LoadError(os.fspath(path), "the reader process answered with something else than sheets")
    return IsolatedRead(payload, seconds, peak)


def load_isolated(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOAD_TIMEOUT_S,
    memory: int = LOAD_MEMORY_BYTES,
    deadline: float | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    mapping: ColumnMapping | None = None,
) -> IsolatedLoad:
    """Load ``path`` in a limited child process, which also builds the workbook; see ``load_workbook_isolated``.

    ``mapping`` names the sheet, header row, columns and text encoding where the loader cannot tell them.
    """
    path = os.fspath(path)
    payload, seconds, peak, base = _run(
        path,
        "workbook",
        timeout=timeout,
        memory=memory,
        deadline=deadline,
        progress=progress,
        cancelled=cancelled,
        mapping=mapping,
    )
    if not is_built(payload):
        raise LoadError(path, "the reader process answered with something else than a workbook")
    workbook, facts = cast("tuple[Workbook, dict[str, str]]", payload)
    return IsolatedLoad(workbook, seconds, peak, base, encoding=facts.get("encoding", ""))


def load_workbook_isolated(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOAD_TIMEOUT_S,
    memory: int = LOAD_MEMORY_BYTES,
    deadline: float | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    mapping: ColumnMapping | None = None,
) -> Workbook:
    """Load ``path`` without risk to this process: at most ``timeout`` seconds and ``memory`` bytes.

    ``deadline`` (a ``time.monotonic()`` value) overrides ``timeout`` when the
    count must start earlier, e.g. at the command's start. A sheet the
    preflight has verified as larger than the base limits get a budget in
    proportion to its cells (``io/budget.py``). ``progress(fraction, text)``
    is called as the load advances, from a reader thread; ``cancelled()`` is
    polled, and stops the child when it says so (``LoadCancelled``).

    Raises
    ------
    LoadError
        The file cannot be loaded; the message says why in plain words.
    """
    return load_isolated(
        path, timeout=timeout, memory=memory, deadline=deadline, progress=progress, cancelled=cancelled, mapping=mapping
    ).workbook


__all__ = [
    "LOAD_MEMORY_BYTES",
    "LOAD_TIMEOUT_S",
    "IsolatedLoad",
    "IsolatedRead",
    "LoadCancelled",
    "load_isolated",
    "load_workbook_isolated",
    "read_sheets_isolated",
]
