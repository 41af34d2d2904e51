"""The corridor workbook's tables and columns: names, aliases and types.

Sheet and column names match case-insensitively, in English or Russian, with
punctuation and units ignored ("Сумма, млрд долл." finds the amount column).
``parse_cell`` turns a cell's content into the column's value or raises
``ParseError``; it is what the loader and the table editor both use.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Literal, SupportsIndex

from corridor_app.model.errors import ParseError
from corridor_app.model.measures import parse_measure
from corridor_app.model.numbers import Decimal, Quantity, check_finite, parse_quantity

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

    def names(self) -> tuple[str, ...]:
        return tuple(normalise_name(n) for n in (self.key, self.label, *self.aliases))


@dataclass(frozen=True)
class TableSpec:
    """One sheet of the format: its name, aliases and known columns."""

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    aliases: tuple[str, ...] = ()
    # Columns that must all be found for a sheet with another name to be read as this table.
    signature: tuple[str, ...] = field(default=())

    def column(self, key: str) -> ColumnSpec:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def names(self) -> tuple[str, ...]:
        return tuple(normalise_name(n) for n in (self.key, self.label, *self.aliases))

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[object, ...]:
        """The format's own tables pickle by key, so a workbook read in a child process keeps them identical."""
        if TABLES_BY_KEY.get(self.key) is self:
            return (table_spec, (self.key,))
        return super().__reduce_ex__(protocol)


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
    ),
)
_UNIT = ColumnSpec("unit", "Unit", aliases=("units", "единица", "единицы", "ед изм", "единица измерения", "measure"))
_SOURCE = ColumnSpec(
    "source", "Source", aliases=("источник", "sources", "reference", "ref", "url", "link", "ссылка", "источники")
)
_NOTE = ColumnSpec("note", "Note", aliases=("notes", "comment", "comments", "примечание", "комментарий", "remarks"))

CONTRIBUTIONS = TableSpec(
    "contributions",
    "Contributions",
    (
        _CORRIDOR,
        _COUNTRY,
        ColumnSpec(
            "amount",
            "Amount",
            "number",
            required=True,
            aliases=(
                "сумма",
                "объем",
                "объём",
                "инвестиции",
                "объем инвестиций",
                "объём инвестиций",
                "investment",
                "investments",
                "contribution",
                "value",
                "usd bn",
                "bn usd",
                "usd billion",
                "billion usd",
                "млрд долл",
                "млрд долл сша",
                "млрд",
                "вклад",
                "amount usd bn",
                "сумма млрд долл",
                "значение",
            ),
        ),
        _UNIT,
        _SOURCE,
        _NOTE,
    ),
    aliases=("вклады", "взносы", "инвестиции", "investments", "contribution", "by country", "по странам"),
    signature=("country", "amount"),
)

TOTALS = TableSpec(
    "totals",
    "Totals",
    (
        ColumnSpec(_CORRIDOR.key, _CORRIDOR.label, required=True, aliases=_CORRIDOR.aliases),
        ColumnSpec(
            "published_total",
            "Published total",
            "number",
            required=True,
            aliases=("total", "published", "итого", "всего", "опубликованный итог", "общая сумма", "итог"),
        ),
        _UNIT,
        _SOURCE,
    ),
    aliases=("итоги", "total", "итого", "published totals"),
    signature=("corridor", "published_total"),
)

TARGETS = TableSpec(
    "targets",
    "Targets",
    (
        ColumnSpec("country", "Country", aliases=_COUNTRY.aliases),
        ColumnSpec(
            "target",
            "Target",
            required=True,
            aliases=("indicator", "показатель", "цель", "name", "название", "measure name", "goal"),
        ),
        ColumnSpec(
            "value",
            "Value",
            "number",
            measure=True,
            aliases=("target value", "значение", "целевое значение", "target", "цель", "цель значение"),
        ),
        _UNIT,
        ColumnSpec(
            "baseline",
            "Baseline",
            "number",
            measure=True,
            aliases=("база", "базовое значение", "baseline value", "факт"),
        ),
        ColumnSpec("baseline_year", "Baseline year", "year", aliases=("год базы", "базовый год", "as of")),
        ColumnSpec("target_year", "Target year", "year", aliases=("год цели", "целевой год", "by", "deadline", "срок")),
        _SOURCE,
        _NOTE,
    ),
    aliases=("цели", "показатели", "indicators", "target"),
    signature=("target", "value"),
)

PROJECTS = TableSpec(
    "projects",
    "Projects",
    (
        _CORRIDOR,
        ColumnSpec("project", "Project", required=True, aliases=("проект", "name", "название", "project name")),
        ColumnSpec("country", "Country", aliases=_COUNTRY.aliases),
        ColumnSpec("route", "Route", aliases=("маршрут", "направление")),
        ColumnSpec("mode", "Mode", aliases=("вид", "вид транспорта", "type")),
        ColumnSpec("length_km", "Length km", "number", aliases=("length", "протяженность", "длина", "km", "км")),
        ColumnSpec("cost", "Cost", "number", aliases=("стоимость", "сумма", "investment", "amount")),
        ColumnSpec("currency", "Currency", aliases=("валюта", "cur")),
        ColumnSpec("cost_unit", "Cost unit", aliases=("scale", "масштаб", "cost scale", "единица стоимости")),
        ColumnSpec(
            "start_year",
            "Start year",
            "year",
            aliases=("start", "year start", "год начала", "начало", "начало строительства", "from year"),
        ),
        ColumnSpec(
            "end_year",
            "End year",
            "year",
            aliases=(
                "end",
                "completion",
                "completion year",
                "year end",
                "год окончания",
                "год завершения",
                "завершение",
            ),
        ),
        ColumnSpec("status", "Status", aliases=("статус",)),
        _SOURCE,
        _NOTE,
    ),
    aliases=("проекты", "project database", "project list"),
    signature=("project", "cost"),
)

# What-if scenarios: one adjustment per row (model/scenarios.py, docs/FORMAT.md "Scenarios").
SCENARIO_KINDS: tuple[tuple[str, ...], ...] = (
    ("percent", "%", "pct", "percent change", "change %", "процент", "изменение %", "изменение в %"),
    ("override", "set", "replace", "absolute", "заменить", "замена", "значение"),
    ("add", "plus", "increase by", "добавить", "прибавить", "добавка"),
    ("exclude", "remove", "drop", "исключить", "без"),
    ("none", "declare", "empty", "нет", "пусто"),
)

SCENARIOS = TableSpec(
    "scenarios",
    "Scenarios",
    (
        ColumnSpec(
            "scenario",
            "Scenario",
            required=True,
            aliases=("сценарий", "scenario name", "название сценария", "what if", "what-if"),
        ),
        ColumnSpec("country", "Country", aliases=_COUNTRY.aliases),
        ColumnSpec(
            "kind",
            "Kind",
            aliases=("adjustment", "type", "вид", "тип", "корректировка", "вид корректировки", "action"),
            choices=SCENARIO_KINDS,
        ),
        ColumnSpec(
            "value",
            "Value",
            "number",
            aliases=("значение", "amount", "change", "величина", "сумма", "изменение"),
        ),
        _CORRIDOR,
        _NOTE,
    ),
    aliases=("сценарии", "scenario", "what ifs", "what-ifs", "what if"),
    signature=("scenario", "kind"),
)

# Exchange rates: how many units of a currency one US dollar buys, dated and sourced (model/money.py).
FX = TableSpec(
    "fx",
    "FX",
    (
        ColumnSpec("currency", "Currency", required=True, aliases=("валюта", "cur", "currency code", "код валюты")),
        ColumnSpec(
            "units_per_usd",
            "Units per USD",
            "number",
            required=True,
            aliases=(
                "rate",
                "units per us dollar",
                "per usd",
                "rate per usd",
                "usd rate",
                "курс",
                "курс к доллару",
                "курс за 1 долл",
                "единиц за доллар",
                "единиц за 1 usd",
            ),
        ),
        ColumnSpec("as_of", "As of", aliases=("date", "as of date", "rate date", "дата", "на дату", "дата курса")),
        _SOURCE,
        _NOTE,
    ),
    aliases=("exchange rates", "fx rates", "rates", "currency rates", "курсы", "курсы валют", "валютные курсы"),
    signature=("currency", "units_per_usd"),
)

TABLES: tuple[TableSpec, ...] = (CONTRIBUTIONS, TOTALS, TARGETS, PROJECTS, SCENARIOS, FX)
TABLES_BY_KEY = {t.key: t for t in TABLES}


def table_spec(key: str) -> TableSpec:
    """The format's table ``key`` (what a pickled ``TableSpec`` is read back as)."""
    return TABLES_BY_KEY[key]


_TOTAL_LABEL = re.compile(r"^(grand\s+)?(total|sum|итого|всего|итог|общая сумма|сумма)\b", re.IGNORECASE)


def normalise_name(name: object) -> str:
    """Fold a header or sheet name for matching: case, ё, punctuation, spacing."""
    text = str(name).casefold().replace("ё", "е").replace("_", " ")
    text = re.sub(r"[^\w%$€₽₸]+", " ", text)
    return " ".join(text.split())


def is_total_label(text: object) -> bool:
    """Is this country-column text a total row ("Total", "Итого", "Всего")?"""
    return isinstance(text, str) and bool(_TOTAL_LABEL.match(text.strip()))


def table_for_sheet(name: str) -> TableSpec | None:
    """The table a sheet name designates, if any."""
    norm = normalise_name(name)
    for spec in TABLES:
        if norm in spec.names():
            return spec
    return None


def match_columns(spec: TableSpec, headers: list[object]) -> dict[int, str]:
    """Map header positions to the table's column keys.

    A header that can only mean one column is assigned first, so that in a file
    with "Indicator" and "Target" columns, "Target" becomes the value; in one
    with "Target" and "Value" it is the name. Unit words in a header are ignored
    ("Amount, USD bn" is the amount).
    """
    candidates: dict[int, list[str]] = {}
    for pos, header in enumerate(headers):
        if header is None or str(header).strip() == "":
            continue
        norm = normalise_name(header)
        keys = [c.key for c in spec.columns if norm in c.names()]
        if not keys:
            stripped = _strip_unit_words(norm)
            keys = [c.key for c in spec.columns if stripped and stripped in c.names()]
        if keys:
            candidates[pos] = keys
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for pos in sorted(candidates, key=lambda p: (len(candidates[p]), p)):
        for key in candidates[pos]:
            if key not in taken:
                assigned[pos] = key
                taken.add(key)
                break
    return dict(sorted(assigned.items()))


_UNIT_WORDS = re.compile(r"\b(usd|eur|rub|kzt|bn|mln|млрд|млн|долл|сша|руб|тенге|евро|billion|million|in|в|km|км|%)\b")


def _strip_unit_words(norm: str) -> str:
    return " ".join(_UNIT_WORDS.sub(" ", norm).split())


def unit_from_header(header: object) -> str:
    """The unit a header names, e.g. "Сумма, млрд долл." -> "USD bn"."""
    try:
        q = parse_quantity("1 " + normalise_name(header).replace("$", " usd "))
    except ParseError:
        words = normalise_name(header).split()
        q = None
        for i in range(len(words)):
            try:
                q = parse_quantity("1 " + " ".join(words[i:]))
                break
            except ParseError:
                continue
    if q is None:
        return ""
    return format_unit(q.currency, q.scale, q.percent)


def format_unit(currency: str, scale: str, percent: bool = False) -> str:
    if percent:
        return "%"
    return " ".join(p for p in (currency, scale) if p)


Value = str | float | int | None


def parse_cell(column: ColumnSpec, raw: object, decimal: Decimal = None) -> tuple[Value, Quantity | None]:
    """Read one cell for ``column``.

    Returns the value (``None`` for blank) and, for numbers written as text,
    the ``Quantity`` read from it so the caller can use its unit words.

    Raises
    ------
    ParseError
        The content is not of the column's type.
    """
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        if column.required:
            raise ParseError(f"{column.label} is required")
        return None, None
    if column.kind == "text" and column.choices:
        return parse_choice(column, raw), None
    if column.kind == "text":
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw)), None
        if isinstance(raw, (dt.datetime, dt.date)):
            return raw.isoformat(), None
        return str(raw).strip(), None
    if isinstance(raw, bool):
        raise ParseError(f"{column.label} must be a number, not {raw}", raw)
    if isinstance(raw, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        raise ParseError(f"{column.label} must be a number, not a date or time ({raw})", raw)
    quantity: Quantity | None = None
    if isinstance(raw, (int, float)):
        value = check_finite(float(raw))
    else:
        quantity = (parse_measure if column.measure else parse_quantity)(str(raw), decimal)
        if quantity is None:
            if column.required:
                raise ParseError(f"{column.label} is required")
            return None, None
        value = quantity.value
    if column.kind == "year":
        if not value.is_integer() or not 1800 <= value <= 2200:
            raise ParseError(f"{column.label} must be a year such as 2029, not {raw}", raw)
        return int(value), quantity
    return value, quantity


def parse_choice(column: ColumnSpec, raw: object) -> str:
    """The canonical value a choice cell names ("Процент" -> "percent"), or ``ParseError``."""
    norm = normalise_name(raw)
    for choice in column.choices:
        if norm in (normalise_name(c) for c in choice) or str(raw).strip() in choice:
            return choice[0]
    allowed = ", ".join(c[0] for c in column.choices)
    raise ParseError(f"{column.label} must be one of {allowed}, not {str(raw).strip()!r}", raw)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""
