"""Turning a pasted block of text into one ``SetCells`` edit, or refusing it whole.

A block copied from Excel or LibreOffice arrives as rows of cell texts. It lands
as a spreadsheet lands it (issue 14): a block covers as many rows and columns as
it has, starting at the current cell, and never more; a single value fills the
selected cells when several are selected, and only those; a block whose size
divides a selected rectangle is repeated over it. Each text is parsed for its
target column (``13,2`` and ``1 234,5`` are numbers); a block that does not fit
or holds one bad value is refused as a whole, with the reason or the first bad
cell named, so a paste is never half-applied.
"""

from __future__ import annotations

from collections.abc import Sequence

from corridor_app.model.columns import ColumnSpec
from corridor_app.model.edits import SetCells
from corridor_app.model.errors import ParseError
from corridor_app.model.numbers import Quantity
from corridor_app.model.ranges import bound_cells, range_errors
from corridor_app.model.schema import Value, parse_cell
from corridor_app.model.table import Table
from corridor_app.model.workbook import Workbook

Block = Sequence[Sequence[str]]
Parsed = dict[str, tuple[Value, Quantity | None]]  # a row's cells as parsed, by column key


class PasteError(ParseError):
    """A paste that cannot be applied; nothing was changed."""


def paste_name(n_cells: int) -> str:
    """The undo step's name: "Paste 1 cell", "Paste 6 cells"."""
    return f"Paste {n_cells} cell{'s' if n_cells != 1 else ''}"


def block_size(block: Block) -> tuple[int, int]:
    """Rows and columns of ``block`` (its widest row); raises ``PasteError`` for an empty block."""
    if not block or not any(block):
        raise PasteError("the clipboard holds no cells")
    return len(block), max(len(r) for r in block)


def is_single_value(block: Block) -> bool:
    return len(block) == 1 and len(block[0]) == 1


def tile(block: Block, n_rows: int, n_cols: int) -> list[list[str]] | None:
    """``block`` repeated to fill ``n_rows`` x ``n_cols``, or None unless its size divides that rectangle.

    Excel repeats a copied block over a selection that is a whole multiple of it;
    any other selection gets the block once, at its first cell.
    """
    height, width = block_size(block)
    if n_rows % height or n_cols % width or (n_rows, n_cols) == (height, width):
        return None
    padded = [list(r) + [""] * (width - len(r)) for r in block]
    return [[padded[i % height][j % width] for j in range(n_cols)] for i in range(n_rows)]


def _parse(spec: ColumnSpec, text: str, row: int) -> tuple[Value, Quantity | None]:
    try:
        return parse_cell(spec, text.strip())
    except ParseError as exc:
        raise PasteError(f"paste refused: row {row + 1}, {spec.label}: {exc.message}; nothing was changed") from None


def _row_cells(
    table: Table, row: int, parsed: dict[str, tuple[Value, Quantity | None]]
) -> list[tuple[int, str, Value]]:
    """One row's cells; a bound pasted into a figure ("over 38", "12–14") writes its Low/High too (issue 18)."""
    written: dict[str, Value] = {}
    for key, (value, quantity) in parsed.items():
        written.update({key: value, **bound_cells(table.column_spec(key), quantity)})
    for key, message in range_errors(table.spec, {**table.record(row), **written}):
        raise PasteError(f"paste refused: row {row + 1}, {table.label(key)}: {message}; nothing was changed")
    return [(row, key, value) for key, value in written.items()]


def build_paste(
    workbook: Workbook,
    table_key: str,
    target_rows: Sequence[int],
    first_column: int,
    block: Block,
    *,
    rows_left: int | None = None,
) -> SetCells:
    """The edit that writes ``block`` into ``table_key``, one block row per target row.

    Parameters
    ----------
    target_rows
        Table rows that receive the block's rows, in order (the rows of a sorted or
        filtered view from the current one down, mapped to the table). Rows beyond
        the block's height are not touched.
    first_column
        Column index of the block's first column.
    rows_left
        How many rows the view has from the current one down (defaults to
        ``len(target_rows)``), to say how short the table is.

    Raises
    ------
    PasteError
        The block does not fit, or a value cannot be parsed; names the reason or the first bad cell.
    """
    table = workbook.table(table_key)
    keys = table.keys
    height, width = block_size(block)
    if first_column + width > len(keys):
        raise PasteError(
            f"paste refused: the block is {width} columns wide but only {len(keys) - first_column} columns "
            f"remain from {table.label(keys[first_column])}; nothing was changed"
        )
    available = len(target_rows) if rows_left is None else rows_left
    if height > len(target_rows):
        raise PasteError(
            f"paste refused: the block has {height} rows but only {available} "
            f"{'rows remain' if available != 1 else 'row remains'} from the current cell down; "
            "insert rows first; nothing was changed"
        )
    cells: list[tuple[int, str, Value]] = []
    for texts, row in zip(block, target_rows, strict=False):
        parsed = {}
        for j, text in enumerate(texts):
            key = keys[first_column + j]
            parsed[key] = _parse(table.column_spec(key), text, row)
        cells.extend(_row_cells(table, row, parsed))
    return SetCells(table_key, tuple(cells), name=paste_name(len(cells)))


def build_fill(workbook: Workbook, table_key: str, targets: Sequence[tuple[int, int]], text: str) -> SetCells:
    """The edit that writes one pasted value into each of ``targets`` (table row, column index), only those.

    Raises
    ------
    PasteError
        The value does not fit one of the columns; names the first such cell.
    """
    table = workbook.table(table_key)
    keys = table.keys
    by_row: dict[int, Parsed] = {}
    for row, column in sorted(targets):
        by_row.setdefault(row, {})[keys[column]] = _parse(table.column_spec(keys[column]), text, row)
    cells = [cell for row, parsed in by_row.items() for cell in _row_cells(table, row, parsed)]
    if not cells:
        raise PasteError("select the cells the value should go to")
    return SetCells(table_key, tuple(cells), name=paste_name(len(cells)))
