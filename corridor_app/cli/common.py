"""What the headless commands share: exit codes, the isolated load, and the flags that say how to read a file."""

from __future__ import annotations

import argparse

from corridor_app.io.loading.mapping import ColumnMapping
from corridor_app.model.workbook import Workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def add_mapping_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of a ``ColumnMapping`` (issue 17): for files whose headers the app does not know."""
    group = parser.add_argument_group("reading a table with unknown headers")
    group.add_argument("--sheet", metavar="NAME", help="the sheet that holds the table")
    group.add_argument("--header-row", type=_row_number, metavar="N", help="the row of the headers (1 = first)")
    for role in ("country", "amount", "unit", "source", "corridor"):
        group.add_argument(
            f"--{role}-column", metavar="NAME", help=f"the column of the {role}: its header, or its letter (B)"
        )
    group.add_argument("--encoding", metavar="NAME", help="the text encoding of a CSV (utf-8, cp1251, koi8-r, cp1252)")


def mapping_from(args: argparse.Namespace) -> ColumnMapping | None:
    """The ``ColumnMapping`` the flags describe, or None when none was given."""
    mapping = ColumnMapping(
        sheet=getattr(args, "sheet", None),
        header_row=getattr(args, "header_row", None),
        country=getattr(args, "country_column", None),
        amount=getattr(args, "amount_column", None),
        unit=getattr(args, "unit_column", None),
        source=getattr(args, "source_column", None),
        corridor=getattr(args, "corridor_column", None),
        encoding=getattr(args, "encoding", None),
    )
    return None if mapping.is_empty else mapping


def _row_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a row number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("rows are numbered from 1")
    return value


def load(path: str, mapping: ColumnMapping | None = None) -> Workbook:
    """Load in a limited child process; the 10 s budget counts from this command's start."""
    return load_with_encoding(path, mapping)[0]


def load_with_encoding(path: str, mapping: ColumnMapping | None = None) -> tuple[Workbook, str]:
    """``load``, and the text encoding a CSV was read with ("" for a spreadsheet)."""
    from corridor_app.io.loading.isolated import deadline_from_process_start, load_isolated

    loaded = load_isolated(path, deadline=deadline_from_process_start(), mapping=mapping)
    return loaded.workbook, loaded.encoding
