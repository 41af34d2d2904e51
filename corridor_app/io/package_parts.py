"""What an in-place save would drop from the original package.

``save_workbook`` writes the corridor tables and the other sheets' values; it
does not carry over charts, images, pivot tables, macros, connections,
formulas, comments or Excel's extension blocks. Before saving over the file
that was opened, the window asks ``parts_lost_on_save``: if the list is not
empty it refuses the in-place save and offers Save As, saying why.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from corridor_app.io.preflight import CHUNK, MAX_INFLATED_BYTES, preflight

_SCAN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class LostPart:
    """One kind of content the writer would not keep: what, and how many parts hold it."""

    what: str
    count: int
    example: str

    def __str__(self) -> str:
        return f"{self.what} ({self.count})"


# (label, pattern on the part name), checked in order; a part counts once.
_PART_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("macros (VBA project)", re.compile(r"vbaproject\.bin$|vbadata\.xml$")),
    ("charts", re.compile(r"(^|/)charts?/.*\.xml$|(^|/)chartsheets/.*\.xml$")),
    ("pivot tables", re.compile(r"(^|/)pivot(tables|cache)/.*\.xml$")),
    ("data connections", re.compile(r"(^|/)connections\.xml$|(^|/)querytables/")),
    ("external links", re.compile(r"(^|/)externallinks/.*\.xml$")),
    ("images", re.compile(r"(^|/)media/|^pictures/|(^|/)objects/")),
    ("drawings and shapes", re.compile(r"(^|/)drawings/.*\.(xml|vml)$")),
    ("comments", re.compile(r"(^|/)comments\d*\.xml$|(^|/)threadedcomments/")),
    ("Excel tables", re.compile(r"(^|/)tables/table\d*\.xml$")),
    ("slicers and timelines", re.compile(r"(^|/)(slicers|slicercaches|timelines|timelinecaches)/")),
    ("custom XML", re.compile(r"^customxml/")),
]
_MARKERS: list[tuple[str, bytes]] = [
    ("formulas", b"<f"),
    ("extension data (extLst)", b"<extLst"),
    ("conditional formatting", b"<conditionalFormatting"),
    ("data validation", b"<dataValidations"),
    ("defined names", b"<definedName"),
]


def parts_lost_on_save(path: str | os.PathLike[str]) -> list[LostPart]:
    """What saving over ``path`` would lose; empty when an in-place save keeps everything.

    A CSV, ODS or legacy .xls original is reported as a whole ("the file
    format"): the app writes .xlsx, which would not belong under that name.
    Raises ``LoadError`` when the file cannot be inspected safely.
    """
    path = os.fspath(path)
    kind = preflight(path).kind
    if kind != "xlsx":
        label = {"text": "CSV text", "ods": "OpenDocument", "xls": "Excel 97-2003", "xlsb": "Excel binary"}[kind]
        return [LostPart(f"the file format ({label}; the app saves .xlsx)", 1, Path(path).name)]
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename.replace("\\", "/").lstrip("/")
            low = name.casefold()
            for label, pattern in _PART_KINDS:
                if pattern.search(low):
                    found.setdefault(label, []).append(name)
                    break
            if low.endswith(".xml") and ("worksheets/" in low or low.endswith("workbook.xml")):
                for label in _markers(zf, info):
                    found.setdefault(label, []).append(name)
    return [LostPart(what, len(names), names[0]) for what, names in found.items()]


def _markers(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[str]:
    """Marker elements present in one XML part, read in chunks (bounded by the preflight limits)."""
    seen: set[str] = set()
    tail = b""
    read = 0
    with zf.open(info) as stream:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            window = tail + chunk
            for label, marker in _MARKERS:
                if label not in seen and marker in window and _is_element(window, marker):
                    seen.add(label)
            tail = chunk[-32:]
            if read > min(_SCAN_BYTES, MAX_INFLATED_BYTES) or len(seen) == len(_MARKERS):
                break
    return [label for label, _ in _MARKERS if label in seen]


def _is_element(window: bytes, marker: bytes) -> bool:
    """``<f`` must be the formula element, not ``<fill`` or ``<font``."""
    start = 0
    while (i := window.find(marker, start)) >= 0:
        after = window[i + len(marker) : i + len(marker) + 1]
        if after in (b">", b" ", b"/", b"\t", b"\n", b"\r") or after == b"":
            return True
        start = i + 1
    return False
