"""How much time and memory one load may take: a fixed base, and more for a verified large sheet.

Every load runs under 10 s and 1 GiB (``io/isolated.py``), which is what a
hostile file gets: bombs, far-away cells and billion-laughs XML are refused by
the preflight long before that. A genuine registry of a million rows, though,
takes longer than 10 s to parse on an ordinary laptop and more than 1 GiB in the
parser, so once the preflight has *counted* a sheet's cells (never trusting
what the file says of itself), the load gets a budget in proportion to them,
up to what this computer can spare. A file that needs more is refused, saying
how much it would need.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.limits import MAX_ENTRIES, MAX_FILE_BYTES, MAX_INFLATED_BYTES, inflates_too_much

if TYPE_CHECKING:
    from corridor_app.io.loading.preflight import Preflight

BASE_CELLS = 2_000_000  # what the base budget holds with room to spare
SECONDS_PER_CELL = 4e-6  # parse, check and build: measured 2.3 us a cell (1M x 10, shared 2-core machine)
BYTES_PER_CELL = 120  # the parser's peak: about 95 bytes a cell (calamine), plus the built columns
TEXT_BYTES_PER_CELL = 8  # a CSV's cells are not counted before reading: estimate them from its size
MAX_MEMORY = 16 * 1024**3
# The fewest bytes of worksheet XML a cell takes as spreadsheets write it (<c r="A1"><v>1</v></c> is 22):
# a part's declared size divided by this bounds the cells it can hold.
XML_BYTES_PER_CELL = 20


@dataclass(frozen=True)
class Budget:
    """Seconds and bytes one load may take; ``extra`` when above the base."""

    seconds: float
    memory: int
    extra: bool = False


def memory_ceiling(base_memory: int) -> int:
    """The most one load may take: half of this computer's memory, never less than the base."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not POSIX: stay at the base
        physical = 0
    return max(base_memory, min(MAX_MEMORY, physical // 2))


def seconds_ceiling(base_seconds: float, max_cells: int) -> float:
    """The longest one load may take: the base plus the budget of the largest sheet the preflight admits."""
    return base_seconds + max(0, max_cells - BASE_CELLS) * SECONDS_PER_CELL


def weight(path: str, checked: Preflight) -> int:
    """The cells the load will handle: counted ones, or their bounding box where that is much larger."""
    if checked.kind == "text":
        try:
            return Path(path).stat().st_size // TEXT_BYTES_PER_CELL
        except OSError:
            return 0
    return sum(max(s.cells, s.box // 4) for s in checked.sheets.values())


def load_budget(path: str, checked: Preflight, *, base_seconds: float, base_memory: int) -> Budget:
    """The budget for loading ``path``, which the preflight has checked.

    Raises
    ------
    LoadError
        The sheet is so large that loading it needs more memory than this computer can spare.
    """
    return _for_cells(path, weight(path, checked), base_seconds, base_memory)


def _for_cells(path: str, cells: int, base_seconds: float, base_memory: int) -> Budget:
    extra = max(0, cells - BASE_CELLS)
    if not extra:
        return Budget(base_seconds, base_memory)
    memory = base_memory + extra * BYTES_PER_CELL
    ceiling = memory_ceiling(base_memory)
    if memory > ceiling:
        raise LoadError(
            path,
            f"the file holds about {cells:,} cells; reading it needs about {memory / 1024**3:.1f} GiB of memory, "
            f"more than this computer can spare ({ceiling / 1024**3:.1f} GiB); split it into smaller files",
        )
    return Budget(base_seconds + extra * SECONDS_PER_CELL, memory, True)


def ahead_budget(path: str, *, base_seconds: float, base_memory: int) -> Budget | None:
    """The budget a parse may run under *before* the preflight has counted the cells, or None: do not start one.

    Only an xlsx/xlsm/ods package qualifies, and only by what its zip directory declares: the
    worksheet parts' inflated sizes, each within the preflight's ratio to its packed size (a bomb
    that declares its size is refused before any parse; one that lies gets the base limits, runs out
    of them, and the load is done again in order, preflight first: io/loading/isolated.py). The cells
    are bounded by the declared bytes (``XML_BYTES_PER_CELL``), so the budget is never below the one
    the preflight's count will give; the child narrows it to that once the count is known.
    """
    try:
        if not 0 < os.stat(path).st_size <= MAX_FILE_BYTES:
            return None
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return None
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        return None  # the preflight says what is wrong
    if len(infos) > MAX_ENTRIES:
        return None
    names = {i.filename.casefold() for i in infos}
    if any(n.endswith(".bin") and "worksheets/" in n for n in names):
        return None  # xlsb: binary records, which the XML bound does not hold for
    sheets = [i for i in infos if i.filename.casefold() == "content.xml" or _is_worksheet_xml(i.filename.casefold())]
    if not sheets:
        return None
    declared = 0
    for info in sheets:
        if inflates_too_much(info.file_size, info.compress_size):
            return None
        declared += info.file_size
    if declared > MAX_INFLATED_BYTES:
        return None
    try:
        return _for_cells(path, declared // XML_BYTES_PER_CELL, base_seconds, base_memory)
    except LoadError:
        return None  # more than this computer can spare, if the bound were reached: the count decides


def _is_worksheet_xml(name: str) -> bool:
    return name.endswith(".xml") and "/worksheets/" in f"/{name}" and "/_rels/" not in f"/{name}"
