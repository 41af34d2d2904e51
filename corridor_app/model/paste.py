"""Turning a pasted block of text into one ``SetCells`` edit, or refusing it whole.

A block copied from Excel or LibreOffice arrives as rows of cell texts. Each text
is parsed for its target column (``13,2`` and ``1 234,5`` are numbers); a block
that does not fit the table or holds one bad value is refused as a whole, with
the first bad cell named, so a paste is never half-applied.
"""

from __future__ import annotations

from collections.abc import Sequence

from corridor_app.model.edits import SetCells
from corridor_app.model.errors import ParseError
from corridor_app.model.ranges import bound_cells, range_errors
from corridor_app.model.schema import Value, parse_cell
from corridor_app.model.workbook import Workbook


class PasteError(ParseError):
    """A paste that cannot be applied; nothing was changed."""


def build_paste(
    workbook: Workbook,
    table_key: str,
    target_rows: Sequence[int],
    first_column: int,
    block: Sequence[Sequence[str]],
) -> SetCells:
    """The edit that writes ``block`` into ``table_key``.

    Parameters
    ----------
    target_rows
        Table rows that receive the block's rows, in order (the visible rows of
        a sorted or filtered view, mapped to the table). A single-cell block is
        repeated over all of them.
    first_column
        Column index of the block's first column.

    Raises
    ------
    PasteError
        The block does not fit, or a value cannot be parsed; names the first bad cell.
    """
    table = workbook.table(table_key)
    keys = table.keys
    if not block or not any(block):
        raise PasteError("the clipboard holds no cells")
    width = max(len(r) for r in block)
    if first_column + width > len(keys):
        raise PasteError(
            f"the paste is {width} columns wide but only {len(keys) - first_column} columns remain "
            f"from {table.label(keys[first_column])}"
        )
    rows = list(block)
    if len(rows) == 1 and width == 1 and len(target_rows) > 1:
        rows = [rows[0]] * len(target_rows)
    if len(rows) > len(target_rows):
        raise PasteError(
            f"the paste has {len(rows)} rows but only {len(target_rows)} rows remain below the current cell; "
            "insert rows first"
        )
    cells: list[tuple[int, str, Value]] = []
    for i, texts in enumerate(rows):
        row = target_rows[i]
        written: dict[str, Value] = {}
        for j, text in enumerate(texts):
            key = keys[first_column + j]
            spec = table.column_spec(key)
            try:
                value, quantity = parse_cell(spec, text.strip())
            except ParseError as exc:
                raise PasteError(
                    f"paste refused: row {row + 1}, {spec.label}: {exc.message}; nothing was changed"
                ) from None
            # A bound pasted into a figure ("over 38", "12–14") writes its Low/High too (issue 18).
            written.update({key: value, **bound_cells(spec, quantity)})
        for key, message in range_errors(table.spec, {**table.record(row), **written}):
            raise PasteError(f"paste refused: row {row + 1}, {table.label(key)}: {message}; nothing was changed")
        cells.extend((row, key, value) for key, value in written.items())
    return SetCells(table_key, tuple(cells))
