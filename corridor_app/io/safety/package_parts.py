"""What an in-place save would drop from the original package.

``save_workbook`` writes the corridor tables and the other sheets' values; it
does not carry over charts, images, pivot tables, macros, connections,
formulas, comments or Excel's extension blocks. Before saving over the file
that was opened, the window asks ``parts_lost_on_save``: if the list is not
empty it refuses the in-place save and offers Save As, saying why.

The window saves in place by *updating* the file (``write_preserving``, with
the names of the sheets it rewrites: ``rewritten=``): openpyxl then keeps the
formulas, conditional formatting and data validation of every other sheet and
the workbook's defined names, so those count as lost only in a rewritten sheet
(or, for a defined name, when it belongs to a rewritten sheet).
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from corridor_app.io.loading.limits import MAX_INFLATED_BYTES
from corridor_app.io.loading.preflight import CHUNK, preflight

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
# What an update in place (``write_preserving``) keeps in the sheets it does not rewrite.
KEPT_BY_UPDATE = frozenset({"formulas", "conditional formatting", "data validation"})
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def parts_lost_on_save(path: str | os.PathLike[str], *, rewritten: Collection[str] | None = None) -> list[LostPart]:
    """What saving over ``path`` would lose; empty when an in-place save keeps everything.

    ``rewritten``: the sheet names an update in place rewrites (``writer.rewritten_sheets``);
    ``None`` means the whole file is rewritten. A CSV, ODS or legacy .xls
    original is reported as a whole ("the file format"): the app writes .xlsx,
    which would not belong under that name. Raises ``LoadError`` when the file
    cannot be inspected safely.
    """
    path = os.fspath(path)
    kind = preflight(path).kind
    if kind != "xlsx":
        label = {"text": "CSV text", "ods": "OpenDocument", "xls": "Excel 97-2003", "xlsb": "Excel binary"}[kind]
        return [LostPart(f"the file format ({label}; the app saves .xlsx)", 1, Path(path).name)]
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as zf:
        kept = _kept_by_update(zf, set(rewritten)) if rewritten is not None else _Kept(set(), False)
        for info in zf.infolist():
            name = info.filename.replace("\\", "/").lstrip("/")
            low = name.casefold()
            for label, pattern in _PART_KINDS:
                if pattern.search(low):
                    found.setdefault(label, []).append(name)
                    break
            if low.endswith(".xml") and ("worksheets/" in low or low.endswith("workbook.xml")):
                for label in _markers(zf, info):
                    if not kept.covers(name, label):
                        found.setdefault(label, []).append(name)
    return [LostPart(what, len(names), names[0]) for what, names in found.items()]


@dataclass(frozen=True)
class _Kept:
    """Which markers an update in place keeps: worksheet parts not rewritten, and defined names."""

    sheet_parts: set[str]
    defined_names: bool

    def covers(self, part: str, label: str) -> bool:
        if label == "defined names":
            return self.defined_names
        return label in KEPT_BY_UPDATE and part in self.sheet_parts


def _kept_by_update(zf: zipfile.ZipFile, rewritten: set[str]) -> _Kept:
    """Worksheet parts an update leaves alone, and whether all defined names survive it.

    A package whose workbook part cannot be read keeps nothing (every marker is reported).
    """
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return _Kept(set(), False)
    try:
        rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        book = SafeET.fromstring(zf.read("xl/workbook.xml"))
    except Exception:  # noqa: BLE001 - defusedxml and expat raise several types; nothing is claimed kept
        return _Kept(set(), False)
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{{{_PKG_REL}}}Relationship")}
    untouched: set[str] = set()
    rewritten_ids: set[str] = set()
    for index, sheet in enumerate(book.iter(f"{{{_MAIN}}}sheet")):
        if sheet.get("name", "") in rewritten:
            rewritten_ids.add(str(index))
            continue
        target = str(targets.get(sheet.get(f"{{{_REL}}}id"), ""))
        untouched.add(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}"))
    # openpyxl drops a sheet's own (local) names with the sheet; global names are kept.
    local = {n.get("localSheetId") for n in book.iter(f"{{{_MAIN}}}definedName")}
    return _Kept(untouched, not (local & rewritten_ids))


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
