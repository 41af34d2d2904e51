"""The Session: the Qt-free owner of the workbook, its history, the view state and the open file.

``open_session(path)`` (also ``corridor_app.open``) loads a file the way the window
does (isolated and checked) and returns a ``Session``; see docs/API.md.
"""

from __future__ import annotations

import os

from corridor_app.session.files import OpenFile, SavePolicy, policy_for
from corridor_app.session.session import Session

__all__ = ["OpenFile", "SavePolicy", "Session", "open_session", "policy_for"]


def open_session(path: str | os.PathLike[str]) -> Session:
    """Load ``path`` in the limited child process the window uses and return a Session over it.

    Raises ``LoadError`` naming file, sheet, row and column when the file cannot be read.
    """
    from corridor_app.bundled import default_dataset
    from corridor_app.io.loading.isolated import load_workbook_isolated

    target = os.fspath(path)
    workbook = load_workbook_isolated(target)
    template = os.path.abspath(target) == os.path.abspath(default_dataset())
    return Session(workbook, OpenFile(target, policy_for(target, template=template)))
