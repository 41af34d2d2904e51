"""What comes back from the loading child (io/loading/_child.py): its lines, its answer, its death.

``Channel`` reads the child's ``@`` lines as they come and then the answer's bytes; ``unpickle_answer``
accepts only plain values, numpy arrays and the model's own classes (nothing that can run code);
``failure`` says in plain words what a child that died without answering means.
"""

from __future__ import annotations

import importlib
import io
import logging
import pickle
import signal
import subprocess
import threading
from collections.abc import Callable
from typing import IO, Any

from corridor_app.io.errors import LoadError

log = logging.getLogger("corridor_app.io.loading.isolated")  # one logger for the isolated load

MEMORY_WORDS = "reading the file needed more than"
Progress = Callable[[float, str], None]

ALLOWED = {
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
ALLOWED_NUMPY = {
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.numeric", "_frombuffer"),
}
ALLOWED_FUNCTIONS = {("corridor_app.model.sheets", "table_spec")}


class PlainUnpickler(pickle.Unpickler):
    """Accepts plain data, numpy arrays and classes of ``corridor_app.model`` (when ``model`` is set), nothing else."""

    def __init__(self, data: bytes, model: bool = False) -> None:
        super().__init__(io.BytesIO(data))
        self.model = model

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        if self.model and ((module, name) in ALLOWED_NUMPY or (module, name) in ALLOWED_FUNCTIONS):
            return super().find_class(module, name)
        if self.model and module.startswith("corridor_app.model.") and module.replace(".", "").isidentifier():
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"unexpected {module}.{name} from the reader process")


class Channel:
    """Reads the child's stdout on a thread: its ``@`` lines as they come, then the answer's bytes."""

    def __init__(self, proc: subprocess.Popen[bytes], progress: Progress | None, max_answer: int) -> None:
        self.budget: tuple[float, int] | None = None
        self.ahead = False  # the child parses while its preflight runs
        self.checked = False  # the child's preflight has passed
        self.base_kib = 0
        self.answer: bytes | memoryview = b""
        self._max_answer = max_answer
        self.errors = b""
        self._progress = progress
        self.done = threading.Event()  # the child's stdout has ended, or its answer is read
        self._threads = [
            threading.Thread(target=self._read_out, args=(proc.stdout,), daemon=True),
            threading.Thread(target=self._read_err, args=(proc.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_out(self, pipe: IO[bytes]) -> None:
        try:
            self._read_lines(pipe)
        finally:
            self.done.set()

    def _read_lines(self, pipe: IO[bytes]) -> None:
        while line := pipe.readline(256):
            if line.startswith(b"@answer"):
                self.answer = self._read_answer(pipe, line)
                return
            words = line.split()
            try:
                if words[:1] == [b"@budget"] and self.budget is None:  # only the first: sent before any parser ran
                    self.budget = (float(words[1]), int(words[2]))
                elif words[:1] == [b"@ahead"]:
                    self.ahead = True
                elif words[:1] == [b"@checked"]:
                    self.checked = True
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
        import numpy as np

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


def unpickle_answer(out: bytes | memoryview, *, model: bool = False) -> tuple[str, object, int] | None:
    if not out:
        return None
    try:
        from corridor_app.io.transfer import loads

        answer = loads(out, lambda data: PlainUnpickler(data, model))
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
    if not (isinstance(answer, tuple) and len(answer) == 3 and answer[0] in ("ok", "error", "memory", "again")):
        return None
    if answer[0] == "ok" and not isinstance(answer[1], list) and not is_built(answer[1]):
        return None
    return answer  # type: ignore[no-any-return]


def is_built(payload: object) -> bool:
    """A workbook-mode payload: the workbook and a dict of plain facts about the file."""
    from corridor_app.model.workbook import Workbook

    return (
        isinstance(payload, tuple)
        and len(payload) == 2
        and isinstance(payload[0], Workbook)
        and isinstance(payload[1], dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in payload[1].items())
    )


def death(code: int, err: bytes) -> str:
    """What ended a child that gave no answer: "memory", "time" or "crash" (its exit code and stderr)."""
    text = err.decode("utf-8", "replace")
    lowered = text.lower()
    if any(m in lowered for m in ("memory allocation of", "memoryerror", "cannot allocate memory", "failed to map")):
        return "memory"
    if code in (-getattr(signal, "SIGXCPU", 24), -signal.SIGKILL) and "panicked" not in text:
        return "time"
    return "crash"


def failure(path: str, code: int, err: bytes, memory: int, timeout: float) -> LoadError:
    """The ``LoadError`` that a child ended by ``death`` without an answer means, in plain words."""
    kind = death(code, err)
    if kind == "memory":
        return LoadError(path, f"{MEMORY_WORDS} {mib(memory)} of memory and was stopped")
    if kind == "time":
        return LoadError(path, f"reading the file took longer than {timeout:g} s and was stopped")
    text = err.decode("utf-8", "replace")
    how = f"signal {-code}" if code < 0 else f"exit code {code}"
    log.warning("%s: the reader crashed (%s): %s", path, how, text[-4000:])
    return LoadError(
        path, "the reader crashed on this file; the file is probably damaged", detail=f"{how}: {text[-4000:]}"
    )


def mib(n: int) -> str:
    return f"{n / 1024**3:g} GiB" if n >= 1024**3 else f"{n // 1024**2} MiB"
