"""A refused value's reason (the model writes it in English) in the interface's language (issue 19)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from corridor_app.model.workbook import Workbook
from corridor_app.ui import i18n
from corridor_app.ui.table_model import WorkbookTableModel

CASES = [
    ("contributions", "amount", "много", "Сумма, строка 1: в «много» нет числа; прежнее значение сохранено"),
    (
        "scenarios",
        "kind",
        "zzz",
        "Вид, строка 1: Вид: допустимые значения — процент, заменить, добавить, исключить, нет, а не «zzz»; "
        "прежнее значение сохранено",
    ),
    (
        "contributions",
        "low",
        "20",
        "Нижняя оценка, строка 1: Нижняя оценка 20 больше значения «сумма» 13,2; прежнее значение сохранено",
    ),
]
ENGLISH = [
    "Amount, row 1: 'много' holds no number; the old value is kept",
    "Kind, row 1: Kind must be one of percent, override, add, exclude, none, not 'zzz'; the old value is kept",
    "Low, row 1: Low 20 is above the amount 13.2; the old value is kept",
]


def _refused(workbook: Workbook, table: str, column: str, typed: str) -> str:
    messages: list[str] = []
    model = WorkbookTableModel(workbook, table, lambda edit: None)
    model.sig_edit_refused.connect(messages.append)
    assert not model.setData(model.index(0, workbook.table(table).keys.index(column)), typed)
    model.detach()
    return messages[0]


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    i18n.install_translators(qapp, "ru")
    yield
    i18n.install_translators(qapp, "en")


@pytest.mark.parametrize(("table", "column", "typed", "expected"), CASES)
def test_reasons_show_in_russian(  # type: ignore[no-untyped-def]
    workbook: Workbook, russian: None, table: str, column: str, typed: str, expected: str
) -> None:
    assert _refused(workbook, table, column, typed) == expected


@pytest.mark.parametrize(("case", "expected"), list(zip(CASES, ENGLISH, strict=True)))
def test_english_keeps_the_model_s_words(workbook: Workbook, case: tuple[str, ...], expected: str) -> None:
    assert _refused(workbook, *case[:3]) == expected
