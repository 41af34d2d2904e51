"""A target's reason (model/progress and model/pacing write it in English) in the interface's language (issue 19)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from corridor_app.model.pacing import DEFAULT_START_YEAR, target_pacing
from corridor_app.model.progress import target_progress
from corridor_app.model.workbook import Workbook
from corridor_app.ui import i18n
from corridor_app.ui.basis_text import _FORMULA, translate_basis

NBSP = "\u00a0"
SAMPLES = [
    ("64.2 in 2025 meets the goal 60", "64,2 в 2025 г. — цель 60 достигнута"),
    (
        "at 1.8 a year the trend gives 71.3 in 2029, short of 75",
        "при 1,8 в год тренд дает 71,3 в 2029 г., меньше цели 75",
    ),
    (
        "13,500 by 2024; at 2,250 a year (mean of 3 years) 24,750 by 2029",
        f"13{NBSP}500 к 2024 г.; при 2{NBSP}250 в год (среднее за лет: 3) — 24{NBSP}750 к 2029 г.",
    ),
    ("(1000 - 250.5) / (2030 - 2024)", "(1000 - 250,5) / (2030 - 2024)"),
    ("12000 / 7 years (2024-2030)", f"12{NBSP}000 / 7 (годы 2024–2030)"),
]


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    i18n.install_translators(qapp, "ru")
    yield
    i18n.install_translators(qapp, "en")


@pytest.mark.parametrize(("english", "russian_text"), SAMPLES)
def test_known_reasons_are_translated_with_the_user_s_numbers(russian: None, english: str, russian_text: str) -> None:
    assert translate_basis(english) == russian_text


@pytest.mark.parametrize(("english", "_"), SAMPLES)
def test_english_keeps_the_model_s_sentence(english: str, _: str) -> None:
    assert translate_basis(english) == english


def test_an_unknown_sentence_stays_as_the_model_wrote_it(russian: None) -> None:
    assert translate_basis("a reason added later") == "a reason added later"


def test_every_reason_the_bundled_targets_get_is_known(russian: None, workbook: Workbook) -> None:
    """Fails when model/progress or model/pacing writes a sentence no pattern here knows (it would stay English)."""
    reasons = {v.basis for v in target_progress(workbook, DEFAULT_START_YEAR)}
    reasons |= {p.basis for p in target_pacing(workbook, DEFAULT_START_YEAR)}
    assert reasons
    unknown = [r for r in reasons if translate_basis(r) == r and not _FORMULA.match(r)]
    assert unknown == []
