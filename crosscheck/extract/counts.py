"""Counts and quantities: a number and what it counts or measures.

"1,200 voting machines", "four towns", "a three-month trial",
"a 45-year-old man", "$40-million of artwork", "the 5.2-magnitude tremor",
"at least five people" each become one COUNT claim whose subject is the
counted thing, normalized (lower case, singular head) so that outlets can be
aligned on it.

No tagger: one compiled regex finds number mentions, and small generic
English lexicons (units, qualifiers, function words, casualty words) decide
what a number counts. Numbers that are parts of dates, times, years, scores,
identifiers or URLs are skipped rather than guessed at.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from text_to_num import text2num

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, Sentence, make_attrs
from ..text import NEGATION, STOPWORDS, alternation, lemma, longest_first, singular
from .addresses import starts_address
from .dates import AUXILIARIES, IRREGULAR_PAST, OBJECT_END, TALLY_END, WEEKDAYS, is_event_noun
from .gazetteer import lookup_place
from .people import is_name_word
from ..vocab import (
    calendar_words, event_class, event_family, is_evolving, load, opens_on_another_event, people_words, person_nouns,
    say_verbs, word_classes,
)

_SCOPE = load("scope")
_MANNER = frozenset(_SCOPE["manner"]["words"])
_PERPETRATORS = frozenset(_SCOPE["perpetrators"]["words"])
_BACKGROUND = tuple(_SCOPE["background"]["words"])
_SUPERSEDED_WORDS = tuple(_SCOPE["superseded"]["words"])
_SUPERSEDED = compiled_regex(rf"\b(?:{alternation(_SUPERSEDED_WORDS)})\b", re.IGNORECASE)
_WIDER_WORDS = tuple(_SCOPE["wider"]["words"])
_HISTORY = frozenset(_SCOPE["history"]["words"])
_SEQUENCE = frozenset(_SCOPE["sequence"]["words"])
_ADDED = compiled_regex(rf"\s+(?:{alternation(_SCOPE['added']['words'])})\b(?!\s+than\b)", re.IGNORECASE)
_CONDITIONS = _SCOPE["conditions"]["words"]
_WIDER = compiled_regex(rf"\b(?:{alternation(_WIDER_WORDS)})\b", re.IGNORECASE)
_TALLY_PERIOD = compiled_regex(rf"\b(?:in|on|during|over|this|last)\s+(?:the\s+)?\w+{TALLY_END}", re.IGNORECASE)

_SMALL = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}


def _either_case(word: str) -> str:
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


_DURATION_UNITS = "|".join(load("things")["durations"]["seconds"])
# Units that make a measure before a noun with "-long" ("an hour-long standoff", "a mile-long
# chase"): about one of them. Not one-letter abbreviations ("m"), which no one writes so.
_LONG_UNITS = "|".join([
    *load("things")["durations"]["seconds"], *(unit for unit in load("things")["distances"]["words"] if len(unit) > 1),
])
_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(map(_either_case, _TENS))})(?:[- ](?:{'|'.join(_SMALL)}))?"
    rf"|{'|'.join(map(_either_case, _TEENS + _SMALL))})"
)
_SCALE = rf"(?:[ -](?:{'|'.join(_SCALES)}))"
# "shot over a span of 80 hours": a stretch that a tally of several events covers (scope.yaml stretches).
_STRETCH = compiled_regex(
    rf"\b(?:in|within|over)\s+(?:(?:{alternation(_SCOPE['stretches']['leads'])})\s+)?"
    rf"(?:\d+|{_WORD_NUMBER}|a|an)\s+(?:{alternation(_SCOPE['stretches']['units'])})s?\b"
)
# One mention: an optional currency sign, then digits or number words, then a
# scale ("2.5 million", "$40-million", "$5bn"); "a dozen", "half a dozen" and "a hundred" too.
# Case-sensitive, and the lookahead on the first letters keeps the scan at
# about 0.15 ms for a 2 kB article (IGNORECASE alternations cost seven times that).
_NUMBER = compiled_regex(
    rf"""
    (?=[$€£¥\d]|\b(?:[Oo]ne|[Tt](?:wo|hr|en|we|hi)|[Ff](?:ou|iv|if|or)|[Ss](?:ix|ev)|[Ee](?:ig|le)|[Nn]in|[Aa]\ [dhtmb]
        |[Hh]alf\ a\ dozen|(?<![-\w])(?:{_LONG_UNITS})-long\b))
    (?:
        (?P<currency>[$€£¥])?
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<fraction>\ ?[½¼¾]|\ [1-9]/(?:2|4|8|16)(?![\d/]))?  # "3½ years", "a 1 1/2-story home"
        (?P<scale>{_SCALE}|(?<=\d)(?:bn|mn|[kmb])(?![A-Za-z]))?
      | \b(?P<words>(?:(?:[Hh]alf\ a|[Aa]|{_WORD_NUMBER})\ dozen|{_WORD_NUMBER}{_SCALE}*|[Aa]{_SCALE}+)\b)
      | (?P<unit_long>(?:{_LONG_UNITS})(?=-long\b))  # "an hour-long standoff": about one hour
    )
    """,
    re.VERBOSE,
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_MONTH_BEFORE = compiled_regex(rf"\b(?:{_MONTHS})\s*$")
_MONTH_AFTER = compiled_regex(rf"\s*(?:{_MONTHS})\b")
_TIME_AFTER = compiled_regex(r"\s*(?:[ap]\.?m\b\.?|o'clock|GMT|UTC|[ECMP][SD]?T\b)", re.IGNORECASE)
# Glued to something that makes it part of a score, date, time, phone number,
# ratio, version or list item: "20-13", "3/15", "24/7", "5:40", "2.0.1", "1)", "29-of-34".
_JOINED_AFTER = compiled_regex(r"[-/:.]\d|\.[A-Za-z]|\)|-[A-Za-z]+-\d")
_QUALIFIERS = (
    "at least", "at most", "more than", "less than", "fewer than", "up to", "as many as", "as much as",
    "as few as", "close to", "upwards of", "in excess of", "an estimated", "just over", "just under", "nearly",
    "almost", "about", "around", "approximately", "roughly", "some", "over", "under", "estimated",
)
_QUALIFIER = compiled_regex(rf"\b(?P<q>{'|'.join(map(re.escape, _QUALIFIERS))})\s+$", re.IGNORECASE)
# The low end of a range before its number: "three- to four-page", "10 to 12 shots".
_RANGE_BEFORE = compiled_regex(rf"(?<![\w.,])(?P<low>\d+(?:\.\d+)?|{_WORD_NUMBER})-?\s+(?:to|or)\s+$")
# Days that may stand between a verb and its figure: "was revised Saturday to six".
_DAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday"}
# After a number, what makes it a bound or a rounding: "two or more" is at least two.
_OR_MORE = compiled_regex(r"\s+or\s+(more|so)\b", re.IGNORECASE)
_OPEN_ENDS = {"more": "at least", "so": "about"}
# A change verb and "from" before a range's low end make it a change: "rose from three
# to five", "was revised Saturday from eight to six" (scope.yaml changes).
_CHANGED_FROM = compiled_regex(
    rf"\b(?:{alternation(_SCOPE['changes']['words'])})\b(?:\s+[\w'’]+){{0,3}}?\s+(?P<from>from)\s+$", re.IGNORECASE,
)
# Ratings written before their number: "magnitude 5.2", "Category 4".
_RATING_BEFORE = compiled_regex(r"\b(magnitude|category)[ -]$", re.IGNORECASE)
# The next word; an age ("two 15-year-old boys") is one word of a counted noun phrase.
_WORD_AFTER = compiled_regex(r"\s+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d{1,3}-(?:year|month|week|day)s?-old)")
# "-month", "-year-old", "-mile-long": the unit of a hyphenated measure.
_HYPHEN_UNIT = compiled_regex(r"-([A-Za-z]+)(-(?:old|long|wide|deep|high|tall))?\b")
# A hyphen left hanging before a second number that has the unit: "a 19- and 41-year-old" (a range,
# "10- to 12-foot", is read as one).
_SUSPENDED_HYPHEN = compiled_regex(r"-\s+(?:and|or)\s+\d+(?=-[A-Za-z])")
# The units an age is told in ("27 years old", "14 months old").
_AGE_UNITS = frozenset(f"{unit}-old" for unit in ("year", "month", "week", "day"))
_SPACED_AGE = compiled_regex(r"[- ]old\b|\s+years?-old\b")
_PERCENT = compiled_regex(r"\s?(?:%|per\s?cent\b|percentage points?\b)", re.IGNORECASE)
_ATTACHED_UNIT = compiled_regex(r"(km|kg|mph|ft|lbs?|m)\b", re.IGNORECASE)
_OF_DETERMINER = compiled_regex(r"\s+of\s+(?:the|those|its|his|her|their)\b")
# A part taken out of the count that follows: "one of the five victims".
_PART_OF_BEFORE = compiled_regex(
    rf"\b(?:\d+|{_WORD_NUMBER})\s+of\s+(?:the|those|its|his|her|their)\s+$", re.IGNORECASE
)
_OF = compiled_regex(r"\s+(?:worth\s+)?of(?:\s+the)?\b")
# "Mark Teixeira, 28, has hit ...": an age between commas after a name.
# A nickname in quotes counts as a word of the name: 'Joe "Duke" Lee, 37,'; so does a
# generational suffix after its own comma: "Lee Hart, Jr., 30,".
_NAME_BEFORE_AGE = compiled_regex(
    r"""(?<![\w"“'‘])((?:["“'‘][A-Z][A-Za-z.'’-]*["”'’]|[A-Z][A-Za-z.'’-]*)"""
    r"""(?:\s+(?:["“'‘][A-Z][A-Za-z.'’-]*["”'’]|[A-Z][A-Za-z.'’-]*)){0,4}(?:,\s(?:Jr|Sr|II|III|IV)\.?)?),\s$"""
)
# What closes an appositive age: "Lee, 40, said", "Lee, 40; Cole, 36", "Lee, 24 and Cole, 23", "... and Lee, 24."
_AGE_CLOSE = compiled_regex(r"[,;]|\.(?!\d)|\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s*\d")
_AGO = compiled_regex(r"\s+ago\b")
_PRONOUN_ONE = compiled_regex(r"\s+(?:of|another)\b")
_WORD_BEFORE = compiled_regex(r"[A-Za-z][A-Za-z'’-]*\.?")
# Everything up to the last clause-ending mark: one greedy match instead of a scan over all marks.
_UP_TO_CLAUSE_END = compiled_regex(r".*[,.;:!?()\"“”\[\]—–]", re.S)

# Measures: the word after the number (or after its hyphen) names the unit.
_UNITS = {
    **{w: w for w in "second minute hour day week month year decade mile inch yard acre hectare".split()},
    **{w + "s": w for w in "second minute hour day week month year decade mile inch yard acre hectare".split()},
    "century": "century", "centuries": "century", "foot": "foot", "feet": "foot", "ft": "foot",
    "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km", "km": "km",
    "meter": "m", "meters": "m", "metre": "m", "metres": "m", "m": "m",
    "kilogram": "kg", "kilograms": "kg", "kg": "kg", "ton": "ton", "tons": "ton", "tonne": "ton", "tonnes": "ton",
    "pound": "lb", "lb": "lb", "lbs": "lb", "mph": "mph", "degree": "degree", "degrees": "degree",
    "magnitude": "magnitude", "dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur",
    "yen": "jpy", "yuan": "cny", "rupees": "inr",
}
_CURRENCIES = {"$": "usd", "US$": "usd", "A$": "aud", "C$": "cad", "NZ$": "nzd", "HK$": "hkd", "€": "eur",
               "£": "gbp", "¥": "jpy"}
_DOLLAR_PREFIX = compiled_regex(r"\b(US|A|C|NZ|HK)$")
_MONEY = frozenset(_CURRENCIES.values()) | {"cny", "inr"}

# Words that end a counted noun phrase: function words, auxiliaries, common
# verbs, and adverbs of place and time ("30 kilometres north", "12 years ago").
_BREAK = frozenset(
    """
    a an the and or but nor of at by for with to from in on into onto over under about after before since
    until during against among between through across per than as via within without while when where
    who whom whose which that this these those there here what how why if then so also too very not no
    is are was were be been being am have has had do does did will would can could may might must shall
    should said say says told according including each every all both some any more most such
    he she it they we you i his her its their our your them him us me
    ago old later earlier away apart long high deep wide tall inland offshore off
    beneath below underneath beyond outside inside near worth out up
    north south east west northeast northwest southeast southwest northern southern eastern western
    struck hit hits left shook took made came went began fell rose grew won lost led kept found brought
    got gave ran saw cut put set sent spent stood held paid built caught met
    """.split()
)
# Modifiers that say nothing about what is counted.
_DROPPED_MODIFIERS = frozenset("first initial new other more additional further last only own total another".split())
# Irregular plurals, read back to their singular (vocab/things.yaml).
_PARENTS = load("things")["parents"]["words"]
_OTHER = compiled_regex(r"\s*others?\b", re.IGNORECASE)
_ALSO = compiled_regex(r"\balso\b", re.IGNORECASE)
# Right after an event, where some of those it befell were when it did (scope.yaml at_one_place),
# one place or several of a kind ("died at the scenes of the shootings").
_AT_ONE_PLACE = compiled_regex(rf"\s+(?:{alternation(_SCOPE['at_one_place']['words'])})s?\b", re.IGNORECASE)
# A relative clause that narrows a counted set to members of a kind of people ("three defendants
# who were adults"); not one that says what befell them ("who were shot") or where they were.
_NARROWING_CLAUSE = compiled_regex(r",?\s+(?:who|that)\s+(?:were|was|are|is)\s+(?:not\s+)?(?:an?\s+)?([a-z]+)")
_PEOPLE_NOUNS = frozenset(load("things")["people_nouns"]["words"])
_SEVERAL_PEOPLE = frozenset(load("things")["several_people"]["words"])
_EVENT_CLASSES = frozenset(word_classes("events").values())
_IRREGULAR_PLURALS = {plural: singular for singular, plural in load("things")["plurals"]["words"].items()}
# Plurals that are their own singular ("police", "staff"), which may also modify the noun after them.
_SAME_PLURAL = frozenset(plural for plural, singular in _IRREGULAR_PLURALS.items() if plural == singular)
# Standing where the counted noun would be, these mean people: "five dead".
_CASUALTIES = frozenset(
    "dead killed injured wounded hurt missing died arrested detained displaced evacuated hospitalized "
    "hospitalised rescued trapped homeless".split()
)
_EVENT_FORMS = {"killing": "killed", "injuring": "injured", "wounding": "wounded", "leaving": "left",
                "arresting": "arrested", "died": "dead", "deaths": "dead"}
# After a verb of harm, what makes it a killing: "three people shot to death".
_TO_DEATH = compiled_regex(r"\s+to\s+death\b", re.IGNORECASE)
# Skipped between a counted noun and its verb: "five people had so far been confirmed dead".
_EVENT_SKIP = frozenset(
    """
    were was are is have has had been be being will would could may might who that which so far also now
    still reportedly all later then already confirmed reported believed feared thought presumed said known
    get got
    """.split()
)
# "two men are in critical condition", "three remained in serious but stable condition".
_CONDITION = compiled_regex(
    rf"\s+(?:(?:{alternation(_EVENT_SKIP | {'remain', 'remains', 'remained', 'listed', 'each'})})\s+)+in\s+"
    rf"(?P<condition>{alternation(_CONDITIONS)})(?:\s+but\s+stable)?\s+condition\b",
    re.IGNORECASE,
)
_NOT_VERBS = frozenset(
    "including according during following regarding excluding totaling totalling numbering nothing something "
    "anything everything morning evening building ceiling wedding hundred bed".split()
)
_DETERMINERS = frozenset("the a an its his her their our this that these those".split())
_NOUNS_IN_LY = frozenset("family rally ally supply assembly anomaly monopoly italy july butterfly belly".split())
# Between a bare number and the noun it is a value of: "the death toll rose to 42".
_LINKS = frozenset("of to at by is was were are has had have been stood reached hit worth".split())
_NOT_SUPERLATIVES = frozenset("interest protest test arrest forest west guest request rest chest".split())
# US news gives an address as the hundred-block of a street: "the 4300 block of Elm Street".
_ADDRESS_BLOCK = compiled_regex(r"\s+block\s+of\b", re.IGNORECASE)


@cache
def _emergency_after() -> re.Pattern:
    """What follows an emergency number dialled: "911 call", "999 operators" (not_counts.yaml)."""
    return compiled_regex(rf"\s*-?\s*(?i:{alternation(load('not_counts')['emergency_words'])})\b")


_ID_WORDS = ("number", "page", "chapter", "section", "article", "room", "flight", "route", "highway", "interstate")
_ID_BEFORE = compiled_regex(rf"(?:\bNo\.|\bno\.|#|\b(?:{'|'.join(_ID_WORDS)}))\s*$", re.IGNORECASE)
_ID_ENDINGS = ("no.", "#", *_ID_WORDS)
_OLDEST_AGE = 125


@dataclass
class _Measure:
    """What follows a number: its unit, where the counted noun phrase starts, and so on."""

    unit: str | None
    role: str | None
    phrase_at: int
    plural: bool


@lru_cache(maxsize=4096)
def _word_value(words: str) -> int | None:
    """Number words to an int: "twenty-one" -> 21, "a dozen" -> 12, "two million" -> 2000000."""
    low = words.lower()
    if low.endswith("dozen"):
        head = low[: -len("dozen")].strip()
        if head == "half a":
            return 6
        base = 1 if head == "a" else _word_value(head)
        return None if base is None else base * 12
    if low.startswith("a "):
        low = "one " + low[2:]
    try:
        return text2num(low.replace("-", " "), "en")
    except ValueError:
        return None


# More digits than any count a story gives: such a run is an identifier or junk,
# and Python refuses int() past 4,300 digits.
_MAX_DIGITS = 30


def _number_value(match: re.Match) -> int | float | None:
    if match.group("unit_long"):
        return 1
    if match.group("words"):
        return _word_value(match.group("words"))
    digits = match.group("digits").replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    scale = (match.group("scale") or "").strip(" -").lower()
    fraction = (match.group("fraction") or "").strip()
    if not scale and not fraction and digits.isdigit():
        return int(digits)  # most numbers: no Decimal needed
    number = Decimal(digits) + _fraction_value(fraction)
    if scale:
        number *= _SCALES.get(scale) or _SCALE_ABBREVIATIONS[scale]
    return int(number) if number == number.to_integral_value() else float(number)


_VULGAR_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}


def _fraction_value(fraction: str) -> Decimal:
    """ "½" or "1/2" after a whole number: what it adds to it."""
    if not fraction:
        return Decimal(0)
    if fraction in _VULGAR_FRACTIONS:
        return _VULGAR_FRACTIONS[fraction]
    numerator, denominator = fraction.split("/")
    return Decimal(numerator) / Decimal(denominator)


def _looks_plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _head(word: str) -> str:
    low = word.lower()
    return _IRREGULAR_PLURALS.get(low) or singular(low)


def _is_verb_like(word: str) -> bool:
    low = word.lower()
    return len(low) > 4 and low.endswith(("ed", "ing")) and low not in _NOT_VERBS


def _is_adverb(low: str) -> bool:
    return len(low) > 4 and low.endswith("ly") and low not in _NOUNS_IN_LY


def _ends_phrase(word: str, found: list[str], plural: bool) -> bool:
    low = word.lower()
    if low in _BREAK or low.endswith(("'s", "’s")):
        return True
    if not found:
        return False
    if _is_verb_like(word) or _is_adverb(low) or low in _CASUALTIES:
        return True
    # After a singular noun, an -s word or a capitalized word starts something
    # else: "blaze engulfs Millbrook", "a 45-year-old woman Friday".
    return not plural and (low.endswith("s") or (word[0].isupper() and found[-1].islower()))


# A unit named by a capitalized word and its number ("Ward 3", "Engine 12", "Station 9")
# before the counted noun: a name that says which, not what is counted.
_DESIGNATOR = compiled_regex(r"\s+[A-Z][a-z]+\s+\d+\b(?=\s+[A-Za-z])")


def _noun_phrase(text: str, pos: int, limit: int, plural: bool) -> tuple[list[str], int]:
    """Words of the counted noun phrase from ``pos`` and where it ends.

    A plural count ends at its first plural word ("1,200 voting machines");
    a singular one ("a 45-year-old former manager") at a word that starts
    something else.
    """
    found: list[str] = []
    designator = _DESIGNATOR.match(text, pos, limit)
    end = designator.end() if designator else pos  # "two Ward 3 council members": the members
    while len(found) < (4 if plural else 3):
        match = _WORD_AFTER.match(text, end, limit)
        if not match or _ends_phrase(match.group(1), found, plural):
            break
        word = match.group(1)
        if not found and _is_verb_like(word) and word.lower() not in _CASUALTIES:
            nxt = _WORD_AFTER.match(text, match.end(), limit)
            if not nxt or _ends_phrase(nxt.group(1), [word], plural):
                break  # "two dressed in black": a verb, not a modifier ("masked gunmen")
        found.append(word)
        end = match.end()
        if word.lower() in _CASUALTIES and len(found) == 1:
            # "five dead": the casualty word stands for people, unless a plural
            # noun follows ("five injured people").
            nxt = _WORD_AFTER.match(text, end, limit)
            if not nxt or not _looks_plural(nxt.group(1)) or _ends_phrase(nxt.group(1), found, plural):
                break
            continue
        if plural and _looks_plural(word):
            nxt = _WORD_AFTER.match(text, end, limit) if word.lower() in _SAME_PLURAL else None
            if nxt and _looks_plural(nxt.group(1)) and not _ends_phrase(nxt.group(1), found, plural):
                continue  # "two police officers", "five staff members": the noun comes next
            break
    return found, end


def _subject(words: list[str], plural: bool = True) -> tuple[str, str | None]:
    """The normalized counted thing, and the casualty word it carries if any."""
    casualty = None
    kept = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _CASUALTIES:
            casualty = low
        elif low in _DROPPED_MODIFIERS:
            continue
        elif i == 0 and len(words) > 1 and low.endswith("est") and low not in _NOT_SUPERLATIVES:
            continue  # "two of the largest regional hospitals"
        else:
            kept.append(low)
    if not kept:
        return ("person" if casualty else ""), casualty
    if plural:  # a singular head may be a name: "15-year-old Garber"
        kept[-1] = _head(kept[-1])
    return " ".join(kept), casualty


def _is_participle(low: str) -> bool:
    """An irregular past form ("struck", "taken", "held"): its lemma is another
    word. "Said", "told" report speech, never the event a number is about."""
    return (
        len(low) > 3 and not low.endswith("s") and low not in STOPWORDS and low not in say_verbs()
        and low not in _NOT_VERBS
        and lemma(low) != low
    )


def _is_event_word(low: str) -> bool:
    """A word that may say what happened to what a number counts: a casualty word or a
    verb form, irregular ones too ("shot", "hit", which the lemmatizer reads as nouns)."""
    return (
        low in _CASUALTIES or low in _EVENT_FORMS or _is_verb_like(low) or _is_participle(low)
        or (low in IRREGULAR_PAST and low not in say_verbs())
    )


def _event_after(text: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
    """The participle or verb the counted noun is the subject of ("... were killed"),
    the adverb that narrows it ("critically wounded"), and where it ends; "are in
    critical condition" is injured, critically."""
    condition = _CONDITION.match(text, pos, limit)
    if condition:
        return "injured", _CONDITIONS[condition.group("condition").lower()], condition.end()
    manner = None
    for _ in range(6):
        match = _WORD_AFTER.match(text, pos, limit)
        if not match:
            break
        low = match.group(1).lower()
        pos = match.end()
        if low in _EVENT_SKIP or _is_adverb(low):
            manner = low if low in _MANNER else manner
            continue
        if _is_event_word(low):
            to_death = _TO_DEATH.match(text, pos, limit)
            if to_death:  # "shot to death", "beaten to death": killed
                return "killed", manner, to_death.end()
            outcome = _AND_OUTCOME.match(text, pos, limit)
            if outcome and event_class(outcome.group(1)) in _OUTCOMES and event_class(low) not in _OUTCOMES:
                # "were shot and killed", "stabbed and wounded": counted by what became of them
                return _EVENT_FORMS.get(outcome.group(1).lower(), outcome.group(1).lower()), manner, outcome.end()
            return _EVENT_FORMS.get(low, low), manner, pos
        break
    return None, None, pos


# A second verb joined to an event's ("shot and killed", "shot twice and pronounced dead", "stabbed
# and later declared dead"), and the event classes that tell what became of those it befell (events.yaml outcome).
_AND_OUTCOME = compiled_regex(
    r"(?:\s+(?:once|twice|\w+\s+times))?\s+and\s+(?:(?:later|then)\s+)?(?:(?:was|were|pronounced|declared)\s+)?([a-z]+)\b"
)
_OUTCOMES = frozenset(cls for cls, entry in load("events").items() if entry.get("outcome"))


# ", including the gunman": the count takes in whoever carried out the attack.
_INCLUDING_PERPETRATOR = compiled_regex(
    r"[^.;]{0,40}?,?\s+(?:including|counting|among them)\s+(?:the|a|one|two)\s+(?:\w+\s+)?(\w+)", re.IGNORECASE
)
_YEAR = compiled_regex(r"\b(1[89]\d\d|20\d\d)\b")


def _scope(text: str, end: int, limit: int) -> str | None:
    """ "including the suspect" after a count: it counts the perpetrator too."""
    found = _INCLUDING_PERPETRATOR.match(text, end, limit)
    return "with perpetrator" if found and found.group(1).lower() in _PERPETRATORS else None


def background_of(sentence: str, published: str | None) -> str | None:
    """ "background 2005" when the sentence names a year before its source's publication year,
    "background three years ago" for a phrase that sets it in another time (scope.yaml), else None."""
    years = sorted({y for y in _YEAR.findall(sentence) if published and y < published[:4]})
    if years:
        return "background " + " ".join(years)
    low = sentence.lower()
    phrase = next((p for p in _BACKGROUND if p in low), None)
    return f"background {phrase}" if phrase else None


# An event set apart from the story's before a count ("an unrelated shooting", "a second
# attack"; times.yaml other_event): the count is that event's. Not after "the": "it was the
# second shooting in a week" may tell of the story's own.
_NUMBER_BEFORE = compiled_regex(rf"\b(?:\d+|{_WORD_NUMBER})\s+$", re.IGNORECASE)  # "in seven separate shootings": a tally
_ANOTHER_EVENT = compiled_regex(
    rf"(?<!\bthe )\b(?:{alternation(load('times')['other_event'])})\s+([A-Za-z]+)\b", re.IGNORECASE
)


# A speaker's hedge up to a few words before a number: "I guess maybe six shots rang out".
_GUESS_BEFORE = compiled_regex(
    rf"\b(?:{alternation(_SCOPE['guesses']['words'])})\b(?:\W+\w+){{0,3}}?\W+$", re.IGNORECASE
)


# The most words of a phrase that opens a sentence and frames its main clause.
OPENING_PHRASE_WORDS = 5


def _anchor(sentence: Sentence, start: int, end: int, published: str | None) -> str | None:
    """What sets a count at ``start:end`` apart from the story's event: a year before
    the publication year ("background 2005") or a phrase such as "three years ago" in
    its sentence, a clause that counts over a country, a year or several events
    ("wider"), or a speaker's guess ("guess": "I guess maybe six shots rang out").
    A count so anchored aligns only with counts of the same anchor."""
    text = sentence.text
    if _GUESS_BEFORE.search(text, max(0, start - sentence.start - 40), start - sentence.start):
        return "guess"
    background = background_of(text, published)
    if background:
        return background
    low = text.lower()
    at, to = start - sentence.start, end - sentence.start
    if any(
        is_event_noun(singular(m.group(1).lower())) and not _NUMBER_BEFORE.search(text, 0, m.start())
        for m in _ANOTHER_EVENT.finditer(text, 0, at)
    ):
        return "another event"  # "In a separate shooting, two men were hurt": not the story's toll
    clause_at = max(text.rfind(mark, 0, at) for mark in ",;") + 1
    clause = text[clause_at : min((i for mark in ",;" if (i := text.find(mark, to)) >= 0), default=len(text))]
    # A short phrase the sentence opens with, set off by a comma, frames its main clause too
    # ("So far this year, 40 bridges have closed"); a longer one is a clause of its own.
    first_comma = text.find(",")
    opening = text[:first_comma] if 0 < first_comma < at else ""
    opening = opening if len(opening.split()) <= OPENING_PHRASE_WORDS else ""
    if opens_on_another_event(opening.split()):
        return "another event"  # "Earlier Sunday, two men were shot", as times.py reads such an opening
    if any(word in low for word in _WIDER_WORDS) and (_WIDER.search(clause) or _WIDER.search(opening)):
        return "wider"
    if _TALLY_PERIOD.search(clause):
        return "wider"  # "80 were killed in the city in November alone"
    if _EACH_BEFORE.search(text, max(0, at - 30), at):
        return "wider"  # "three attacks that each left four or more wounded": per attack, not a toll
    if _told_of_several(text, at):
        return "wider"  # "shootings on the east side that left seven injured": a tally of several
    stretch = _STRETCH.search(clause)
    if stretch and not clause_at + stretch.start() <= at < clause_at + stretch.end():
        return "wider"  # "20 people shot over a span of 80 hours"; not "80 hours" itself
    several = _SEVERAL_EVENTS.search(clause)
    # The number of events itself ("in two incidents") is the story's own count.
    own = several is not None and clause_at + several.start() <= at < clause_at + several.end()
    return "wider" if several and not own and is_event_noun(singular(several.group(1))) else None


# The next of several told in turn, after a comma or "and": "..., another in the arm", "and a fourth".
_NEXT_IN_TURN = compiled_regex(
    r"(?:,|\band)\s+(?:and\s+)?(?:another|one|a\s+(?:second|third|fourth|fifth)|the\s+other)\b([^.;,]*(?:,[^.;,]*,)?[^.;,]*)"
)


def _told_in_turn(text: str, at: int, limit: int) -> bool:
    """Whether a count of one is the first of several the sentence tells in turn, the verb
    said once: "one man was shot in the leg, another in the arm, and a third in the back"
    ("one man was killed and another was wounded" tells two events, each its own count)."""
    following = _NEXT_IN_TURN.search(text, at, limit)
    return following is not None and not any(
        _is_verb_like(word) or word.lower() in AUXILIARIES for word in following.group(1).split()
    )


# A relative clause's verb right before a number: "... that left seven injured".
_RELATIVE_VERB_BEFORE = compiled_regex(
    rf"\b(?:that|which)\s+(?:(?:{alternation(AUXILIARIES)})\s+)?[a-z]+\s+(?:(?:at\s+least|about|more\s+than)\s+)?$"
)
_LOWER_WORD = compiled_regex(r"\b[a-z]+\b")


def _told_of_several(text: str, at: int) -> bool:
    """Whether the number at ``at`` ends a relative clause whose antecedent, the last event noun
    before it, is a bare plural: "shootings on the east side, in front of a store, that left seven
    injured" (but "the Elm Street shootings, which left four hurt" may be one attack's victims)."""
    relative = _RELATIVE_VERB_BEFORE.search(text, max(0, at - 40), at)
    if not relative:
        return False
    nouns = [m for m in _LOWER_WORD.finditer(text, 0, relative.start()) if is_event_noun(singular(m.group()))]
    if not nouns or singular(nouns[-1].group()) == nouns[-1].group():
        return False
    before = _WORD_BEFORE.findall(text[max(0, nouns[-1].start() - 60) : nouns[-1].start()])
    i = len(before) - 1
    while i >= 0 and before[i][:1].isupper() and before[i].lower() not in _DETERMINERS:  # "the Elm Street shootings"
        i -= 1
    return not (i >= 0 and before[i].lower() in _DETERMINERS)


# "each" and a verb right before a number: the figure is per each of several, not a total.
_EACH_BEFORE = compiled_regex(r"\beach\s+[a-z]+\s+(?:(?:at\s+least|about|more\s+than)\s+)?$")
# "20 people were shot in 12 separate incidents": a tally over several events (not "in 10
# minutes", nor "cameras in five cities").
_SEVERAL_EVENTS = compiled_regex(
    rf"\bin\s+(?!1\b|[Oo]ne\b)(?:\d+|{_WORD_NUMBER}|several|multiple|numerous)\s+"  # not "in one"
    r"(?:separate\s+|different\s+)?([a-z]+s)\b"
)


@lru_cache(maxsize=4096)
def _is_early(sentence: str) -> bool:
    """Whether a sentence gives its figures as an early report, since revised (scope.yaml superseded)."""
    low = sentence.lower()
    return any(phrase in low for phrase in _SUPERSEDED_WORDS) and bool(_SUPERSEDED.search(sentence))


# "counts of attempted murder", "rounds of ammunition": what a counted noun is of.
_OF_PHRASE = compiled_regex(r"\s+of\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)")


# Verbs by which a place takes people in ("the shelter received 40 families").
_TAKE_IN = frozenset({"receive", "take", "admit", "accept"})
# A place that takes people in -> the event class of those it takes in (events.yaml taken_in_by).
_TAKEN_IN_BY = {place: cls for cls, entry in load("events").items() for place in entry.get("taken_in_by", ())}


def _event_before(before: list[str]) -> str | None:
    """The verb the count is the object of: "killing five people", "arrested a 45-year-old";
    for a place that takes people in, the event of those it took in ("clinics admitted nine");
    after an event noun and "of", that event ("the wounding of three hikers", "the fatal
    shooting of one man", "the stabbing death of a 40-year-old")."""
    if len(before) > 1 and before[0].lower() in ("a", "an") and before[1].lower() == "of":
        before = before[1:]
    if len(before) > 2 and before[0].lower() == "of" and (
        before[2].lower() in ("the", "a", "an") or event_class(before[2]) == "killed" or is_event_noun(before[2])
    ):
        if event_class(before[2]) == "killed":
            return "killed"
        if event_class(before[1]) in _EVENT_CLASSES:
            return _EVENT_FORMS.get(before[1].lower(), before[1].lower())
    for i, word in enumerate(before[:2]):
        low = word.lower()
        if low in ("a", "an", "the"):
            continue
        if _is_event_word(low):
            taker = lemma(before[i + 1].lower()) if i + 1 < len(before) else ""
            if lemma(low) in _TAKE_IN and taker in _TAKEN_IN_BY:
                return _TAKEN_IN_BY[taker]
            return _EVENT_FORMS.get(low, low)
        return None
    return None


def _manner_before(before: list[str]) -> str | None:
    """The adverb that narrows the verb a count is the object of: "fatally shooting three
    people" (some of those shot were killed), "critically wounding two"."""
    for i, word in enumerate(before[1:3], start=1):
        if word.lower() in _MANNER and _is_event_word(before[i - 1].lower()):
            return word.lower()
    return None


def _is_noun_like(word: str) -> bool:
    low = word.lower()
    return (
        word.isalpha() and word[0].islower() and low not in _BREAK and low not in _DROPPED_MODIFIERS
        and low not in _LINKS and not _is_verb_like(low) and not _is_adverb(low)
    )


def _subject_before(before: list[str]) -> str | None:
    """For a bare number, the noun it is the value of: "a depth of 8", "the death toll ... to 14"."""
    i = 0
    while i < len(before) and (before[i].lower() in _LINKS or (i and (
        _is_verb_like(before[i]) or before[i].lower() in IRREGULAR_PAST or before[i].lower() in _DAY_WORDS
    ))):  # "the toll rose Sunday to 14"
        i += 1
    if i == 0 or i >= len(before) or not _is_noun_like(before[i]):
        return None
    # Step over a prepositional phrase: "the death toll from the disaster to 14".
    if i + 3 < len(before) and before[i + 1].lower() == "the" and before[i + 2].lower() in ("from", "in", "of"):
        if _is_noun_like(before[i + 3]):
            i += 3
    head = _head(before[i])
    # A modifier only inside a determiner phrase: "the (confirmed) death toll", not "stole paintings".
    if i + 2 < len(before) and _is_noun_like(before[i + 1]) and (
        before[i + 2].lower() in _DETERMINERS or _is_verb_like(before[i + 2])
    ):
        return f"{before[i + 1].lower()} {head}"
    return head


def _event_told_before(text: str, floor: int, start: int) -> bool:
    """Whether the sentence tells of an event before ``start`` ("A teenager is dead and three
    others were hurt": the others are all the hurt, not some of them)."""
    return any(
        word.lower() in _CASUALTIES or event_class(word) in _EVENT_CLASSES
        for word in _WORD_BEFORE.findall(text, floor, start)
    )


def _words_before(text: str, start: int, floor: int) -> list[str]:
    """Up to eight words right before ``start`` in the same clause, nearest first."""
    chunk = text[max(floor, start - 60) : start]
    clause_end = _UP_TO_CLAUSE_END.match(chunk)
    cut = clause_end.end() if clause_end else 0
    return _WORD_BEFORE.findall(chunk[cut:])[::-1][:8]


def _search_before(pattern: re.Pattern, endings: tuple[str, ...], text: str, lo: int, hi: int) -> re.Match | None:
    """``pattern.search(text, lo, hi)`` for a pattern that ends at ``hi`` with one of ``endings`` (any case)
    and spaces. An ASCII window that plainly does not end so needs no regex search (a few microseconds)."""
    window = text[lo:hi]
    if window.isascii() and not window.rstrip().lower().endswith(endings):
        return None
    return pattern.search(text, lo, hi)


def _sentence_of(doc: Document, offset: int, starts: list[int]) -> Sentence | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < doc.sentences[i].end:
        return doc.sentences[i]
    return None


def _is_year(match: re.Match, text: str, limit: int) -> bool:
    """A bare 4-digit number is a year unless a plural noun follows: "in 2022" but "2000 tents"."""
    digits = match.group("digits") or ""
    if len(digits) != 4 or not digits.isdigit() or match.group("currency") or match.group("scale"):
        return False
    if not 1000 <= int(digits) <= 2099:
        return False
    nxt = _WORD_AFTER.match(text, match.end(), limit)
    return not nxt or not nxt.group(1).islower() or not _looks_plural(nxt.group(1))


def _currency(text: str, match: re.Match) -> str | None:
    sign = match.group("currency")
    if not sign:
        return None
    prefix = _DOLLAR_PREFIX.search(text, max(0, match.start() - 3), match.start()) if sign == "$" else None
    return _CURRENCIES[prefix.group(1) + sign if prefix else sign]


def _measure(text: str, match: re.Match, value: int | float, limit: int) -> _Measure | None:
    """Read the unit after a number; None when the number is not a count ("one-off", "20 years ago")."""
    end = match.end()
    currency = match.group("currency")
    unit = _currency(text, match)
    after = text[end:limit]
    attached = _ATTACHED_UNIT.match(after) if match.group("digits") else None
    percent = _PERCENT.match(after)
    # "a 19- and 41-year-old": a suspended hyphen takes the unit of the number after it
    suspended = _SUSPENDED_HYPHEN.match(after)
    hyphen = _HYPHEN_UNIT.match(after, suspended.end() if suspended else 0)
    if match.group("unit_long"):  # "an hour-long standoff"
        return _Measure(match.group("unit_long"), None, end + len("-long"), False)
    if attached:
        return _Measure(_UNITS[attached.group(1).lower()], None, end + attached.end(), False)
    if percent:
        return _Measure("percent", None, end + percent.end(), False)
    if hyphen:
        word, suffix = hyphen.group(1).lower(), hyphen.group(2)
        if word in ("year-old", "years-old"):
            return _Measure("year-old", "age", end + hyphen.end(), False)
        if suffix == "-old":  # "21-month-old": an age in months is no age in years
            return _Measure(f"{_UNITS.get(word, singular(word))}-old", "age", end + hyphen.end(), False)
        if match.group("words") and value == 1 and word not in _UNITS:
            return None  # "one-off", "one-sided"
        return _Measure(_UNITS.get(word, singular(word)), None, end + hyphen.end(), False)
    unit_word = _WORD_AFTER.match(text, end, limit)
    if unit_word and unit_word.group(1).lower() in _UNITS and not currency:
        unit = _UNITS[unit_word.group(1).lower()]
        age = _SPACED_AGE.match(text, unit_word.end(), limit) if f"{unit}-old" in _AGE_UNITS else None
        if age:  # "27 years old", "14 months old"
            return _Measure(f"{unit}-old", "age", age.end(), False)
        if _AGO.match(text, unit_word.end(), limit):
            return None  # "20 years ago" is a date
        return _Measure(unit, None, unit_word.end(), False)
    if unit_word and unit_word.group(1).lower() in ("year-old", "years-old"):
        return _Measure("year-old", "age", unit_word.end(), False)
    return _Measure(unit, None, end, value != 1)


def _is_part_of_something(text: str, match: re.Match) -> bool:
    """Numbers inside dates, times, years, scores, codes, URLs: "March 15", "5 p.m.", "20-13", "3D"."""
    start, end = match.start(), match.end()
    prev_char = text[start - 1] if start else " "
    if prev_char.isalnum() or prev_char in "-/.:#_@":
        # "COVID-19", "F-16", ".308", "example.com/2013/05"; "US$5" is money
        return not (prev_char.isalpha() and match.group("currency") and _DOLLAR_PREFIX.search(text, 0, start))
    after = text[end : end + 24]
    if _JOINED_AFTER.match(after) and not _HYPHEN_UNIT.match(after):
        return True
    if after[:1].isalpha() and not (match.group("digits") and _ATTACHED_UNIT.match(after)):
        return True  # "3D", "2nd", "1990s"
    if _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(after):
        return True
    if _ADDRESS_BLOCK.match(after):
        return True  # "the 5500 block of Main Street": an address, not 5,500 blocks
    if starts_address(text, start):
        return True  # "7050 Old Mill Road": a house number
    if match.group(0).strip() in load("not_counts")["emergency_numbers"] and _emergency_after().match(after):
        return True  # "a 911 call": the number dialled
    return bool(_TIME_AFTER.match(after)) or _is_year(match, text, end + 40)


def _is_identifier_or_name(text: str, match: re.Match, sentence: Sentence, before: list[str]) -> bool:
    """ "No. 5", "Flight 370", "IE 6", "Three Mile Island": a number inside a name."""
    if _search_before(_ID_BEFORE, _ID_ENDINGS, text, max(0, match.start() - 14), match.start()):
        return True
    prev_word = before[0] if before else ""
    if not text[sentence.start : match.start()].strip(" \"'“‘("):
        return False  # capitalized because it starts the sentence
    words = match.group("words")
    if words:
        return words[0].isupper()
    return (
        prev_word[:1].isupper() and not match.group("currency") and prev_word.lower() not in _DETERMINERS
        and not prev_word.endswith(("'s", "’s"))  # a possessive: "Lee's 3-year-old son"
        and not _QUALIFIER.search(prev_word + " ") and not _RATING_BEFORE.search(prev_word + " ")
    )


def _claim_at(doc: Document, match: re.Match, starts: list[int]) -> Claim | None:
    text = doc.text
    start = match.start()
    if _is_part_of_something(text, match):
        return None
    sentence = _sentence_of(doc, start, starts)
    if sentence is None:
        return None
    limit = sentence.end
    before = _words_before(text, start, sentence.start)
    if _is_identifier_or_name(text, match, sentence, before):
        return None
    value = _number_value(match)
    if value is None:
        return None
    measure = _measure(text, match, value, limit)
    if measure is None:
        return None
    window_start = max(sentence.start, start - 30)
    qualifier = _search_before(_QUALIFIER, _QUALIFIERS, text, window_start, start)
    low_end = _RANGE_BEFORE.search(text, window_start, start) if not qualifier else None
    changed_from = low_end and _CHANGED_FROM.search(text, max(sentence.start, start - 60), low_end.start("low"))
    if changed_from:
        # "the toll rose from three to five": a change, and the number its new figure,
        # of what the words before "from" name, as "the toll rose to five" is
        before, low_end = ["to", *_words_before(text, changed_from.start("from"), sentence.start)], None
    range_low = _number_value(_NUMBER.match(low_end.group("low"))) if low_end else None
    rating = _RATING_BEFORE.search(text, window_start, start)
    if rating:
        measure.unit = rating.group(1).lower()

    open_end = _OR_MORE.match(text, measure.phrase_at, limit) if measure.unit is None else None
    if open_end:  # "two or more suspects", "a dozen or so": the noun comes after
        measure.phrase_at = open_end.end()
    name = _appositive_name(text, match, measure, sentence.start)
    if name:
        measure.unit, measure.role = measure.unit or "year-old", "age"
    phrase_at = measure.phrase_at
    of_the = _OF_DETERMINER.match(text, phrase_at, limit)
    part = bool(of_the) and measure.unit is None
    if part:
        if value == 1 or _NUMBER.match(text, of_the.end() + 1):
            return None  # "one of the victims", "two of the five": the noun belongs to another count
        # "Two of her friends were shot": a part of a set, compared only with other parts
        # (the whole may be 15 friends, and the part is no toll of the story).
        phrase_at, measure.plural = of_the.end(), True
    elif match.group("words") and value == 1 and (
        _PRONOUN_ONE.match(text, phrase_at, limit) or (before and before[0].lower() == "no")
    ):
        return None  # "one of them", "one another", "no one"
    elif _besides(text, phrase_at, limit, before) and measure.unit is None:
        one_before = _one_person_before(text, start, sentence.start)
        if one_before is None:
            part = True  # "Lee, Cole and two others were hurt": two of an untold whole
        else:  # "Lee and two other children were hurt": three children
            value, start = value + 1, one_before
    elif len(before) > 1 and before[0].lower() in _SEQUENCE and before[1].lower() == "the" and measure.unit is None:
        part = True  # "the last two officers slain": some of a sequence
    elif value == 1 and measure.unit is None and _told_in_turn(text, measure.phrase_at, limit):
        part = True  # "one was shot in the leg, another in the arm": one of those told in turn
    elif measure.unit is None and (added := _ADDED.match(text, phrase_at, limit)):
        part, phrase_at = True, added.end()  # "then killed three more people": added to those told of before

    if measure.unit == "percent" or name:
        phrase, end = [], phrase_at  # "100 percent committed": what follows is rarely the counted thing
    else:
        phrase, end = _noun_phrase(text, phrase_at, limit, measure.plural)
        if measure.role == "age":
            phrase, end = _name_alone(text, phrase, phrase_at, end, limit)
    if not phrase:
        end = measure.phrase_at
    narrowed = _NARROWING_CLAUSE.match(text, end, limit)
    if narrowed and measure.unit is None and singular(narrowed.group(1)) in _PEOPLE_NOUNS:
        part = True  # "three defendants who were adults at the time": some of the defendants
    subject, casualty = _subject(phrase, measure.plural)
    event, manner, event_end = _event_after(text, end, limit)
    if event is None and phrase and measure.unit is None and not casualty:
        event, manner, event_end = _event_after(text, _past_phrase(text, end, limit), limit)
    if _PART_OF_BEFORE.search(text, window_start, start):
        event, manner = None, None  # "one of the five victims survived": the part survived, not the five
    elif measure.unit is None and _OTHER.match(text, phrase_at, limit) and (
        (event and _ALSO.search(text, end, event_end))
        or not (_event_told_before(text, sentence.start, start) or _besides(text, phrase_at, limit, before))
    ):
        # "Two other riders were also hurt", "Four other children were in the home": besides
        # someone told before, some of those; but "one died and four others were hurt" counts
        # the hurt, and "Lee and two others" all three (see _besides)
        part = True
    if not (event or casualty):
        told_before = before[len(qualifier.group("q").split()) :] if qualifier else before
        event = _event_before(told_before)
        manner = manner or (_manner_before(told_before) if event else None)
    event = event or casualty
    person = name or _age_of_whom(text, phrase, phrase_at, end, limit, measure, sentence)
    if subject == "other" and event in _CASUALTIES:
        subject = "person"  # "nine others trapped"
    if name:
        subject = name.lower()
    elif not subject:
        subject, end = _bare_subject(text, end, limit, measure, before, event, match.start(), sentence.start)
    if not subject or (match.group("words") and value == 1 and not phrase):
        return None
    if event_class(event or "") == "killed" and measure.unit is None and any(
        _AT_ONE_PLACE.match(text, at, limit) for at in (event_end, end)
    ):
        part = True  # "one died at the scene": those who died there, some of the dead
    if measure.role == "age" and (not isinstance(value, int) or value > _OLDEST_AGE):
        return None
    if measure.unit == "magnitude" and subject != "magnitude":
        subject += " magnitude"

    if qualifier:
        start = qualifier.start("q")
    elif range_low is not None:
        start = low_end.start("low")
    elif rating:
        start = rating.start()
    return doc.claim(
        ClaimKind.COUNT,
        subject,
        value,
        start,
        end,
        sentence=sentence,
        attrs=make_attrs(
            ClaimKind.COUNT,
            noun=" ".join(phrase),
            unit=measure.unit,
            approx=qualifier.group("q").lower() if qualifier else (
                "range" if range_low is not None else "about" if match.group("unit_long") else
                _OPEN_ENDS[open_end.group(1).lower()] if open_end else None
            ),
            low=range_low,
            event=event,
            role=measure.role,
            manner=manner or (_scope(text, event_end, limit) if event else None),
            person=person,
            of=_of_phrase(text, end, limit) if phrase else None,
            early="yes" if _is_early(sentence.text) else None,
            anchor=None if measure.role == "age" else " ".join(filter(None, [
                "part" if part else None,
                "history" if phrase and phrase[0].lower() in _HISTORY else None,  # "six prior arrests"
                _anchor(sentence, start, end, doc.source.published),
            ])) or None,
        ),
    )


# The one person before "and" in "Lee and two others", "Ann Lee and", "her son and", "he and".
_CONJUNCT_BEFORE = compiled_regex(
    r"(?P<one>(?:[A-Z][\w'’-]*\s+){0,2}(?P<last>[A-Za-z][\w'’-]*))\s+(?:and|&)\s+$"
)


def _one_person_before(text: str, start: int, floor: int) -> int | None:
    """Where the one person of "<one person> and two others" starts, if the words before
    the count's "and" name one: a name, "he" or "she", or the noun of one person ("her
    son", "the driver"). None after a list ("Lee, Cole and two others") or a plural ("the
    couple and two others", "police and two others"), whose number is not told."""
    window_start = max(floor, start - 60)
    found = _CONJUNCT_BEFORE.search(text, window_start, start)
    if not found:
        return None
    ahead = text[window_start : found.start("one")].rstrip()
    if ahead.endswith((",", ";")) or ahead.lower().endswith((" and", " or")):
        return None  # a list: the number of its people is not told
    last = found.group("last")
    low = last.lower()
    if low in ("he", "she"):
        return found.start("one")
    if low in person_nouns() or low in _SEVERAL_PEOPLE:
        one = singular(low) == low and low not in _SEVERAL_PEOPLE
    else:  # a name, not a weekday, a month or an organization ("Hospital and two others")
        one = last[0].isupper() and is_name_word(last) and low not in calendar_words()
    return found.start("one") if one else None


def _besides(text: str, phrase_at: int, limit: int, before: list[str]) -> bool:
    """ "Lee and two others", not "one was killed and two others wounded" nor "two dead and
    four others hurt" (a clause of its own toll)."""
    return (
        len(before) > 1 and before[0].lower() == "and" and not _is_verb_like(before[1])
        and event_class(before[1]) not in _EVENT_CLASSES and bool(_OTHER.match(text, phrase_at, limit))
    )


# A phrase after a counted noun that says which or where ("of the crew", "in their 20s",
# "at the party"), opened by one of these, and the words after it, one at a time.
_PHRASE_OPENING = compiled_regex(r"\s+(?:of|in|at|from)\b")
_NEXT_WORD = compiled_regex(r"\s+([\w'’-]+)")
MAX_PHRASE_WORDS = 6


def _past_phrase(text: str, end: int, limit: int) -> int:
    """Where the verb of "four members of the Rye Street gang pleaded guilty" or "two men in
    their 20s were shot" may start: past the phrase, when its words run on to a verb form
    with no clause break ("of the victims who", "in the town and", a comma end it first);
    else ``end``."""
    found = _PHRASE_OPENING.match(text, end, limit)
    if not found:
        return end
    pos = found.end()
    for taken in range(MAX_PHRASE_WORDS + 1):
        word = _NEXT_WORD.match(text, pos, limit)
        if not word:
            return end
        low = word.group(1).lower()
        if low in OBJECT_END:  # a clause or another phrase opens: "of the man who", "of the town and"
            return end
        verb_form = low in IRREGULAR_PAST or (low.endswith("ed") and _is_verb_like(low))
        if taken and (low in _EVENT_SKIP or (verb_form and word.group(1)[0].islower())):  # "United": a name
            return pos
        if low in _BREAK and (low not in _DETERMINERS or word.group(1)[0].isupper()):
            return end  # "of ammunition he carried": the noun phrase ended; "in Lyle The": a title ran on
        pos = word.end()
    return end


def _of_phrase(text: str, end: int, limit: int) -> str | None:
    found = _OF_PHRASE.match(text, end, limit)
    if not found:
        return None
    kept = []
    for word in found.group(1).split():
        if word in _BREAK:
            break
        kept.append(word)
    return " ".join(kept) or None


# "The 45-year-old driver, Ann Lee, ...": the name set off after an age's noun.
_NAME_AFTER = compiled_regex(r",\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,3}),")


# A name: capitalized words and initials ("Ann L. Lee", "Tom Mathers").
_NAME_RUN = compiled_regex(r"\s+((?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*)){0,3})")


def _name_alone(text: str, phrase: list[str], phrase_at: int, end: int, limit: int) -> tuple[list[str], int]:
    """An aged noun phrase that starts with a name ends with it: "found 16-year-old Jo Birch
    guilty" is of Jo Birch, and "guilty" is said of her."""
    name_words = next((i for i, word in enumerate(phrase) if not word[:1].isupper()), len(phrase))
    run = _NAME_RUN.match(text, phrase_at, limit) if 2 <= name_words < len(phrase) else None
    return (phrase[:name_words], run.end()) if run else (phrase, end)


def _age_of_whom(
    text: str, phrase: list[str], phrase_at: int, end: int, limit: int, measure: _Measure, sentence: Sentence
) -> str | None:
    """Whose age this is, when a name says: "25-year-old Ann Lee", "the 45-year-old driver, Ann Lee,"."""
    if measure.role != "age":
        return None
    if phrase and all(w[:1].isupper() for w in phrase) and (len(phrase) >= 2 or lookup_place(phrase[0]) is None):
        # "25-year-old Ann Lee", "the 40-year-old Lee" (but not "a 30-year-old Texas man"); the
        # whole name, which a noun phrase cuts at an initial or a surname ending in s.
        run = _NAME_RUN.match(text, phrase_at, limit)
        return run.group(1) if run else " ".join(phrase)
    found = _NAME_AFTER.match(text, end, limit)
    return found.group(1) if found and phrase else None


def _appositive_name(text: str, match: re.Match, measure: _Measure, floor: int) -> str | None:
    """The name an age is set off after: "Teixeira, 28," or "Teixeira, 28 years old," -> "Teixeira"."""
    digits = match.group("digits")
    spelled_age = measure.role == "age" and text[match.end() : match.end() + 1].isspace()  # "28 years old"
    if not digits or not digits.isdigit() or len(digits) > 3 or not (spelled_age or (not measure.unit and measure.plural)):
        return None
    if not _AGE_CLOSE.match(text, measure.phrase_at if spelled_age else match.end()) or int(digits) > _OLDEST_AGE:
        return None
    found = _NAME_BEFORE_AGE.search(text, max(floor, match.start() - 60), match.start())
    return found.group(1).replace(", ", " ") if found else None  # "Lee Hart, Jr." is "Lee Hart Jr."


def _bare_subject(
    text: str, end: int, limit: int, measure: _Measure, before: list[str], event: str | None, start: int, floor: int,
) -> tuple[str | None, int]:
    """What a number with no counted noun after it is about, and where its words end.

    "$40-million of artwork", "a depth of 8 kilometers", "the 29-year-old said".
    """
    if measure.role == "age":
        return _age_predicate_subject(text, start, floor) or "person", end
    if measure.unit in _MONEY or measure.unit == "percent":
        of_noun = _OF.match(text, end, limit)
        if of_noun:
            phrase, phrase_end = _noun_phrase(text, of_noun.end(), limit, True)
            subject = _subject(phrase)[0]
            if subject:
                return subject, phrase_end
    if len(before) > 1 and before[0].lower() == "of" and not measure.unit:
        children = _PARENTS.get(before[1].lower())
        if children:
            measure.role = "children"  # "a mother of three": someone's children, like an age someone's years
            return children, end
    found = _subject_before(before)
    if found:
        return found, end
    if measure.unit:
        return measure.unit, end
    # "Three were killed", "two were shot": harm befalls people.
    return ("person" if event in _CASUALTIES or (event and event_family(event) == "incident") else None), end


# Who an age told as a predicate is of: "the baby was only 2 months old", "the girl, who is 4 years old".
_AGE_PREDICATE = compiled_regex(
    r"\b(?P<noun>[a-z]+)(?:,\s+who)?\s+(?:is|was|are|were)\s+(?:(?:only|just|barely)\s+)?$"
)


def _age_predicate_subject(text: str, start: int, floor: int) -> str | None:
    found = _AGE_PREDICATE.search(text, max(floor, start - 40), start)
    noun = found and singular(found.group("noun"))
    return noun if noun in person_nouns() else None


@cache
def _multiple() -> re.Pattern:
    """ "triple shooting", "double-homicide": how many an event befell (things.yaml multiples)."""
    multiples = load("things")["multiples"]
    return compiled_regex(
        rf"\b(?P<times>{alternation(multiples['times'])})[\s-]+(?P<event>{alternation(multiples['events'])})\b",
        re.IGNORECASE,
    )


@cache
def _multiple_hint() -> re.Pattern:
    return compiled_regex(f"(?i:{alternation(load('things')['multiples']['times'])})")


def _multiple_claims(doc: Document, starts: list[int]) -> Iterator[Claim]:
    multiples = load("things")["multiples"]
    for match in _multiple().finditer(doc.text):
        sentence = _sentence_of(doc, match.start(), starts)
        if sentence is None:
            continue
        yield doc.claim(
            ClaimKind.COUNT, "person", multiples["times"][match.group("times").lower()], match.start(), match.end(),
            sentence=sentence,
            attrs=make_attrs(ClaimKind.COUNT, noun=match.group(0), event=multiples["events"][match.group("event").lower()]),
        )


# --- counts told without a number (things.yaml unnumbered) ---------------------

# Words that may follow "no arrests" or "no injuries" when the noun is not itself a modifier
# ("no arrest warrant"): a verb, a preposition, a conjunction, or the clause's end.
_AFTER_NONE = compiled_regex(
    r"\s*(?:[.,;:!?)\"”]|$)|\s+(?:have|has|had|were|was|are|is|been|yet|so|in|at|as|and|or|but|after|since"
    r"|reported|made|announced|to|on|by|from|related|linked|connected|among|during|overnight|immediately)\b"
)
# "have not made any arrests" is "no arrests".
_NOT_ANY = compiled_regex(
    r"(?:not|n't|never)\s+(?:yet\s+)?(?:made|reported|announced|been|had|confirmed)\s+any\s+(?P<word>[a-z]+)\b"
)
# "The attacker has yet to be caught", "the gunman has not been identified": no one arrested yet
# (scope.yaml perpetrators; not "a second suspect", who may be one of several).
# Found from the noun, the determiner checked after: a scan that opens on "a" tries every "a".
_NOT_YET_CAUGHT = compiled_regex(
    rf"(?:{alternation(sorted(_PERPETRATORS))})\s+(?:has|have|had|was|were|is|are)\s+"
    r"(?:yet\s+to\s+be|not\s+(?:yet\s+)?been|still\s+not\s+been)\s+"
    r"(?:identified|arrested|caught|found|located|apprehended|named)\b"
)
_DETERMINER_BEFORE = compiled_regex(r"\b(?:[Aa]|[Tt]he|[Nn]o)\s+$")
# After "no one" or "no officers": the verb of what befell them ("has yet been charged", "was seriously hurt").
_NOBODY_EVENT = compiled_regex(
    r"\s+(?:has|have|had|was|were|is|are)\s+"
    r"(?:(?:yet|been|reported|believed|thought|known|immediately|seriously|critically|fatally|badly|severely"
    r"|physically|to\s+have|to)\s+)*(?:taken\s+)?(?P<verb>(?:in|into)\s+(?:police\s+)?custody|[a-z]+)\b"
)
_RECORD = compiled_regex(
    rf"\b(?:{alternation(_SCOPE['record']['words'] + _SCOPE['unrelated']['words'])})\b", re.IGNORECASE
)


def _tallied_participles() -> list[str]:
    """The past participles of the events told of one person that count one (an arrest):
    "arrested", "detained"."""
    events = load("events")
    return sorted(
        word for cls in load("things")["unnumbered"]["one_events"] for word in events[cls]["words"]
        if word.endswith("ed")
    )


def _capitalized_too(phrases: list[str]) -> str:
    """An alternation of ``phrases`` that also matches them capitalized, as a sentence starts."""
    return "|".join(_either_case(alternation([p])) for p in longest_first(phrases))


class _Unnumbered(NamedTuple):
    """The patterns of counts told without a number. None starts with a word boundary:
    that would make each scan several times slower; ``_starts_word`` checks it instead."""

    no_word: re.Pattern  # "no arrests", "no officers"
    nobody: re.Pattern  # "no one", "nobody"
    phrase: re.Pattern  # "turned himself in"
    passive: re.Pattern  # "was arrested", "has been charged", "remains in custody"
    active: re.Pattern  # "arrested a man", "charged him", "arrested 19-year-old Ann Lee"


@cache
def _unnumbered_patterns() -> _Unnumbered:
    said = load("things")["unnumbered"]
    done = alternation(_tallied_participles())
    return _Unnumbered(
        compiled_regex(rf"(?:{_capitalized_too(said['none'])})\s+(?:known\s+)?(?P<word>[a-z]+)\b"),
        compiled_regex(rf"(?:{_capitalized_too(said['nobody'])})\b"),
        compiled_regex(rf"(?:{alternation(list(said['one_phrases']))})\b"),  # past the sentence's subject: lower case
        compiled_regex(
            r"(?:was|is|has\s+been|is\s+being|was\s+being|remains|remained)\s+"  # told of one, not "had been"
            r"(?:(?:later|also|quickly|subsequently|eventually|then|since|now|already|immediately|finally|formally)\s+)?"
            rf"(?:taken\s+)?(?P<verb>(?:in|into)\s+(?:police\s+)?custody|{done})\b"
        ),
        compiled_regex(
            rf"(?P<verb>{done})\s+(?:him\b|her\b|(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?P<people>[a-z]+)\b"
            r"|(?:\d+-year-old\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+)"
        ),
    )


# After an arrest, what it was for: "arrested for an armed robbery", "arrested on drug charges".
_ARRESTED_FOR = compiled_regex(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:for\s|on\s+(?:[\w'’-]+\s+){0,3}?(?:charges?|warrants?)\b)"
)


def _for_another_matter(sentence: Sentence, end: int) -> bool:
    """Whether an arrest is told as for something, and its sentence names no harm to people
    (events.yaml family incident; things.yaml incident): "arrested for an armed robbery",
    not "arrested Friday for the shooting"."""
    if not _ARRESTED_FOR.match(sentence.text, end - sentence.start):
        return False
    incident = load("things")["classes"]["incident"]["words"]
    return not any(
        event_family(word) == "incident" or singular(word) in incident
        for word in re.findall(r"[a-z]+", sentence.text.lower())
    )


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _people_word(word: str) -> bool:
    """A noun for people, not one for the rest of them ("others")."""
    low = word.lower()
    return low not in load("things")["unnumbered"]["remainder"] and singular(low) in people_words()


def _tallied_one(word: str) -> str | None:
    """The event class of an event told of one person that counts one (an arrest), or None."""
    cls = event_class(word.split()[-1])
    return cls if cls in load("things")["unnumbered"]["one_events"] else None


def _zero_claims(doc: Document, starts: list[int]) -> Iterator[Claim]:
    """ "No arrests have been made", "police have not made any arrests", "nobody has been
    charged", "no officers were arrested", "the attacker has yet to be caught": zero of
    those the event touched."""
    text, patterns = doc.text, _unnumbered_patterns()
    event_nouns = load("things")["event_nouns"]["words"] | load("things")["unnumbered"]["none_of"]
    for match in [*patterns.no_word.finditer(text), *_NOT_ANY.finditer(text)]:
        word = match.group("word").lower()
        if match.re is patterns.no_word and not _starts_word(text, match.start()):
            continue  # "piano keys" ("n't" of "haven't" starts inside its word)
        event = event_nouns.get(singular(word))
        if event and _AFTER_NONE.match(text, match.end()):
            yield from _unnumbered_claim(doc, starts, match.start(), match.end(), 0, "person", event)
        elif not event and match.re is patterns.no_word and _people_word(word):
            general = singular(word) in load("things")["classes"]["person"]["words"]
            yield from _zero_people(doc, starts, match, "person" if general else singular(word))
    for match in patterns.nobody.finditer(text):
        if _starts_word(text, match.start()):
            yield from _zero_people(doc, starts, match, "person")
    for match in _NOT_YET_CAUGHT.finditer(text):
        determiner = _DETERMINER_BEFORE.search(text, max(0, match.start() - 5), match.start())
        if determiner:
            yield from _unnumbered_claim(doc, starts, determiner.start(), match.end(), 0, "person", "arrested")


def _zero_people(doc: Document, starts: list[int], match: re.Match, subject: str) -> Iterator[Claim]:
    """ "no one" or "no officers" and the event that befell none of them."""
    then = _NOBODY_EVENT.match(doc.text, match.end())
    event = event_class(then.group("verb").split()[-1]) if then else ""
    if event and is_evolving(event):
        yield from _unnumbered_claim(doc, starts, match.start(), then.end(), 0, subject, event)


def _one_claims(doc: Document, starts: list[int]) -> Iterator[Claim]:
    """ "Lee was arrested", "police arrested a man", "Lee turned himself in": at least one."""
    text, phrases, patterns = doc.text, load("things")["unnumbered"]["one_phrases"], _unnumbered_patterns()
    found = [(m, _tallied_one(m.group("verb"))) for m in patterns.passive.finditer(text)]
    found += [
        (m, _tallied_one(m.group("verb"))) for m in patterns.active.finditer(text)
        if not m.group("people") or _people_word(m.group("people"))
    ]
    found += [(m, phrases[" ".join(m.group(0).lower().split())]) for m in patterns.phrase.finditer(text)]
    for match, event in found:
        if event and _starts_word(text, match.start()):
            yield from _unnumbered_claim(doc, starts, match.start(), match.end(), 1, "person", event, one=True)


def _unnumbered_claim(
    doc: Document, starts: list[int], start: int, end: int, value: int, subject: str, event: str, one: bool = False,
) -> Iterator[Claim]:
    if value == 0 and event_family(event) == "incident":
        # News tells "no one was hurt" of one moment of an attack (shots at the police, a
        # second volley) as often as of all of it: a toll of none is read of other events only.
        return
    sentence = _sentence_of(doc, start, starts)
    if sentence is None:
        return
    if (one and (
        NEGATION.search(doc.text, max(sentence.start, start - 40), start) or _for_another_matter(sentence, end)
    )) or _RECORD.search(sentence.text):
        # "no one was arrested" is none; "had been arrested twice before" a past record,
        # "arrested on unrelated charges" or "for a robbery" another matter
        return
    yield doc.claim(
        ClaimKind.COUNT, subject, value, start, end, sentence=sentence,
        attrs=make_attrs(
            ClaimKind.COUNT, event=event, approx="at least" if one else None,
            early="yes" if _is_early(sentence.text) else None,
            anchor=_anchor(sentence, start, end, doc.source.published),
        ),
    )


def _unnumbered(claims: list[Claim], doc: Document, starts: list[int]) -> list[Claim]:
    """The counts told without a number, where the sentence gives no number of that event
    ("Lee and two others were arrested" is three, not at least one), one per sentence and event."""
    told = {(c.sentence_start, event_class(c.attr("event") or "")) for c in claims}
    kept = []
    for claim in [*_zero_claims(doc, starts), *_one_claims(doc, starts)]:
        at = (claim.sentence_start, claim.attr("event"))
        if at not in told:
            told.add(at)
            kept.append(claim)
    return kept


def extract_counts(doc: Document) -> list[Claim]:
    """One COUNT claim per number mention that counts or measures something ("a triple
    shooting" among them), sorted by offset."""
    starts = [s.start for s in doc.sentences]
    claims = []
    for match in _NUMBER.finditer(doc.text):
        claim = _claim_at(doc, match, starts)
        if claim is not None:
            claims.append(claim)
    if _multiple_hint().search(doc.text):  # most pages have no "triple shooting"
        claims += _multiple_claims(doc, starts)
    claims += _unnumbered(claims, doc, starts)
    return sorted(claims, key=lambda c: (c.start, c.end))
