"""Checks run on a file before any parser sees it.

The parsers underneath (calamine, openpyxl) are not safe on hostile input: a
tiny zip can inflate to gigabytes, one far-away cell can make a reader
allocate a 17-billion-cell grid, and a DTD can expand entities without end.
``preflight`` reads the file itself, with bounded memory, and refuses such
files with a plain reason before a parser is involved:

* magic bytes decide the format (a renamed .xls or .csv is routed by content;
  an encrypted Office file is named password-protected);
* zip sanity: entry count, duplicate names (case-insensitive), and the total
  and per-part inflated size, counted while streaming (headers can lie);
* every XML part is scanned by a streaming parser that refuses DTDs and
  entities; worksheets are counted cell by cell (``<dimension>`` is never
  trusted), with their bounding box and merged areas; ODS repeat counts are
  expanded arithmetically, never in memory.

It also returns, per sheet, the cells a reader would show wrongly (formulas
saved without a result, error results) so ``interpret`` can name them.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.fastscan import FastWorksheetScanner
from corridor_app.io.loading.formats import PROTECTED, reader_detail, resave_advice
from corridor_app.io.loading.limits import (
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_INFLATED_BYTES,
    MAX_RATIO,
    inflates_too_much,
)
from corridor_app.io.loading.xmlscan import (
    OdsContentScanner,
    RelsScanner,
    ScanError,
    SheetStats,
    WorkbookScanner,
    WorksheetScanner,
    XmlScanner,
)
from corridor_app.model.errors import column_letter

CHUNK = 64 * 1024
MANIFEST_BYTES = 4 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FOREIGN = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x1f\x8b": "a gzip archive",
}
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass
class Preflight:
    """What the checks found: the format, and per sheet name the cells to flag."""

    kind: str  # "xlsx", "xlsb", "ods", "xls", "text"
    sheets: dict[str, SheetStats] = field(default_factory=dict)
    date1904: bool = False

    @property
    def cells(self) -> int:
        return sum(s.cells for s in self.sheets.values())


def preflight(path: str) -> Preflight:
    """Check ``path`` and say what it is; raise ``LoadError`` with the reason if it is refused."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(2048)
    except FileNotFoundError:
        raise LoadError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise LoadError(path, "this is a folder, not a file") from None
    except PermissionError:
        raise LoadError(path, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise LoadError(path, f"the file cannot be read ({exc.strerror})") from None
    if not head:
        raise LoadError(path, "the file is empty")
    if size > MAX_FILE_BYTES:
        raise LoadError(path, f"the file is {size // 2**20} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _check_zip(path)
    if head.startswith(_OLE):
        return Preflight(_ole_kind(path, p, size))
    for magic, what in _FOREIGN.items():
        if head.startswith(magic):
            raise LoadError(path, f"the file is {what}, not a spreadsheet")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:512]:
        raise LoadError(path, "the file is a web page (HTML), not a spreadsheet; open it in Excel and save it as .xlsx")
    if lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        raise LoadError(path, "the file is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx")
    if p.suffix.lower() in {".xlsx", ".xlsm", ".ods", ".xls", ".xlsb"}:
        if b"\x00" in head:
            raise LoadError(path, f"the file is named {p.suffix} but is not a spreadsheet this app can read")
        raise LoadError(
            path,
            f"the file is named {p.suffix} but holds plain text, not a spreadsheet; "
            "if it is a CSV file, rename it to .csv",
        )
    return Preflight("text")


def _ole_kind(path: str, p: Path, size: int) -> str:
    """An OLE container is a legacy .xls, or an encrypted xlsx (its streams say EncryptionInfo)."""
    with open(p, "rb") as fh:
        data = fh.read(min(size, 16 * 1024 * 1024))
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        raise LoadError(path, PROTECTED)
    return "xls"


def _stats(scanner: XmlScanner | FastWorksheetScanner) -> SheetStats | None:
    """The cell counts of a worksheet scanner (a full one only once its fast twin gave up), else None."""
    if isinstance(scanner, FastWorksheetScanner):
        return None if scanner.needs_full else scanner.stats
    return scanner.stats if isinstance(scanner, WorksheetScanner) else None


def _name(info: zipfile.ZipInfo) -> str:
    return info.filename.replace("\\", "/").lstrip("/")


def _check_zip(path: str) -> Preflight:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise LoadError(
            path, "the file looks like a zip package (as .xlsx and .ods are) but is damaged", detail=reader_detail(exc)
        ) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise LoadError(path, f"the package holds {len(infos):,} parts; a spreadsheet has far fewer")
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            key = _name(info).casefold()
            if key in by_name:
                raise LoadError(
                    path,
                    f"the package holds two parts named {_name(info)!r} (names differ only in case or "
                    "are repeated); readers disagree on which one counts, so it is refused",
                )
            if info.flag_bits & 0x1:
                raise LoadError(path, PROTECTED)
            by_name[key] = info
        kind = _zip_kind(path, by_name)
        if kind == "ods" and _ods_encrypted(zf, by_name):
            raise LoadError(path, PROTECTED)
        return _Inflater(path, zf, by_name, kind).run()


def _ods_encrypted(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> bool:
    """An OpenDocument file saved with a password lists its parts' encryption in the manifest (issue 17).

    Its content.xml is then ciphertext, which the XML scan would otherwise call damaged.
    """
    manifest = parts.get("meta-inf/manifest.xml")
    if manifest is None or manifest.file_size > MANIFEST_BYTES:
        return False
    try:
        with zf.open(manifest) as stream:
            return b"encryption-data" in stream.read(MANIFEST_BYTES)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError, OSError):
        return False


def _zip_kind(path: str, parts: dict[str, zipfile.ZipInfo]) -> str:
    if "content.xml" in parts or "mimetype" in parts:
        return "ods"
    if any(n.endswith("workbook.bin") for n in parts):
        return "xlsb"
    if any(n.endswith("workbook.xml") for n in parts):
        return "xlsx"
    if "word/document.xml" in parts:
        raise LoadError(path, "the file is a Word document, not a spreadsheet")
    if "ppt/presentation.xml" in parts:
        raise LoadError(path, "the file is a PowerPoint presentation, not a spreadsheet")
    raise LoadError(path, "the file is a zip archive, not a spreadsheet (no workbook inside)")


class _Inflater:
    """Inflates every part once, counting bytes as they come, and feeds XML parts to their scanner."""

    def __init__(self, path: str, zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], kind: str) -> None:
        self.path = path
        self.zf = zf
        self.parts = parts
        self.kind = kind
        self.total = 0

    def run(self) -> Preflight:
        result = Preflight(self.kind)
        workbook = _workbook_part(self.parts) if self.kind == "xlsx" else None
        sheet_names: dict[str, str] = {}
        if workbook is not None:
            book = WorkbookScanner()
            self._inflate(workbook, book)
            result.date1904 = book.date1904
            sheet_names = self._sheet_parts(workbook, book)
        for key in self.parts:
            if key == workbook:
                continue
            scanner: XmlScanner | FastWorksheetScanner | None = None
            if self.kind == "xlsx" and key in sheet_names:
                scanner = FastWorksheetScanner()
            elif self.kind == "ods" and key == "content.xml":
                scanner = OdsContentScanner()
            elif key.endswith(_XML_SUFFIXES):
                scanner = XmlScanner(strict=False)
            self._inflate(key, scanner, sheet_names.get(key, ""))
            if isinstance(scanner, FastWorksheetScanner) and scanner.needs_full:
                scanner = WorksheetScanner()  # an uncommon layout: read the part again, element by element
                self._inflate(key, scanner, sheet_names.get(key, ""), count=False)
            if isinstance(scanner, WorksheetScanner | FastWorksheetScanner):
                result.sheets[sheet_names[key]] = scanner.stats
            elif isinstance(scanner, OdsContentScanner):
                result.sheets.update(scanner.sheets)
        return result

    def _inflate(
        self, key: str, scanner: XmlScanner | FastWorksheetScanner | None, sheet: str = "", count: bool = True
    ) -> None:
        info = self.parts[key]
        shown = _name(info)
        done = 0
        try:
            with self.zf.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    done += len(chunk)
                    self.total += len(chunk) if count else 0
                    self._check_size(shown, info, done)
                    if scanner is not None:
                        scanner.feed(chunk)
            if scanner is not None:
                scanner.feed(b"", final=True)
                finished = scanner.sheets.values() if isinstance(scanner, OdsContentScanner) else [_stats(scanner)]
                for stats in finished:
                    if stats is not None:
                        stats.finish()
        except ScanError as exc:
            if isinstance(scanner, OdsContentScanner) and scanner.sheets:
                sheet = list(scanner.sheets)[-1]
            raise LoadError(
                self.path,
                f"{'the sheet is refused' if sheet else f'the part {shown} is refused'}: {exc.message}",
                sheet=sheet,
                row=exc.row or None,
                column=column_letter(exc.column) if exc.column >= 0 else "",
            ) from None
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError, OSError) as exc:
            if "password" in str(exc).lower() or "encrypted" in str(exc).lower():
                raise LoadError(self.path, PROTECTED) from None
            raise LoadError(
                self.path,
                f"the file is damaged (its part {shown} cannot be unpacked); {resave_advice(self.kind)}",
                detail=reader_detail(exc),
            ) from None

    def _check_size(self, key: str, info: zipfile.ZipInfo, done: int) -> None:
        if self.total > MAX_INFLATED_BYTES:
            raise LoadError(
                self.path,
                f"the package inflates to more than {MAX_INFLATED_BYTES // 2**20} MiB "
                "(a zip bomb, or a workbook far larger than this app handles)",
            )
        if inflates_too_much(done, info.compress_size):
            raise LoadError(
                self.path,
                f"the part {key} inflates more than {MAX_RATIO} times its packed size (a zip bomb); refused",
            )

    def _sheet_parts(self, workbook: str, book: WorkbookScanner) -> dict[str, str]:
        """Worksheet part name -> sheet name, through the workbook's relationships."""
        folder = posixpath.dirname(workbook)
        rels_key = posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels").casefold()
        rels = RelsScanner()
        if rels_key in self.parts:
            self._inflate(rels_key, rels)
        found: dict[str, str] = {}
        for name, rid in book.sheets:
            _type, target = rels.targets.get(rid, ("", ""))
            if not target or not _type.endswith("/worksheet"):
                continue
            target = target.replace("\\", "/")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[part.casefold()] = name
        return found


def _workbook_part(parts: dict[str, zipfile.ZipInfo]) -> str | None:
    for candidate in ("xl/workbook.xml", "workbook.xml"):
        if candidate in parts:
            return candidate
    return next((n for n in parts if n.endswith("/workbook.xml")), None)
