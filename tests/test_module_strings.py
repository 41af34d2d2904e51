"""Module paths written as strings (child bootstraps, the unpickler's allow-list) must import (issue 13).

A move of a module updates its imports, which the interpreter checks; a path inside a string is checked by
nobody but this test.
"""

from __future__ import annotations

import importlib
import re
import warnings

import pytest

from corridor_app.io.loading import answer, isolated
from corridor_app.io.report import process

BOOTSTRAPS = {"loading child": isolated._BOOTSTRAP, "report child": process._BOOTSTRAP}


@pytest.mark.parametrize("name", sorted(BOOTSTRAPS))
def test_bootstrap_imports_what_it_names(name: str) -> None:
    found = re.findall(r"from ([\w.]+) import (\w+)", BOOTSTRAPS[name])
    assert found, f"the {name} bootstrap names no module"
    for module, attribute in found:
        assert callable(getattr(importlib.import_module(module), attribute))


@pytest.mark.parametrize("entry", sorted(answer.ALLOWED | answer.ALLOWED_FUNCTIONS))
def test_unpickler_allow_list_names_real_things(entry: tuple[str, str]) -> None:
    module, name = entry
    assert hasattr(importlib.import_module(module), name), f"{module}.{name} is allowed but does not exist"


def test_one_numpy_spelling_of_each_allowed_name_exists() -> None:
    names = {name for _, name in answer.ALLOWED_NUMPY}
    for name in names:
        spellings = [m for m, n in answer.ALLOWED_NUMPY if n == name]
        assert any(_has(m, name) for m in spellings), f"no module of {spellings} has {name}"


def _has(module: str, name: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy.core is numpy 1's spelling and warns under numpy 2
        try:
            return hasattr(importlib.import_module(module), name)
        except ImportError:
            return False
