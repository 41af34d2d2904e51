"""Update the translation sources from the code and compile them, reproducibly (Qt Linguist's own tools).

    python tools/update_translations.py          # lupdate the .ts from the code, then lrelease the .qm
    python tools/update_translations.py --check  # change nothing; exit 1 if anything is untranslated or stale

1. ``pyside6-lupdate`` reads every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP()`` in
   corridor_app/ into resources/translations/corridor_app_<lang>.ts: new strings arrive as "unfinished",
   strings gone from the code are dropped. No source locations are written, so moving code does not
   change the .ts. The English file holds only the plural forms of ``%Ln`` strings ("1 row",
   "2 rows"), as Qt recommends for a source language.
2. Translate the unfinished strings: open the .ts in ``pyside6-linguist``, or edit the XML (each
   ``<translation type="unfinished"/>`` gets the text and loses ``type``).
3. ``pyside6-lrelease`` compiles each .ts into corridor_app/resources/translations/corridor_app_<lang>.qm,
   which the wheel and the standalone app carry. The .qm is committed; tests/ui/test_translations.py
   fails when it is stale or a string has no translation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "corridor_app"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "corridor_app" / "resources" / "translations"
# Russian translates everything; English only chooses the plural forms ("1 row", "2 rows") of %Ln strings.
LANGUAGES: dict[str, tuple[str, ...]] = {"ru": (), "en": ("-pluralonly",)}


def ts_file(language: str) -> Path:
    return TS_DIR / f"corridor_app_{language}.ts"


def qm_file(language: str) -> Path:
    return QM_DIR / f"corridor_app_{language}.qm"


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6: beside this Python (a virtualenv's bin/ or Scripts/), else on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def source_files() -> list[Path]:
    """Every Python file of the app that imports Qt and calls its translation functions.

    Files without Qt (model/, io/, the CLI) are left out: they cannot call Qt's ``tr``, and a function of
    theirs that happens to be named ``tr`` (the Excel report's own labels) is not Qt Linguist's business.
    """
    markers = ("tr(", "translate(", "QT_TRANSLATE_NOOP(", "QT_TR_NOOP(")

    def translated(path: Path) -> bool:
        text = path.read_text(encoding="utf-8")
        return "PySide6" in text and any(m in text for m in markers)

    return sorted(path for path in SOURCES.rglob("*.py") if "__pycache__" not in path.parts and translated(path))


def lupdate(ts: Path, options: tuple[str, ...] = ()) -> None:
    """Merge the code's strings into ``ts`` (created if missing)."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    cmd = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *options, *files, "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``; unfinished strings are left out (Qt shows the English then)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


@dataclass(frozen=True)
class Untranslated:
    context: str
    source: str

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def untranslated(ts: Path) -> list[Untranslated]:
    """Messages of ``ts`` that are unfinished or whose translation is empty."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = [] if translation is None else [t.text for t in translation.iter("numerusform")]
            texts = numerus or [None if translation is None else translation.text]
            unfinished = translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
            if unfinished or not all(t and t.strip() for t in texts):
                missing.append(Untranslated(name, message.findtext("source", "")))
    return missing


def check(language: str) -> list[str]:
    """What is wrong with ``language``'s files, without changing them: stale .ts, missing translations, stale .qm."""
    problems = []
    ts, qm = ts_file(language), qm_file(language)
    if not ts.is_file():
        return [f"{ts.relative_to(ROOT)} is missing: run python tools/update_translations.py"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts = Path(tmp) / ts.name
        shutil.copyfile(ts, fresh_ts)
        lupdate(fresh_ts, LANGUAGES[language])
        if fresh_ts.read_bytes() != ts.read_bytes():
            problems.append(
                f"{ts.relative_to(ROOT)} is stale against the code: run python tools/update_translations.py"
            )
        problems += [f"no {language} translation: {m}" for m in untranslated(fresh_ts)]
        fresh_qm = Path(tmp) / qm.name
        lrelease(ts, fresh_qm)
        if not qm.is_file() or fresh_qm.read_bytes() != qm.read_bytes():
            problems.append(f"{qm.relative_to(ROOT)} is stale against the .ts: run python tools/update_translations.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report what is missing or stale")
    args = parser.parse_args()
    if args.check:
        problems = [p for language in LANGUAGES for p in check(language)]
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(ts_file(language), LANGUAGES[language])
        lrelease(ts_file(language), qm_file(language))
        missing = untranslated(ts_file(language))
        print(f"{ts_file(language).relative_to(ROOT)}: {len(missing)} strings to translate")
        print(f"{qm_file(language).relative_to(ROOT)}: compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
