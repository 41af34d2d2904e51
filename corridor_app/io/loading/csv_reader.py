"""CSV files from any source: encoding and delimiter detected, never guessed silently.

The encoding is told by ``io/loading/encoding.py`` (or named by the user) and kept on the sheet, so the
status bar and ``check`` can say what was used. The delimiter is the one of , ; and tab that splits the
lines most consistently; a number with a decimal comma ("13,2") in the fields of another delimiter is
evidence against the comma, as Russian-locale Excel saves ";"-separated files with decimal commas.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.encoding import decode
from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.numbers import guess_decimal

_DELIMITERS = [",", ";", "\t"]
_DECIMAL_COMMA = re.compile(r"^\s*[-+−]?\d{1,3}(?:[ \u00a0.]?\d{3})*,\d+\s*$")
MAX_CSV_BYTES = 512 * 1024 * 1024


def sniff_delimiter(text: str) -> str:
    """The delimiter among , ; and tab that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for delim in _DELIMITERS:
        counts = [len(next(csv.reader([ln], delimiter=delim))) for ln in lines]
        widest = max(counts)
        if widest < 2:
            continue
        consistent = sum(1 for c in counts if c == widest) / len(counts)
        score = consistent * 10 + min(widest, 10) / 10
        if delim != ",":
            # "Россия;13,2": the comma is the decimal mark here, so it is not the delimiter (issue 17).
            decimal_comma = sum(1 for ln in lines if any(_DECIMAL_COMMA.match(f) for f in ln.split(delim)))
            score += 2 * decimal_comma / len(lines)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path: str, encoding: str | None = None) -> RawSheet:
    """Read a CSV file into one sheet named after the file; ``encoding`` overrides the detection."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_CSV_BYTES:
        raise LoadError(path, f"the file is {size // 2**20} MiB; the limit for CSV is {MAX_CSV_BYTES // 2**20} MiB")
    data = p.read_bytes()
    text, used = decode(path, data, encoding)
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise LoadError(
            path, "the CSV is malformed (a quote that is never closed, or a field far too long)", detail=str(exc)
        ) from None
    numeric_texts = [c for r in rows for c in r if isinstance(c, str) and re.search(r"\d", c)]
    decimal = guess_decimal(numeric_texts)
    if decimal is None and delimiter == ";":
        decimal = ","  # the semicolon is the list separator of decimal-comma locales
    return RawSheet(p.stem, rows, decimal=decimal, delimited=True, encoding=used)
