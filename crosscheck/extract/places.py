"""Place lists: "in Tulsa, Omaha and Trenton, N.J." -> one PLACES claim.

A list is two or more gazetteer places joined by commas, semicolons, "and" or
"or". Each item must be a whole run of capitalized words ("New York Times" is
not New York), a trailing state or country after a comma is the qualifier of the
city before it, and a list made only of names that are also ordinary words or
person names ("Jackson", "Victoria") is dropped. The subject is the clause that
governs the list, as a few normalized content words.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, Sentence, make_attrs
from ..text import STOPWORDS, singular, words
from .addresses import extract_addresses, extract_corners
from .gazetteer import AMBIGUOUS_NAMES, Place, ends_with_abbreviation, is_place_noun, lookup_place, place_key, qualifies
from .scan import capitalized_word_starts, matches_at

# A capitalized word, abbreviations included ("N.J.", "W.Va.", "St."), and runs of
# them joined by the lower-case particles of place names ("Rio de Janeiro").
# Only "St."-like abbreviations go on to a next word: after "Omaha." a new sentence starts.
_CAPWORD = r"[A-Z][A-Za-z'’-]*(?:\.(?:[A-Za-z]{1,2}\.)*)?"
_INNER_WORD = r"(?:[A-Z][A-Za-z'’-]*|St\.|Ft\.|Mt\.)"
_PARTICLE = r"(?:de|del|da|do|dos|das|la|las|los|el|al|au|aux|upon|sur)"
_RUN = compiled_regex(rf"(?<![\w'’.-])(?:{_INNER_WORD} (?:{_PARTICLE} )*)*{_CAPWORD}")

# What may stand between two items of one list.
_SEPARATOR = compiled_regex(r"\s*(?:([,;])\s*(?:(and|or)\s+)?|(and|or|&)\s+)(?:(?:in|at)\s+)?(?:the\s+)?")
_QUALIFIER_GAP = compiled_regex(r",\s*")
_LEADING_WORDS = frozenset("the in at from to and but or of for on by with near across throughout".split())

# Words that announce or close a list that names only some of the places.
_PARTIAL_BEFORE = compiled_regex(
    r"\b(?:including|includes|include|such as|among them|like|e\.g\.|for example|for instance|notably)"
    r",?\s+(?:(?:in|at)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_PARTIAL_AFTER = compiled_regex(
    r"\s*,?\s*(?:(?:and|or)\s+(?:other|others|elsewhere|more)\b|among others\b|etc\b)", re.IGNORECASE
)

# Where the clause that governs a list begins.
_CLAUSE_BREAK = compiled_regex(r"[;:()\"“”—–]|\s-\s")
_SUBJECT_STOPWORDS = (STOPWORDS - {"first", "last"}) | {"another", "including", "like", "among", "etc"}
_SUBJECT_WORDS = 6


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    place: Place
    ambiguous: bool


def extract_places(doc: Document) -> list[Claim]:
    """Every list of two or more places in ``doc``, and every street address and
    corner (addresses.py), sorted by start offset."""
    return sorted(_place_lists(doc) + extract_addresses(doc) + extract_corners(doc), key=lambda c: (c.start, c.end))


def _place_lists(doc: Document) -> list[Claim]:
    text = doc.text
    sentence_starts = [s.start for s in doc.sentences]
    items = _items(text, frozenset(sentence_starts))
    if len(items) < 2:
        return []
    claims: list[Claim] = []
    previous_end = 0
    for members in _lists(text, items):
        if all(m.ambiguous for m in members):
            continue
        sentence = doc.sentences[bisect.bisect_right(sentence_starts, members[0].start) - 1]
        if members[-1].end > sentence.end:
            continue
        claims.append(_claim(doc, sentence, members, max(previous_end, sentence.start)))
        previous_end = members[-1].end
    return claims


def _items(text: str, sentence_starts: frozenset[int]) -> list[_Item]:
    """Places found as whole capitalized runs, each with its qualifier if any."""
    runs = list(matches_at(_RUN.match, text, capitalized_word_starts(text)))
    items: list[_Item] = []
    skip_until = -1
    for index, run in enumerate(runs):
        if run.start() < skip_until:
            continue
        start, name = run.start(), run.group()
        place = lookup_place(name)
        if place is None:
            # A capitalized function word is no part of the name: "In Tulsa", "And Dallas".
            first, _, rest = name.partition(" ")
            if not rest or first.lower() not in _LEADING_WORDS:
                continue
            place = lookup_place(rest)
            if place is None:
                continue
            start += len(first) + 1
        end = _name_end(run)
        if _followed_by_name(text, runs, index, sentence_starts):
            continue  # "U.S. Army": the place is part of a longer name
        ambiguous = place_key(place.name) in AMBIGUOUS_NAMES
        if index + 1 < len(runs) and place.kind != "country":
            qualifier = runs[index + 1]
            if _QUALIFIER_GAP.fullmatch(text, end, qualifier.start()) and qualifies(place, qualifier.group()):
                end = _name_end(qualifier)
                ambiguous = False
                skip_until = qualifier.end()
        items.append(_Item(start, end, place, ambiguous))
    return items


def _name_end(run: re.Match) -> int:
    """Where a name ends: the period of "N.J." is its own, that of "Omaha." ends the sentence."""
    name = run.group()
    return run.end() - 1 if name.endswith(".") and not ends_with_abbreviation(name) else run.end()


def _followed_by_name(text: str, runs: list[re.Match], index: int, sentence_starts: frozenset[int]) -> bool:
    if index + 1 == len(runs):
        return False
    following = runs[index + 1].start()
    return text[runs[index].end():following] == " " and following not in sentence_starts


def _lists(text: str, items: list[_Item]) -> list[list[_Item]]:
    """Runs of items joined by list separators; an "and"/"or" closes a list."""
    found: list[list[_Item]] = []
    current = [items[0]]
    conjoined = False
    for item in items[1:]:
        separator = _SEPARATOR.fullmatch(text, current[-1].end, item.start)
        if separator is not None and not conjoined:
            current.append(item)
            conjoined = bool(separator.group(2) or separator.group(3))
            continue
        _close(text, current, conjoined, found)
        current, conjoined = [item], False
    _close(text, current, conjoined, found)
    return found


def _close(text: str, members: list[_Item], conjoined: bool, found: list[list[_Item]]) -> None:
    # Two places joined by a bare comma are usually not a list ("Toronto, Ontario");
    # three or more are, and so is a pair that goes on "and other cities".
    if len(members) >= 3 or (len(members) == 2 and (conjoined or _PARTIAL_AFTER.match(text, members[-1].end))):
        found.append(members)


def _claim(doc: Document, sentence: Sentence, members: list[_Item], clause_floor: int) -> Claim:
    text = doc.text
    start, end = members[0].start, members[-1].end
    before = text[clause_floor:start]
    # The governing clause: the nearest piece before the list that has content
    # words ("It borders four countries: Chad, ..." -> "borders country").
    clause = next((piece for piece in reversed(_CLAUSE_BREAK.split(before)) if _content(piece)), "")
    after = text[end:sentence.end]
    partial = _PARTIAL_BEFORE.search(before) or _PARTIAL_AFTER.match(after)
    return doc.claim(
        ClaimKind.PLACES,
        _subject(clause, after),
        tuple(sorted({m.place.name for m in members})),
        start,
        end,
        sentence=sentence,
        attrs=make_attrs(
            ClaimKind.PLACES,
            complete="no" if partial else "yes",
            head=_head(clause, after),
            items=" | ".join(text[m.start:m.end] for m in members),
        ),
    )


def _content(fragment: str) -> list[str]:
    return [singular(w.removesuffix("'s")) for w in words(fragment) if w not in _SUBJECT_STOPWORDS and len(w) > 1]


def _subject(clause: str, after: str) -> str:
    """The last few content words before the list, or the first few after it."""
    before = _content(clause)
    if before:
        return " ".join(before[-_SUBJECT_WORDS:])
    return " ".join(_content(_CLAUSE_BREAK.split(after, 1)[0])[:_SUBJECT_WORDS])


def _head(clause: str, after: str) -> str | None:
    """The place-type noun of the list: "cities" in "the cities of ..." or "... and other cities"."""
    for word in reversed(words(clause)):
        if is_place_noun(word):
            return singular(word)
    for word in words(after)[:3]:
        if is_place_noun(word):
            return singular(word)
    return None
