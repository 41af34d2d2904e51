"""Structure-aware mutations of a valid xlsx package: change one part, re-zip (fuzzing, issue item 7)."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

HUGE_REFS = ["XFD1048576", "A1048576", "XFD1", "ZZZ99999999", "A0", "", "AAAA1"]
MUTATIONS = [
    "flip_bytes",
    "truncate",
    "drop_part",
    "duplicate_part_case",
    "far_cell",
    "huge_merge",
    "doctype",
    "formula_without_value",
    "error_cell",
    "garbage_number",
    "nan_text",
    "bomb_part",
    "swap_parts",
    "deep_nesting",
]


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_parts(path: Path, parts: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)


def mutate(source: Path, target: Path, kind: str, rng: random.Random) -> None:
    """Write ``source`` with one mutation of ``kind`` to ``target``."""
    parts = read_parts(source)
    names = sorted(parts)
    sheets = [n for n in names if "worksheets/sheet" in n] or names
    name = rng.choice(sheets if kind not in ("flip_bytes", "truncate", "drop_part", "doctype") else names)
    data = parts[name]
    out = list(parts.items())
    if kind == "flip_bytes":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        data = bytes(buf)
    elif kind == "truncate":
        data = data[: rng.randrange(len(data) + 1)]
    elif kind == "drop_part":
        out = [(n, d) for n, d in out if n != name]
    elif kind == "duplicate_part_case":
        out.append((name.upper(), data))
    elif kind == "far_cell":
        ref = rng.choice(HUGE_REFS)
        data = re.sub(rb'r="[A-Z]+\d+"', f'r="{ref}"'.encode(), data, count=rng.randint(1, 3))
    elif kind == "huge_merge":
        data = data.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        )
    elif kind == "doctype":
        data = re.sub(rb"^(<\?xml[^>]*\?>)?", rb'\1<!DOCTYPE x [<!ENTITY e "eeeeeeeeee">]>', data, count=1)
    elif kind == "formula_without_value":
        data = re.sub(rb"<v>[^<]*</v>", b"<f>1+1</f>", data, count=rng.randint(1, 5))
    elif kind == "error_cell":
        data = re.sub(rb'<c r="([A-Z]+\d+)"[^>]*>(<v>[^<]*</v>)', rb'<c r="\1" t="e"><v>#DIV/0!</v>', data, count=3)
    elif kind == "garbage_number":
        data = re.sub(
            rb"<v>[^<]*</v>", rng.choice([b"<v>1e999</v>", b"<v>abc</v>", b"<v>-</v>", b"<v></v>"]), data, count=4
        )
    elif kind == "nan_text":
        data = re.sub(rb"<v>[0-9.]+</v>", b"<v>NaN</v>", data, count=2)
    elif kind == "bomb_part":
        out.append(("xl/media/zeros.bin", b"\0" * (4 * 1024 * 1024)))
    elif kind == "swap_parts":
        other = rng.choice(names)
        data, parts[other] = parts[other], data
        out = [(n, parts[n] if n == other else d) for n, d in out]
    elif kind == "deep_nesting":
        depth = rng.randint(1000, 200_000)
        data = data.replace(b"</sheetData>", b"</sheetData>" + b"<x>" * depth + b"</x>" * depth)
    out = [(n, data if n == name and kind != "drop_part" else d) for n, d in out]
    write_parts(target, out)
