"""Every real-world file of the shared corpus loads or is refused with a LoadError (issue 2).

The corpus (calamine and XlsxWriter regression files: damaged, encrypted, huge-dimension,
Strict OOXML...) lives beside the repository in ``../shared/corpus``; without it the test skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loader import load_workbook

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})


@pytest.mark.skipif(not FILES, reason="the shared corpus is not beside the repository")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_loads_or_is_refused_cleanly(path: Path) -> None:
    try:
        book = load_workbook(path)
    except LoadError as exc:
        assert str(path) in str(exc) and exc.message
        return
    assert any(len(t) for t in book.tables.values())


@pytest.mark.skipif(not FILES, reason="the shared corpus is not beside the repository")
@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("calamine__pass_protected.xlsx", "password"),
        ("calamine__issue_385.xls", "password"),
        ("calamine__too_small.xls", "plain text"),
        ("calamine__issue_594_dos.ods", "damaged"),
    ],
)
def test_corpus_refusals_say_why(name: str, says: str) -> None:
    with pytest.raises(LoadError, match=says):
        load_workbook(CORPUS / name)
