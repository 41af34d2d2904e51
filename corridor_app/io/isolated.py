"""Load a file so that no input can take the app down: parse it in a child process with limits.

The parsers underneath can abort the whole process (a Rust panic or failed
allocation in calamine is not an exception Python can catch) or exhaust memory.
``load_workbook_isolated`` runs ``preflight`` and the parser in a fresh child
process whose address space and CPU time are limited, waits at most until the
deadline, and then interprets the raw cells in this process. Every outcome is
a ``Workbook`` or a ``LoadError`` in plain words.

The child imports only the readers (no pandas, no Qt), so the isolation costs
about one Python start-up (see docs/RELIABILITY.md for the measured overhead).
Only plain data crosses back (sheets of str/float/int/bool/date values and
``Problem`` records), through an unpickler that accepts nothing else.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from corridor_app.io.errors import LoadError
from corridor_app.io.grid import RawSheet
from corridor_app.model.workbook import Workbook

LOAD_TIMEOUT_S = 10.0
LOAD_MEMORY_BYTES = 1024**3

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); from corridor_app.io._child import main; sys.exit(main(sys.argv[2:]))"
)
_ALLOWED = {
    ("corridor_app.io.grid", "RawSheet"),
    ("corridor_app.model.errors", "Problem"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}


@dataclass(frozen=True)
class IsolatedRead:
    """The raw sheets a child read, with what it cost: wall time and the child's peak memory."""

    sheets: list[RawSheet]
    seconds: float
    peak_bytes: int


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"unexpected {module}.{name} from the reader process")
        return super().find_class(module, name)


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


def read_sheets_isolated(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOAD_TIMEOUT_S,
    memory: int = LOAD_MEMORY_BYTES,
    deadline: float | None = None,
) -> IsolatedRead:
    """Preflight and parse ``path`` in a limited child process; return its raw sheets.

    Raises
    ------
    LoadError
        The file was refused, the child ran out of time or memory, or it crashed.
    """
    path = os.fspath(path)
    started = time.monotonic()
    end = deadline if deadline is not None else started + timeout
    remaining = end - started
    if remaining <= 0:
        raise LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped")
    cmd = [sys.executable, "-I", "-c", _BOOTSTRAP, _PACKAGE_ROOT, path, str(memory), str(int(remaining) + 1)]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "LANG")}
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    except OSError as exc:
        raise LoadError(path, f"the reader process could not be started ({exc.strerror})") from None
    try:
        out, err = proc.communicate(timeout=remaining)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped") from None
    seconds = time.monotonic() - started
    answer = _answer(out)
    if answer is None:
        raise _failure(path, proc.returncode, err, memory, timeout)
    status, payload, peak_kib = answer
    if status == "memory":
        raise LoadError(path, f"reading the file needed more than {_mib(memory)} of memory and was stopped")
    if status == "error":
        assert isinstance(payload, dict)
        raise LoadError(path, **payload)
    assert isinstance(payload, list)
    return IsolatedRead(payload, seconds, int(peak_kib) * 1024)


def _answer(out: bytes) -> tuple[str, object, int] | None:
    if not out:
        return None
    try:
        answer = _PlainUnpickler(io.BytesIO(out)).load()
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
    if not (isinstance(answer, tuple) and len(answer) == 3 and answer[0] in ("ok", "error", "memory")):
        return None
    if answer[0] == "ok" and not all(isinstance(s, RawSheet) for s in answer[1]):
        return None
    return answer  # type: ignore[no-any-return]


def _failure(path: str, code: int, err: bytes, memory: int, timeout: float) -> LoadError:
    text = err.decode("utf-8", "replace")
    if "memory allocation of" in text or "MemoryError" in text or "Cannot allocate memory" in text:
        return LoadError(path, f"reading the file needed more than {_mib(memory)} of memory and was stopped")
    if code in (-getattr(signal, "SIGXCPU", 24), -signal.SIGKILL) and "panicked" not in text:
        return LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped")
    how = f"signal {-code}" if code < 0 else f"exit code {code}"
    return LoadError(path, f"the reader crashed on this file ({how}); the file is probably damaged")


def _mib(n: int) -> str:
    return f"{n / 1024**3:g} GiB" if n >= 1024**3 else f"{n // 1024**2} MiB"


def load_workbook_isolated(
    path: str | os.PathLike[str],
    *,
    timeout: float = LOAD_TIMEOUT_S,
    memory: int = LOAD_MEMORY_BYTES,
    deadline: float | None = None,
) -> Workbook:
    """Load ``path`` without risk to this process: at most ``timeout`` seconds and ``memory`` bytes.

    ``deadline`` (a ``time.monotonic()`` value) overrides ``timeout`` when the
    count must start earlier, e.g. at the command's start.

    Raises
    ------
    LoadError
        The file cannot be loaded; the message says why in plain words.
    """
    from corridor_app.io.loader import build_workbook

    read = read_sheets_isolated(path, timeout=timeout, memory=memory, deadline=deadline)
    return build_workbook(os.fspath(path), read.sheets)


__all__ = ["LOAD_MEMORY_BYTES", "LOAD_TIMEOUT_S", "IsolatedRead", "load_workbook_isolated", "read_sheets_isolated"]
_ = dt  # datetime values are among the allowed payload types
