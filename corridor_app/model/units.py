"""Units of amounts ("USD bn", "млрд долл.", "EUR mln") and conversion between scales.

Only a change of scale within one currency is a conversion here (USD mln to
USD bn); amounts in another currency or an unknown unit are never summed with
the rest, they are reported as excluded.
"""

from __future__ import annotations

from dataclasses import dataclass

from corridor_app.model.errors import ParseError
from corridor_app.model.measures import canonical_unit
from corridor_app.model.numbers import SCALES, parse_quantity


@dataclass(frozen=True)
class Unit:
    currency: str
    scale: str
    percent: bool = False
    text: str = ""

    def __str__(self) -> str:
        if self.percent:
            return "%"
        return " ".join(p for p in (self.currency, self.scale) if p) or self.text


def parse_unit(text: object) -> Unit | None:
    """Read a unit text; ``None`` when blank, a bare ``Unit(text=...)`` when not money."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    try:
        q = parse_quantity("1 " + raw.replace("$", " usd "))
    except ParseError:
        return Unit("", "", False, canonical_unit(raw) or raw)
    if q is None:  # pragma: no cover - "1 ..." always holds a number
        return None
    return Unit(q.currency, q.scale, q.percent, raw)


def conversion_factor(source: Unit | None, target: Unit | None) -> float | None:
    """The factor that turns an amount in ``source`` into ``target``, or ``None``.

    A blank unit is taken to be the target's (the sheet's own unit).
    """
    if source is None or target is None:
        return 1.0
    if source.percent or target.percent:
        return 1.0 if source.percent == target.percent else None
    if not (source.currency or source.scale) or not (target.currency or target.scale):
        return 1.0 if source.text.casefold() == target.text.casefold() else None
    if source.currency and target.currency and source.currency != target.currency:
        return None
    return SCALES[source.scale] / SCALES[target.scale]
