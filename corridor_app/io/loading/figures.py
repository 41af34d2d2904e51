"""A record read cell by cell: its unit settled and its stated ranges filled in.

The unit column is filled from the number's own words or the header, and the
figure converted when they differ in scale ("38 200 USD mln" under a "USD bn"
unit). Bounds written in a figure's cell ("over 38", "12–14") then fill its
Low/High/Approximate cells, converted the same way (``model.ranges``), and the
record's ranges are checked. Problems come back as ``(column key, message)``
for the loader to place at their cells.
"""

from __future__ import annotations

from collections.abc import Callable

from corridor_app.model.numbers import Quantity
from corridor_app.model.ranges import merge_bounds
from corridor_app.model.schema import Value, format_unit
from corridor_app.model.sheets import TableSpec
from corridor_app.model.units import conversion_factor, parse_unit

MAIN_FIGURE = {"contributions": "amount", "totals": "published_total", "targets": "value"}


def settle_figures(
    spec: TableSpec,
    record: dict[str, Value],
    quantities: dict[str, Quantity],
    header_unit: Callable[[str], str],
) -> list[tuple[str, str]]:
    """Settle ``record``'s unit and ranges in place; the problems found, by column key."""
    factors: dict[str, float] = {}
    problems = _settle_unit(spec, record, quantities, header_unit, factors)
    if problems:
        return problems
    return merge_bounds(spec, record, quantities, factors)


def _settle_unit(
    spec: TableSpec,
    record: dict[str, Value],
    quantities: dict[str, Quantity],
    header_unit: Callable[[str], str],
    factors: dict[str, float],
) -> list[tuple[str, str]]:
    """Fill the unit column from the number's words or the header; convert scale if they differ."""
    main = MAIN_FIGURE.get(spec.key)
    if "unit" not in spec.keys or main is None:
        return []
    q = quantities.get(main)
    written = (q.unit or format_unit(q.currency, q.scale, q.percent)) if q is not None else ""
    unit = record.get("unit") or header_unit(main) or None
    if written and unit and record.get(main) is not None:
        factor = conversion_factor(parse_unit(written), parse_unit(unit))
        if factor is None:
            return [(main, f"the amount is written in {written} but the unit is {unit}")]
        record[main] = float(record[main]) * factor  # type: ignore[arg-type]
        factors[main] = factor
    record["unit"] = unit or written or None
    problems = []
    for key, other in quantities.items():  # a baseline in km beside a target in Mt/yr is refused
        other_unit = other.unit or format_unit(other.currency, other.scale, other.percent)
        column = spec.column(key)
        # The Low and High of the figure are in its unit too: "38 bn" under "USD mln" is 38,000.
        if key != main and (column.measure or column.bound_of == main) and other_unit and record["unit"]:
            factor = conversion_factor(parse_unit(other_unit), parse_unit(record["unit"]))
            if factor is None:
                name = key if column.measure else column.label.lower()
                problems.append((key, f"the {name} is written in {other_unit} but the unit is {record['unit']}"))
            elif record.get(key) is not None:
                record[key] = float(record[key]) * factor  # type: ignore[arg-type]
    return problems
