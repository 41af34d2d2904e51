"""The model's reasons for a target's status (``Verdict.basis``, ``Pace.basis``) in the interface's language.

model/progress.py and model/pacing.py are Qt-free and explain each verdict in an English sentence built
from a few fixed patterns ("64.2 in 2025 meets the goal 60"). Each pattern is matched here and its
translation filled with the same numbers in the user's number format. A sentence no pattern knows, or a
language with no translation, keeps the model's text: never an empty or half-translated reason.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from corridor_app.ui.number_format import format_number, localize_number_text

_N = r"(-?[\d,]*\.?\d+(?:e[+-]?\d+)?)"  # a number as the model writes it: 1,234.5  64.2  1e+06
_Y = r"(\d{4})"
# (pattern, translatable template): the groups fill {0}, {1}... in order.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$"), template)
    for pattern, template in (
        (f"{_N} in {_Y} meets the goal {_N}", QT_TRANSLATE_NOOP("Basis", "{0} in {1} meets the goal {2}")),
        (
            "no figures yet: only the pacing applies",
            QT_TRANSLATE_NOOP("Basis", "no figures yet: only the pacing applies"),
        ),
        (
            "one figure and no baseline: no pace to project",
            QT_TRANSLATE_NOOP("Basis", "one figure and no baseline: no pace to project"),
        ),
        (f"{_N} in {_Y} against {_N} on the path", QT_TRANSLATE_NOOP("Basis", "{0} in {1} against {2} on the path")),
        (
            f"at {_N} a year the trend gives {_N} in {_Y}, short of {_N}",
            QT_TRANSLATE_NOOP("Basis", "at {0} a year the trend gives {1} in {2}, short of {3}"),
        ),
        (
            f"at {_N} a year the trend gives {_N} in {_Y}",
            QT_TRANSLATE_NOOP("Basis", "at {0} a year the trend gives {1} in {2}"),
        ),
        (
            f"no yearly figures from {_Y} on: only the pacing applies",
            QT_TRANSLATE_NOOP("Basis", "no yearly figures from {0} on: only the pacing applies"),
        ),
        (f"{_N} by {_Y} meets {_N}", QT_TRANSLATE_NOOP("Basis", "{0} by {1} meets {2}")),
        (
            rf"{_N} by {_Y}; at {_N} a year \(mean of (\d+) years?\) {_N} by {_Y}",
            QT_TRANSLATE_NOOP("Basis", "{0} by {1}; at {2} a year (mean of {3} years) {4} by {5}"),
        ),
        (
            rf"baseline {_N} \({_Y}\) reaches the target",
            QT_TRANSLATE_NOOP("Basis", "baseline {0} ({1}) reaches the target"),
        ),
        (f"target year {_Y} has passed", QT_TRANSLATE_NOOP("Basis", "target year {0} has passed")),
        ("a percentage needs a baseline to pace", QT_TRANSLATE_NOOP("Basis", "a percentage needs a baseline to pace")),
        (f"target year {_Y} is before {_Y}", QT_TRANSLATE_NOOP("Basis", "target year {0} is before {1}")),
        (rf"{_N} / (\d+) years \({_Y}-{_Y}\)", QT_TRANSLATE_NOOP("Basis", "{0} / {1} years ({2}–{3})")),
    )
)


def _local(text: str) -> str:
    """A number the model wrote (``1,234.5``, ``64.2``, ``2025``) in the user's number format."""
    if re.fullmatch(r"(19|20)\d\d", text):
        return text  # a year
    value = float(text.replace(",", ""))
    if "e" in text:
        return format_number(value, 0)
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return format_number(value, decimals)


# The pacing formula "(1000 - 250) / (2030 - 2024)": no words, only the decimal sign changes.
_FORMULA = re.compile(rf"^\({_N} - {_N}\) / \({_Y} - {_Y}\)$")


def translate_basis(text: str) -> str:
    """``text`` in the interface's language, its numbers in the user's format; the model's text if not known."""
    if (formula := _FORMULA.match(text)) is not None:
        return "({} - {}) / ({} - {})".format(*(localize_number_text(group) for group in formula.groups()))
    for pattern, template in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        translated = QCoreApplication.translate("Basis", template)
        if translated == template:
            return text  # no translation (English): the model's own sentence, as the CLI shows it
        return translated.format(*(_local(group) for group in match.groups()))
    return text
