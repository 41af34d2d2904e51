"""What the headless commands share: exit codes and the isolated load."""

from __future__ import annotations

from corridor_app.model.workbook import Workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def load(path: str) -> Workbook:
    """Load in a limited child process; the 10 s budget counts from this command's start."""
    from corridor_app.io.loading.isolated import deadline_from_process_start, load_workbook_isolated

    return load_workbook_isolated(path, deadline=deadline_from_process_start())
