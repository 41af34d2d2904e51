"""Builders of small spreadsheet packages, valid or deliberately hostile, for the io tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook_xml(sheet: str = "Contributions", pr: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {RNS}>{pr}'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def sheet_xml(rows: str, after: str = "", before: str = "") -> str:
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>'
    return f"{head}{before}<sheetData>{rows}</sheetData>{after}</worksheet>"


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def number(ref: str, value: float) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


CORRIDOR_ROWS = (
    '<row r="1">'
    + inline("A1", "Country")
    + inline("B1", "Amount")
    + inline("C1", "Unit")
    + inline("D1", "Source")
    + "</row>"
    '<row r="2">'
    + inline("A2", "Russia")
    + number("B2", 13.2)
    + inline("C2", "USD bn")
    + inline("D2", "EADB")
    + "</row>"
    '<row r="3">'
    + inline("A3", "Iran")
    + number("B3", 12.87)
    + inline("C3", "USD bn")
    + inline("D3", "EADB")
    + "</row>"
)


def make_xlsx(
    path: Path,
    rows: str = CORRIDOR_ROWS,
    *,
    after: str = "",
    before: str = "",
    sheet: str = "Contributions",
    workbook_pr: str = "",
    extra: dict[str, bytes | str] | None = None,
    replace: dict[str, bytes | str] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A minimal xlsx package (inline strings, no styles) that calamine reads."""
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook_xml(sheet, workbook_pr),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet_xml(rows, after, before),
    }
    parts.update(replace or {})
    parts.update(extra or {})
    write_zip(path, parts, compression)
    return path


def write_zip(path: Path, parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def make_ods(path: Path, table_xml: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{table_xml}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    return path
