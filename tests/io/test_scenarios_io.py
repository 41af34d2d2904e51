"""Scenarios survive save and load, via the Scenarios sheet and via Excel's Scenario Manager (issue: scenarios)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.scenario import InputCells, Scenario

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.loader import load_workbook
from corridor_app.io.saving.excel_scenarios import MAX_CHANGING_CELLS, read_excel_scenarios
from corridor_app.io.saving.writer import save_workbook
from corridor_app.model.scenarios import scenario_amounts, scenario_names, scenario_totals
from corridor_app.model.workbook import Workbook

ITC = "North-South ITC"
SEED = {"Russia": 13.2, "Iran": 12.87, "Kazakhstan": 6.32, "all other states": 6.7}
ROWS = [
    {"scenario": "Iran halved", "country": "Iran", "kind": "percent", "value": -50.0, "corridor": ITC, "note": "x"},
    {"scenario": "mix", "country": "*", "kind": "percent", "value": 10.0},
    {"scenario": "mix", "country": "Kazakhstan", "kind": "add", "value": 1.9},
    {"scenario": "mix", "country": "all other states", "kind": "exclude"},
    {"scenario": "empty", "kind": "none"},
]


def seed(rows: list[dict[str, object]] = ROWS) -> Workbook:
    book = Workbook()
    book.table("contributions").append_many(
        [{"corridor": ITC, "country": c, "amount": a, "unit": "USD bn", "source": "s"} for c, a in SEED.items()],
        [None] * len(SEED),
    )
    book.table("totals").append_many([{"corridor": ITC, "published_total": 38.2, "unit": "USD bn"}], [None])
    book.table("scenarios").append_many(rows, [None] * len(rows))  # type: ignore[arg-type]
    return book


def amounts(book: Workbook) -> dict[str, dict[str, float]]:
    return {n: scenario_amounts(book, n, ITC) for n in scenario_names(book)}


def test_scenarios_sheet_round_trips(tmp_path: Path) -> None:
    book = seed()
    path = tmp_path / "s.xlsx"
    save_workbook(book, path)
    loaded = load_workbook(path)
    assert loaded.table("scenarios").records() == book.table("scenarios").records()
    assert scenario_names(loaded) == ["Iran halved", "mix", "empty"]
    assert amounts(loaded) == amounts(book)
    assert loaded.problems == []  # the Excel scenarios agree with the sheet
    assert scenario_totals(loaded, ITC)[1].total == pytest.approx(32.655)


def test_no_scenarios_sheet_is_written_when_there_are_none(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    save_workbook(seed([]), path)
    wb = openpyxl.load_workbook(path)
    assert "Scenarios" not in wb.sheetnames
    assert not wb["Contributions"].scenarios


def test_excel_scenario_manager_holds_each_scenario_over_the_amount_cells(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    save_workbook(seed(), path)
    sheet = openpyxl.load_workbook(path)["Contributions"]
    assert [c.value for c in sheet["C"][1:5]] == list(SEED.values())  # the baseline stays in the cells
    by_name = {s.name: {c.r: float(c.val) for c in s.inputCells} for s in sheet.scenarios.scenario}
    assert list(by_name) == ["Iran halved", "mix", "empty"]
    assert by_name["Iran halved"] == {"C2": 13.2, "C3": 6.435, "C4": 6.32, "C5": 6.7}
    assert by_name["mix"] == pytest.approx({"C2": 14.52, "C3": 14.157, "C4": 8.852, "C5": 0.0})
    assert by_name["empty"] == {"C2": 13.2, "C3": 12.87, "C4": 6.32, "C5": 6.7}
    assert [s.name for s in read_excel_scenarios(str(path))] == list(by_name)


def test_a_scenario_made_in_excel_appears_as_overrides(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    save_workbook(seed([]), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Contributions"]
    cells = [InputCells(r="C2", val="13.2"), InputCells(r="C3", val="5"), InputCells(r="C5", val="0")]
    ws.scenarios.append(Scenario(inputCells=cells, name="Made in Excel", comment="by hand"))
    wb.save(path)

    loaded = load_workbook(path)
    assert loaded.problems == []
    assert scenario_names(loaded) == ["Made in Excel"]
    rows = loaded.table("scenarios").records()
    assert [(r["country"], r["kind"], r["value"]) for r in rows] == [
        ("Iran", "override", 5.0),
        ("all other states", "override", 0.0),
    ]
    assert "by hand" in str(rows[0]["note"])
    assert sum(scenario_amounts(loaded, "Made in Excel", ITC).values()) == pytest.approx(24.52)
    # and it goes back into Excel's Scenario Manager with the same cell values
    save_workbook(loaded, path)
    (back,) = openpyxl.load_workbook(path)["Contributions"].scenarios.scenario
    assert {c.r: float(c.val) for c in back.inputCells} == {"C2": 13.2, "C3": 5.0, "C4": 6.32, "C5": 0.0}


def test_a_scenario_edited_in_excel_is_reported_and_the_sheet_wins(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    save_workbook(seed(ROWS[:1]), path)
    wb = openpyxl.load_workbook(path)
    wb["Contributions"].scenarios.scenario[0].inputCells[1].val = "1"
    wb.save(path)
    loaded = load_workbook(path)
    assert scenario_amounts(loaded, "Iran halved", ITC)["Iran"] == pytest.approx(6.435)
    (problem,) = loaded.problems
    assert "differs from the Scenarios sheet in 1 cell" in problem.message


def test_excel_scenario_cells_outside_the_amounts_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    save_workbook(seed([]), path)
    wb = openpyxl.load_workbook(path)
    cells = [InputCells(r="B3", val="7"), InputCells(r="C9", val="1"), InputCells(r="C2", val="abc")]
    wb["Contributions"].scenarios.append(Scenario(inputCells=cells, name="odd"))
    wb.save(path)
    loaded = load_workbook(path)
    messages = [p.message for p in loaded.problems]
    assert any("B3 is not a contribution amount" in m for m in messages)
    assert any("C9 is not a contribution amount" in m for m in messages)
    assert any("C2 holds 'abc'" in m for m in messages)
    assert scenario_names(loaded) == ["odd"]  # kept, as a scenario that changes nothing
    assert scenario_amounts(loaded, "odd", ITC) == SEED


def test_many_rows_write_only_the_changed_cells(tmp_path: Path) -> None:
    book = Workbook()
    n = MAX_CHANGING_CELLS + 8
    book.table("contributions").append_many(
        [{"corridor": ITC, "country": f"C{i}", "amount": float(i + 1)} for i in range(n)], [None] * n
    )
    rows = [
        {"scenario": "one", "country": "C3", "kind": "add", "value": 1.0},
        {"scenario": "all", "country": "*", "kind": "percent", "value": 10.0},
    ]
    book.table("scenarios").append_many(rows, [None, None])  # type: ignore[arg-type]
    path = tmp_path / "many.xlsx"
    save_workbook(book, path)
    scenarios = openpyxl.load_workbook(path)["Contributions"].scenarios.scenario
    assert [(s.name, [(c.r, c.val) for c in s.inputCells]) for s in scenarios] == [("one", [("C5", "5")])]
    assert scenario_names(load_workbook(path)) == ["one", "all"]  # "all" stays in the Scenarios sheet


def test_russian_scenarios_sheet_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ru.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Вклады"
    ws.append(["Коридор", "Страна", "Сумма, млрд долл."])
    ws.append([ITC, "Иран", 12.87])
    ws.append([ITC, "Россия", 13.2])
    sc = wb.create_sheet("Сценарии")
    sc.append(["Сценарий", "Страна", "Вид", "Значение", "Коридор", "Примечание"])
    sc.append(["Санкции", "Иран", "процент", -50, None, "иллюстрация"])
    wb.save(path)
    loaded = load_workbook(path)
    assert scenario_amounts(loaded, "Санкции", ITC) == pytest.approx({"Иран": 6.435, "Россия": 13.2})


def test_an_unknown_kind_refuses_the_load_and_names_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    book = seed([])
    save_workbook(book, path)
    wb = openpyxl.load_workbook(path)
    sc = wb.create_sheet("Scenarios")
    sc.append(["Scenario", "Country", "Kind", "Value"])
    sc.append(["x", "Iran", "multiply", 2])
    wb.save(path)
    with pytest.raises(LoadError) as info:
        load_workbook(path)
    assert (info.value.sheet, info.value.row, info.value.column) == ("Scenarios", 2, "Kind")
    assert "must be one of percent, override, add, exclude, none" in str(info.value)


def test_bundled_dataset_has_the_illustrative_scenarios() -> None:
    from corridor_app.bundled import default_dataset

    book = load_workbook(default_dataset())
    assert book.problems == []
    assert scenario_names(book) == [
        "Iran's share halved under sanctions",
        "Russia accelerates",
        "Kazakhstan adds the eastern-route programme",
    ]
    notes = [str(n) for n in book.table("scenarios").column("note")]
    assert all(n.startswith("Illustration, not a forecast") for n in notes)
    totals = {c.name: c.total for c in scenario_totals(book, ITC)}
    assert totals == pytest.approx(
        {
            "Baseline": 39.09,
            "Iran's share halved under sanctions": 32.655,
            "Russia accelerates": 42.39,
            "Kazakhstan adds the eastern-route programme": 40.99,
        }
    )


def test_a_sheet_the_preflight_saw_without_scenarios_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 7: reading scenarios re-inflated the whole sheet (1.2 s at 1M rows) even when it had none.
    from corridor_app.io.loading.loader import read_sheets
    from corridor_app.io.saving import excel_scenarios

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Contributions"
    for row in (("Country", "Amount", "Source"), ("Iran", 12.87, "EADB"), ("Russia", 13.2, "EADB")):
        sheet.append(row)
    book.save(tmp_path / "plain.xlsx")
    assert [s.scenarios for s in read_sheets(tmp_path / "plain.xlsx")] == [False]
    sheet.scenarios.append(Scenario(inputCells=[InputCells(r="B2", val="10")], name="Low Iran"))
    book.save(tmp_path / "with.xlsx")
    assert [s.scenarios for s in read_sheets(tmp_path / "with.xlsx")] == [True]
    calls: list[object] = []
    real = excel_scenarios.read_excel_scenarios
    monkeypatch.setattr(excel_scenarios, "read_excel_scenarios", lambda *a: calls.append(a[0]) or real(*a))
    assert "Low Iran" not in scenario_names(load_workbook(tmp_path / "plain.xlsx"))
    assert "Low Iran" in scenario_names(load_workbook(tmp_path / "with.xlsx"))
    assert calls == [str(tmp_path / "with.xlsx")]
