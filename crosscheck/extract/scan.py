"""Fast candidate scans shared by the extractors.

Python's regex engine skips quickly through text only for a pattern that starts
with a plain character or character class; one that starts with a lookbehind,
a lookahead or ``\\b`` is tried at every offset. So the extractors find where a
match can start with a class-first pattern, and try their own pattern only there.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from ..cache import compiled_regex


def matches_at(
    match: Callable[[str, int], re.Match | None], text: str, starts: Iterable[int]
) -> Iterator[re.Match]:
    """Non-overlapping matches of ``match(text, offset)`` tried at the sorted ``starts``.

    The same as ``pattern.finditer(text)`` for ``match=pattern.match`` when every
    offset a match can start at is among ``starts`` and no match is empty.
    """
    last_end = 0
    for offset in starts:
        if offset >= last_end:
            found = match(text, offset)
            if found:
                last_end = found.end()
                yield found


# A capital not glued to a word, number, apostrophe, period or hyphen before it.
_WORD_INITIAL_CAPITAL = compiled_regex(r"[A-Z](?<![\w’'.-].)")


@lru_cache(maxsize=8)
def capitalized_word_starts(text: str) -> tuple[int, ...]:
    """Offsets where a run of capitalized words (a name, a place) can start.

    Cached for the few documents in flight: the place and people extractors both scan them.
    """
    return tuple([m.start() for m in _WORD_INITIAL_CAPITAL.finditer(text)])
