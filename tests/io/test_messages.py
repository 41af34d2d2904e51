"""Refusals say what the user can do, in the terms of the file's own format (issue 17, item 6).

A password-protected .ods was called "damaged XML", an .ods was told to "save it from Excel as an ordinary
.xlsx", and a damaged .ods showed the reader's internals ("Expecting 'table-cell', found 'Text(BytesText ...").
What the reader said now goes to the log, for a bug report.
"""

from __future__ import annotations

import logging
import os
import zipfile
from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import load_isolated

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _manifest(encrypted: bool) -> str:
    encryption = (
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>'
        '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
        'manifest:salt="x"/></manifest:encryption-data>'
        if encrypted
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
        "</manifest:file-entry></manifest:manifest>"
    )


def _ods(path: Path, content: bytes | str, encrypted: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", _manifest(encrypted))
        zf.writestr("content.xml", content)
    return path


def _body(rows: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )


def test_a_password_protected_ods_says_so(tmp_path: Path) -> None:
    path = _ods(tmp_path / "secret.ods", os.urandom(4096), encrypted=True)  # the ciphertext of content.xml
    with pytest.raises(LoadError) as info:
        load_isolated(path)
    assert "password-protected" in info.value.message and "damaged" not in info.value.message


def test_a_damaged_ods_gets_ods_advice_and_no_reader_internals(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    path = _ods(tmp_path / "odd.ods", _body(f"<table:table-row>stray text{cell}</table:table-row>"))
    with caplog.at_level(logging.WARNING, logger="corridor_app.io.loading.isolated"), pytest.raises(LoadError) as info:
        load_isolated(path)
    message = info.value.message
    assert "LibreOffice Calc" in message and ".ods" in message and "Excel as an ordinary" not in message
    assert "Expecting" not in message and "BytesText" not in message and "Error" not in message
    assert info.value.detail  # what calamine said, kept
    assert info.value.detail in caplog.text  # and logged for a bug report


def test_an_xls_that_is_not_one_is_told_in_xls_terms(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + os.urandom(2048))
    with pytest.raises(LoadError) as info:
        load_isolated(path)
    assert ".xls" in info.value.message and "Cfb" not in info.value.message and "Sector" not in info.value.message
