"""Comparators: how the claims of one aligned group relate to each other.

A comparator is named in a rule's ``compare.using`` and gets the rule's other
``compare`` keys as options. It says, for two claims from different sources,
whether they agree, are a variant of each other (a wording difference, an
omission) or conflict, and how each claim's value is shown. The engine does
the rest the same way for every kind.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..cache import compiled_regex
from ..extract.addresses import address_parts, is_address, is_corner, same_street_as, street_name_and_type
from ..extract.times import DAY_MINUTES, day_offset, vocab_minutes
from ..model import Claim, ClaimKind, Status
from ..text import alternation, quote_sentences, same_name, sentence_likeness
from ..vocab import compared_event, is_evolving, is_past_title, is_personal, measure_of, stands_in, word_classes
from ..vocab import load as load_vocab

_NOT_WORD = compiled_regex(r"[^\w\s]+")
_TITLE_FILLER = frozenset({"of", "the", "for", "and", "at", "to", "a", "an", "in"})


def format_number(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


# --- numbers ------------------------------------------------------------------

# Qualifiers that make a number a bound rather than a value.
# "More than 10 years" is read as at least 10: news writes it of round figures
# ("for more than 10 years" beside "for 10 years" is no contradiction).
_AT_LEAST = frozenset({"at least", "upwards of", "no fewer than", "in excess of", "more than", "over", "just over"})
_AT_MOST = frozenset({"up to", "no more than", "at most"})
# "As many as 500 rounds" puts the figure near its top: read as the top fifth below it.
_AS_MANY_AS = frozenset({"as many as", "as much as"})
AS_MANY_AS_SPAN = 0.2
_LESS_THAN = frozenset({"fewer than", "less than", "under", "just under"})
_NEARLY = frozenset({"nearly", "almost", "close to"})
# Anything else before a number ("about", "some", "an estimated") means it is rounded.


def _rounding(value: float) -> float:
    """How far a rounded number may be from the truth: half the step of its last
    significant digit, at most a tenth of it, at least a half ("about 24" is
    23.5-24.5, "about 1,300" 1,250-1,350, "about 100" 90-110)."""
    number = abs(value)
    if number == 0:
        return 0.5
    step = 1.0
    if float(number).is_integer():
        while number % (step * 10) == 0:
            step *= 10
    else:
        decimals = len(repr(float(number)).split(".")[1])
        step = 10.0 ** -decimals
    return max(0.5 if float(value).is_integer() else step / 2, min(step / 2, number / 10))


def number_interval(claim: Claim, tolerance: float = 0.0) -> tuple[float, float]:
    """What a number claims, as an interval in its measure's base unit: "at least 5" is
    [5, inf), "about 40" [36, 44], "2 hours" [7200, 7200] seconds."""
    scale = measure_of(claim.attr("unit") or "")[1]
    low, high = _unit_interval(claim, tolerance)
    return low * scale, high * scale


def _unit_interval(claim: Claim, tolerance: float) -> tuple[float, float]:
    value = float(claim.value)
    approx = (claim.attr("approx") or "").lower()
    low, high = value * (1 - tolerance), value * (1 + tolerance)
    if approx in _AT_LEAST:
        return low, math.inf
    if approx in _AT_MOST:
        return -math.inf, high
    if approx in _AS_MANY_AS:
        return value * (1 - AS_MANY_AS_SPAN), high
    if approx in _LESS_THAN:
        return -math.inf, math.nextafter(value, -math.inf)
    if approx == "range":  # "10 to 12": the extractor keeps the low end
        return float(claim.attr("low") or value), high
    if approx in _NEARLY:
        return value - 2 * _rounding(value), value
    if approx:
        return min(low, value - _rounding(value)), max(high, value + _rounding(value))
    return low, high


def show_number(claim: Claim) -> str:
    """A count as a reader reads it: qualifier, number, unit ("about 6 month", "10 to 12")."""
    approx = claim.attr("approx")
    unit = claim.attr("unit")
    shown = format_number(claim.value)
    if unit:
        shown = f"{shown} {unit}"
    if approx == "range":
        return f"{format_number(float(claim.attr('low') or 0))} to {shown}"
    return f"{approx} {shown}" if approx else shown


def _width(interval: tuple[float, float]) -> float:
    return interval[1] - interval[0]


@dataclass(frozen=True)
class Numeric:
    """Counts and quantities: equal within a relative tolerance, qualifiers respected."""

    tolerance: float = 0.0

    def show(self, claim: Claim) -> str:
        if claim.kind is ClaimKind.PLACES:
            return _show_places(claim)
        return show_number(claim)

    def relate(self, a: Claim, b: Claim) -> Status:
        la, ha = number_interval(a, self.tolerance)
        lb, hb = number_interval(b, self.tolerance)
        return Status.AGREE if la <= hb and lb <= ha else Status.CONFLICT

    def narrow(self, claims: list[Claim]) -> list[Claim]:
        """What one source says, at its most precise: its narrowest statements
        (exact figures first). A source's "at least 1" beside its own "24" must
        not make its 24 agree with another source's 1, nor its "up to 20"
        soften its own "as many as 20"."""
        widths = {c: _width(number_interval(c, self.tolerance)) for c in claims}
        narrowest = min(widths.values())
        return [c for c in claims if widths[c] == narrowest]

    @staticmethod
    def can_change(claims: list[Claim], published: Mapping[str, str]) -> bool:
        """Tallies (killed, injured, arrested ...) are revised as a story unfolds, and a
        person grows older between reports; arrests and charges (events.yaml `personal`)
        are not undone: a later report of fewer is another matter, not an update."""
        if claims and all(c.kind is ClaimKind.COUNT and c.attr("role") == "age" for c in claims):
            return _ages_grow(claims, published)
        events = [c.attr("event") or "" for c in claims if c.kind is ClaimKind.COUNT]
        if any(is_personal(event) for event in events):
            return _never_fewer(claims, published)
        return any(is_evolving(event) for event in events)


def _never_fewer(claims: list[Claim], published: Mapping[str, str]) -> bool:
    """Whether no report gives fewer than an earlier one (every one dated: else the engine
    keeps the conflict, noting the undated)."""
    if any(not published.get(c.source) for c in claims):
        return True
    dated = sorted((published[c.source][:10], number_interval(c, 0.0)) for c in claims)
    return all(
        later[1] >= earlier[0]
        for i, (then, earlier) in enumerate(dated) for when, later in dated[i + 1 :] if when > then
    )


def _ages_grow(ages: list[Claim], published: Mapping[str, str]) -> bool:
    """Whether each later report's age is the earlier one's or more, by no more than a
    birthday in every year between them: 17 in March and 18 in May may both be true."""
    dated = sorted((dt.date.fromisoformat(published[c.source][:10]), float(c.value)) for c in ages
                   if published.get(c.source))
    if len(dated) < len(ages):
        return False
    return all(
        0 <= later - earlier <= (when - then).days // 365 + 1
        for i, (then, earlier) in enumerate(dated) for when, later in dated[i + 1 :] if when > then
    )


# --- places -------------------------------------------------------------------

def _show_places(claim: Claim) -> str:
    shown = ", ".join(claim.value)
    return shown if claim.attr("complete", "yes") == "yes" else f"{shown} (not exhaustive)"


@dataclass(frozen=True)
class PlaceSet:
    """Lists of places: equal sets agree; a subset given without claiming to be
    complete is an omission (variant); complete lists that differ, or a count of
    places that does not match a complete list, conflict."""

    def show(self, claim: Claim) -> str:
        if claim.kind is ClaimKind.COUNT:
            return f"{show_number(claim)} {claim.attr('noun') or claim.subject}"
        return _show_places(claim)

    def relate(self, a: Claim, b: Claim) -> Status:
        if a.kind is ClaimKind.COUNT or b.kind is ClaimKind.COUNT:
            return self._relate_count(a, b)
        if is_address(a) and is_address(b):
            return _relate_addresses(a, b)
        if is_corner(a) and is_corner(b):
            return _relate_corners(a, b)
        sa, sb = frozenset(a.value), frozenset(b.value)
        if sa == sb:
            return Status.AGREE
        complete_a = a.attr("complete", "yes") == "yes"
        complete_b = b.attr("complete", "yes") == "yes"
        if (sa < sb and not complete_a) or (sb < sa and not complete_b):
            return Status.VARIANT
        if not complete_a and not complete_b:
            return Status.VARIANT
        return Status.CONFLICT

    @staticmethod
    def _relate_count(a: Claim, b: Claim) -> Status:
        if a.kind is ClaimKind.COUNT and b.kind is ClaimKind.COUNT:
            return Numeric().relate(a, b)
        count, places = (a, b) if a.kind is ClaimKind.COUNT else (b, a)
        size = len(places.value)
        if places.attr("complete", "yes") != "yes":
            return Status.AGREE if size <= float(count.value) else Status.CONFLICT
        low, high = number_interval(count)
        return Status.AGREE if low <= size <= high else Status.CONFLICT


def _relate_addresses(a: Claim, b: Claim) -> Status:
    """Two blocks of one street: another block, or another side ("East", "West"), conflicts;
    a side one source leaves out is a variant."""
    (block_a, side_a), (block_b, side_b) = address_parts(a), address_parts(b)
    if block_a != block_b or (side_a and side_b and side_a != side_b):
        return Status.CONFLICT
    return Status.AGREE if side_a == side_b else Status.VARIANT


def _relate_corners(a: Claim, b: Claim) -> Status:
    """Two corners: the same two streets agree, a type one source leaves out aside ("Birch and
    Larkin streets", "Larkin and Birch Street"); another street, or another type of it, conflicts."""
    streets_a = [street_name_and_type(item.lower()) for item in a.value]
    streets_b = [street_name_and_type(item.lower()) for item in b.value]
    matched = all(any(same_street_as(x, y) for y in streets_b) for x in streets_a) and all(
        any(same_street_as(y, x) for x in streets_a) for y in streets_b
    )
    return Status.AGREE if matched else Status.CONFLICT


# --- dates --------------------------------------------------------------------

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _date_parts(claim: Claim) -> tuple[str, str | None, str | None]:
    """(year, month, day) strings of an ISO-at-precision value; 'XXXX' when unknown."""
    parts = str(claim.value).split("-")
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _weekday(claim: Claim) -> str | None:
    if claim.attr("precision") == "weekday":
        return str(claim.value).lower()
    year, month, day = _date_parts(claim)
    if day and year.isdigit():
        return dt.date(int(year), int(month), int(day)).strftime("%A").lower()
    return None


# A date this many days or fewer before its source was published is that report's news.
RECENT_DAYS = 7


def _days_before(claim: Claim, published: str | None) -> int | None:
    """Days from a full date to its source's publication date, None when either is not a day."""
    if not published or claim.attr("precision") != "day":
        return None
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(str(claim.value))).days
    except ValueError:
        return None


def _days_apart(a: Claim, b: Claim) -> int | None:
    """Days between two full dates (a year unknown to both taken as one leap year), None
    when either is not a day."""
    try:
        days = [dt.date.fromisoformat(str(c.value).replace("XXXX", "2000")) for c in (a, b)]
    except ValueError:
        return None
    return abs((days[0] - days[1]).days)


@dataclass(frozen=True)
class DatePrecision:
    """Dates compared at the coarser precision of the two: "March 2031" and
    "March 13, 2031" agree; "2031-03-13" and "2031-03-15" conflict. A bare
    weekday is compared only with full dates."""

    def show(self, claim: Claim) -> str:
        """A full date with its weekday, as news gives it: "2031-03-14 (Friday)"."""
        weekday = _weekday(claim) if claim.attr("precision") == "day" else None
        return f"{claim.value} ({weekday.capitalize()})" if weekday else str(claim.value)

    @staticmethod
    def can_change(claims: list[Claim], published: Mapping[str, str]) -> bool:
        """Reports published apart that each date a filing, hearing or arrest to
        their own last few days, or to days still to come (a schedule, which
        moves), may tell of two occurrences, not one: the later report's date is
        then an update. Any date far before its report is a fact about the past,
        which does not change."""
        return all(
            (days := _days_before(c, published.get(c.source))) is not None and days <= RECENT_DAYS for c in claims
        )

    def relate(self, a: Claim, b: Claim) -> Status:
        if a.attr("relative") == b.attr("relative") == "yes" and (
            a.text.lower() == b.text.lower()
            or (_weekday(a) and _weekday(a) == _weekday(b) and all(_weekday(a) in c.text.lower() for c in (a, b)))
        ):
            # Both say "Saturday" (or "today"): they differ only through the dates
            # the sources were published, which a crawl or a late update can move.
            return Status.AGREE
        if "weekday" in (a.attr("precision"), b.attr("precision")):
            wa, wb = _weekday(a), _weekday(b)
            return Status.CONFLICT if wa and wb and wa != wb else Status.AGREE
        for pa, pb in zip(_date_parts(a), _date_parts(b)):
            if pa is None or pb is None:
                break
            if "XXXX" in (pa, pb):
                continue
            if pa != pb:
                # A response's or a call's day beside the incident's, a day apart, is a variant:
                # the response follows what it answers, and a night runs into the next day.
                stand_in = stands_in(a.attr("event") or "") != stands_in(b.attr("event") or "")
                next_day = _days_apart(a, b) == 1
                if (next_day and (stand_in or _across_midnight(a, b))) or _weeks_off(a, b):
                    return Status.VARIANT
                return Status.CONFLICT
        return Status.AGREE


def _across_midnight(a: Claim, b: Claim) -> bool:
    """Whether two dates a day apart may tell of one night: the earlier told with a part of
    the day that runs to midnight ("late Monday night", "Monday evening"), the later with one
    that starts there ("early Tuesday", "Tuesday morning"; times.yaml parts and day_edges)."""
    earlier, later = sorted((a, b), key=lambda c: str(c.value))
    until, since = _part_of_day(earlier), _part_of_day(later)
    return bool(until and since) and (until[1] <= until[0] or until[1] >= DAY_MINUTES - 1) and since[0] == 0


def _part_of_day(claim: Claim) -> tuple[int, int] | None:
    """The span in minutes of the part of the day a date is told with, if any: a part after it
    ("Monday night", "late Monday night") or a day's edge before it ("early Tuesday", "late on March 3")."""
    times = load_vocab("times")
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    edge = _EDGE_BEFORE.search(claim.sentence, 0, at)
    part = _PART_AFTER.match(claim.sentence, end)
    if part:
        name = " ".join(part.group(1).lower().split())
        if edge and f"{edge.group(1).lower()} {name}" in times["parts"]:
            name = f"{edge.group(1).lower()} {name}"
        span = times["parts"][name]
    elif edge:
        span = times["day_edges"][edge.group(1).lower()]
    else:
        return None
    return vocab_minutes(span[0]), vocab_minutes(span[1])


_EDGE_BEFORE = compiled_regex(
    rf"\b({alternation(list(load_vocab('times')['day_edges']))})(?:\s+on)?\s+$", re.IGNORECASE
)
_PART_AFTER = compiled_regex(rf",?\s+({alternation(list(load_vocab('times')['parts']))})\b", re.IGNORECASE)


# How far a weekday placed by a late report's date may be from the day it told of.
WEEKS_OFF_DAYS = 14


def _weeks_off(a: Claim, b: Claim) -> bool:
    """Whether one date is a bare weekday its source placed by its own date ("robbed Tuesday
    night"), the other a date written out ("March 3") on that weekday, whole weeks apart: a
    report published or updated a week late places the weekday a week late."""
    weekday, days = _weekday(a), _days_apart(a, b)
    if not weekday or weekday != _weekday(b) or not days or days % 7 or days > WEEKS_OFF_DAYS:
        return False
    return _placed_by_weekday(a, weekday) != _placed_by_weekday(b, weekday)


def _placed_by_weekday(claim: Claim, weekday: str) -> bool:
    return weekday in claim.text.lower() and not any(ch.isdigit() for ch in claim.text)


# --- titles -------------------------------------------------------------------

# Abbreviated titles as news style writes them ("Gov.", "Lt."), spelled out: one list in
# crosscheck/vocab/title_abbreviations.yaml, which the people extractor reads too.
TITLE_ABBREVIATIONS = {short.lower(): word for short, word in load_vocab("title_abbreviations").items()}


def _title_words(title: str) -> str:
    words = _NOT_WORD.sub(" ", title.lower()).split()
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words if w not in _TITLE_FILLER)


@dataclass(frozen=True)
class FuzzyTitle:
    """Titles of one job agree: the same head word ("PPD Chief", "Pinewood Police
    Chief"; synonyms such as "attorney" and "lawyer" are one) and the same rank.
    Two ranks that differ conflict ("Acting Director", "Deputy Director"); a
    rank one title leaves out is a variant ("Acting Chief", "Police Chief"). Titles
    with other heads agree only when nearly the same words (``threshold``,
    0-100, up to word order, filler words and omissions), and are a variant
    when one head is generic ("Officer" beside "Detective"). A past title
    ("retired lieutenant") never conflicts with a present one."""

    threshold: float = 85

    def show(self, claim: Claim) -> str:
        return str(claim.value)

    def relate(self, a: Claim, b: Claim) -> Status:
        words_a, words_b = _title_words(str(a.value)), _title_words(str(b.value))
        if is_past_title(words_a) != is_past_title(words_b):
            return Status.AGREE  # a role once held and one held now are both true
        ranks_a, ranks_b = _title_ranks(words_a), _title_ranks(words_b)
        if (_JOINT.search(str(a.value)) or _JOINT.search(str(b.value))) and not (
            ranks_a and ranks_b and ranks_a != ranks_b
        ):
            # "President and CEO" holds two jobs: the other title names one of them, or both
            heads_a, heads_b = set(_title_heads(words_a)), set(_title_heads(words_b))
            if heads_a & heads_b:
                return Status.AGREE if heads_a == heads_b else Status.VARIANT
        head_a, head_b = _title_head(words_a), _title_head(words_b)
        if head_a and head_a == head_b:
            if ranks_a == ranks_b:
                return Status.AGREE
            # "Acting Chief" and "Police Chief": one leaves out the rank (a variant)
            return Status.CONFLICT if ranks_a and ranks_b else Status.VARIANT
        score = fuzz.token_set_ratio(words_a, words_b)
        if score >= self.threshold:
            return Status.AGREE
        if _in_other_fields(words_a, words_b):
            return Status.VARIANT  # "Pastor" and "State Senator": two jobs one person may hold
        # "Police Officer" and "Police Detective": the officer is the less precise name
        return Status.VARIANT if _names_less(words_a, words_b) or _names_less(words_b, words_a) else Status.CONFLICT


# Two jobs in one title: "President and CEO", "Publisher & Editor".
_JOINT = compiled_regex(r"\s(?:and|&)\s", re.IGNORECASE)


def _title_head(title_words: str) -> str | None:
    """The last head word of a title ("police chief" -> "chief"), as its synonym group's
    first word; a title phrase ("public information officer") names its job's head."""
    heads = _title_heads(title_words)
    return heads[-1] if heads else None


def _title_heads(title_words: str) -> list[str]:
    """A title's head words in order, each as its synonym group's first word; a title
    phrase ("court officer") stands for its job's head alone."""
    for phrase, head in _PHRASES.items():
        if f" {phrase} " in f" {title_words} ":
            return [_SAME_JOB.get(head, head)]
    return [_SAME_JOB.get(w, w) for w in title_words.split() if w in _HEADS]


def _names_less(title_words: str, other_words: str) -> bool:
    """Whether a title is a generic name of the other's job: a generic head ("officer") that
    may stand for each head of the other's it lacks, and no other head the other lacks
    ("police officer" of "detective"; not "officer" of "mayor", nor "chief technology
    officer" of "minister")."""
    heads, others = frozenset(_title_heads(title_words)), frozenset(_title_heads(other_words))
    generic = heads & _GENERIC_HEADS.keys()
    return bool(generic) and heads - generic <= others and all(
        any(head in _GENERIC_HEADS[g] for g in generic) for head in others - heads
    )


def _in_other_fields(title_words: str, other_words: str) -> bool:
    """Whether two titles' heads are of two fields a person may serve in at once (title_kinds.yaml
    fields: clergy, elected office), and of no field in common."""
    fields = [{_FIELD_OF[head] for head in _title_heads(words) if head in _FIELD_OF} for words in (title_words, other_words)]
    return all(fields) and fields[0].isdisjoint(fields[1])


def _title_ranks(title_words: str) -> frozenset[str]:
    return frozenset(title_words.split()) & _RANKS


_HEADS = frozenset(w for w, kind in word_classes("titles").items() if kind == "head")
_SAME_JOB = {word: group[0] for group in load_vocab("title_kinds")["synonyms"]["groups"] for word in group}
_RANKS = frozenset(load_vocab("title_kinds")["ranks"]["words"])
_FIELD_OF = {
    _SAME_JOB.get(head, head): field
    for field, heads in load_vocab("title_kinds")["fields"]["groups"].items() for head in heads
}
_GENERIC_HEADS = {
    _SAME_JOB.get(head, head): frozenset(_SAME_JOB.get(w, w) for w in stands_for)
    for head, stands_for in load_vocab("title_kinds")["generic"]["words"].items()
}
# Longest first: "public information officer" before "information officer".
_PHRASES = dict(sorted(load_vocab("title_kinds")["phrases"]["words"].items(), key=lambda item: -len(item[0])))


# --- quotes -------------------------------------------------------------------

def quote_words(claim: Claim) -> list[str]:
    """A quote's words, lower-case, without punctuation: "well-known" is "well known"."""
    return _words_of(str(claim.value))


def _words_of(text: str) -> list[str]:
    return _NOT_WORD.sub(" ", text.lower().replace("’", "'")).split()


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


@dataclass(frozen=True)
class QuoteWording:
    """The same quotation: the same words, or one cut short from the other,
    agree; any changed word is a variant (``changed_words`` allows a few).

    Outlets cut and join a speaker's sentences differently, so quotes are
    compared sentence by sentence: two sentences nearly alike (``similar``,
    0-100) but not the same words are a variant; sentences that have nothing
    to do with each other say nothing. Between two sources the worst pair
    counts: one changed sentence is a variant, whatever else they share.
    """

    changed_words: int = 0
    similar: float = 70
    worst_pair = True  # read by the engine: see _status
    worst = Status.VARIANT  # the worst it can say: the engine stops there

    def show(self, claim: Claim) -> str:
        return str(claim.value)

    def relate(self, a: Claim, b: Claim) -> Status:
        wa, wb = quote_words(a), quote_words(b)
        shorter, longer = sorted((wa, wb), key=len)
        if _contains(longer, shorter) or Levenshtein.distance(wa, wb) <= self.changed_words:
            return Status.AGREE
        if fuzz.ratio(" ".join(wa), " ".join(wb), score_cutoff=self.similar):
            return Status.VARIANT  # nearly the same words throughout
        sentences_a, sentences_b = quote_sentences(str(a.value)), quote_sentences(str(b.value))
        for x in sentences_a:
            for y in sentences_b:
                shorter, longer = sorted((x, y), key=len)
                if _contains(longer, shorter) or Levenshtein.distance(x, y) <= self.changed_words:
                    continue
                if sentence_likeness(" ".join(x), " ".join(y), self.similar):
                    return Status.VARIANT
        return Status.AGREE


def _speaker_key(claim: Claim) -> str:
    return claim.attr("speaker_key") or claim.subject.lower()


# A quotation inside a quotation, in single marks: "He said 'I am the one,' she told us".
_NESTED_QUOTE = compiled_regex(r"(?<!\w)[‘'](?P<words>[^‘’']{3,}?)[’'](?!\w)")


def _relays(outer: Claim, inner: Claim) -> bool:
    """Whether ``outer`` quotes ``inner``'s words inside its own quotation marks: its speaker
    tells what ``inner``'s said."""
    said = quote_words(inner)
    return bool(said) and any(
        _contains(_words_of(nested.group("words")), said)
        for nested in _NESTED_QUOTE.finditer(str(outer.value))
    )


# Two speakers' names this alike (rapidfuzz ratio) are one name spelled two ways
# ("Alicia Dickson", "Alicia Dixon"); "Ann Lee" and "Bob Lee" are two people.
SPELLED_ALIKE = 80


@dataclass(frozen=True)
class QuoteSpeaker:
    """The same quotation attributed to two different named people conflicts;
    to one name spelled two ways, it is a variant. An organization, a descriptor
    ("the statement") or an unknown speaker is compatible with anyone: it is
    vaguer, not contrary."""

    def show(self, claim: Claim) -> str:
        return claim.subject or "(unattributed)"

    def relate(self, a: Claim, b: Claim) -> Status:
        if a.attr("speaker_kind") != "person" or b.attr("speaker_kind") != "person":
            return Status.AGREE
        if _relays(a, b) or _relays(b, a):
            return Status.AGREE  # a witness who repeats what the gunman said: two speakers, both right
        key_a, key_b = _speaker_key(a), _speaker_key(b)
        if same_name(key_a, key_b):
            return Status.AGREE
        return Status.VARIANT if fuzz.ratio(key_a, key_b) >= SPELLED_ALIKE else Status.CONFLICT


# --- times of day -------------------------------------------------------------

def _zone_shift(a: Claim, b: Claim) -> int | None:
    """Minutes that put ``b``'s time in ``a``'s zone; None when they cannot be compared
    ("7:30 p.m. ET" and a time with no zone, or "ET", which is EST or EDT)."""
    za, zb = a.attr("zone") or "", b.attr("zone") or ""
    if za == zb:
        return 0
    zones = load_vocab("times")["zones"]
    if za and zb and zones[za] is not None and zones[zb] is not None:
        return zones[za] - zones[zb]
    return None


def _interval_relation(la: int, ha: int, lb: int, hb: int) -> Status:
    if hb < la or ha < lb:
        return Status.CONFLICT
    if (lb <= la and ha <= hb) or (la <= lb and hb <= ha):
        return Status.AGREE  # one says less than the other, nothing against it
    return Status.VARIANT


@dataclass(frozen=True)
class TimeOfDay:
    """Times of day as intervals on one timeline: disjoint intervals conflict
    (on the same day when both days are known, so another day conflicts too),
    one inside the other agree ("about 3 a.m." and "3:10 a.m."), overlapping
    ones are a variant ("about 3:25" and "about 3:28"), as are two estimates one
    inside the other ("about 3 a.m." and "about 3:10"), a time after an event's
    start, and a report or response after the event it stands for. Without both
    days, the times are compared as times of any day."""

    def show(self, claim: Claim) -> str:
        return str(claim.value)

    def relate(self, a: Claim, b: Claim) -> Status:
        shift = _zone_shift(a, b)
        if shift is None:
            return Status.AGREE
        la, ha = int(a.attr("from")), int(a.attr("to"))
        lb, hb = int(b.attr("from")) + shift, int(b.attr("to")) + shift
        days = day_offset(a.attr("day"), b.attr("day"))
        offsets = (days,) if days is not None else (-1, 0, 1)
        found = {_interval_relation(la, ha, lb + d * DAY_MINUTES, hb + d * DAY_MINUTES) for d in offsets}
        status = next((s for s in (Status.AGREE, Status.VARIANT) if s in found), Status.CONFLICT)
        # Where b lies on a's timeline (its day unknown: the same day).
        lb, hb = lb + (days or 0) * DAY_MINUTES, hb + (days or 0) * DAY_MINUTES
        if status is Status.CONFLICT and a.attr("event") != b.attr("event"):
            # "robbed at 9:30", "officers responded at 9:55": a response follows the event, and
            # differs from it as a variant; one wholly before it still conflicts
            return Status.CONFLICT if _stand_in_first(a, b, (la, ha), (lb, hb)) else Status.VARIANT
        if status is Status.CONFLICT and _after_its_start(a, b, la, lb):
            return Status.VARIANT  # "the standoff began at 9:15", "shots at 10:05": a time within what began
        if status is Status.AGREE and a.attr("qualifier") == b.attr("qualifier") == "about" and la + ha != lb + hb:
            return Status.VARIANT  # "about 4:15" inside "about 4 p.m.": two estimates, not one
        return status


def _stand_in_first(a: Claim, b: Claim, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool:
    """Whether the time of what stands for an event (its report, the response) ends before the
    event's own time begins: "reported before 9 p.m.", "happened around 9:30"."""
    if _stands_for_another(a):
        return a_span[1] < b_span[0]
    return _stands_for_another(b) and b_span[1] < a_span[0]


def _stands_for_another(time: Claim) -> bool:
    """Whether a time's event class stands for another's (times.yaml ``stands_for``); a time's
    ``event`` is already its class, where ``vocab.stands_in`` reads a word."""
    event = time.attr("event") or ""
    return compared_event(event) != event


def _after_its_start(a: Claim, b: Claim, a_from: int, b_from: int) -> bool:
    """Whether one time is an event's start and the other, with no phase, comes after it:
    what began goes on, so a later time may be of it ("the standoff began at 9:15", "shots were
    fired at 10:05")."""
    phases = (a.attr("phase") or "", b.attr("phase") or "")
    if phases == ("start", ""):
        return b_from > a_from
    return phases == ("", "start") and a_from > b_from


@dataclass(frozen=True)
class Condition:
    """What became of a person: the same state agrees, two states of the living
    (critical, stable) are a variant, as a condition changes by the hour; death
    beside life conflicts, and is an update when every report of the person alive
    came out before the first of the death (on another day: see the engine)."""

    def show(self, claim: Claim) -> str:
        return str(claim.value)

    def relate(self, a: Claim, b: Claim) -> Status:
        if a.value == b.value:
            return Status.AGREE
        return Status.VARIANT if a.attr("alive") == b.attr("alive") else Status.CONFLICT

    @staticmethod
    def can_change(claims: list[Claim], published: Mapping[str, str]) -> bool:
        alive = [published.get(c.source) or "" for c in claims if c.attr("alive") == "yes"]
        dead = [published.get(c.source) or "" for c in claims if c.attr("alive") == "no"]
        if "" in alive or "" in dead:
            return True  # the engine says the sources are undated
        return max(alive, default="")[:10] <= min(dead, default="9999")[:10]


Comparator = Numeric | PlaceSet | DatePrecision | FuzzyTitle | QuoteWording | QuoteSpeaker | TimeOfDay | Condition

# compare.using -> comparator class; its dataclass fields are the allowed options.
COMPARATORS: dict[str, Callable[..., Comparator]] = {
    "numeric": Numeric,
    "place-set": PlaceSet,
    "date-precision": DatePrecision,
    "fuzzy-title": FuzzyTitle,
    "quote-wording": QuoteWording,
    "quote-speaker": QuoteSpeaker,
    "time-of-day": TimeOfDay,
    "condition": Condition,
}
