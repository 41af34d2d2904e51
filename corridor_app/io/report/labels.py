"""The report's words in the user's language (issue 19 item 3): sheet names, headings, chart titles.

The English text is the key, as in gettext: ``tr("Scenario summary")`` gives
the Russian when the report is in Russian. Placeholders are filled after the
lookup, so a translation may move them. Numbers, names from the workbook and
sources are never translated. A text without a translation falls back to
English and is recorded in ``missing`` (a test exports in Russian and asks for
none).
"""

from __future__ import annotations

from corridor_app.io.report.labels_ru import RU

CATALOGUES: dict[str, dict[str, str]] = {"en": {}, "ru": RU}


class Labels:
    """Translate report text into ``lang`` ("en" or "ru")."""

    def __init__(self, lang: str = "en") -> None:
        if lang not in CATALOGUES:
            raise ValueError(f"unknown report language {lang!r} (choose one of {', '.join(CATALOGUES)})")
        self.lang = lang
        self._catalogue = CATALOGUES[lang]
        self.missing: set[str] = set()

    def __call__(self, text: str, **values: object) -> str:
        if self.lang != "en":
            found = self._catalogue.get(text)
            if found is None:
                self.missing.add(text)
            else:
                text = found
        return text.format(**values) if values else text
