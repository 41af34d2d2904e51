"""Columns of the format: ``ColumnSpec``, the columns several tables share, and name matching.

``normalise_name`` folds a header or sheet name for matching: case, ё, punctuation and spacing.
The tables themselves are model/sheets.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

Kind = Literal["text", "number", "year"]


@dataclass(frozen=True)
class ColumnSpec:
    """One known column: its key in the model, the header it is written with, its type."""

    key: str
    label: str
    kind: Kind = "text"
    required: bool = False
    # A number column that also takes physical units ("836 km", "20 Mt/yr"): model/measures.py.
    measure: bool = False
    aliases: tuple[str, ...] = ()
    # For a text column with a closed set of values: each tuple is (value, *synonyms).
    choices: tuple[tuple[str, ...], ...] = ()
    # A figure that may be stated as a range (issue 18): the keys of its Low, High and Approximate
    # columns, which a bound written in its cell ("over 38", "12–14", "около 38") fills.
    low: str = ""
    high: str = ""
    approx: str = ""
    # For those Low/High/Approximate columns: the key of the figure they bound.
    bound_of: str = ""

    def names(self) -> tuple[str, ...]:
        return tuple(normalise_name(n) for n in (self.key, self.label, *self.aliases))

    @cached_property
    def choice_index(self) -> dict[str, str]:
        """Normalised spelling -> canonical value of each choice, built once (not once per cell, issue 17)."""
        index: dict[str, str] = {}
        for choice in self.choices:
            for spelling in choice:
                index.setdefault(normalise_name(spelling), choice[0])
        return index


_CORRIDOR = ColumnSpec("corridor", "Corridor", aliases=("коридор", "маршрут коридора", "corridor name"))
_COUNTRY = ColumnSpec(
    "country",
    "Country",
    required=True,
    aliases=(
        "страна",
        "государство",
        "state",
        "states",
        "participant",
        "участник",
        "country region",
        "countries",
        "страны",
        "nation",
        "member",
        "country name",
        "country or area",
    ),
)
_UNIT = ColumnSpec("unit", "Unit", aliases=("units", "единица", "единицы", "ед изм", "единица измерения", "measure"))
_SOURCE = ColumnSpec(
    "source", "Source", aliases=("источник", "sources", "reference", "ref", "url", "link", "ссылка", "источники")
)
_NOTE = ColumnSpec("note", "Note", aliases=("notes", "comment", "comments", "примечание", "комментарий", "remarks"))

# Ranges (issue 18): what an Approximate cell may say; the first word of each tuple is what is stored.
APPROX_CHOICES: tuple[tuple[str, ...], ...] = (
    ("approximate", "approx", "about", "around", "yes", "y", "true", "x", "~", "≈", "около", "примерно", "да"),
    ("exact", "no", "n", "false", "нет", "точно"),
)
_LOW_ALIASES = ("min", "minimum", "low estimate", "lower bound", "от", "нижняя оценка", "нижняя граница", "минимум")
_HIGH_ALIASES = (
    "max",
    "maximum",
    "high estimate",
    "upper bound",
    "до",
    "верхняя оценка",
    "верхняя граница",
    "максимум",
)
_APPROX_ALIASES = ("approx", "approximately", "приблизительно", "примерно", "приближенно")


def _bounds(
    of: str, prefix: str = "", label: str = "", low: tuple[str, ...] = (), high: tuple[str, ...] = ()
) -> tuple[ColumnSpec, ...]:
    """The Low, High and Approximate columns of figure ``of``; with a prefix for a table with several figures."""
    if prefix:
        low = (*(f"{label} {a}" for a in ("low", "min", "minimum", "lower bound")), *low)
        high = (*(f"{label} {a}" for a in ("high", "max", "maximum", "upper bound")), *high)
        approx: tuple[str, ...] = (f"{label} approx", f"{label} approximately")
    else:
        low, high, approx = _LOW_ALIASES, _HIGH_ALIASES, _APPROX_ALIASES
    return (
        ColumnSpec(f"{prefix}low", f"{label} low".strip().capitalize(), "number", aliases=low, bound_of=of),
        ColumnSpec(f"{prefix}high", f"{label} high".strip().capitalize(), "number", aliases=high, bound_of=of),
        ColumnSpec(
            f"{prefix}approx",
            f"{label} approximate".strip().capitalize(),
            aliases=approx,
            choices=APPROX_CHOICES,
            bound_of=of,
        ),
    )


def normalise_name(name: object) -> str:
    """Fold a header or sheet name for matching: case, ё, punctuation, spacing."""
    return _normalise(str(name))


@functools.lru_cache(maxsize=8192)
def _normalise(name: str) -> str:
    # Cached: matching a file's headers folds every known name thousands of times (40 ms at start-up).
    text = name.casefold().replace("ё", "е").replace("_", " ")
    text = re.sub(r"[^\w%$€₽₸]+", " ", text)
    return " ".join(text.split())
