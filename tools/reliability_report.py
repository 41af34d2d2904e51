"""Measure load and save reliability; prints the figures of docs/RELIABILITY.md.

    python tools/reliability_report.py [--fuzz N] [--kills N] [--disk-full N]

Run from the repository root; the corpus is read from ../shared/corpus when present.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "io")]

import test_safe_save  # noqa: E402
from hostile_files import CORRIDOR_ROWS, inline, make_ods, make_xlsx, number  # noqa: E402
from mutations import MUTATIONS, mutate  # noqa: E402
from test_safe_save import FullDisk, kill_trial  # noqa: E402

from corridor_app.io.errors import LoadError, SaveError  # noqa: E402
from corridor_app.io.loading.interpret import interpret  # noqa: E402
from corridor_app.io.loading.isolated import read_sheets_isolated  # noqa: E402
from corridor_app.io.loading.loader import load_workbook  # noqa: E402
from corridor_app.io.saving.writer import save_workbook  # noqa: E402
from corridor_app.model.edits import SetCell, apply  # noqa: E402

BUNDLED = REPO / "data" / "north_south_itc.xlsx"


def outcome(path: Path) -> tuple[str, float, int, str]:
    """(loaded | clean error | crash | hang, seconds, peak bytes, message)."""
    started = time.monotonic()
    try:
        read = read_sheets_isolated(path)
    except LoadError as exc:
        seconds = time.monotonic() - started
        kind = "crash" if "crashed" in exc.message else "hang" if "took longer" in exc.message else "clean error"
        return kind, seconds, 0, exc.message
    try:
        interpret(str(path), read.sheets)
        result, message = "loaded", ""
    except LoadError as exc:
        result, message = "clean error", exc.message
    return result, time.monotonic() - started, read.peak_bytes, message


def hostile(folder: Path) -> list[Path]:
    far = '<row r="1">' + inline("A1", "x") + '</row><row r="1048576">' + number("XFD1048576", 1) + "</row>"
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>'
    )
    dos = (
        '<table:table table:name="S"><table:table-row table:number-rows-repeated="999999999"><table:table-cell '
        'table:number-columns-repeated="999999999" office:value-type="string"><text:p>X</text:p>'
        "</table:table-cell></table:table-row></table:table>"
    )
    return [
        make_xlsx(folder / "far_cell.xlsx", far),
        make_xlsx(folder / "merge.xlsx", after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
        make_xlsx(folder / "laughs.xlsx", extra={"xl/sharedStrings.xml": laughs}),
        make_xlsx(folder / "bomb.xlsx", extra={"xl/media/z.bin": b"\0" * (300 * 1024 * 1024)}),
        make_xlsx(folder / "dimension_lie.xlsx", before='<dimension ref="A1:XFD1048576"/>'),
        make_xlsx(folder / "valid.xlsx", CORRIDOR_ROWS),
        make_ods(folder / "repeat.ods", dos),
    ]


def disk_full_trials(folder: Path, n: int) -> tuple[int, int]:
    target = folder / "full.xlsx"
    save_workbook(load_workbook(BUNDLED), target, keep_backups=False)
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    size = target.stat().st_size
    real = os.fdopen
    intact = 0
    for i in range(n):
        room = int(size * i / n)
        os.fdopen = lambda fd, mode="r", *a, _room=room, **k: FullDisk(real(fd, mode, *a, **k), _room)  # type: ignore[assignment]
        try:
            book = load_workbook(target)
            apply(book, SetCell("contributions", 0, "amount", float(i)))
            save_workbook(book, target)
        except SaveError:
            pass
        finally:
            os.fdopen = real
        intact += hashlib.sha256(target.read_bytes()).hexdigest() == before
    return intact, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fuzz", type=int, default=500)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--disk-full", type=int, default=100)
    args = parser.parse_args()
    corpus = REPO / ".." / "shared" / "corpus"
    rows: list[tuple[str, str, float, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in sorted(p for p in corpus.glob("*") if p.suffix != ".md"):
            rows.append(("corpus " + path.suffix, path.name, *outcome(path)))
        for path in hostile(folder):
            rows.append(("generated hostile", path.name, *outcome(path)))
        valid = folder / "fuzz-valid.xlsx"
        save_workbook(load_workbook(BUNDLED), valid, keep_backups=False)
        rng = random.Random(1)
        for i in range(args.fuzz):
            kind = MUTATIONS[i % len(MUTATIONS)]
            target = folder / f"m{i}.xlsx"
            mutate(valid, target, kind, random.Random(rng.getrandbits(32)))
            rows.append(("fuzz " + kind, target.name, *outcome(target)))
            target.unlink()
        table: dict[str, Counter[str]] = {}
        for category, _name, result, *_ in rows:
            table.setdefault(category, Counter())[result] += 1
        print("| inputs | tried | loaded | clean error | crash | hang |\n|---|---|---|---|---|---|")
        for category, counts in sorted(table.items()):
            print(
                f"| {category} | {sum(counts.values())} | {counts['loaded']} | {counts['clean error']} "
                f"| {counts['crash']} | {counts['hang']} |"
            )
        slowest = max(rows, key=lambda r: r[3])
        peak = max(rows, key=lambda r: r[4])
        print(f"\nslowest load: {slowest[1]} ({slowest[0]}) {slowest[3]:.2f} s")
        print(f"peak child memory: {peak[1]} ({peak[0]}) {peak[4] / 2**20:.0f} MiB")
        iso: list[float] = []
        inproc: list[float] = []
        for _ in range(20):
            t = time.perf_counter()
            interpret(str(BUNDLED), read_sheets_isolated(BUNDLED).sheets)
            iso.append(time.perf_counter() - t)
            t = time.perf_counter()
            load_workbook(BUNDLED)
            inproc.append(time.perf_counter() - t)
        print(
            f"isolation: median {statistics.median(iso) * 1000:.0f} ms isolated vs "
            f"{statistics.median(inproc) * 1000:.0f} ms in process (bundled workbook, 20 runs)"
        )
        intact, n = disk_full_trials(folder, args.disk_full)
        print(f"disk-full trials: {n}, original intact {intact}/{n}")
        kill_target = folder / "kill.xlsx"
        save_workbook(load_workbook(BUNDLED), kill_target, keep_backups=False)
        expected: dict[str, Any] = {k: t.records() for k, t in load_workbook(kill_target).tables.items()}
        expected["contributions"] = expected["contributions"][1:]
        test_safe_save.EXPECTED_REST.update(expected)
        krng = random.Random(7)
        kills = Counter(kill_trial(kill_target, krng.uniform(0.0, 0.5)) for _ in range(args.kills))
        print(f"kill trials: {args.kills}, original intact {kills['intact']}/{args.kills}; other: {dict(kills)}")


if __name__ == "__main__":
    main()
