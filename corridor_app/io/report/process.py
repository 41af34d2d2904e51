"""``export_report`` in a child process, so a large export never holds the window's interpreter.

openpyxl builds the report as millions of Python objects; on a thread of the
window's process that work (and the garbage collector walking it) takes the
interpreter lock for long stretches, and the window stutters. In a child
process it only competes for a CPU core. The parent streams progress lines,
forwards Cancel, and turns the child's answer back into the same outcomes as
the in-process call: return, ``ExportCancelled`` or ``SaveError``.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corridor_app.io import transfer
from corridor_app.io.errors import ExportCancelled, SaveError
from corridor_app.io.report.export import Cancelled, Progress
from corridor_app.io.report.options import ReportOptions
from corridor_app.model.workbook import Workbook

if TYPE_CHECKING:  # openpyxl is imported by the export, not by the window that starts it
    from corridor_app.io.report.export import Cancelled, Progress

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from corridor_app.io.report.process import child_main; sys.exit(child_main())"
)


def export_report_in_child(
    workbook: Workbook,
    path: str | os.PathLike[str],
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    images: Mapping[str, bytes] | None = None,
) -> None:
    """Like ``io.report.export_report``, run in a child process; blocks until it is done.

    ``workbook`` is pickled to the child (without its subscribers); pass a
    snapshot when the user may edit meanwhile.

    Raises
    ------
    ExportCancelled
        ``cancelled()`` became true; the previous file is unchanged.
    SaveError
        The report could not be written, or the child stopped; the previous file is unchanged.
    """
    ExportJob(workbook, path, options).run(progress, cancelled, images)


class ExportJob:
    """One export for the child: pickled a piece at a time with ``step()``, then ``run()``.

    The window calls ``step()`` once per event-loop turn, so pickling a million rows never
    holds it (on a worker thread the same pickling froze the window for 0.3 s: its every
    Python call waited for the worker's). ``run()`` then only writes bytes and waits for the
    child, which leaves the interpreter free; it pickles whatever ``step()`` has not.

    The child computes everything the report shows from the workbook and ``options`` (the
    scenarios too), so the window does not sum a million rows per scenario. The workbook must
    not change until ``run()`` has returned: pass a snapshot.

    ``scenario_names`` and ``scenario_corridor`` are the window's older spelling of
    ``ReportOptions(scenarios=..., corridor=...)``, kept until the window passes options.
    """

    def __init__(
        self,
        workbook: Workbook,
        path: str | os.PathLike[str],
        options: ReportOptions | None = None,
    ) -> None:
        self.target = os.fspath(path)
        self.options = options = options or ReportOptions()
        self._builder = transfer.PartsBuilder((workbook, self.target, options))

    @property
    def done(self) -> bool:
        """True when everything is pickled (``run()`` has nothing left to pickle)."""
        return self._builder.done

    def step(self) -> bool:
        """Pickle one more part (a few milliseconds); True when done."""
        return self._builder.step()

    def run(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        images: Mapping[str, bytes] | None = None,
    ) -> None:
        """Write the job, run the child and wait for it; raises as ``export_report_in_child`` does."""
        if cancelled is not None and cancelled():
            raise ExportCancelled(self.target)  # cancelled before it began: no process, nothing written
        while not self._builder.step():
            if cancelled is not None and cancelled():
                raise ExportCancelled(self.target)
        # The job goes through a private temporary file, not the pipe: pushing 100 MB through a 64 KB pipe
        # took the interpreter back and forth a thousand times and kept the window from painting.
        parts = self._builder.parts()
        size = sum(len(part) for part in parts)
        job = ""
        try:
            handle, job = tempfile.mkstemp(prefix="corridor-export-", suffix=".job")
            with os.fdopen(handle, "wb") as fh:
                for part in parts:  # part by part: one write of the whole would copy it first
                    fh.write(part)
                del parts
                fh.write(pickle.dumps(dict(images or {}), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            if job:
                Path(job).unlink(missing_ok=True)
            reason = exc.strerror or str(exc)
            raise SaveError(
                self.target, f"the export could not be prepared in the temporary folder ({reason}); nothing was changed"
            ) from None
        try:
            _run_child(f"{size} {job}", self.target, progress, cancelled)
        finally:
            Path(job).unlink(missing_ok=True)


def _run_child(job: str, target: str, progress: Progress | None, cancelled: Cancelled | None) -> None:
    started = time.time()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, _PACKAGE_ROOT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise SaveError(target, f"the export process could not be started ({exc.strerror})") from None
    with proc:  # closes the pipes and waits for the child, whatever happens
        assert proc.stdin is not None and proc.stdout is not None
        answer = ""
        if _send(proc, job.encode("utf-8") + b"\n"):
            cancel_sent = False
            for raw in proc.stdout:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                kind, _, rest = line.partition(" ")
                if kind == "P" and progress is not None:
                    fraction, _, message = rest.partition(" ")
                    progress(float(fraction), message)
                elif kind in ("OK", "CANCELLED", "SAVEERROR", "ERROR"):
                    answer = line
                if cancelled is not None and cancelled() and not cancel_sent:
                    cancel_sent = _send(proc, b"cancel\n")
        _send(proc, b"")
        err = proc.stderr.read() if proc.stderr is not None else b""
    kind, _, rest = answer.partition(" ")
    if kind == "OK":
        return
    if kind == "CANCELLED":
        raise ExportCancelled(target)
    if kind == "SAVEERROR":
        raise SaveError(target, json.loads(rest))
    _remove_stale_temporaries(target, started)
    if kind == "ERROR":
        raise SaveError(target, f"the report could not be built ({json.loads(rest)}); the previous file is unchanged")
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
    raise SaveError(target, f"the export process stopped ({last[0][:200]}); the previous file is unchanged")


def _send(proc: subprocess.Popen[bytes], data: bytes) -> bool:
    try:
        assert proc.stdin is not None
        if data:
            proc.stdin.write(data)
            proc.stdin.flush()
        else:
            proc.stdin.close()
    except (BrokenPipeError, OSError, ValueError):
        return False
    return True


def _remove_stale_temporaries(target: str, since: float) -> None:
    """A child that died mid-write leaves its temporary file beside the target: remove it."""
    folder = Path(target).parent
    for tmp in folder.glob(f".{Path(target).name}.*.tmp"):
        try:
            if tmp.stat().st_mtime >= since - 1:
                tmp.unlink()
        except OSError:
            continue


def _yield_cpu() -> None:
    """Run below the window's priority: on a 2-core laptop the export must not starve the window's thread."""
    try:
        os.nice(5)
    except (AttributeError, OSError):  # Windows, or not allowed: run as is
        pass


def child_main() -> int:
    """The child: read the pickled job from stdin, export, print progress and one answer line."""
    import threading

    _yield_cpu()

    from corridor_app.io.report.export import export_report

    stdin = sys.stdin.buffer
    size, _, name = stdin.readline().decode("utf-8").rstrip("\n").partition(" ")
    data = memoryview(Path(name).read_bytes())  # the job file the app wrote: the workbook's parts, then the images
    job: Any = transfer.loads(data[: int(size)], lambda part: pickle.Unpickler(io.BytesIO(part)))
    images = pickle.loads(data[int(size) :])
    del data
    workbook, target, options = job
    stop = threading.Event()

    def listen() -> None:
        for line in stdin:
            if line.strip() == b"cancel":
                stop.set()
                return

    threading.Thread(target=listen, daemon=True).start()
    out = sys.stdout

    def progress(fraction: float, message: str) -> None:
        out.write(f"P {fraction:.4f} {message.replace(chr(10), ' ')}\n")
        out.flush()

    try:
        export_report(workbook, target, options, progress, stop.is_set, images or None)
    except ExportCancelled:
        out.write("CANCELLED\n")
    except SaveError as exc:
        out.write(f"SAVEERROR {json.dumps(exc.message)}\n")
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        out.write(f"ERROR {json.dumps(f'{type(exc).__name__}: {exc}')}\n")
    else:
        out.write("OK\n")
    out.flush()
    return 0
