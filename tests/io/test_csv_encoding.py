"""CSV files in the encodings analysts meet load with their names intact, and say which was used (issue 17).

A Latin-1 / Windows-1252 file ("Türkiye", "©", "€") was refused outright, and the most ordinary Russian CSV
(";"-separated, decimal commas, a unit after a comma in the header) came back "no corridor table found".
The guard against mojibake stays: a Cyrillic file is never read as Latin-1, nor the reverse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.csv_reader import read_csv, sniff_delimiter
from corridor_app.io.loading.encoding import decode, plausible_cyrillic, plausible_latin
from corridor_app.io.loading.loader import load_workbook

RU = "Страна;Сумма, млрд долл.\nРоссия;13,2\nИран;12,87\nКазахстан;6,32\n"
LATIN = "Country,Amount,Source\nTürkiye,3.2,© OECD\nCôte d'Ivoire,1.1,Banque 5 €\nSão Tomé,0.4,OECD\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r"])
def test_the_russian_excel_csv_loads_in_every_cyrillic_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes(RU.encode(encoding))
    table = load_workbook(path).table("contributions")
    assert [table.value(r, "country") for r in range(len(table))] == ["Россия", "Иран", "Казахстан"]
    assert table.column("amount").tolist() == [13.2, 12.87, 6.32]
    assert table.value(0, "unit") == "USD bn"
    assert read_csv(str(path)).encoding == encoding


def test_the_english_semicolon_file_with_decimal_commas_loads(tmp_path: Path) -> None:
    path = tmp_path / "en.csv"
    path.write_text("Country;Amount, USD bn\nRussia;13,2\nIran;12,87\n", encoding="utf-8")
    assert load_workbook(path).table("contributions").column("amount").tolist() == [13.2, 12.87]


@pytest.mark.parametrize("encoding", ["cp1252", "latin_1"])
def test_a_western_european_csv_loads_with_its_names_intact(tmp_path: Path, encoding: str) -> None:
    text = LATIN if encoding == "cp1252" else LATIN.replace("€", "EUR")
    path = tmp_path / "lat.csv"
    path.write_bytes(text.encode(encoding))
    table = load_workbook(path).table("contributions")
    assert [table.value(r, "country") for r in range(len(table))] == ["Türkiye", "Côte d'Ivoire", "São Tomé"]
    assert table.value(0, "source") == "© OECD"
    assert read_csv(str(path)).encoding == "cp1252"  # Latin-1 text reads the same as Windows-1252


def test_a_cyrillic_file_is_never_read_as_latin() -> None:
    data = "Country;Amount;Note\nRussia;5;примечание\n".encode("cp1251")
    text, encoding = decode("f.csv", data)
    assert encoding == "cp1251" and "примечание" in text
    assert not plausible_latin(data.decode("cp1252"))  # "ïðèìå÷àíèå"


def test_a_latin_file_is_never_read_as_cyrillic() -> None:
    data = "Pays;Montant\nParis à Lyon;3\nCôte d'Ivoire;2\n".encode("cp1252")
    text, encoding = decode("f.csv", data)
    assert encoding == "cp1252" and "Paris à Lyon" in text
    assert not plausible_cyrillic(data.decode("cp1251"))  # "Paris а Lyon", "Cфte d'Ivoire"


def test_the_encoding_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes(RU.encode("cp1251"))
    assert read_csv(str(path), encoding="Windows-1251").encoding == "cp1251"
    with pytest.raises(LoadError, match="not valid UTF-8"):
        read_csv(str(path), encoding="utf-8")
    with pytest.raises(LoadError, match="not a text encoding"):
        read_csv(str(path), encoding="no-such-thing")


def test_a_comma_between_digits_is_evidence_against_the_comma() -> None:
    assert sniff_delimiter("Страна;Сумма, млрд долл.\nРоссия;13,2\nИран;12,87\n") == ";"
    # Integers around commas in a comma-separated file are not decimal commas.
    assert sniff_delimiter("Country,2013,2014\nIran,1,2\nOman,3,4\n") == ","


def test_russian_letters_and_signs_are_not_taken_for_another_code_page() -> None:
    rows = ["№ п/п;Страна;Объём, млрд"] + [f"{n};Ёлкино № {n};1,5" for n in range(1, 6)] + ["6;Казахстан і;1"]
    decoded, encoding = decode("f.csv", "\n".join(rows).encode("cp1251"))
    assert encoding == "cp1251" and "№ п/п" in decoded and "Ёлкино № 5" in decoded
