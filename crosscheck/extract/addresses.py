"""Street addresses: "the 2300 block of Elm Street West" or "2350 W. Elm St." -> one
PLACES claim each, its value the block ("2300 block of West Elm Street") and its
subject the street ("elm street").

US news gives where an incident happened as the hundred-block of a street, or as a
house number. A house number is read as its block (2350 is in the 2300 block), so
outlets that give the same place either way agree, and two blocks of one street, or
its east and its west, differ. A compass word is set before the name whichever side
the source wrote it on ("Elm Street West" is "West Elm Street"). The words of streets
are vocab/streets.yaml's.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from ..model import Claim, ClaimKind, Document, make_attrs
from ..text import alternation
from ..vocab import load, street_type_words, street_words

# A block is a hundred house numbers.
BLOCK = 100
# The head noun of an address claim (model.CLAIM_ATTRS PLACES "head"): what its places are.
ADDRESS_HEAD = "block"
# Street names are one to four words, each capitalized or a numbered street ("46th").
_NAME = r"(?:[A-Z0-9][\w'’-]*\s+){0,3}?[A-Z0-9][\w'’-]*"


@cache
def _address() -> re.Pattern:
    types = alternation(street_type_words())
    directions = alternation(
        w for full, short in load("streets")["directions"].items() for w in (full.capitalize(), *(s.upper() for s in short))
    )
    return re.compile(
        rf"(?<![\w,.$-])(?P<number>\d{{1,6}})(?P<block>\s+block\s+of)?\s+(?:the\s+)?"
        rf"(?:(?P<before>{directions})\.?\s+)?(?P<name>{_NAME})\s+(?P<type>(?i:{types}))\b\.?"
        rf"(?:\s+(?P<after>{directions})\b)?"
    )


def is_address(claim: Claim) -> bool:
    """Whether a claim is a street address (a PLACES claim of one block), not a list of places."""
    return claim.kind is ClaimKind.PLACES and claim.attr("head") == ADDRESS_HEAD


def starts_address(text: str, at: int) -> bool:
    """Whether a house number at ``at`` opens a street address ("7050 Old Mill Road"):
    the count extractor passes it over."""
    match = _address().match(text, at)
    return match is not None and not match.group("block") and _written_as_street(match)


def _written_as_street(match: re.Match) -> bool:
    # "a 256 GB solid-state drive": a street type is capitalized unless "block of" says so
    return bool(match.group("block")) or match.group("type")[0].isupper()


def address_parts(claim: Claim) -> tuple[int, str]:
    """An address claim's block and the compass word of its street ("" for none)."""
    return int(claim.value[0].split()[0]), claim.attr("side") or ""


def extract_addresses(doc: Document) -> list[Claim]:
    """Each street address in ``doc`` as a PLACES claim of one block, in text order."""
    if not any(ch.isdigit() for ch in doc.text):
        return []
    words, ordinals = street_words(), load("streets")["ordinals"]
    starts = [s.start for s in doc.sentences]
    claims = []
    for match in _address().finditer(doc.text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if at < 0 or match.end() > doc.sentences[at].end:
            continue
        if not _written_as_street(match):
            continue
        number = int(match.group("number"))
        block = number if match.group("block") else number // BLOCK * BLOCK
        direction = words.get((match.group("before") or match.group("after") or "").lower(), "")
        name = " ".join(ordinals.get(w.lower(), w) for w in match.group("name").split())
        street = f"{name} {words[match.group('type').lower()].capitalize()}"
        value = f"{block} block of {direction.capitalize()} {street}" if direction else f"{block} block of {street}"
        claims.append(doc.claim(
            ClaimKind.PLACES, street.lower(), (value,), match.start(), match.end(), sentence=doc.sentences[at],
            attrs=make_attrs(ClaimKind.PLACES, complete="yes", head=ADDRESS_HEAD, items=match.group(0), side=direction),
        ))
    return claims
