"""Numbers on screen in the user's format: ``13,20`` and ``1 234,50`` in Russian, ``1,234.50`` in English.

Tables, the reconciliation strip and the charts format through these helpers, which follow the default
QLocale that ``i18n.install_translators`` sets from the chosen language. Without it (scripts, tests) the
C locale would drop the thousands separators, so the helpers fall back to English (United States), the
format the app always showed. Files, the clipboard's machine text and the CLI's JSON never go through
here. Editing accepts both forms (``model.numbers`` reads ``13,2``, ``13.2`` and ``1 234,5``), and an
editor starts with the full value written with the locale's decimal sign (``edit_number``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale

from corridor_app.model.precision import number_decimals

_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
_SHORTEST = QLocale.FloatingPointPrecisionOption.FloatingPointShortest.value


_chosen: list[QLocale] = []  # the locale set by set_number_locale, read for every table cell painted


def set_number_locale(locale: QLocale | None) -> None:
    """Use ``locale`` for numbers on screen from now on (``None``: the default locale); i18n.py calls it."""
    _chosen[:] = [] if locale is None else [locale]


def number_locale() -> QLocale:
    """The chosen locale, else the default one, or English (United States) while that is Qt's plain C locale."""
    if _chosen:
        return _chosen[0]
    locale = QLocale()
    return _ENGLISH if locale.language() == QLocale.Language.C else locale


def _signed(text: str, value: float, locale: QLocale) -> str:
    """A leading plus for a value that is not negative, as Python's ``+`` format does (``+0.00``)."""
    negative = value < 0 or (value == 0 and math.copysign(1.0, value) < 0 and text.startswith(locale.negativeSign()))
    return text if negative else locale.positiveSign() + text


def format_number(value: float, decimals: int = 2, *, signed: bool = False) -> str:
    """``value`` with ``decimals`` places and thousands separators: ``f"{value:,.2f}"`` in the user's format."""
    locale = number_locale()
    if not math.isfinite(value):
        return "—"
    text = locale.toString(float(value), "f", decimals)
    return _signed(text, value, locale) if signed else text


def format_significant(value: float, digits: int = 3, *, signed: bool = False) -> str:
    """``value`` to ``digits`` significant digits (``f"{value:,.3g}"``): axis ticks, compact bar labels."""
    locale = number_locale()
    if not math.isfinite(value):
        return "—"
    text = locale.toString(float(value), "g", digits)
    return _signed(text, value, locale) if signed else text


def format_trimmed(value: float, max_decimals: int = 6) -> str:
    """``value`` with as many places as it needs, at most ``max_decimals``: a rate like ``0,011111``."""
    locale = number_locale()
    if not math.isfinite(value):
        return "—"
    return locale.toString(round(float(value), max_decimals), "f", _SHORTEST)


def format_percent(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """``12,5 %`` / ``12.5 %`` (the app writes a space before % in both languages, as Russian typesetting does)."""
    return f"{format_number(value, decimals, signed=signed)} %"


def edit_number(value: float) -> str:
    """The text an editor starts with: the full value, no grouping, the locale's decimal sign (``13,2``)."""
    text = repr(float(value)) if not float(value).is_integer() else str(int(value))
    point = number_locale().decimalPoint()
    return text.replace(".", point) if point != "." else text


def localize_number_text(text: str) -> str:
    """A number Python formatted (``1234.5``, ``-0.25``, ``1e+09``) in the user's decimal sign (tick labels).

    Text that is not a number (a country on a category axis, "St. Petersburg") is returned as it is.
    """
    point = number_locale().decimalPoint()
    if point == "." or "." not in text:
        return text
    try:
        float(text.replace("\u2212", "-"))
    except ValueError:
        return text
    return text.replace(".", point)


def localize_axis(axis: object) -> None:
    """Make a pyqtgraph ``AxisItem`` draw its tick labels with the user's decimal sign (``2,5`` in Russian).

    pyqtgraph formats ticks with Python's ``%g``; this wraps the axis's ``tickStrings`` once.
    """
    original: Callable[[Sequence[float], float, float], list[str]] = axis.tickStrings  # type: ignore[attr-defined]
    if getattr(original, "_localized", False):
        return

    def tick_strings(values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [localize_number_text(text) for text in original(values, scale, spacing)]

    tick_strings._localized = True  # type: ignore[attr-defined]
    axis.tickStrings = tick_strings  # type: ignore[attr-defined]


def localize_plots(widget: object) -> None:
    """``localize_axis`` on every axis of every pyqtgraph plot inside ``widget`` (the chart tabs, once built)."""
    import pyqtgraph as pg

    plots = [widget] if isinstance(widget, pg.PlotWidget) else []
    children = getattr(widget, "findChildren", None)
    if children is not None:
        plots += children(pg.PlotWidget)
    for plot in plots:
        for axis in plot.getPlotItem().axes.values():
            localize_axis(axis["item"])


def shown_number(value: float, unit: str | None = None, *, sign: bool = False) -> str:
    """A figure as the screen shows it: the precision its unit and value call for (``model.precision``:
    ``11,000`` km, ``60.0`` %, money as given), in the user's number format (``11 000``, ``60,0`` in Russian)."""
    return format_number(value, number_decimals(value, unit), signed=sign)
