"""Money as data: amounts with their currency and scale, converted through the FX sheet.

Corridor figures arrive in their own currencies (the Rasht-Astara railway in
EUR, Dostyk-Moyynty in KZT, the Volga-Caspian canal in RUB). An amount is
converted to the display currency only through a dated, sourced rate of the FX
sheet (units of the currency per US dollar); an amount whose currency has no
rate is never summed: it is returned as ``ExcludedAmount`` and the caller lists
it. Nothing here guesses a rate or a scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from corridor_app.model.errors import Problem
from corridor_app.model.numbers import SCALES
from corridor_app.model.units import parse_unit
from corridor_app.model.workbook import Workbook

_DIGITS = 9  # same rounding as reconcile: sums read 39.09, not 39.089999999999996
DISPLAY_CURRENCIES = ("USD", "EUR", "RUB", "KZT")


@dataclass(frozen=True)
class Display:
    """The currency and scale totals are shown in: USD bn unless the analyst picks another."""

    currency: str = "USD"
    scale: str = "bn"

    def __str__(self) -> str:
        return " ".join(p for p in (self.currency, self.scale) if p)

    @classmethod
    def parse(cls, text: str) -> Display:
        """``"EUR"`` -> EUR bn, ``"rub mln"`` -> RUB mln; ``ValueError`` for anything not money."""
        unit = parse_unit(text)
        if unit is None or not unit.currency or unit.percent:
            raise ValueError(f"'{text}' is not a currency such as USD, EUR, RUB or KZT (optionally with mln or bn)")
        return cls(unit.currency, unit.scale or "bn")


@dataclass(frozen=True)
class Rate:
    """One row of the FX sheet: how many units of ``currency`` one US dollar buys, as of when, per whom."""

    currency: str
    units_per_usd: float
    as_of: str
    source: str
    row: int | None = None


@dataclass(frozen=True)
class FxRates:
    """The usable rates of a workbook (USD is always 1) and what was wrong with the others."""

    rates: dict[str, Rate]
    problems: tuple[Problem, ...] = ()

    def per_usd(self, currency: str) -> float | None:
        if currency == "USD":
            return 1.0
        rate = self.rates.get(currency)
        return rate.units_per_usd if rate is not None else None

    def convert(self, value: float, currency: str, scale: str, display: Display) -> float | None:
        """``value`` in ``currency``/``scale`` expressed in ``display``; ``None`` when a rate is missing."""
        factor = SCALES[scale] / SCALES[display.scale]
        if currency == display.currency:
            return value * factor
        source, target = self.per_usd(currency), self.per_usd(display.currency)
        if source is None or target is None:
            return None
        return value * factor / source * target

    def missing(self, currency: str, display: Display) -> str:
        """Why ``currency`` cannot be shown in ``display``: the reason written beside an excluded amount."""
        absent = [c for c in (currency, display.currency) if self.per_usd(c) is None]
        return "no FX rate for " + " and ".join(dict.fromkeys(absent))


def fx_rates(workbook: Workbook) -> FxRates:
    """Read the FX sheet. A rate that is blank, zero or negative is not used and is reported.

    When a currency has several rows, the latest ``as_of`` (ISO dates compare as text) wins
    and the others are reported as info, so the analyst sees which rate is applied.
    """
    table = workbook.table("fx")
    rates: dict[str, Rate] = {}
    problems: list[Problem] = []
    for row in range(len(table)):
        sheet, at = table.where(row)
        currency = str(table.value(row, "currency") or "").strip().upper()
        value = table.value(row, "units_per_usd")
        unit = parse_unit(currency)
        code = unit.currency if unit is not None and unit.currency else currency
        if not code:
            continue
        if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            problems.append(
                Problem(
                    "warning", f"FX rate for {code} must be a positive number; not used", sheet, at, "Units per USD"
                )
            )
            continue
        rate = Rate(
            code, float(value), str(table.value(row, "as_of") or ""), str(table.value(row, "source") or ""), row
        )
        if code == "USD" and abs(rate.units_per_usd - 1.0) > 1e-12:
            problems.append(
                Problem("warning", "the FX rate of USD per USD must be 1; not used", sheet, at, "Units per USD")
            )
            continue
        previous = rates.get(code)
        if previous is not None:
            keep, drop = (rate, previous) if rate.as_of >= previous.as_of else (previous, rate)
            problems.append(
                Problem(
                    "info",
                    f"several FX rates for {code}: the one as of {keep.as_of or '(no date)'} is used, "
                    f"not {drop.units_per_usd:g} as of {drop.as_of or '(no date)'}",
                    sheet,
                    at,
                    "As of",
                )
            )
            rate = keep
        rates[code] = rate
    return FxRates(rates, tuple(problems))


@dataclass(frozen=True)
class Money:
    """An amount as written: value, currency, scale (``1600 EUR mln``)."""

    value: float
    currency: str
    scale: str

    @property
    def unit(self) -> str:
        return " ".join(p for p in (self.currency, self.scale) if p)

    def to(self, display: Display, fx: FxRates) -> float | None:
        return fx.convert(self.value, self.currency, self.scale, display)


def money_of(value: object, currency: object, unit: object) -> tuple[Money | None, str]:
    """An amount from a cost/currency/unit triple, or ``None`` and the reason it is not one.

    ``unit`` may hold a scale (``million``) or currency and scale (``EUR mln``);
    a currency in ``unit`` that differs from ``currency`` is a contradiction,
    never resolved by picking one.
    """
    if value is None:
        return None, "no amount"
    cur = str(currency or "").strip()
    parsed_cur = parse_unit(cur) if cur else None
    code = parsed_cur.currency if parsed_cur is not None and parsed_cur.currency else cur.upper()
    parsed = parse_unit(unit)
    scale = ""
    if parsed is not None:
        if parsed.text and not (parsed.currency or parsed.scale):
            return None, f"cost unit '{parsed.text}' is not a currency or scale"
        if parsed.currency and code and parsed.currency != code:
            return None, f"currency {code} but the cost unit says {parsed.currency}"
        code = code or parsed.currency
        scale = parsed.scale
    if not code:
        return None, "no currency"
    if parsed is None:
        # A blank cost unit says nothing: 1600 might be euros or millions of euros.
        return None, "no scale (cost unit such as mln or bn)"
    return Money(float(value), code, scale), ""  # type: ignore[arg-type]


@dataclass(frozen=True)
class ExcludedAmount:
    """An amount that could not be converted, so it is in no total: listed, never dropped."""

    corridor: str
    project: str | None
    country: str | None
    currency: str
    amount: float | None
    unit: str
    reason: str
    table: str
    row: int

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"corridor": self.corridor}
        if self.project is not None:
            out["project"] = self.project
        out["country"] = self.country
        out.update({"currency": self.currency, "amount": self.amount, "unit": self.unit, "reason": self.reason})
        return out


def round_amount(value: float) -> float:
    return round(value, _DIGITS)
