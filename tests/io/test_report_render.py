"""The report opened by another spreadsheet program: LibreOffice turns it into a PDF with the charts drawn.

Skipped where LibreOffice (``soffice``) or poppler (``pdftoppm``) is absent;
README says how to install them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from corridor_app.io.report.charts import PART, RESIDUAL
from corridor_app.io.report.export import export_report

from .report_support import seed_workbook, with_scenarios

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None or PDFTOPPM is None, reason="LibreOffice (soffice) and pdftoppm not installed"),
]


def _ppm_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (what pdftoppm writes without -png)."""
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P6" and fields[3] == b"255"
    return int(fields[1]), int(fields[2]), data[pos + 1 :]


def _count(rgb: bytes, colour: str, tolerance: int = 24) -> int:
    target = bytes.fromhex(colour.lstrip("#"))
    n = 0
    for i in range(0, len(rgb) - 2, 3):
        if all(abs(rgb[i + k] - target[k]) <= tolerance for k in range(3)):
            n += 1
    return n


def test_libreoffice_renders_the_report_charts(tmp_path: Path) -> None:
    report = tmp_path / "report.xlsx"
    export_report(with_scenarios(seed_workbook()), report)
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(report),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run([PDFTOPPM, "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.ppm"))
    width, height, rgb = _ppm_pixels(page)
    assert width * height * 3 == len(rgb)
    # The Summary's bar chart draws the largest country in PART blue and the residual in red, half
    # see-through over white, as on screen; table cells are never filled with these colours, so the
    # pixels come from the charts.
    assert _count(rgb, PART) > 150
    assert _count(rgb, RESIDUAL) + _count(rgb, _over_white(RESIDUAL, 0.5)) > 20


def _over_white(colour: str, alpha: float) -> str:
    rgb = bytes.fromhex(colour.lstrip("#"))
    return bytes(round(c * alpha + 255 * (1 - alpha)) for c in rgb).hex()
