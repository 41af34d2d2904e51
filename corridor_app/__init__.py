"""corridor_app: compare how much each country puts into an investment corridor.

For scripts and notebooks: ``s = corridor_app.open("figures.xlsx")`` returns a Session
(docs/API.md): tables as DataFrames, edits with undo, reconciliation, scenarios, the report.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from corridor_app.session import Session


def open(path: str | os.PathLike[str]) -> Session:
    """Load ``path`` (xlsx, ods, xls, xlsb, csv), checked and isolated like the window's Open, as a Session."""
    from corridor_app.session import open_session

    return open_session(path)
