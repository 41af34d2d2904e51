"""xlsx, xlsm, xlsb, xls and ods through python-calamine (fast, and no XML DOM).

Chart sheets are skipped; every worksheet comes back as a ``RawSheet`` whose
offsets keep real row and column numbers. Any failure of the parser, including
the Rust panics that derive from ``BaseException``, becomes a ``LoadError``.

Reading is two halves: calamine parses each worksheet into its own cells
without holding the interpreter (``_parse``), then the cells become Python
values (``_finish``, which holds it). ``ParseAhead`` runs the first half on a
thread, so the loading child (io/loading/_child.py) parses while the preflight
scans the same file; nothing it parsed is used unless the preflight passes.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast

import python_calamine as calamine

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.formats import PROTECTED, format_name, reader_detail, resave_advice
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.xmlscan import MAX_BOX_CELLS

Parts = Iterable[tuple[str, "calamine.CalamineSheet | BaseException"]]


@dataclass
class _Parsed:
    """The parser's half: the book's failure, or each worksheet's cells (or the sheet's failure) by name."""

    failure: BaseException | None = None
    sheets: Parts = ()


def _parse(path: str) -> _Parsed:
    """Open ``path``; its worksheets are parsed as ``sheets`` is walked (calamine lets other threads run)."""
    try:
        book = calamine.CalamineWorkbook.from_path(path)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine panics derive from BaseException
        return _Parsed(failure=exc)
    return _Parsed(sheets=_each_sheet(book))


def _each_sheet(book: calamine.CalamineWorkbook) -> Iterator[tuple[str, calamine.CalamineSheet | BaseException]]:
    for meta in book.sheets_metadata:
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        try:
            yield meta.name, book.get_sheet_by_name(meta.name)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001
            yield meta.name, exc
            return  # the first unreadable sheet refuses the file, as a reading in order does


def _finish(path: str, kind: str, parsed: _Parsed) -> list[RawSheet]:
    """The parsed worksheets as raw values, or the ``LoadError`` the first failure means."""
    if parsed.failure is not None:
        if isinstance(parsed.failure, calamine.PasswordError):
            raise LoadError(path, PROTECTED)
        raise LoadError(
            path,
            f"the file is damaged or not in the {format_name(kind)} format; {resave_advice(kind)}",
            detail=reader_detail(parsed.failure),
        )
    sheets = []
    for name, sheet in parsed.sheets:  # each parsed sheet is let go once its rows are made (del below)
        try:
            if isinstance(sheet, BaseException):
                raise sheet
            if sheet.height * sheet.width > MAX_BOX_CELLS:
                raise LoadError(
                    path,
                    f"the sheet spans {sheet.height:,} rows x {sheet.width:,} columns, "
                    f"more than {MAX_BOX_CELLS:,} cells",
                    sheet=name,
                )
            start = sheet.start or (0, 0)
            # Row by row rather than one to_python call: a worker thread loading a million rows
            # then lets the GUI thread run between rows instead of holding the GIL for seconds.
            # iter_rows starts at row 0 (columns at the data's first), so the rows above are dropped.
            rows = list(itertools.islice(sheet.iter_rows(), start[0], None))
        except LoadError:
            raise
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001
            raise LoadError(
                path,
                f"the sheet cannot be read: it is damaged or uses something this app does not know; "
                f"{resave_advice(kind)}",
                sheet=name,
                detail=reader_detail(exc),
            ) from None
        del sheet  # calamine's own copy of the cells: freed before the next sheet and the build
        # iter_rows already gives a fresh list per row: no copy (a million rows cost 0.2 s to copy).
        cells = cast(list[list[object]], rows)
        sheets.append(RawSheet(name, cells, first_row=start[0] + 1, first_col=start[1]))
    return sheets


def read_spreadsheet(path: str, kind: str = "xlsx") -> list[RawSheet]:
    """Read every worksheet of a spreadsheet file of ``kind`` (the preflight's name for its format)."""
    return _finish(path, kind, _parse(path))


def _drained(parts: list[tuple[str, calamine.CalamineSheet | BaseException]]) -> Parts:
    """``parts`` one by one, each dropped from the list as it is handed out (so it can be freed)."""
    parts.reverse()
    while parts:
        yield parts.pop()


class ParseAhead:
    """Parse the worksheets of ``path`` on a thread; ``sheets(kind)`` waits for them and finishes the read.

    Only for a process that can be ended without waiting for the thread (the loading child): a
    parse the preflight refuses is never joined, and the process exits with it still running.
    """

    def __init__(self, path: str) -> None:
        self._path = path
        self._failure: BaseException | None = None
        self._parts: list[tuple[str, calamine.CalamineSheet | BaseException]] = []
        self._thread = threading.Thread(target=self._run, name="parse-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            parsed = _parse(self._path)
            self._failure = parsed.failure
            self._parts = list(parsed.sheets)  # every sheet parsed, here on the thread
        except BaseException as exc:  # noqa: BLE001 - anything the parser raises is the read's failure
            self._failure = exc

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def sheets(self, kind: str) -> list[RawSheet]:
        """The worksheets as ``read_spreadsheet`` gives them, once the parse has ended."""
        self._thread.join()
        parts, self._parts = self._parts, []
        return _finish(self._path, kind, _Parsed(self._failure, _drained(parts)))
