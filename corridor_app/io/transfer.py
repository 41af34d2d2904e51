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
    builder = PartsBuilder(answer)
    while not builder.step():
        pass
    return builder.parts()


class PartsBuilder:
    """``dump_parts`` one short call at a time: ``step()`` until it returns True, then ``parts()``.

    A thread that pickles a million-row workbook holds the interpreter for most of a
    second; the window's thread, waiting for it at every Python call of a repaint, froze
    for 0.3 s (issue 7). The window calls ``step()`` once per event-loop turn instead:
    the first step pickles everything but the long text columns (numbers are copied as
    whole buffers), each later step one piece of ``CHUNK_ROWS`` cells.
    """

    def __init__(self, answer: object) -> None:
        self._answer: object = answer
        self._columns: list[np.ndarray] = []
        self._main: bytes | None = None
        self._pieces: list[list[bytes]] = []
        self._next = (0, 0)  # column number, first row of the next piece

    @property
    def done(self) -> bool:
        return self._main is not None and self._next[0] >= len(self._columns)

    def step(self) -> bool:
        """Pickle the next part; True when there is nothing left to pickle."""
        if self._main is None:
            self._main = self._pickle_main()
            self._pieces = [[] for _ in self._columns]
            self._answer = None
            return self.done
        if not self.done:
            number, start = self._next
            column = self._columns[number]
            self._pieces[number].append(_dumps(column[start : start + CHUNK_ROWS].tolist()))
            start += CHUNK_ROWS
            self._next = (number, start) if start < len(column) else (number + 1, 0)
        return self.done

    def parts(self) -> list[bytes]:
        """The byte strings to write one after the other, once ``step()`` has returned True.

        They are handed over: the builder keeps no reference, so they go once the caller drops them.
        """
        if self._main is None or not self.done:
            raise RuntimeError("the answer is not pickled yet")
        parts = [_dumps([len(p) for p in self._pieces]), self._main, *(p for column in self._pieces for p in column)]
        self._main, self._pieces, self._columns = b"", [], []
        lengths = b"".join(len(p).to_bytes(8, "big") for p in parts)
        return [len(parts).to_bytes(8, "big"), lengths, *parts]

    def _pickle_main(self) -> bytes:
        columns = self._columns
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
        _Pickler(main, protocol=pickle.HIGHEST_PROTOCOL).dump(self._answer)
        return main.getvalue()


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _split(data: bytes | bytearray | memoryview) -> list[memoryview]:
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


def loads(data: bytes | bytearray | memoryview, unpickler: Unpickling) -> object:
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
