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
from dataclasses import dataclass
from pathlib import Path

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.preflight import Preflight

BASE_CELLS = 2_000_000  # what the base budget holds with room to spare
SECONDS_PER_CELL = 4e-6  # parse, check and build: measured 2.3 us a cell (1M x 10, shared 2-core machine)
BYTES_PER_CELL = 120  # the parser's peak: about 95 bytes a cell (calamine), plus the built columns
TEXT_BYTES_PER_CELL = 8  # a CSV's cells are not counted before reading: estimate them from its size
MAX_MEMORY = 16 * 1024**3


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
    cells = weight(path, checked)
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
