"""CSV files from any source: encoding and delimiter detected, never guessed silently.

Encodings tried: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1251 for
Cyrillic text saved by Russian-locale Excel. A file that is not valid UTF-8 is
read as cp1251 only when the result is mostly Cyrillic and Latin letters;
otherwise the load is refused rather than shown as mojibake.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.grid import RawSheet
from corridor_app.model.numbers import guess_decimal

_DELIMITERS = [",", ";", "\t"]
MAX_CSV_BYTES = 512 * 1024 * 1024


def decode(path: str, data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if b"\x00" in data:
        raise LoadError(path, "the file holds binary data, not text: it is not a CSV file")
    text = data.decode("cp1251", errors="strict") if _decodes(data, "cp1251") else None
    if text is not None and _plausible_cyrillic(text):
        return text, "cp1251"
    line = data[: utf8_error.start].count(b"\n") + 1
    raise LoadError(
        path,
        "the text encoding is neither UTF-8 nor Windows-1251 (byte "
        f"0x{data[utf8_error.start]:02x} cannot be read); save it as UTF-8 CSV",
        row=line,
    )


def _strict(path: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(path, f"the file says it is {encoding} but is not valid {encoding}", row=line) from None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _plausible_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in letters if c.isascii())
    # Mojibake of other code pages shows up as rare symbols and mixed case runs.
    odd = sum(1 for c in text if c in "ЂЃѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§Ё©Є«¬®Ї°±Ііґµ¶·ё№є»јЅѕї")
    if not (cyr > 0 and (cyr + latin) / len(letters) > 0.95 and odd <= max(2, len(text) // 200)):
        return False
    # Two more signatures of a wrong code page, judged over the words holding Cyrillic:
    # a Latin-1 file read as cp1251 puts single Cyrillic letters inside Latin words
    # ("Cфte d'Ivoire"), and a KOI8-R file swaps the case of every letter ("уФТБОБ").
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    mixed = sum(1 for w in words if any(c.isascii() for c in w))
    swapped = sum(1 for w in words if re.search(r"[а-яё][А-ЯЁ]", w))
    return mixed <= len(words) // 10 and swapped <= len(words) // 10


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
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path: str) -> RawSheet:
    """Read a CSV file into one sheet named after the file."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_CSV_BYTES:
        raise LoadError(path, f"the file is {size // 2**20} MiB; the limit for CSV is {MAX_CSV_BYTES // 2**20} MiB")
    data = p.read_bytes()
    text, _encoding = decode(path, data)
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise LoadError(path, f"the CSV is malformed: {exc}") from None
    numeric_texts = [c for r in rows for c in r if isinstance(c, str) and re.search(r"\d", c)]
    decimal = guess_decimal(numeric_texts)
    if decimal is None and delimiter == ";":
        decimal = ","  # the semicolon is the list separator of decimal-comma locales
    return RawSheet(p.stem, rows, decimal=decimal, delimited=True)
