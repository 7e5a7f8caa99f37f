"""Conditions: what became of a person an event hurt.

"The baby remains in critical condition", "Lee died Sunday", "she was pronounced
dead": one CONDITION claim per mention, whose subject is whose condition it is (a
person noun, "the baby", or a name) and whose value is the state
(vocab/conditions.yaml: critical, serious, stable, died). Reports of later days
may tell another state of the same person: critical on Monday, died on
Wednesday. "She" and "he" are the nearest person noun of that sex before them.
Not read: a person set apart from another of the same noun ("another man", "the
other victim"), anyone of several ("one person is in critical condition"), and
a death long before the report ("her father died in 2009").
"""
from __future__ import annotations

import re
from functools import cache

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, Sentence, make_attrs
from ..text import DATELINE, STOPWORDS, alternation, singular
from ..vocab import load, people_words, person_nouns
from .counts import background_of
from .gazetteer import lookup_place
from .people import ORG_WORDS

# Between the person and the state: "remains", "was later", "has been listed".
_BETWEEN = (
    r"(?:(?:is|was|are|were|remains|remained|has|had|have|been|being|still|later|reportedly|now|listed"
    r"|also|currently|initially)\s+){0,3}"
)
# How far back "she" or "he" looks for the noun it stands for: about a sentence or two.
PRONOUN_REACH = 250
# A capitalized word after one of these is a place or a body, not a person: "a man of Selma, died".
_PLACE_BEFORE = compiled_regex(r"\b(?:of|in|from|at|to|near|for)\s+$")
# The capitalized word before a name: "Little" of "Little Rock", "Lee" of "Lee Demello".
_CAPITALIZED_BEFORE = compiled_regex(r"\b([A-Z][a-z]+)\s+$")


@cache
def _state_pattern() -> re.Pattern:
    """The phrases of the states: found first, as they are rarer than the people before them."""
    return compiled_regex(rf"\b(?:{alternation(list(_states()))})\b")


# A person: a determiner and a noun ("the 3-year-old girl"), "she" or "he", or a name with
# perhaps its age set off ("Lee, 45,").
_PERSON = (
    r"(?:\b(?P<det>[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?P<mods>(?:[\w-]+\s+){0,2}?)(?P<noun>[a-z]+)"
    r"|\b(?P<pronoun>[Ss]he|[Hh]e)|\b(?P<name>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:,\s+\d{1,3},)?)"
)
# The person right before a state, perhaps with "is", "remains" ... between, or "who" when
# the state is told in a clause about them ("her cousin, who was killed").
_PERSON_BEFORE = compiled_regex(rf"{_PERSON},?\s+(?P<who>who\s+)?{_BETWEEN}$")
# How far before a state its person may start.
PERSON_REACH = 80
# A state told in a second predicate: "Lee was shot in the chest and later died".
_AND_BEFORE = compiled_regex(
    r"\band\s+(?:(?:later|then|also|eventually|subsequently|is|was|remains|remained|has|had)\s+){0,2}$"
)
# The subject a sentence opens with, a verb after it: "The boy was shot ...", "Lee had been ...".
_SUBJECT_AT_START = compiled_regex(rf"\s*(?:{DATELINE})?{_PERSON}\s+(?:was|is|had|has|were|remained|remains)\b")
# The subject a sentence opens with, a clause about it after: "The man who was stabbed near Elm
# Park has died", "The driver, who had studied at Lakeview College of Music and Drama, died".
_SUBJECT_BEFORE_CLAUSE = compiled_regex(rf"\s*(?:{DATELINE})?{_PERSON},?\s+(?P<who>who|whose)\b")
# A state told in a clause: "who was killed", "who later died".
_WHO_BEFORE = compiled_regex(rf"\bwho\s+{_BETWEEN}$")
# After a name, its age set off by commas: "Lee, 45, died".
_AGE_SET_OFF = compiled_regex(r",\s+\d{1,3},")
# Before a name, a comma and a few words but no relative pronoun: the name is in apposition
# to the subject ("The victim, Ana Ruiz, died", "her father, 71-year-old Joe Hart, died", "the
# guard, a former medic Joe Hart, was"), not in a clause ("The man, who shot Lee Hart, died").
_APPOSITION_BEFORE = compiled_regex(r",\s+(?:(?!(?:who|whom|whose|which|that)\b)\S+\s+){0,3}\S*$")


@cache
def _set_apart() -> frozenset[str]:
    return frozenset(load("conditions")["set_apart"]["words"])


@cache
def _states() -> dict[str, tuple[str, bool]]:
    """Phrase -> (state, whether the living are in it)."""
    return {
        phrase: (state, entry["alive"])
        for state, entry in load("conditions")["states"].items() for phrase in entry["phrases"]
    }


@cache
def _pronoun_nouns(pronoun: str) -> re.Pattern:
    return compiled_regex(rf"\b({alternation(load('conditions')['pronouns'][pronoun])})s?\b", re.IGNORECASE)


def _whose(doc: Document, match: re.Match) -> tuple[str, str] | None:
    """(subject, key) of the person a condition is told of, or None when it cannot be told."""
    if match.group("noun"):
        noun = singular(match.group("noun"))
        if noun != match.group("noun") and match.groupdict().get("who"):
            return None  # "the three people who died": which, another sentence says
        set_apart = _set_apart()
        if noun not in person_nouns() or noun in set_apart or not set_apart.isdisjoint(match.group("mods").lower().split()):
            return None  # "the other was pronounced dead": which one, another sentence says
        if match.group("det").lower() in ("a", "an", "one") and noun in load("things")["classes"]["person"]["words"]:
            return None  # "one person is in critical condition": anyone of several
        return f"the {noun}", noun
    if match.group("pronoun"):
        before = doc.text[max(0, match.start() - PRONOUN_REACH) : match.start()]
        found = list(_pronoun_nouns(match.group("pronoun").lower()).finditer(before))
        if not found:
            return None
        noun = singular(found[-1].group(1).lower()).split()[-1]
        return f"the {noun}", noun
    name = match.group("name")
    if name.split()[0].lower() in STOPWORDS or singular(name.lower()) in people_words():
        return None  # "Police", "Victims": not a name
    if name.split()[-1].lower() in ORG_WORDS:
        return None  # "shot on Friday has died", "taken to Eastbrook Hospital is in stable condition"
    if doc.text.startswith(",", match.end("name")) and not (
        _AGE_SET_OFF.match(doc.text, match.end("name"))
        or _APPOSITION_BEFORE.search(doc.text, max(0, match.start() - 30), match.start())
    ):
        # A comma between a name and the state closes a clause set off by commas, of which
        # the name is a part: "The driver, who had studied at Lakeview College of Music and Drama, died".
        return None
    at = max(0, match.start() - 30)
    first = _CAPITALIZED_BEFORE.search(doc.text, at, match.start())
    if _PLACE_BEFORE.search(doc.text, at, first.start() if first else match.start()) or lookup_place(name) or (
        first and lookup_place(f"{first.group(1)} {name}")
    ):
        return None  # "of Selma, died": where a person is from; "in Little Rock are ...": a place
    return name, name.split()[-1].lower()


def _sentence_of(doc: Document, offset: int) -> Sentence | None:
    try:
        return doc.sentence_at(offset)
    except ValueError:  # between sentences: page furniture the cleaner left
        return None


def _person_before(doc: Document, at: int) -> tuple[re.Match | None, tuple[str, str] | None]:
    """The person a state at ``at`` is told of, nearest the state: "the man and the woman died"
    is the woman's death (the man's is not said); in a second predicate ("Lee was shot in the
    chest and later died"), or after a clause about the subject ("The man who was stabbed near
    Elm Park has died"), the subject its sentence opens with."""
    start = max(0, at - PERSON_REACH)
    while (person := _PERSON_BEFORE.search(doc.text, start, at)) is not None:
        whose = _whose(doc, person)
        if whose:
            return person, whose
        start = person.start() + 1
    sentence = _sentence_of(doc, at)
    if sentence is None:
        return None, None
    if _AND_BEFORE.search(doc.text, max(sentence.start, at - 40), at):
        person = _SUBJECT_AT_START.match(doc.text, sentence.start, at)
    elif _WHO_BEFORE.search(doc.text, max(sentence.start, at - 40), at):
        person = None  # told in a clause about someone else: "spoke of their guide, who was killed"
    else:
        person = _SUBJECT_BEFORE_CLAUSE.match(doc.text, sentence.start, at)
    whose = _whose(doc, person) if person else None
    return (person, whose) if whose else (None, None)


@cache
def _set_apart_noun() -> re.Pattern:
    """ "another boy", "the other victim": a set-apart word and the noun after it."""
    return compiled_regex(rf"\b(?:{alternation(sorted(_set_apart()))})\s+([a-z]+)\b", re.IGNORECASE)


def _nouns_of_several(doc: Document) -> frozenset[str]:
    """The nouns a document sets apart somewhere ("a day after another boy shot himself"):
    it tells of more than one person so named, so "the boy" may be any of them."""
    return frozenset(singular(match.group(1).lower()) for match in _set_apart_noun().finditer(doc.text))


def extract_conditions(doc: Document) -> list[Claim]:
    """One CONDITION claim per person and state told, in text order."""
    claims = []
    several = _nouns_of_several(doc)
    for told in _state_pattern().finditer(doc.text):
        person, whose = _person_before(doc, told.start())
        if whose is None:
            continue
        begins = next(person.start(g) for g in ("det", "pronoun", "name") if person.group(g))  # past a dateline
        sentence = _sentence_of(doc, begins)
        if sentence is None or background_of(sentence.text, doc.source.published):
            continue
        if not person.group("name") and whose[1] in several:
            continue  # "the boy" where the source tells of another boy too
        state, alive = _states()[" ".join(told.group(0).lower().split())]
        claims.append(doc.claim(
            ClaimKind.CONDITION, whose[0], state, begins, told.end(), sentence=sentence,
            attrs=make_attrs(ClaimKind.CONDITION, who=whose[1], alive="yes" if alive else "no"),
        ))
    # "A woman who was in critical condition ... has died": a sentence that tells of someone's
    # death gives the state before it as history, not as a rival report of how they are.
    died = {(c.sentence_start, c.subject) for c in claims if c.attr("alive") == "no"}
    return [c for c in claims if c.attr("alive") == "no" or (c.sentence_start, c.subject) not in died]
