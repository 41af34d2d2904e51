"""Synthetic contributions workbooks of any size, for the benchmarks.

The shape follows the real registries the app is used with: a Contributions
sheet with corridor, country, amount, unit, source, note and year, plus three
columns the format does not know (kept as extras), and a Totals sheet with one
published total per corridor. Values are drawn from a seeded generator so two
runs measure the same file.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

CORRIDORS = ("North–South ITC", "Middle Corridor", "Northern Sea Route", "Trans-Caspian", "Lapis Lazuli")
COUNTRIES = (
    "Russia", "Iran", "Kazakhstan", "Azerbaijan", "India", "Turkmenistan", "Uzbekistan", "Armenia",
    "Georgia", "Turkey", "China", "Pakistan", "Oman", "Qatar", "Afghanistan", "Belarus",
)  # fmt: skip
UNITS = ("USD bn", "USD bn", "USD bn", "USD mln")
STATUSES = ("planned", "under construction", "operating", "suspended")
HEADER = ("Corridor", "Country", "Amount", "Unit", "Source", "Note", "Year", "Status", "Project code", "Share")


def rows(n: int, seed: int = 7) -> list[tuple[object, ...]]:
    """``n`` contribution rows: 7 known columns and 3 extras (10 in all)."""
    rng = random.Random(seed)
    sources = [f"https://registry.example.org/doc/{i}" for i in range(500)]
    out = []
    for i in range(n):
        unit = rng.choice(UNITS)
        amount = round(rng.uniform(0.01, 20.0) * (1000 if unit == "USD mln" else 1), 3)
        out.append(
            (
                rng.choice(CORRIDORS),
                rng.choice(COUNTRIES),
                amount,
                unit,
                rng.choice(sources),
                f"entry {i}: {rng.choice(STATUSES)} segment",
                rng.randint(2000, 2035),
                rng.choice(STATUSES),
                f"P-{i:07d}",
                round(rng.random(), 4),
            )
        )
    return out


def totals(data: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """One published total per corridor, 2 % off the sum of parts (so there is a residual to show)."""
    sums: dict[str, float] = {}
    for row in data:
        factor = 0.001 if row[3] == "USD mln" else 1.0
        sums[str(row[0])] = sums.get(str(row[0]), 0.0) + float(row[2]) * factor  # type: ignore[arg-type]
    return [(name, round(total * 0.98, 3), "USD bn", "synthetic") for name, total in sums.items()]


def write_xlsx(path: Path, n: int) -> Path:
    """Write an ``n``-row workbook with openpyxl in write-only mode (the fast way to make big files)."""
    from openpyxl import Workbook

    data = rows(n)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contributions")
    sheet.append(HEADER)
    for row in data:
        sheet.append(row)
    tot = book.create_sheet("Totals")
    tot.append(("Corridor", "Published total", "Unit", "Source"))
    for row in totals(data):
        tot.append(row)
    book.save(path)
    return path


def write_csv(path: Path, n: int) -> Path:
    """The same contributions as CSV (no Totals sheet: CSV holds one table)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows(n))
    return path


def write_wide_xlsx(path: Path, rows_: int = 3, columns: int = 9_000) -> Path:
    """A wide sheet (issue 17): a country column, an amount column and ``columns`` project columns."""
    from openpyxl import Workbook

    rng = random.Random(11)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contributions")
    sheet.append(("Country", "Amount", *(f"Project {i}" for i in range(columns))))
    for r in range(rows_):
        sheet.append((COUNTRIES[r % len(COUNTRIES)], 1.5 + r, *(rng.randint(0, 999) for _ in range(columns))))
    book.save(path)
    return path
