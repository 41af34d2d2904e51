"""The open file and what Save does with it."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

IN_PLACE_SUFFIXES = frozenset({".xlsx", ".xlsm"})


class SavePolicy(enum.Enum):
    """What Save does with the open file."""

    IN_PLACE = "in place"  # .xlsx/.xlsm: updated, keeping the sheets and formatting the app does not own
    NEW_FILE = "new file"  # another format (csv, ods, xls...): Save asks for a new .xlsx
    TEMPLATE = "template"  # the bundled dataset: Save asks for a new file; the installed copy stays as shipped
    READ_ONLY = "read-only"  # a file this user cannot write: Save asks for a new file


def policy_for(path: str | None, *, template: bool = False) -> SavePolicy:
    """The save policy of a file opened from ``path``."""
    if template:
        return SavePolicy.TEMPLATE
    if not path or Path(path).suffix.lower() not in IN_PLACE_SUFFIXES:
        return SavePolicy.NEW_FILE
    if Path(path).exists() and not os.access(path, os.W_OK):
        return SavePolicy.READ_ONLY
    return SavePolicy.IN_PLACE


@dataclass(frozen=True)
class OpenFile:
    """The file the workbook came from (None for a new workbook) and what Save does with it."""

    path: str | None = None
    policy: SavePolicy = SavePolicy.NEW_FILE
    title: str = ""  # what the window's title calls it; the file's name by default

    @property
    def name(self) -> str:
        return self.title or (Path(self.path).name if self.path else "untitled")

    @property
    def saves_in_place(self) -> bool:
        return self.policy is SavePolicy.IN_PLACE and self.path is not None

    @property
    def journalled(self) -> bool:
        """Edits go to an autosave journal beside the file (not for the bundled template)."""
        return self.path is not None and self.policy is not SavePolicy.TEMPLATE
