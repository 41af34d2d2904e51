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
    """``answer`` as bytes, long object columns in pieces."""
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
        [
            pickle.dumps(column[i : i + CHUNK_ROWS].tolist(), protocol=pickle.HIGHEST_PROTOCOL)
            for i in range(0, len(column), CHUNK_ROWS)
        ]
        for column in columns
    ]
    return pickle.dumps((main.getvalue(), pieces), protocol=pickle.HIGHEST_PROTOCOL)


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes, unpickler: Unpickling) -> object:
    """The answer ``dumps`` made; every pickle in it goes through ``unpickler``.

    Raises ``pickle.UnpicklingError`` (or what the unpickler raises) when the bytes are not such an answer.
    """
    outer = unpickler(data).load()
    if not (isinstance(outer, tuple) and len(outer) == 2 and isinstance(outer[0], bytes)):
        raise pickle.UnpicklingError("not an answer of the reader process")
    main, pieces = outer
    if not (isinstance(pieces, list) and all(isinstance(p, list) for p in pieces)):
        raise pickle.UnpicklingError("not an answer of the reader process")
    columns = []
    for parts in pieces:
        cells = []
        for part in parts:  # one short call each: other threads run in between
            chunk = unpickler(part).load() if isinstance(part, bytes) else None
            if not isinstance(chunk, list):
                raise pickle.UnpicklingError("a column piece of the reader process is not a list")
            cells.append(chunk)
        column = np.empty(sum(len(c) for c in cells), dtype=object)
        at = 0
        for chunk in cells:
            column[at : at + len(chunk)] = chunk
            at += len(chunk)
        columns.append(column)
    reader = unpickler(main)

    def persistent_load(pid: object) -> np.ndarray:
        if not (isinstance(pid, int) and 0 <= pid < len(columns)):
            raise pickle.UnpicklingError("the reader process referred to a column it did not send")
        return columns[pid]

    reader.persistent_load = persistent_load  # type: ignore[method-assign]
    return reader.load()
