"""The sheets the format knows: their tables and columns, with names, aliases and types.

Sheet and column names match case-insensitively, in English or Russian, with punctuation ignored
(``normalise_name``). How a cell's text becomes a value is model/schema.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import SupportsIndex

from corridor_app.model.columns import (
    _CORRIDOR,
    _COUNTRY,
    _HIGH_ALIASES,
    _LOW_ALIASES,
    _NOTE,
    _SOURCE,
    _UNIT,
    ColumnSpec,
    _bounds,
    normalise_name,
)


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

    @cached_property
    def name_index(self) -> dict[str, tuple[str, ...]]:
        """Normalised header -> keys of the columns it can name, in column order.

        Built once per table, so matching a header row costs one lookup per cell: normalising every alias
        again for each header cell made a 9,000-column CSV take longer than the load limit (issue 17).
        """
        index: dict[str, list[str]] = {}
        for col in self.columns:
            for name in col.names():
                keys = index.setdefault(name, [])
                if col.key not in keys:
                    keys.append(col.key)
        return {name: tuple(keys) for name, keys in index.items()}

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[object, ...]:
        """The format's own tables pickle by key, so a workbook read in a child process keeps them identical."""
        if TABLES_BY_KEY.get(self.key) is self:
            return (table_spec, (self.key,))
        return super().__reduce_ex__(protocol)


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
            low="low",
            high="high",
            approx="approx",
        ),
        *_bounds("amount"),
        _UNIT,
        _SOURCE,
        _NOTE,
        # Optional: the year a figure is for. A country-by-year table loads in long form with it (issue 17).
        ColumnSpec("year", "Year", "year", aliases=("год", "fiscal year", "fy", "год отчета", "отчетный год")),
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
            low="low",
            high="high",
            approx="approx",
        ),
        *_bounds("published_total"),
        _UNIT,
        _SOURCE,
    ),
    aliases=("итоги", "total", "итого", "published totals"),
    signature=("corridor", "published_total"),
)

# How a target's observations count (model/progress.py): the value at a date, or yearly flows summed.
MEASURES: tuple[tuple[str, ...], ...] = (
    ("level", "stock", "value at a date", "уровень", "значение на дату"),
    ("cumulative", "flow", "flows", "sum", "total over the term", "накопленный", "нарастающим итогом", "сумма"),
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
        # How observations count toward the goal (model/progress.py); blank is a level. Last, so an old
        # file whose unit column is headed "Measure" still reads it as the unit (assigned first).
        ColumnSpec(
            "measure",
            "Measure",
            aliases=("kind of target", "вид цели", "тип цели", "measure type"),
            choices=MEASURES,
        ),
    ),
    aliases=("цели", "показатели", "indicators", "target"),
    signature=("target", "value"),
)

# Official figures year by year for the targets (issue 16; model/progress.py, docs/FORMAT.md "Progress").
PROGRESS = TableSpec(
    "progress",
    "Progress",
    (
        ColumnSpec(
            "target",
            "Target",
            required=True,
            aliases=("indicator", "показатель", "цель", "target name", "название цели", "goal"),
        ),
        ColumnSpec("country", "Country", aliases=_COUNTRY.aliases),
        ColumnSpec("year", "Year", "year", required=True, aliases=("год", "period", "период", "as of year")),
        ColumnSpec(
            "value",
            "Value",
            "number",
            required=True,
            measure=True,
            aliases=("значение", "actual", "observed", "observation", "факт", "фактическое значение", "amount"),
        ),
        _UNIT,
        _SOURCE,
        _NOTE,
    ),
    aliases=("прогресс", "факт", "observations", "actuals", "наблюдения", "факты", "фактические значения", "actual"),
    signature=("target", "year", "value"),
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
        ColumnSpec(
            "length_km",
            "Length km",
            "number",
            aliases=("length", "протяженность", "длина", "km", "км"),
            low="length_low",
            high="length_high",
            approx="length_approx",
        ),
        *_bounds("length_km", "length_", "length", ("длина от", "протяженность от"), ("длина до", "протяженность до")),
        ColumnSpec(
            "cost",
            "Cost",
            "number",
            aliases=("стоимость", "сумма", "investment", "amount"),
            low="cost_low",
            high="cost_high",
            approx="cost_approx",
        ),
        *_bounds(
            "cost", "cost_", "cost", ("low", *_LOW_ALIASES, "стоимость от"), ("high", *_HIGH_ALIASES, "стоимость до")
        ),
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

# PROGRESS last: a sheet with another name that matches it and Targets equally is read as Targets.
TABLES: tuple[TableSpec, ...] = (CONTRIBUTIONS, TOTALS, TARGETS, PROJECTS, SCENARIOS, FX, PROGRESS)
TABLES_BY_KEY = {t.key: t for t in TABLES}


def table_spec(key: str) -> TableSpec:
    """The format's table ``key`` (what a pickled ``TableSpec`` is read back as)."""
    return TABLES_BY_KEY[key]


def table_for_sheet(name: str) -> TableSpec | None:
    """The table a sheet name designates, if any."""
    norm = normalise_name(name)
    for spec in TABLES:
        if norm in spec.names():
            return spec
    return None
