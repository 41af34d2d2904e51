"""How the loading child hands its answer over: a pickle whose long text columns travel in pieces.

Unpickling is one call that keeps the interpreter to itself; for a workbook of a
million rows it took 0.35 s, during which the window (whose worker thread was
unpickling) could not paint. Here every object column longer than
``CHUNK_ROWS`` is cut out of the main pickle (``persistent_id``) and sent as
pickles of ``CHUNK_ROWS`` cells each, so the receiver unpickles in short calls
and the window paints between them. Numbers and row positions stay in the main
pickle: numpy copies them as whole buffers.

``loads`` takes the unpickler to use (``io/isolated.py`` passes its restricted
one): the answer comes from a process that parsed an untrusted file.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable

import numpy as np

CHUNK_ROWS = 50_000
Unpickling = Callable[[bytes], pickle.Unpickler]


def dumps(answer: object) -> bytes:
    """``answer`` as one bytes object (see ``dump_parts`` for the form)."""
    return b"".join(dump_parts(answer))


def dump_parts(answer: object) -> list[bytes]:
    """``answer`` as a list of byte strings to write one after the other: no copy of the whole.

    The form: the number of parts and their lengths (8 bytes each), then a pickle of how many pieces
    each long column has, the main pickle, and the pieces.
    """
    columns: list[np.ndarray] = []
    sent: dict[int, int] = {}  # id of a column -> its number: a column met twice is sent once

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: object) -> int | None:
            if type(obj) is np.ndarray and obj.dtype == object and obj.ndim == 1 and len(obj) > CHUNK_ROWS:
                if id(obj) not in sent:
                    sent[id(obj)] = len(columns)
                    columns.append(obj)
                return sent[id(obj)]
            return None

    main = io.BytesIO()
    _Pickler(main, protocol=pickle.HIGHEST_PROTOCOL).dump(answer)
    pieces = [
        [_dumps(column[i : i + CHUNK_ROWS].tolist()) for i in range(0, len(column), CHUNK_ROWS)] for column in columns
    ]
    parts = [_dumps([len(p) for p in pieces]), main.getbuffer().tobytes(), *(p for column in pieces for p in column)]
    lengths = b"".join(len(p).to_bytes(8, "big") for p in parts)
    return [len(parts).to_bytes(8, "big"), lengths, *parts]


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _split(data: bytes) -> list[memoryview]:
    view = memoryview(data)
    if len(view) < 8:
        raise pickle.UnpicklingError("not an answer of the reader process")
    count = int.from_bytes(view[:8], "big")
    if not 2 <= count <= len(view) // 8:
        raise pickle.UnpicklingError("not an answer of the reader process")
    at = 8 + 8 * count
    parts = []
    for i in range(count):
        size = int.from_bytes(view[8 + 8 * i : 16 + 8 * i], "big")
        if at + size > len(view):
            raise pickle.UnpicklingError("the answer of the reader process is cut short")
        parts.append(view[at : at + size])
        at += size
    return parts


def loads(data: bytes, unpickler: Unpickling) -> object:
    """The answer ``dumps`` made; every pickle in it goes through ``unpickler``.

    Raises ``pickle.UnpicklingError`` (or what the unpickler raises) when the bytes are not such an answer.
    """
    parts = _split(data)
    counts = unpickler(bytes(parts[0])).load()
    if not (isinstance(counts, list) and all(isinstance(c, int) and c >= 0 for c in counts)):
        raise pickle.UnpicklingError("not an answer of the reader process")
    if sum(counts) != len(parts) - 2:
        raise pickle.UnpicklingError("the answer of the reader process does not add up")
    columns = []
    at = 2
    for count in counts:
        cells = []
        for part in parts[at : at + count]:  # one short call each: other threads run in between
            chunk = unpickler(bytes(part)).load()
            if not isinstance(chunk, list):
                raise pickle.UnpicklingError("a column piece of the reader process is not a list")
            cells.append(chunk)
        at += count
        column = np.empty(sum(len(c) for c in cells), dtype=object)
        offset = 0
        for chunk in cells:
            column[offset : offset + len(chunk)] = chunk
            offset += len(chunk)
        columns.append(column)
    reader = unpickler(bytes(parts[1]))

    def persistent_load(pid: object) -> np.ndarray:
        if not (isinstance(pid, int) and 0 <= pid < len(columns)):
            raise pickle.UnpicklingError("the reader process referred to a column it did not send")
        return columns[pid]

    reader.persistent_load = persistent_load  # type: ignore[method-assign]
    return reader.load()
