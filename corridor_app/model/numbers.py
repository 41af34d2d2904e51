"""Locale-aware reading of numbers written as text.

Analysts' spreadsheets hold numbers typed in many ways: ``13,2``, ``1 234,5``
(with an ordinary, no-break or thin space), ``USD 13.2 bn``, ``13,2 млрд``,
``12 %``. ``parse_quantity`` reads all of them into a value plus what the text
said about its currency, scale and percent sign, and refuses anything else with
a ``ParseError``: a value is never guessed and never silently blank.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from corridor_app.model.errors import ParseError

Decimal = Literal[".", ","] | None

# Every kind of space a spreadsheet or a web page puts between digit groups.
_SPACES = "\u0020\u00a0\u2007\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
_SPACE_RE = re.compile(f"[{_SPACES}]+")
_MINUS = "-\u2212\u2012\u2013\u2014\ufe63\uff0d"

SCALES: dict[str, float] = {"": 1.0, "thousand": 1e3, "mln": 1e6, "bn": 1e9, "trn": 1e12}

# Words, lower-cased, and what they mean. Longer words first so "млрд." wins over "м".
_SCALE_WORDS: dict[str, str] = {
    "trillion": "trn",
    "trillions": "trn",
    "trn": "trn",
    "tn": "trn",
    "трлн": "trn",
    "триллион": "trn",
    "триллиона": "trn",
    "триллионов": "trn",
    "billion": "bn",
    "billions": "bn",
    "bn": "bn",
    "bln": "bn",
    "b": "bn",
    "млрд": "bn",
    "миллиард": "bn",
    "миллиарда": "bn",
    "миллиардов": "bn",
    "million": "mln",
    "millions": "mln",
    "mln": "mln",
    "mn": "mln",
    "mio": "mln",
    "m": "mln",
    "млн": "mln",
    "миллион": "mln",
    "миллиона": "mln",
    "миллионов": "mln",
    "thousand": "thousand",
    "thousands": "thousand",
    "thou": "thousand",
    "k": "thousand",
    "тыс": "thousand",
    "тысяч": "thousand",
    "тысяча": "thousand",
    "тысячи": "thousand",
}
_CURRENCY_WORDS: dict[str, str] = {
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "долл": "USD",
    "доллар": "USD",
    "доллара": "USD",
    "долларов": "USD",
    "дол": "USD",
    "сша": "USD",
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "евро": "EUR",
    "rub": "RUB",
    "₽": "RUB",
    "руб": "RUB",
    "рубль": "RUB",
    "рубля": "RUB",
    "рублей": "RUB",
    "rur": "RUB",
    "kzt": "KZT",
    "₸": "KZT",
    "тенге": "KZT",
    "тг": "KZT",
    "cny": "CNY",
    "¥": "CNY",
    "yuan": "CNY",
    "юань": "CNY",
    "юаней": "CNY",
    "irr": "IRR",
    "риал": "IRR",
    "риалов": "IRR",
    "gbp": "GBP",
    "£": "GBP",
}

# A leading separator is part of the number: ".5" and ",5" are a half, not five.
_NUMBER_RE = re.compile(r"[.,]?[0-9][0-9.,' \u2019]*")
_WORD_RE = re.compile(r"us\$|[$€₽₸¥£]|[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Quantity:
    """A number as written: its value and the currency, scale and % it named."""

    value: float
    currency: str = ""
    scale: str = ""
    percent: bool = False
    # A physical unit ("km", "Mt/yr") read by ``measures.parse_measure``; money and % leave it blank.
    unit: str = ""
    # A bound or range written in words ("over 38", "12–14", "около 38"): model/bounds.py.
    low: float | None = None
    high: float | None = None
    approximate: bool = False

    @property
    def states_range(self) -> bool:
        """Did the text say more than one number: a bound, a range or "about"?"""
        return self.low is not None or self.high is not None or self.approximate


def _normalise_digits(core: str, decimal: Decimal) -> str:
    """Turn ``1 234,5`` / ``1,234.5`` / ``1.234,5`` into ``1234.5``."""
    core = core.replace("'", "").replace("\u2019", "").replace(" ", "")
    if core[:1] in {".", ","}:
        # ".5" / ",5": the leading zero was left out; a group separator never comes first.
        if "." in core[1:] or "," in core[1:]:
            raise ParseError("a separator after the decimal separator")
        return "0." + core[1:]
    has_dot, has_comma = "." in core, "," in core
    if has_dot and has_comma:
        dec = "." if core.rfind(".") > core.rfind(",") else ","
        thousands = "," if dec == "." else "."
        if core.count(dec) > 1:
            raise ParseError("more than one decimal separator")
        head, _, tail = core.partition(dec)
        if not re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})*", head):
            raise ParseError("digit groups are not in threes")
        return head.replace(thousands, "") + "." + tail
    sep = "." if has_dot else "," if has_comma else ""
    if not sep:
        return core
    groups = core.split(sep)
    if len(groups) > 2:
        # 1,234,567 or 1.234.567: only a thousands separator repeats.
        if not re.fullmatch(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+", core):
            raise ParseError(f"'{sep}' appears more than once")
        return core.replace(sep, "")
    if decimal is not None and sep != decimal and len(groups[1]) == 3:
        return core.replace(sep, "")  # the file's locale says this is a group separator
    return core.replace(sep, ".")


def parse_quantity(text: str, decimal: Decimal = None) -> Quantity | None:
    """Read a number written as text; ``None`` for a blank cell.

    Parameters
    ----------
    text
        The cell's text.
    decimal
        The decimal separator of the source, when known (a CSV's locale). With
        ``None`` a single comma or dot is a decimal separator (``13,2`` is 13.2)
        unless the digits are grouped in threes more than once.

    Raises
    ------
    ParseError
        The text holds no number, more than one, or words that are not a
        currency or scale.
    """
    original = text
    text = _SPACE_RE.sub(" ", text).strip()
    if not text or text in {"-", "—", "–"}:
        return None
    if text.startswith("#") and text.endswith(("!", "?", "A")):
        raise ParseError(f"the cell holds the spreadsheet error {text}", original)
    lowered = text.lower()
    if lowered in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity", "n/a", "na"}:
        raise ParseError(f"'{text}' is not a number", original)
    negative = False
    if lowered.startswith("(") and lowered.endswith(")"):
        negative, lowered = True, lowered[1:-1].strip()
    percent = "%" in lowered
    lowered = lowered.replace("%", " ")
    if lowered and lowered[0] in "+" + _MINUS:
        negative = negative or lowered[0] != "+"
        lowered = lowered[1:].lstrip()
    numbers = list(_NUMBER_RE.finditer(lowered))
    if len(numbers) != 1:
        what = "no number" if not numbers else "more than one number"
        raise ParseError(f"'{text}' holds {what}", original)
    match = numbers[0]
    core = match.group().rstrip(" .,'\u2019")
    grouped = " " in core or "'" in core or "\u2019" in core
    if grouped and not re.fullmatch(r"\d{1,3}([ '\u2019]\d{3})+([.,]\d+)?", core):
        raise ParseError(f"'{text}': digit groups are not in threes", original)
    rest = lowered[: match.start()] + " " + lowered[match.start() + len(core) :]
    words = _WORD_RE.findall(rest)
    leftover = _WORD_RE.sub(" ", rest).replace(".", " ").replace(",", " ").split()
    if leftover and (len(leftover) > 1 or leftover[0] not in _MINUS or negative):
        raise ParseError(f"'{text}' is not a number", original)
    negative = negative or bool(leftover)
    currency, scale = "", ""
    for word in words:
        if word in _SCALE_WORDS and not scale:
            scale = _SCALE_WORDS[word]
        elif word in _CURRENCY_WORDS and (not currency or _CURRENCY_WORDS[word] == currency):
            currency = _CURRENCY_WORDS[word]
        else:
            raise ParseError(f"'{text}': '{word}' is not a currency or scale", original)
    try:
        value = float(_normalise_digits(core, decimal))
    except ParseError as exc:
        raise ParseError(f"'{text}' is not a number: {exc.message}", original) from None
    except ValueError:
        raise ParseError(f"'{text}' is not a number", original) from None
    if not math.isfinite(value):
        raise ParseError(f"'{text}' is not a finite number", original)
    return Quantity(-value if negative else value, currency, scale, percent)


def parse_number(text: str, decimal: Decimal = None) -> float | None:
    """The value of ``parse_quantity``: ``'USD 13,2 bn'`` -> 13.2."""
    quantity = parse_quantity(text, decimal)
    return None if quantity is None else quantity.value


def check_finite(value: float) -> float:
    """Refuse NaN and infinities, which spreadsheets cannot hold."""
    if not math.isfinite(value):
        raise ParseError(f"{value} is not a finite number", value)
    return value


def guess_decimal(texts: list[str]) -> Decimal:
    """The decimal separator a column of texts uses, when the texts tell.

    ``13,25`` or ``1 234,5`` say comma; ``13.25`` or ``1,234.5`` say dot. A lone
    ``1,234`` says nothing. Used for CSV files, whose locale is unknown.
    """
    comma = dot = 0
    for text in texts:
        t = _SPACE_RE.sub("", text)
        if re.search(r"\d\.\d{3}(?!\d).*,\d|\d,(\d{1,2}|\d{4,})(?!\d)", t):
            comma += 1
        if re.search(r"\d,\d{3}(?!\d).*\.\d|\d\.(\d{1,2}|\d{4,})(?!\d)", t):
            dot += 1
    if comma > dot:
        return ","
    if dot > comma:
        return "."
    return None
