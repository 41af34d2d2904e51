"""Load a file so that no input can take the app down: parse it in a child process with limits.

The parsers underneath can abort the whole process (a Rust panic or failed
allocation in calamine is not an exception Python can catch) or exhaust memory.
``load_workbook_isolated`` runs ``preflight``, the parser and the building of
the workbook in a fresh child process whose address space and CPU time are
limited, and waits at most until the deadline. Every outcome is a ``Workbook``
or a ``LoadError`` in plain words.

The child imports the readers and the model (no pandas, no Qt), so the
isolation costs about one Python start-up (see docs/RELIABILITY.md). Only data
crosses back, through an unpickler that accepts plain values, numpy arrays and
the model's own classes, nothing that can run code. The workbook crosses as
columns, which is far cheaper than its millions of cells would be.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import numpy as np

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.budget import memory_ceiling, seconds_ceiling
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.io.loading.xmlscan import MAX_CELLS
from corridor_app.io.transfer import loads
from corridor_app.model.workbook import Workbook

log = logging.getLogger(__name__)

LOAD_TIMEOUT_S = 10.0
LOAD_MEMORY_BYTES = 1024**3

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from corridor_app.io.loading._child import main; sys.exit(main(sys.argv[2:]))"
)
_ALLOWED = {
    ("corridor_app.io.loading.grid", "RawSheet"),
    ("corridor_app.model.errors", "Problem"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}
# A built workbook also carries numpy columns and the model's own classes (and nothing that runs code).
_ALLOWED_NUMPY = {
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.numeric", "_frombuffer"),
}
_ALLOWED_FUNCTIONS = {("corridor_app.model.sheets", "table_spec")}

Progress = Callable[[float, str], None]
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


class _PlainUnpickler(pickle.Unpickler):
    """Accepts plain data, numpy arrays and classes of ``corridor_app.model`` (when ``model`` is set), nothing else."""

    def __init__(self, data: bytes, model: bool = False) -> None:
        super().__init__(io.BytesIO(data))
        self.model = model

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if self.model and ((module, name) in _ALLOWED_NUMPY or (module, name) in _ALLOWED_FUNCTIONS):
            return super().find_class(module, name)
        if self.model and module.startswith("corridor_app.model.") and module.replace(".", "").isidentifier():
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"unexpected {module}.{name} from the reader process")


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


class _Channel:
    """Reads the child's stdout on a thread: its ``@`` lines as they come, then the answer's bytes."""

    def __init__(self, proc: subprocess.Popen[bytes], progress: Progress | None, max_answer: int) -> None:
        self.budget: tuple[float, int] | None = None
        self.base_kib = 0
        self.answer: bytes | memoryview = b""
        self._max_answer = max_answer
        self.errors = b""
        self._progress = progress
        self._threads = [
            threading.Thread(target=self._read_out, args=(proc.stdout,), daemon=True),
            threading.Thread(target=self._read_err, args=(proc.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_out(self, pipe: IO[bytes]) -> None:
        while line := pipe.readline(256):
            if line.startswith(b"@answer"):
                self.answer = self._read_answer(pipe, line)
                return
            words = line.split()
            try:
                if words[:1] == [b"@budget"] and self.budget is None:  # only the first: sent before any parser ran
                    self.budget = (float(words[1]), int(words[2]))
                elif words[:1] == [b"@base"]:
                    self.base_kib = int(words[1])
                elif words[:1] == [b"@progress"] and self._progress is not None:
                    done = min(1000, int(words[1]))
                    self._progress(done / 1000, "Reading the cells…" if done < 650 else "Building the tables…")
            except (IndexError, ValueError):
                continue

    def _read_answer(self, pipe: IO[bytes], line: bytes) -> bytes | memoryview:
        """The answer's bytes, read into one buffer of the announced size.

        ``pipe.read()`` grows its buffer as the bytes come, and each growth of a 200 MB buffer copied it
        while holding the interpreter: the window froze for 70 ms at a million rows (issue 7). A short
        answer comes back cut short, and ``transfer.loads`` refuses it.
        """
        words = line.split()
        size = int(words[1]) if len(words) == 2 and words[1].isdigit() else -1
        if not 0 < size <= self._max_answer:
            return pipe.read()
        # Not a bytearray: that zero-fills its 200 MB first, holding the interpreter another 60 ms. The pages of
        # an empty numpy buffer are zeroed by the system as the read first touches them, outside the interpreter.
        view = np.empty(size, dtype=np.uint8).data
        got = 0
        while got < size:
            count = pipe.readinto(view[got:])  # type: ignore[attr-defined]  # a BufferedReader: fills in place
            if not count:
                return bytes(view[:got])
            got += count
        return view

    def _read_err(self, pipe: IO[bytes]) -> None:
        self.errors = pipe.read()[-65536:]

    def join(self, proc: subprocess.Popen[bytes]) -> None:
        for thread in self._threads:
            thread.join(timeout=5)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()


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
    """Run the child on ``path`` in ``mode``; return its payload, the wall time, its peak and its base memory."""
    started = time.monotonic()
    end = deadline if deadline is not None else started + timeout
    remaining = end - started
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
    channel = _Channel(proc, progress, max_answer=memory_cap)
    granted = False
    limit = timeout
    try:
        while proc.poll() is None:
            if channel.budget is not None and not granted:
                granted = True  # a verified large sheet: wait as long as its budget, never past the ceiling
                extra = min(channel.budget[0] - cpu, seconds_cap - remaining)
                if extra > 0:
                    end += extra
                    limit = timeout + extra
                memory = min(max(memory, channel.budget[1]), memory_cap)
            if cancelled is not None and cancelled():
                raise LoadCancelled(path, "the load was cancelled")
            if time.monotonic() >= end:
                raise LoadError(path, f"reading the file took longer than {limit:g} s and was stopped")
            try:
                proc.wait(timeout=max(0.001, min(0.05, end - time.monotonic())))
            except subprocess.TimeoutExpired:
                continue
    except LoadError:
        proc.kill()
        proc.wait()
        channel.join(proc)
        raise
    channel.join(proc)
    seconds = time.monotonic() - started
    answer = _answer(channel.answer, model=mode == "workbook")
    if answer is None:
        raise _failure(path, proc.returncode, channel.errors, memory, limit)
    status, payload, peak_kib = answer
    if status == "memory":
        raise LoadError(path, f"reading the file needed more than {_mib(memory)} of memory and was stopped")
    if status == "error":
        assert isinstance(payload, dict)
        error = LoadError(path, **payload)
        if error.detail:  # what the reader said goes to the log for a bug report, not into the message
            log.warning("%s: %s (reader: %s)", path, error.message, error.detail)
        raise error
    return payload, seconds, int(peak_kib) * 1024, channel.base_kib * 1024


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


def _answer(out: bytes | memoryview, *, model: bool = False) -> tuple[str, object, int] | None:
    if not out:
        return None
    try:
        answer = loads(out, lambda data: _PlainUnpickler(data, model))
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
    if not (isinstance(answer, tuple) and len(answer) == 3 and answer[0] in ("ok", "error", "memory")):
        return None
    if answer[0] == "ok" and not isinstance(answer[1], list) and not _is_built(answer[1]):
        return None
    return answer  # type: ignore[no-any-return]


def _is_built(payload: object) -> bool:
    """A workbook-mode payload: the workbook and a dict of plain facts about the file."""
    return (
        isinstance(payload, tuple)
        and len(payload) == 2
        and isinstance(payload[0], Workbook)
        and isinstance(payload[1], dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in payload[1].items())
    )


def _failure(path: str, code: int, err: bytes, memory: int, timeout: float) -> LoadError:
    text = err.decode("utf-8", "replace")
    lowered = text.lower()
    if any(m in lowered for m in ("memory allocation of", "memoryerror", "cannot allocate memory", "failed to map")):
        return LoadError(path, f"reading the file needed more than {_mib(memory)} of memory and was stopped")
    if code in (-getattr(signal, "SIGXCPU", 24), -signal.SIGKILL) and "panicked" not in text:
        return LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped")
    how = f"signal {-code}" if code < 0 else f"exit code {code}"
    log.warning("%s: the reader crashed (%s): %s", path, how, text[-4000:])
    return LoadError(
        path, "the reader crashed on this file; the file is probably damaged", detail=f"{how}: {text[-4000:]}"
    )


def _mib(n: int) -> str:
    return f"{n / 1024**3:g} GiB" if n >= 1024**3 else f"{n // 1024**2} MiB"


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
    if not _is_built(payload):
        raise LoadError(path, "the reader process answered with something else than a workbook")
    workbook, facts = cast(tuple[Workbook, dict[str, str]], payload)
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
_ = dt  # datetime values are among the allowed payload types
