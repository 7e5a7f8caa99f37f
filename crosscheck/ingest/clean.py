"""Text repair and cleaning: bytes -> str, mojibake, whitespace, then boilerplate.

``clean_text`` is the pure entry point for in-memory text (stores, benchmarks);
the file readers call ``decode_bytes`` first and then go through the same path.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..cache import compiled_regex
from .boilerplate import strip_boilerplate


class DecodeError(ValueError):
    """The bytes are not text: the message is the reason, without the path."""


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252; anything else is an error."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"cannot decode as UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy Windows text; cp1252 leaves five bytes undefined, so random
    # binary data almost always fails here too.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode as UTF-8 or cp1252 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


# --- UTF-8 mis-read as Thai Windows-874 (WHATWG: 0x80-0x9F as in windows-1252) ---
# ftfy knows cp874 but not this mixed table, so "“" shows up as "โ€œ" and stays.


def _thai_1252_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        codec = "cp1252" if byte < 0xA0 else "cp874"
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            continue  # undefined in that codepage: such a byte was lost in the mis-read
    return table


_CHAR_TO_BYTE = _thai_1252_table()
_UPPER_HALF_RUN = compiled_regex("[" + re.escape("".join(sorted(_CHAR_TO_BYTE))) + "]{2,}")
_HAS_THAI = compiled_regex("[\u0e00-\u0e7f]")
# A complete UTF-8 multi-byte sequence, or one that lost its last byte (``cut``).
_UTF8_SEQUENCE = compiled_regex(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
    rb"|(?P<cut>[\xe0-\xef][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{2})"
)
_WINDOWS_PUNCTUATION_BYTE = compiled_regex(rb"[\x80-\x9f]")
# Bytes windows-1252 leaves undefined, most likely first: 0x9D ends "”" (E2 80 9D).
_LOST_BYTES = (0x9D, 0x90, 0x81, 0x8D, 0x8F)


def _decode_sequence(seq: bytes, cut: bool) -> str | None:
    for candidate in (tuple(seq + bytes([b]) for b in _LOST_BYTES) if cut else (seq,)):
        try:
            char = candidate.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if unicodedata.category(char[0]) not in ("Cc", "Cf", "Zs", "Co", "Cn"):
            return char
    return None


def _repair_run(match: re.Match) -> str:
    run = match.group()
    raw = bytes(_CHAR_TO_BYTE[c] for c in run)
    out: list[str] = []
    cursor = 0
    for seq in _UTF8_SEQUENCE.finditer(raw):
        # Real Thai text never holds bytes 0x80-0x9F, so a sequence without one
        # is left alone: this keeps genuine Thai intact.
        if not _WINDOWS_PUNCTUATION_BYTE.search(seq.group(), 1):
            continue
        char = _decode_sequence(seq.group(), cut=seq.group("cut") is not None)
        if char is None:
            continue
        out.append(run[cursor:seq.start()])
        out.append(char)
        cursor = seq.end()
    out.append(run[cursor:])
    return "".join(out)


def repair_thai_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as WHATWG windows-874: "โ€”" -> "—", "โ€œ" -> "“", "โ€ " -> "” "."""
    if not _HAS_THAI.search(text):
        return text
    return _UPPER_HALF_RUN.sub(_repair_run, text)


_LINE_BREAK_CHARS = "\r\u2028\u2029\x0b\x0c\x85"
_LINE_BREAKS = compiled_regex(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_SPACES = compiled_regex(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = compiled_regex(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@lru_cache(maxsize=4096)
def _fix_line(line: str) -> str:
    import ftfy  # here, not at the top: importing it takes ~60 ms, and ASCII text never needs it

    return ftfy.fix_text(line, uncurl_quotes=False, explain=False)


# Sentences a page glued together, the space after a full stop lost in the
# markup ("... carried a rifle.Twelve people were treated."). A lower-case word
# of two letters or more before the stop keeps abbreviations ("U.S.Army") and
# names ("Dr.Lee" is rare, "J.Doe" has one letter) out.
_GLUED_SENTENCE = compiled_regex(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def repair_text(raw: str) -> str:
    """Decoded text -> repaired text: line endings, mojibake, spacing; one paragraph per line."""
    # Most texts have only "\n": a scan for each character is much faster than the regex.
    text = _LINE_BREAKS.sub("\n", raw) if any(char in raw for char in _LINE_BREAK_CHARS) else raw
    text = repair_thai_mojibake(text)
    lines = []
    for line in text.split("\n"):
        if line.isascii() and "&" not in line:
            # Nothing here for ftfy (the slow step) or _INVISIBLE; only runs of spaces to squeeze.
            if "  " in line or "\t" in line:
                line = _SPACES.sub(" ", line)
        else:
            line = _SPACES.sub(" ", _INVISIBLE.sub("", _fix_line(line)))
        line = _GLUED_SENTENCE.sub(" ", line.strip())
        if line:
            lines.append(line)
    return "\n".join(lines)


def clean_text(raw: str) -> str:
    """Raw article text -> the cleaned body, one paragraph per line."""
    return strip_boilerplate(repair_text(raw))
