"""Shared fixtures: the seed corridor built in memory, and where the bundled files are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corridor_app.model.table import Origin
from corridor_app.model.workbook import Workbook

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "north_south_itc.xlsx"
CORPUS = REPO / ".." / "shared" / "corpus"

# The figures the app exists for (EADB via SPUTNIK Azerbaijan, 26.10.2022).
SEED = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}
SEED_TOTAL = 38.2
CORRIDOR = "North-South ITC"


def seed_workbook(corridor: str = CORRIDOR, unit: str = "USD bn") -> Workbook:
    """A workbook holding only the seed contributions and their published total."""
    book = Workbook()
    contributions = book.table("contributions")
    contributions.append_many(
        [{"corridor": corridor, "country": c, "amount": a, "unit": unit, "source": "EADB"} for c, a in SEED.items()],
        [Origin("Contributions", r) for r in range(2, 2 + len(SEED))],
    )
    book.table("totals").append_many(
        [{"corridor": corridor, "published_total": SEED_TOTAL, "unit": unit, "source": "EADB"}],
        [Origin("Totals", 2)],
    )
    return book


@pytest.fixture
def seed() -> Workbook:
    return seed_workbook()


@pytest.fixture
def make_seed() -> Callable[..., Workbook]:
    """The builder itself, for tests that need several corridors or another unit."""
    return seed_workbook


@pytest.fixture
def bundled() -> Path:
    return BUNDLED


@pytest.fixture
def two_corridor_xlsx(tmp_path: Path) -> Path:
    """North-South (USD bn, does not reconcile) beside a Middle Corridor in EUR bn that does, and an EUR rate."""
    from openpyxl import Workbook as Xlsx

    path = tmp_path / "two.xlsx"
    xlsx = Xlsx()
    ws = xlsx.active
    ws.title = "Contributions"
    ws.append(["Corridor", "Country", "Amount", "Unit", "Source"])
    for country, amount in SEED.items():
        ws.append([CORRIDOR, country, amount, "USD bn", "EADB"])
    ws.append(["Middle Corridor", "Kazakhstan", 9.0, "EUR bn", "test"])
    ws.append(["Middle Corridor", "Azerbaijan", 4.0, "EUR bn", "test"])
    totals = xlsx.create_sheet("Totals")
    totals.append(["Corridor", "Published total", "Unit", "Source"])
    totals.append([CORRIDOR, SEED_TOTAL, "USD bn", "EADB"])
    totals.append(["Middle Corridor", 13.0, "EUR bn", "test"])
    fx = xlsx.create_sheet("FX")
    fx.append(["Currency", "Units per USD", "As of", "Source"])
    fx.append(["EUR", 0.8, "2023-12-29", "test"])
    xlsx.save(path)
    return path
