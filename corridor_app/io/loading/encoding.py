"""The text encoding of a CSV file: a byte-order mark, UTF-8, or a detector's guess checked against mojibake.

Files come from Russian-locale Excel (Windows-1251), old Unix tools (KOI8-R), Western-European Excel
(Windows-1252 / Latin-1), Central-European Excel (Windows-1250), and anything modern (UTF-8, UTF-16). A BOM
decides; valid UTF-8 is UTF-8. Otherwise chardet (measured against charset-normalizer on short Cyrillic and
Latin files: 15 of 16 right against 12, and 8x faster on a 10 MB file) ranks the encodings of this short
list, and each guess must also read as plausible text of its script: a Cyrillic file is never shown as
Latin-1 ("Ðîññèÿ") and a Latin-1 file never as Cyrillic ("Cфte d'Ivoire"). A file no candidate reads
plausibly is refused rather than shown as mojibake. The user can name the encoding instead (``override``).
"""

from __future__ import annotations

import codecs
import re

from corridor_app.io.errors import LoadError

# What the detector may answer, as chardet names them; the first of a script is preferred when it reads the same.
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "kz1048")
_LATIN = ("cp1252", "latin_1", "cp1250", "iso8859_15", "iso8859_2")
_DETECTABLE = ("utf-8", "utf-16", "utf-32", "windows-1251", "koi8-r", "windows-1252", "windows-1250")
# Names users and the status bar see.
DISPLAY_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "cp1251": "Windows-1251",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "cp866": "DOS-866",
    "mac_cyrillic": "Mac Cyrillic",
    "kz1048": "KZ-1048",
    "cp1252": "Windows-1252",
    "latin_1": "Latin-1",
    "cp1250": "Windows-1250",
    "iso8859_15": "Latin-9",
    "iso8859_2": "Latin-2",
}
# The choices an import step offers (canonical codec names).
CHOICES = ("utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r", "cp1252", "latin_1", "cp1250", "cp866")
DETECT_BYTES = 1 << 20  # the detector reads the first megabyte: plenty to tell, and fast at any size

_BASIC_CYRILLIC = re.compile(r"[\u0410-\u044f\u0401\u0451]")
_WORD = re.compile(r"[^\W\d_]+")
# Signs of another code page read as Windows-1251. Not Ё/ё, І/і or № ("№ п/п"): Russian and Kazakh use them.
_ODD_CYRILLIC = set("ЂЃѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§©Є«¬®Ї°±ґµ¶·є»јЅѕї")


def canonical(name: str) -> str:
    """Python's name of an encoding ("Windows-1251" -> "cp1251"); ``LookupError`` if unknown."""
    found = codecs.lookup(name.strip()).name
    return {"iso8859-1": "latin_1", "koi8-r": "koi8_r", "koi8-u": "koi8_u", "mac-cyrillic": "mac_cyrillic"}.get(
        found, found.replace("-", "_") if found.startswith(("iso8859", "koi8", "mac")) else found
    )


def display_name(encoding: str) -> str:
    """How the status bar and ``check`` name an encoding."""
    return DISPLAY_NAMES.get(encoding, encoding)


def decode(path: str, data: bytes, override: str | None = None) -> tuple[str, str]:
    """Return the text and the (canonical) name of the encoding it was read with.

    Raises
    ------
    LoadError
        The bytes are not text in any encoding that reads plausibly, or not in ``override``.
    """
    if override:
        return _with_override(path, data, override)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _strict(path, data, "utf-32"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for encoding in _guesses(data):
        text = _try(data, encoding)
        if text is not None and "\x00" not in text and plausible(text, encoding):
            return text, encoding
    if b"\x00" in data[:4096]:
        raise LoadError(path, "the file holds binary data, not text: it is not a CSV file")
    line = data[: utf8_error.start].count(b"\n") + 1
    raise LoadError(
        path,
        "the text encoding could not be told: the file is not UTF-8, and read as Windows-1251, KOI8-R or "
        "Windows-1252 it gives garbled letters; save it as UTF-8 CSV, or name its encoding (--encoding)",
        row=line,
    )


def _with_override(path: str, data: bytes, override: str) -> tuple[str, str]:
    try:
        encoding = canonical(override)
    except LookupError:
        raise LoadError(path, f"{override!r} is not a text encoding this app knows") from None
    if encoding == "utf_8" or encoding == "utf-8":
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8-sig" else encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(
            path, f"the file is not valid {display_name(encoding)} (byte 0x{data[exc.start]:02x})", row=line
        ) from None
    return text, encoding


def _guesses(data: bytes) -> list[str]:
    """The detector's ranking over the encodings this app reads, then the rest of them as a fallback."""
    import chardet  # only for files that are not UTF-8: the loading child starts without it

    ranked: list[str] = []
    for found in chardet.detect_all(data[:DETECT_BYTES], include_encodings=_DETECTABLE):
        name = found.get("encoding")
        try:
            encoding = canonical(name) if name else ""
        except LookupError:
            continue
        if encoding in _CYRILLIC or encoding in _LATIN or encoding in ("utf_16", "utf_32", "utf-16", "utf-32"):
            ranked.append(_preferred(data, encoding))
    for encoding in ("cp1251", "koi8_r", "cp1252", "latin_1"):
        if encoding not in ranked:
            ranked.append(encoding)
    return list(dict.fromkeys(ranked))


def _preferred(data: bytes, encoding: str) -> str:
    """The usual encoding of the same script when it reads the very same text (KZ-1048 -> Windows-1251)."""
    for usual in _CYRILLIC[:2] if encoding in _CYRILLIC else _LATIN[:1] if encoding in _LATIN else ():
        if usual != encoding and _try(data, usual) == _try(data, encoding):
            return usual
    return encoding


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _strict(path: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(path, f"the file says it is {encoding} but is not valid {encoding}", row=line) from None


def plausible(text: str, encoding: str) -> bool:
    """Whether ``text``, read as ``encoding``, looks like real text of that encoding's script."""
    if encoding in _CYRILLIC:
        return plausible_cyrillic(text)
    if encoding in _LATIN:
        return plausible_latin(text)
    return not any("\x00" <= c < " " and c not in "\t\r\n" for c in text[:65536])


def plausible_cyrillic(text: str) -> bool:
    """Cyrillic words of Russian or Kazakh, not the look of another code page read as Windows-1251 or KOI8-R."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    cyr = sum(1 for c in letters if _BASIC_CYRILLIC.match(c))
    latin = sum(1 for c in letters if c.isascii())
    odd = sum(1 for c in text if c in _ODD_CYRILLIC)
    if not (cyr > 0 and (cyr + latin) / len(letters) > 0.95 and odd <= max(2, len(text) // 200)):
        return False
    # Signatures of a wrong code page, judged over the words holding Cyrillic: a Latin-1 file read as cp1251
    # puts single Cyrillic letters inside Latin words ("Cфte d'Ivoire") or alone ("Paris а Lyon"), and a
    # KOI8-R file read as cp1251 (or the reverse) swaps the case of every letter ("уФТБОБ").
    words = [w for w in _WORD.findall(text) if _BASIC_CYRILLIC.search(w)]
    mixed = sum(1 for w in words if any(c.isascii() for c in w))
    swapped = sum(1 for w in words if re.search(r"[а-яё][А-ЯЁ]", w))
    real = any(len(w) >= 3 and not any(c.isascii() for c in w) for w in words)
    return real and mixed <= len(words) // 10 and swapped <= len(words) // 10


def plausible_latin(text: str) -> bool:
    """Latin words with a few accented letters, not Cyrillic read as Latin-1 ("Ðîññèÿ")."""
    if any("\x80" <= c <= "\x9f" for c in text):
        return False  # C1 control characters: Latin-1 read of bytes that are letters in another code page
    accented = 0
    in_runs = 0
    for word in _WORD.findall(text):
        foreign = sum(1 for c in word if c.isalpha() and not c.isascii())
        accented += foreign
        if foreign >= 2 and not any(c.isascii() for c in word):
            in_runs += foreign  # a word with no ASCII letter at all ("ÖÐ¹ú", "Ðîññèÿ")
            continue
        run = 0
        for c in word + " ":
            if c.isalpha() and not c.isascii():
                run += 1
                continue
            if run >= 3:
                in_runs += run
            run = 0
    # Symbols from the upper half of the code page ("“ú–{" is Shift-JIS read as Windows-1250) outnumbering the
    # accented letters: another script's bytes. "© OECD", "3 €" and "d’Ivoire" have one or two.
    symbols = sum(1 for c in text if not c.isascii() and not c.isalpha() and not c.isspace())
    if symbols > max(2, accented):
        return False
    # "Österreich", "São Tomé", "Größe": accents stand between ASCII letters. Cyrillic read as Latin-1 is
    # runs of accented letters with nothing ASCII in between.
    return accented == 0 or in_runs <= accented // 2
