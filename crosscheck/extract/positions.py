"""Where a claim stands in the file it came from: line and column.

Claims carry offsets into the cleaned text (boilerplate gone, mojibake
repaired, HTML reduced to its article), which is what the evidence quotes. An
editor or a CI annotation needs the place in the file itself. The claim's
words are found there in order, allowing anything that is not a word between
them (markup, entities, line breaks, punctuation the cleaning changed), first
at or after the previous claim's place, since claims come in text order. A
claim whose words the file does not hold so (repaired mojibake) gets none.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from ..cache import compiled_regex
from ..model import Claim

# Between two words of a claim in the file: markup, entities, or any non-word characters.
_BETWEEN = r"(?:<[^>]{0,200}>|&#?\w{1,10};|[\W_]){1,40}"
_WORD = compiled_regex(r"\w+")


def _pattern(text: str) -> re.Pattern | None:
    words = _WORD.findall(text)
    if not words:
        return None
    return re.compile(r"(?<!\w)" + _BETWEEN.join(map(re.escape, words)) + r"(?!\w)")


def with_positions(file_text: str, claims: list[Claim]) -> list[Claim]:
    """The claims with the 1-based line and column of their first word in ``file_text``."""
    if not file_text:
        return claims
    line_starts = [0] + [m.end() for m in re.finditer("\n", file_text)]
    located = []
    cursor = 0
    for claim in claims:
        # Most claims stand in the file as written; the pattern is for those split by markup or line breaks.
        at = file_text.find(claim.text, cursor)
        if at < 0:
            pattern = _pattern(claim.text)
            found = pattern and (pattern.search(file_text, cursor) or pattern.search(file_text))
            if not found:
                located.append(claim)
                continue
            at = found.start()
        cursor = at
        line = _line_of(line_starts, cursor)
        located.append(replace(claim, line=line, column=cursor - line_starts[line - 1] + 1))
    return located


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect_right(line_starts, offset)
