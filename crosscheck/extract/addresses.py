"""Street addresses: "the 2300 block of Elm Street West" or "2350 W. Elm St." -> one
PLACES claim each, its value the block ("2300 block of West Elm Street") and its
subject the street ("elm street").

US news gives where an incident happened as the hundred-block of a street, or as a
house number. A house number is read as its block (2350 is in the 2300 block), so
outlets that give the same place either way agree, and two blocks of one street, or
its east and its west, differ. A compass word is set before the name whichever side
the source wrote it on ("Elm Street West" is "West Elm Street"). After "block of" the
street may go without its type ("the 3700 block of Elm"): alignment takes it for the
Elm Street, Road or Avenue another source names. The words of streets are
vocab/streets.yaml's.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, make_attrs
from ..text import alternation
from ..vocab import calendar_words, load, street_type_words, street_words

# A block is a hundred house numbers.
BLOCK = 100
# The head noun of an address claim (model.CLAIM_ATTRS PLACES "head"): what its places are.
ADDRESS_HEAD = "block"
# Street names are one to four words, each capitalized or a numbered street ("46th").
_NAME = r"(?:[A-Z0-9][\w'’-]*\s+){0,3}?[A-Z0-9][\w'’-]*"


@cache
def _address() -> re.Pattern:
    types, directions = alternation(street_type_words()), _directions()
    return compiled_regex(
        rf"(?<![\w,.$-])(?P<number>\d{{1,6}})(?P<block>\s+block\s+of)?\s+(?:the\s+)?"
        rf"(?:(?P<before>{directions})\.?\s+)?(?P<name>{_NAME})\s+(?P<type>(?i:{types}))\b\.?"
        rf"(?:\s+(?P<after>{directions})\b)?"
    )


@cache
def _untyped_block() -> re.Pattern:
    """ "the 3700 block of Larkin": a block says it is an address, so the street may go
    without its type; its name is one to three capitalized words."""
    return compiled_regex(
        rf"(?<![\w,.$-])(?P<number>\d{{1,6}})(?P<block>\s+block\s+of)\s+(?:the\s+)?"
        rf"(?:(?P<before>{_directions()})\.?\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})"
    )


# The head noun of a street corner's claim: the two streets that meet there.
CORNER_HEAD = "corner"


@cache
def _corner() -> re.Pattern:
    """ "at Birch and Larkin streets", "the corner of Elm Street and 5th Avenue", "near W. 9th St.
    & Oak Ave.": two streets where they meet, after a word that says so; the second (or a
    plural type after both) names a street type, so "at Smith and Jones" is no corner."""
    types, directions = alternation(street_type_words()), _directions()
    # A street's name: one to three capitalized words or a numbered street ("22nd"), no type word.
    word = rf"(?!(?i:{types})\b)(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))"
    street = (
        rf"(?:(?:{directions})\.?\s+)?(?P<name{{n}}>{word}(?:\s+{word}){{0,2}})"
        rf"(?:\s+(?P<type{{n}}>(?i:{types}))\b\.?)?"
    )
    plural = alternation(f"{full}s" for full in load("streets")["types"])
    first, second = street.replace("{n}", "1"), street.replace("{n}", "2")
    return compiled_regex(
        rf"\b(?:intersection\s+of|corner\s+of|at|near|on)\s+(?:the\s+)?(?P<streets>{first}\s+(?:and|&)\s+"
        rf"{second}(?:\s+(?P<plural>{plural})\b)?)"
    )


def _directions() -> str:
    return alternation(
        w for full, short in load("streets")["directions"].items() for w in (full.capitalize(), *(s.upper() for s in short))
    )


def is_address(claim: Claim) -> bool:
    """Whether a claim is a street address (a PLACES claim of one block), not a list of places."""
    return claim.kind is ClaimKind.PLACES and claim.attr("head") == ADDRESS_HEAD


def is_corner(claim: Claim) -> bool:
    """Whether a claim is a street corner (a PLACES claim of the two streets that meet there)."""
    return claim.kind is ClaimKind.PLACES and claim.attr("head") == CORNER_HEAD


def is_on_a_street(claim: Claim) -> bool:
    """Whether a claim is a block or a corner: a street is the scene of many events."""
    return is_address(claim) or is_corner(claim)


def starts_address(text: str, at: int) -> bool:
    """Whether a house number at ``at`` opens a street address ("7050 Old Mill Road"):
    the count extractor passes it over."""
    match = _address().match(text, at)
    return match is not None and not match.group("block") and _written_as_street(match)


def _written_as_street(match: re.Match) -> bool:
    # "a 256 GB solid-state drive": a street type is capitalized unless "block of" says so
    return bool(match.group("block")) or match.group("type")[0].isupper()


def street_name_and_type(street: str) -> tuple[str, str]:
    """A street of an address or a corner, lower case, as its name and its type: "elm street" -> ("elm",
    "street"); ("larkin", "") for a street given without its type ("the 3700 block of Larkin").
    A hyphen or a curly apostrophe in the name is read as written either way ("Lee-Marsh" is "Lee Marsh")."""
    name, _, last = street.replace("-", " ").replace("’", "'").rpartition(" ")
    return (name, last) if name and last in load("streets")["types"] else (f"{name} {last}".strip(), "")


def same_street_as(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two (name, type) streets are one: the same name, and the same type unless one
    is left out ("the 3700 block of Elm" is on Elm Street; Elm Road is not Elm Avenue)."""
    return a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


def address_parts(claim: Claim) -> tuple[int, str]:
    """An address claim's block and the compass word of its street ("" for none)."""
    return int(claim.value[0].split()[0]), claim.attr("side") or ""


def extract_addresses(doc: Document) -> list[Claim]:
    """Each street address in ``doc`` as a PLACES claim of one block, in text order."""
    if not any(ch.isdigit() for ch in doc.text):
        return []
    words, ordinals, calendar = street_words(), load("streets")["ordinals"], calendar_words()
    starts = [s.start for s in doc.sentences]
    # start -> (match, name words, type, compass word as written, end)
    found: dict[int, tuple[re.Match, list[str], str, str, int]] = {}
    for match in _address().finditer(doc.text):
        if _written_as_street(match):
            compass = match.group("before") or match.group("after") or ""
            found[match.start()] = (
                match, match.group("name").split(), words[match.group("type").lower()], compass, match.end(),
            )
    for match in _untyped_block().finditer(doc.text):
        name = list(re.finditer(r"\S+", match.group("name")))
        while name and name[-1].group().lower() in calendar:
            name.pop()  # "the 400 block of Elm Monday night": the day is no part of the street
        if name and match.start() not in found:
            found[match.start()] = (
                match, [w.group() for w in name], "", match.group("before") or "", match.start("name") + name[-1].end(),
            )
    claims = []
    for start in sorted(found):
        match, name, street_type, compass, end = found[start]
        at = bisect.bisect_right(starts, start) - 1
        if at < 0 or end > doc.sentences[at].end:
            continue
        number = int(match.group("number"))
        block = number if match.group("block") else number // BLOCK * BLOCK
        direction = words.get(compass.lower(), "")
        street = _written_street(name, street_type, ordinals)
        value = f"{block} block of {direction.capitalize()} {street}" if direction else f"{block} block of {street}"
        claims.append(doc.claim(
            ClaimKind.PLACES, street.lower(), (value,), start, end, sentence=doc.sentences[at],
            attrs=make_attrs(ClaimKind.PLACES, complete="yes", head=ADDRESS_HEAD, items=doc.text[start:end], side=direction),
        ))
    return claims


def _written_street(name: list[str], street_type: str, ordinals: dict[str, str]) -> str:
    """A street as a claim gives it: its name's words, ordinals as numbers ("Fifth" -> "5th"),
    then its type if the source gave one ("5th Avenue", "Larkin")."""
    return " ".join([*(ordinals.get(w.lower(), w) for w in name), street_type.capitalize()]).strip()


def extract_corners(doc: Document) -> list[Claim]:
    """Each street corner in ``doc`` as a PLACES claim, its value the two streets in
    alphabetical order ("Birch Street", "Larkin Street"), each without its compass word (one
    source writes "W. 9th St.", another "9th Street"), and without its type when the
    source gives none ("at Meridian and Oak Road": "Meridian")."""
    if " and " not in doc.text and "&" not in doc.text:
        return []
    words, ordinals = street_words(), load("streets")["ordinals"]
    starts = [s.start for s in doc.sentences]
    claims = []
    for match in _corner().finditer(doc.text):
        plural = match.group("plural")
        if not (match.group("type2") or plural):
            continue
        at = bisect.bisect_right(starts, match.start()) - 1
        if at < 0 or match.end() > doc.sentences[at].end:
            continue
        streets = []
        for n in (1, 2):
            typed = match.group(f"type{n}")
            street_type = words[typed.lower()] if typed else plural[:-1] if plural else ""
            streets.append(_written_street(match.group(f"name{n}").split(), street_type, ordinals))
        if streets[0].lower() == streets[1].lower():
            continue
        streets.sort(key=str.lower)
        claims.append(doc.claim(
            ClaimKind.PLACES, " and ".join(streets).lower(), tuple(streets), match.start("streets"), match.end(),
            sentence=doc.sentences[at],
            attrs=make_attrs(ClaimKind.PLACES, complete="yes", head=CORNER_HEAD, items=match.group("streets")),
        ))
    return claims
