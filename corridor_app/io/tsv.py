"""Tab-separated text as spreadsheets put it on the clipboard.

Excel and LibreOffice quote a cell that holds a tab, a newline or a quote, and
end the block with a newline; both are handled so a copied range round-trips.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cell texts; the trailing newline of a copied block is not a row."""
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if text == "":
        return []
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"')]


def format_tsv(rows: Sequence[Sequence[object]]) -> str:
    """Cells as TSV, quoted where a spreadsheet would quote them."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()
