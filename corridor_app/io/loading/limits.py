"""What the preflight allows a spreadsheet package (io/loading/preflight.py), in one place.

Also read by ``budget.ahead_budget``, which must stay light to import: the loading child starts
its parse ahead before it imports the preflight and NumPy.
"""

from __future__ import annotations

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_INFLATED_BYTES = 2 * 1024**3
MAX_RATIO = 200  # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024


def inflates_too_much(inflated: int, packed: int) -> bool:
    """A part above ``RATIO_FLOOR`` that inflates more than ``MAX_RATIO`` times its packed size: a zip bomb."""
    return inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(packed, 1)
