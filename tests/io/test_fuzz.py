"""Fuzzing: mutated valid workbooks load or raise LoadError, within the time bound (issue item 7).

CI runs a fixed, derandomized set of examples. A long campaign:

    CORRIDOR_FUZZ_EXAMPLES=5000 python -m pytest tests/io/test_fuzz.py -p no:randomly

(or ``python tools/reliability_report.py --fuzz 5000``, which also counts outcomes).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.isolated import LOAD_TIMEOUT_S, load_workbook_isolated
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.workbook import Workbook

from .mutations import MUTATIONS, mutate

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("CORRIDOR_FUZZ_EXAMPLES", "40"))


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "valid.xlsx"
    save_workbook(load_workbook(REPO / "data" / "north_south_itc.xlsx"), path, keep_backups=False)
    return path


@settings(
    max_examples=EXAMPLES,
    derandomize=not os.environ.get("CORRIDOR_FUZZ_EXAMPLES"),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(kind=st.sampled_from(MUTATIONS), seed=st.integers(0, 2**32 - 1))
def test_mutated_workbook_loads_or_is_refused(valid: Path, tmp_path: Path, kind: str, seed: int) -> None:
    target = tmp_path / f"mutant-{seed}.xlsx"
    mutate(valid, target, kind, random.Random(seed))
    started = time.monotonic()
    try:
        book = load_workbook_isolated(target)
    except LoadError as exc:
        assert exc.message and "\n" not in exc.message and "Traceback" not in exc.message
    else:
        assert isinstance(book, Workbook)
    assert time.monotonic() - started < LOAD_TIMEOUT_S
