"""Why a typed value was refused (model/numbers, schema, bounds, ranges write it in English), in the user's language.

The Qt-free model explains a refused cell with a few fixed sentences ("'много' holds no number"). The
common ones are matched here and translated, the column names and choices shown as on screen and the
text the user typed quoted as typed. A sentence no pattern knows keeps the model's words.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from corridor_app.ui.number_format import localize_number_text
from corridor_app.ui.terms import choice, column_label

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$", re.DOTALL), template)
    for pattern, template in (
        (r"'(.*)' is not a number", QT_TRANSLATE_NOOP("Reason", "“{0}” is not a number")),
        (r"'(.*)' holds no number", QT_TRANSLATE_NOOP("Reason", "“{0}” holds no number")),
        (r"'(.*)' holds more than one number", QT_TRANSLATE_NOOP("Reason", "“{0}” holds more than one number")),
        (
            r"'(.*)': digit groups are not in threes",
            QT_TRANSLATE_NOOP("Reason", "“{0}”: digit groups are not in threes"),
        ),
        (
            r"'(.*)' holds no number after the bound word",
            QT_TRANSLATE_NOOP("Reason", "“{0}” holds no number after the bound word"),
        ),
        (
            r"'(.*)': the two ends of the range are in different units",
            QT_TRANSLATE_NOOP("Reason", "“{0}”: the two ends of the range are in different units"),
        ),
        (
            r"'(.*)': the low end (\S+) is above the high end (\S+)",
            QT_TRANSLATE_NOOP("Reason", "“{0}”: the low end {1} is above the high end {2}"),
        ),
        (r"(.+) must be one of (.+), not '(.*)'", QT_TRANSLATE_NOOP("Reason", "{0} must be one of {1}, not “{2}”")),
        (
            r"(.+?) (-?[\d.e+]+) is above the (.+) (-?[\d.e+]+)",
            QT_TRANSLATE_NOOP("Reason", "{0} {1} is above the {2} {3}"),
        ),
        (
            r"(.+?) (-?[\d.e+]+) is below the (.+) (-?[\d.e+]+)",
            QT_TRANSLATE_NOOP("Reason", "{0} {1} is below the {2} {3}"),
        ),
    )
)


def _shown(template: str, groups: tuple[str, ...]) -> list[str]:
    """The matched parts as the screen shows them: column names and choices translated, numbers localized."""
    if template.startswith("{0} must be one of"):
        label, allowed, typed = groups
        return [column_label(label), ", ".join(choice(c.strip()) for c in allowed.split(",")), typed]
    if template.startswith("{0} {1} is"):
        bound, value, figure, point = groups
        return [
            column_label(bound),
            localize_number_text(value),
            column_label(figure.capitalize()).lower(),
            localize_number_text(point),
        ]
    return [groups[0], *(localize_number_text(g) for g in groups[1:])]


def translate_reason(text: str) -> str:
    """``text`` (a ``ParseError`` message or a range check) in the interface's language; else as the model wrote it."""
    for pattern, template in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        translated = QCoreApplication.translate("Reason", template)
        if translated == template:
            return text  # English: the model's own words
        return translated.format(*_shown(template, match.groups()))
    return text
