"""Builders of small spreadsheet files for the reader tests, written into tmp_path."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from corridor_app.io.report.labels import Labels
from corridor_app.model.reconcile import reconcile_totals
from corridor_app.model.workbook import Workbook

Rows = Sequence[Sequence[object]]

# The seed as a Russian analyst's sheet: header, four countries, a total row.
RU_HEADER = ["Страна", "Сумма, млрд долл.", "Источник"]
RU_ROWS: list[list[object]] = [
    ["Россия", 13.2, "ЕАБР"],
    ["Иран", 12.87, "ЕАБР"],
    ["Казахстан", 6.32, "ЕАБР"],
    ["прочие государства", 6.7, "ЕАБР"],
    ["Итого", 38.2, "ЕАБР"],
]


def assert_seed(book: Workbook) -> None:
    """The loaded book reconciles to the seed figures, whatever file it came from."""
    (rec,) = reconcile_totals(book)
    assert rec.countries == {"Россия": 13.2, "Иран": 12.87, "Казахстан": 6.32, "прочие государства": 6.7}
    assert rec.unit == "USD bn"
    assert rec.sum_of_parts == 39.09
    assert rec.published_total == 38.2
    assert rec.residual == 0.89
    assert rec.flagged


def csv_text(delimiter: str = ";", decimal: str = ",", rows: Rows = RU_ROWS) -> str:
    """The seed as CSV text; numbers written with ``decimal``, fields quoted where needed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(RU_HEADER)
    for row in rows:
        writer.writerow([str(c).replace(".", decimal) if isinstance(c, float) else c for c in row])
    return out.getvalue()


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        typed = f'office:value-type="float" office:value="{value}"'
        return f"<table:table-cell {typed}><text:p>{value}</text:p></table:table-cell>"
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    """A minimal OpenDocument spreadsheet: mimetype, manifest and content.xml, as ODF 1.2 requires."""
    body = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")  # stored, first
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture
def check_seed() -> Callable[[Workbook], None]:
    return assert_seed


@pytest.fixture
def ru_sheet() -> list[list[object]]:
    return [list(RU_HEADER), *[list(r) for r in RU_ROWS]]


@pytest.fixture
def make_csv_text() -> Callable[..., str]:
    return csv_text


@pytest.fixture
def make_ods() -> Callable[[Path, dict[str, Rows]], Path]:
    return write_ods


@pytest.fixture
def report_labels(monkeypatch: pytest.MonkeyPatch) -> list[Labels]:
    """Every ``Labels`` an export makes, in order: its ``missing`` lists the words it had no translation for."""
    from corridor_app.io.report import context

    made: list[Labels] = []

    class Recording(Labels):
        def __init__(self, lang: str = "en") -> None:
            super().__init__(lang)
            made.append(self)

    monkeypatch.setattr(context, "Labels", Recording)
    return made
