"""Align: group claims from different sources that are about the same thing.

Each claim kind has its own notion of "the same thing" (ALIGNERS). All of them
work the same way: identical claims (copies of one sentence) become one node,
a cheap blocking key puts nodes in buckets, a similarity score decides which
pairs inside a bucket are linked, and linked nodes are merged with union-find.
Blocking, and sorted neighbours in oversized buckets, keep the cost near-linear
in the number of distinct claims; nothing compares all pairs of a large story
(docs/performance.md).
"""
from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz

from ..cache import compiled_regex
from ..extract.addresses import is_address, is_corner, is_on_a_street, same_street_as, street_name_and_type
from ..extract.gazetteer import is_place_noun
from ..model import Claim, ClaimGroup, ClaimKind
from ..text import (
    NO_WORDS, STOPWORDS, alternation, content_words, quote_sentences, same_name, sentence_likeness, singular,
    words,
)
from ..vocab import compared_event, date_event, is_past_title, is_personal, say_verbs, timed_class, timed_classes
from ..vocab import load as load_vocab
from .core import (
    Aligner, SentenceAnchors, claim_in_sentence, context_of, jaccard, link, local_context, people_named_words,
    value_key, words_around_first,
)
from .counts import (
    ages_per_sentence, count_event, count_frame, count_keys, count_score, count_subject, head, plural_noun,
    things_per_source,
)
from .times import TIME_ALIGNER, time_features, times_per_source


# --- places -----------------------------------------------------------------

class _Places(NamedTuple):
    subject: str
    value: tuple[str, ...]
    items: frozenset[str]
    context: frozenset[str]
    local: frozenset[str]
    street: str  # for an address, its street's name ("elm" of "elm street"); "" for a list of places
    street_type: str  # for an address, its street's type ("street"), "" when the source leaves it out
    corner: frozenset[tuple[str, str]]  # for a corner, its two streets' (name, type)
    events: frozenset[str]  # for an address or a corner, the timed events told before it in its sentence, else in all of it


def _place_features(claim: Claim) -> _Places:
    street, street_type = street_name_and_type(claim.subject) if is_address(claim) else ("", "")
    corner = frozenset(street_name_and_type(item.lower()) for item in claim.value) if is_corner(claim) else NO_WORDS
    events = NO_WORDS
    if street or corner:
        # The events told before the address, where its verb is ("died at the 1200 block, where he
        # had been stabbed" is where he died), else any its sentence tells.
        told_before = claim.sentence[: claim.start - claim.sentence_start]
        events = _timed_events(told_before) or _timed_events(claim.sentence)
    return _Places(
        claim.subject, claim.value, frozenset(claim.value), context_of(claim), local_context(claim), street,
        street_type, corner, events,
    )


def _timed_events(text: str) -> frozenset[str]:
    return frozenset(filter(None, map(timed_class, words(text))))


# Addresses on one street in sentences this unlike are taken for two places the story
# names ("shot in the 100 block of Elm Street", "arrested in the 900 block of Elm Street").
ADDRESS_CONTEXT = 0.1


def _place_score(a: _Places, b: _Places) -> float:
    if a.street or b.street or a.corner or b.corner:
        # An address meets the same street's, a corner another corner of one of its streets,
        # where the sentences are alike and tell of the same events: "shot in the 2600 block"
        # is not where "police stopped the car".
        context = jaccard(a.context, b.context)
        if a.corner or b.corner:
            # A corner shares one street with many others (where the car was found, where the
            # suspect was caught): its sentence must be alike too, as well as its events.
            linked = any(same_street_as(x, y) for x in a.corner for y in b.corner) and (
                a.value == b.value or (context >= ADDRESS_CONTEXT and bool(a.events & b.events))
            )
        else:
            linked = same_street_as((a.street, a.street_type), (b.street, b.street_type)) and (
                a.value == b.value or (context >= ADDRESS_CONTEXT and a.events == b.events) or bool(a.events & b.events)
            )
        return 1.0 + context if linked else 0.0
    overlap = jaccard(a.items, b.items)
    if overlap >= 0.5 or (overlap > 0 and fuzz.token_set_ratio(a.subject, b.subject) >= 80):
        return overlap + jaccard(a.context, b.context)
    return 0.0


def _place_keys(said: _Places) -> Iterable[str]:
    if said.corner:
        return [f"street|{name}" for name, _ in said.corner]
    return [f"street|{said.street}"] if said.street else said.value


# --- dates ------------------------------------------------------------------

class _Date(NamedTuple):
    subject: str
    value: object
    unresolved: bool  # "on Tuesday" with no publication date to place it
    event: str
    context: frozenset[str]
    local: frozenset[str]
    anchors: frozenset[str]  # what its sentence is about: see SentenceAnchors
    statement: bool  # the date of a statement ("the agency said on Monday"), not of what it is about
    background: bool  # long before its source was published: an earlier event the story recalls
    people: frozenset[str]  # for what is done to one person at a time (an arrest), the people its sentence names
    names: frozenset[str]  # for the same, the words of the names of people its sentence gives (core.people_named_words)
    opening: frozenset[str]  # for the same, the name its sentence opens with, of whom it is told


def _date_event(claim: Claim) -> tuple[str, bool]:
    """(what the date is the date of, whether it is a statement's)."""
    event = (claim.attr("event") or "").lower()
    # "the agency said on Monday": the date of a statement says nothing of what it is about
    # (but "deputies responded to a call Friday" dates the call's incident), nor does a
    # briefing's or a release's (times.yaml `alone`: two of them are rarely one event)
    statement = (
        event in say_verbs() and not _answers_a_call(event, claim.sentence)
    ) or load_vocab("times")["events"].get(timed_class(event), {}).get("alone", False) or _goes_on(claim, event)
    return ("" if statement else date_event(event)), statement


def _goes_on(claim: Claim, event: str) -> bool:
    """Whether the date is of a state that went on ("remained hospitalized Tuesday"): a report
    of how things stood that day, like a statement's date, not the event's (times.yaml goes_on)."""
    told = claim.sentence[: claim.start - claim.sentence_start].lower().split()
    for at in range(len(told) - 1, 0, -1):  # the event word nearest the date
        if told[at] == event:
            return told[at - 1] in load_vocab("times")["goes_on"]
    return False


def _date_features(claim: Claim, anchors: SentenceAnchors | None = None) -> _Date:
    event, statement = _date_event(claim)
    personal = is_personal(claim.attr("event") or "")
    opening = anchors.opening_names(claim) if anchors and personal else NO_WORDS
    return _Date(
        claim.subject, claim.value, claim.attr("resolved") == "no", event,
        context_of(claim), local_context(claim),
        anchors.of(claim) if anchors else NO_WORDS, statement, claim.attr("background") == "yes",
        anchors.people_of(claim) if anchors and personal else NO_WORDS,
        # the name the sentence opens with is one it gives too ("Cole was arrested Tuesday")
        people_named_words(claim.sentence) | opening if personal else NO_WORDS,
        opening,
    )


@cache
def _answering(word: str) -> re.Pattern | None:
    """ "responded on Friday to a report of shots": the word, "to", then what it answers, a few words apart."""
    answers = load_vocab("times")["events"].get(timed_class(word), {}).get("answers")
    if not answers:
        return None
    incident = [w for w, cls in timed_classes().items() if cls == "incident"]
    few_words = r"(?:\S+\s+){0,4}?"
    return compiled_regex(rf"\b{re.escape(word)}\s+{few_words}to\s+{few_words}(?:{alternation(answers + incident)})\b", re.I)


def _answers_a_call(word: str, sentence: str) -> bool:
    """Whether a say verb that also names a response ("responded") is one here: what
    follows is a call or a scene ("responded to a report of shots"), not words ("responded to questions")."""
    pattern = _answering(word)
    return bool(pattern and pattern.search(sentence))


# Background dates link to other dates only in nearly the same sentence (copies).
BACKGROUND_SAME_SENTENCE = 0.5


def _date_score(a: _Date, b: _Date) -> float:
    if (a.people and b.people and a.people.isdisjoint(b.people)) or (
        a.names and b.names and a.names.isdisjoint(b.names)
    ) or (a.opening and b.opening and a.opening.isdisjoint(b.opening)):
        return 0.0  # "Lee was charged Tuesday", "Cole was charged in May": two people, two charges
    context = jaccard(a.context, b.context)
    if context < BACKGROUND_SAME_SENTENCE and (a.background or b.background or a.statement or b.statement) and (
        a.background != b.background or not _same_date(a.value, b.value)
    ):
        # An event the story recalls is not the story's own, and past events are
        # many ("enrolled in 2009", "graduated in 2011"), as are statements
        # ("the office said on Monday"); nearly the same sentence (a copy) is
        # still one fact.
        return 0.0
    if a.unresolved != b.unresolved:
        # "on Tuesday" with no known publication date says little: it is
        # aligned with a full date only when the sentences are nearly the same.
        return context if context >= 0.35 else 0.0
    subject_score = fuzz.token_set_ratio(a.subject, b.subject) / 100
    same_event = bool(a.event) and a.event == b.event
    about_same = same_event or ((not a.event or not b.event) and context >= 0.15)
    if a.anchors & b.anchors and about_same and not (a.statement or b.statement):
        # Sentences about the same person, count or quote, and the same event:
        # "Gray was killed by police on Saturday" / "police shot Gray dead Sunday".
        return 1.0 + context + same_event + (a.value == b.value)
    linked = (same_event and context >= 0.1) or (subject_score >= 0.6 and context >= 0.15) or context >= 0.3
    if linked and a.value != b.value:
        # As for counts: two different dates must belong to the same event or
        # sit in nearly the same words.
        linked = (context >= 0.2 and (same_event or jaccard(a.local, b.local) >= 0.25)) or (
            # the same event done to the same thing in other words: "the county
            # updated its flood policy in May" / "a policy the county updated in June"
            same_event and subject_score >= 0.8 and context >= 0.1
        )
    return context + subject_score + same_event + (a.value == b.value) if linked else 0.0


def _same_date(a: object, b: object) -> bool:
    """The same date, one perhaps at a coarser precision ("2031-03" and "2031-03-13")."""
    shorter, longer = sorted((str(a), str(b)), key=len)
    return longer.startswith(shorter)


def _date_keys(said: _Date) -> Iterable[str]:
    # Dates of one event share subject words more often than the same verb;
    # the event's class ("killed", "died", "slain" are one) blocks too.
    return (
        sorted(content_words(said.subject)) + ([f"event|{said.event}"] if said.event else [])
        + [f"anchor|{anchor}" for anchor in sorted(said.anchors)]
    ) or [""]


# --- people -----------------------------------------------------------------

def _person_key(claim: Claim) -> str:
    return claim.attr("key") or claim.subject.lower()


class _Person(NamedTuple):
    # A role once held ("retired lieutenant") and one held now are two facets
    # of a person, compared apart: a past rank is not set against a present job.
    past: bool
    names: tuple[str, ...]


def _person_signature(claim: Claim) -> tuple:
    return (_person_key(claim), is_past_title(str(claim.value)))


def _person_features(claim: Claim) -> _Person:
    return _Person(is_past_title(str(claim.value)), tuple(_person_key(claim).split()))


def _person_score(pa: _Person, pb: _Person) -> float:
    if pa.past != pb.past:
        return 0.0
    if pa.names == pb.names:
        return 1.0
    # "Okafor" and "Maria Okafor", "Maria N. Okafor", a surname misspelled by a letter.
    return 0.5 if same_name(" ".join(pa.names), " ".join(pb.names)) else 0.0


def _people_keys(person: _Person) -> Iterable[str]:
    # The surname, and the first name with the surname's initial, so a misspelled surname meets its own.
    yield from person.names[-1:]
    if len(person.names) > 1:
        yield f"{person.names[0]}|{person.names[-1][:1]}"


def _person_order(person: _Person) -> tuple:
    return (len(person.names), " ".join(person.names), person.past)


# --- quotes -----------------------------------------------------------------

def _quote_norm(claim: Claim) -> str:
    return claim.attr("norm") or str(claim.value).lower()


class _Quoted(NamedTuple):
    """A stretch of a quote (all of it, or one sentence), with its words as a bit
    signature: each word sets one of SIGNATURE_BITS bits, so the bits two signatures
    share estimate the words their stretches share (a collision may merge two shared
    words into one bit, or add one that is not shared; a 30-word quote has about one)."""

    text: str
    signature: int
    words: int  # how many different words


# Enough bits that the words of a long quote seldom collide; an int of this size is
# a tenth of the memory of a set of its words.
SIGNATURE_BITS = 512


def _quoted(text: str) -> _Quoted:
    distinct = set(text.split())
    signature = 0
    for word in distinct:
        signature |= 1 << (zlib.crc32(word.encode()) % SIGNATURE_BITS)  # crc32: the same bits in every run
    return _Quoted(text, signature, len(distinct))


class _Quote(NamedTuple):
    whole: _Quoted
    sentences: tuple[_Quoted, ...]  # what a sentence may match on its own: see _quote_features

    @property
    def norm(self) -> str:
        return self.whole.text


# A sentence of this many words, nearly the same in two quotes, makes them one quotation.
SENTENCE_WORDS = 5
SENTENCE_SAME = 80


def _quote_features(claim: Claim) -> _Quote:
    whole = _quoted(_quote_norm(claim))
    sentences = tuple(_quoted(" ".join(s)) for s in quote_sentences(str(claim.value)) if len(s) >= SENTENCE_WORDS)
    if len(sentences) < 2:  # one sentence is the quote itself, when long enough to match alone
        sentences = (whole,) if len(whole.text.split()) >= SENTENCE_WORDS else ()
    return _Quote(whole, sentences)


# A partial ratio of 90 means a window of the longer quote shares 0.818 of the
# shorter's characters in order, which gives a full ratio of at least 70 unless
# the longer is over 1.337 times as long; below this the partial cannot link.
PARTIAL_NEEDS_LENGTH = 1.3
# Two stretches of quotation that match (a full ratio of 70, a partial ratio of
# 90, a sentence 80 alike) share well over half the words of the shorter in real
# coverage (0.57 at least, over 380 stories of two corpora); under this share
# (as their signatures estimate it) the character comparisons are not tried.
MIN_SHARED_WORDS = 0.3


def _share_words(a: _Quoted, b: _Quoted) -> bool:
    """Whether two stretches may share MIN_SHARED_WORDS of the shorter's words: the
    margin to the 57% that real matches share absorbs what collisions miscount."""
    return (a.signature & b.signature).bit_count() >= MIN_SHARED_WORDS * min(a.words, b.words)


def _quote_score(qa: _Quote, qb: _Quote) -> float:
    """Linked when nearly the same wording, one nearly inside the other, or one
    sentence nearly the same in both (quotes cut and joined differently).

    Quotes are grouped without the one-value-per-source check, so groups do not
    depend on the order pairs link in, only on which do: the cheap full ratio
    is tried first, the slow partial ratio only when it fails.
    """
    score = _wording_score(qa.whole, qb.whole)
    if score:
        return score
    for x in qa.sentences:
        for y in qb.sentences:
            if _share_words(x, y) and (ratio := sentence_likeness(x.text, y.text, SENTENCE_SAME)):
                return ratio / 100
    return 0.0


def _wording_score(a: _Quoted, b: _Quoted) -> float:
    if not _share_words(a, b):
        return 0.0
    # score_cutoff lets rapidfuzz stop early; it returns 0 below the cutoff.
    ratio = fuzz.ratio(a.text, b.text, score_cutoff=70)
    if ratio:
        return ratio / 100
    shorter, longer = sorted((a, b), key=lambda q: len(q.text))
    if len(longer.text) <= PARTIAL_NEEDS_LENGTH * len(shorter.text):
        return 0.0  # too alike in length for a partial ratio of 90 beside a full ratio under 70
    return 1.0 if len(shorter.text.split()) >= 4 and fuzz.partial_ratio(shorter.text, longer.text, score_cutoff=90) else 0.0


def _quote_keys(quote: _Quote) -> Iterable[str]:
    tokens = quote.norm.split()
    # Word trigrams: a wording variant keeps most of them. Those of function words
    # alone ("one of the", "we are going") are in half the quotes of a story and
    # say nothing of which quote it is; a quote made only of them keeps them all.
    trigrams = [tokens[i : i + 3] for i in range(max(1, len(tokens) - 2))]
    telling = [t for t in trigrams if not STOPWORDS.issuperset(t)]
    return (" ".join(t) for t in telling or trigrams)


def _quote_order(quote: _Quote) -> tuple:
    return (quote.norm,)


# --- conditions -------------------------------------------------------------

class _Condition(NamedTuple):
    who: str  # a person noun or a surname
    subject: str  # "the baby", or the name as written
    context: frozenset[str]


def _condition_features(claim: Claim) -> _Condition:
    return _Condition(claim.attr("who") or "", claim.subject, context_of(claim))


def _condition_score(a: _Condition, b: _Condition) -> float:
    """The same person (noun, or a name: "Eva Lee" is not "Tom Lee", "Lee" may be
    either); the words around them break ties."""
    if not a.who or a.who != b.who:
        return 0.0
    if len(a.subject.split()) > 1 and len(b.subject.split()) > 1 and not same_name(a.subject, b.subject):
        return 0.0
    return 1.0 + jaccard(a.context, b.context)


ALIGNERS: dict[ClaimKind, Aligner] = {
    ClaimKind.COUNT: Aligner(
        claim_in_sentence, count_frame, count_keys, count_score, True, words_around_first, count_event,
    ),
    ClaimKind.PLACES: Aligner(claim_in_sentence, _place_features, _place_keys, _place_score, True, words_around_first),
    ClaimKind.DATE: Aligner(claim_in_sentence, _date_features, _date_keys, _date_score, True, words_around_first),
    # A person may hold several titles, and be quoted several times.
    ClaimKind.PERSON: Aligner(_person_signature, _person_features, _people_keys, _person_score, False, _person_order),
    ClaimKind.QUOTE: Aligner(_quote_norm, _quote_features, _quote_keys, _quote_score, False, _quote_order),
    ClaimKind.TIME: TIME_ALIGNER,
    ClaimKind.CONDITION: Aligner(
        claim_in_sentence, _condition_features, lambda said: [said.who], _condition_score, True,
        lambda said: (said.who, sorted(said.context)),
    ),
}


def _group_subject(kind: ClaimKind, claims: Sequence[Claim]) -> str:
    """The most common subject, ties broken by the longest then alphabetically;
    for counts, a phrase from their frame ("people killed", "age of Ann Lee");
    for times, the event's own word before a response's that stands for it."""
    if kind is ClaimKind.TIME:
        own = [c for c in claims if compared_event(c.attr("event") or "") == (c.attr("event") or "")]
        claims = [c for c in own if c.subject] or claims
    counts = Counter(c.subject for c in claims if c.subject)
    if not counts:
        return ""
    if kind is ClaimKind.PERSON:
        return max(counts, key=lambda s: (len(s), s))
    subject = min(counts, key=lambda s: (-counts[s], len(s), s))
    if kind is ClaimKind.CONDITION:
        return f"condition of {subject}"
    if kind is ClaimKind.COUNT:
        return count_subject(subject, claims)
    if kind in (ClaimKind.DATE, ClaimKind.PLACES):
        # Keywords read back as the source wrote them: "plan city approved" -> "plan the City approved".
        written = next((w for c in claims if c.subject == subject and (w := as_written(subject, c.sentence))), "")
        if written or kind is ClaimKind.DATE:
            return written or subject
        if all(is_corner(c) for c in claims):  # named by the street its sources name most
            streets = Counter(street for c in claims for street in c.value)
            return f"corner of {min(streets, key=lambda s: (-streets[s], s))}"
        # A list whose keywords are scattered over its sentence is named by what it lists: "cities".
        heads = Counter(c.attr("head") for c in claims if c.kind is ClaimKind.PLACES and c.attr("head"))
        return plural_noun(min(heads, key=lambda h: (-heads[h], h))) if heads else "places"
    return subject


# A subject read back from its sentence is at most this many words long.
MAX_WRITTEN_WORDS = 8
_WORD = compiled_regex(r"[A-Za-z][A-Za-z'’-]*")


def as_written(subject: str, sentence: str) -> str:
    """The subject's keywords as the sentence has them, in its words and order:
    "announced new flood barrier plan" -> "announced a new flood barrier
    plan". "" when the sentence does not hold them in that order nearby."""
    keys = subject.split()
    words = list(_WORD.finditer(sentence))
    for first, match in enumerate(words):
        if _written_key(match.group()) != keys[0]:
            continue
        at, found = first, 1
        while found < len(keys) and at + 1 < len(words) and at + 1 - first < MAX_WRITTEN_WORDS:
            at += 1
            if _written_key(words[at].group()) == keys[found]:
                found += 1
        if found == len(keys):
            return sentence[match.start() : words[at].end()]
    return ""


def _written_key(word: str) -> str:
    return singular(word.lower().replace("’", "'"))


# Counts of these ("three towns") may describe a list of places of any type.
LOCALITY_NOUNS = frozenset({"city", "town", "village", "state", "country", "county", "location", "place", "province", "region"})


def _counts_these_places(count: Claim, places: Claim) -> bool:
    """Whether "three towns" can be the count of this list: the same kind of place."""
    counted = head(count.subject)
    return counted == singular(places.attr("head") or "") or counted in LOCALITY_NOUNS


# Where a place list sits: (group index, position in the group).
PlaceAt = tuple[int, int]


def _place_list_for_count(
    count: Claim, lists: dict[PlaceAt, Claim], by_source: dict[str, list[PlaceAt]],
    by_word: dict[str, list[PlaceAt]], context_size: dict[PlaceAt, int],
) -> int | None:
    """The place group a count of places belongs to, or None.

    First choice: a list of the same size and kind of place from the same
    source. Otherwise, if the source gives no such list, a group whose context
    the count shares, so that "piloted in three cities" meets those lists.
    """
    own = [at for at in by_source.get(count.source, ()) if _counts_these_places(count, lists[at])]
    for at in own:
        if len(lists[at].value) == count.value:
            return at[0]
    if own:
        return None
    # Only lists that share a context word can score: the inverted index finds
    # them without walking every list of a large story.
    context = context_of(count)
    shared = Counter(at for word in context for at in by_word.get(word, ()))
    best, best_score = None, 0.25
    for at in sorted(shared):
        if not _counts_these_places(count, lists[at]):
            continue
        score = shared[at] / (len(context) + context_size[at] - shared[at])  # Jaccard
        if score > best_score:
            best, best_score = at[0], score
    return best


def _attach_place_counts(counts: list[Claim], place_groups: list[list[Claim]]) -> list[Claim]:
    """Move counts of places into the place groups they describe; return the rest."""
    lists = {(index, position): claim for index, members in enumerate(place_groups) for position, claim in enumerate(members)}
    by_source: dict[str, list[PlaceAt]] = defaultdict(list)
    by_word: dict[str, list[PlaceAt]] = defaultdict(list)
    context_size: dict[PlaceAt, int] = {}
    for at, claim in lists.items():
        by_source[claim.source].append(at)
        context = context_of(claim)
        context_size[at] = len(context)
        for word in context:
            by_word[word].append(at)
    rest = []
    for count in counts:
        target = None
        if isinstance(count.value, int) and is_place_noun(head(count.subject)):
            target = _place_list_for_count(count, lists, by_source, by_word, context_size)
        if target is None:
            rest.append(count)
        else:
            place_groups[target].append(count)
    return rest


# Claims of these kinds, once aligned across sources, anchor the sentences they
# sit in: counts of vague things ("shot six times") and dates are told apart by
# the people, places and quotes around them, and dates by counts too.
ANCHOR_KINDS = (ClaimKind.PLACES, ClaimKind.PERSON, ClaimKind.QUOTE)


def _merge_repeats(groups: list[list[Claim]]) -> list[list[Claim]]:
    """A source that says one thing twice, which no other source says, makes
    one single-source group with two pieces of evidence, not two groups."""
    merged: list[list[Claim]] = []
    repeats: dict[tuple, list[Claim]] = {}
    for members in groups:
        sources = {c.source for c in members}
        if len(sources) > 1:
            merged.append(members)
            continue
        said = (sources.pop(), frozenset((c.kind, c.subject, value_key(c), c.attrs) for c in members))
        if said in repeats:
            repeats[said].extend(members)
        else:
            repeats[said] = members
            merged.append(members)
    return merged


def align_claims(claims: Sequence[Claim]) -> list[ClaimGroup]:
    """Groups of claims about the same thing, in a deterministic order.

    Every claim lands in exactly one group; a group with one source is a
    single-source claim. A place group may hold counts of places beside lists.
    Dates are aligned last, with the groups of the other kinds as anchors.
    """
    by_kind: dict[ClaimKind, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.kind.value, c.source, c.start, c.end, c.id)):
        by_kind[claim.kind].append(claim)
    linked: dict[ClaimKind, list[list[Claim]]] = {}
    linked[ClaimKind.PLACES] = link(by_kind[ClaimKind.PLACES], ALIGNERS[ClaimKind.PLACES])
    by_kind[ClaimKind.COUNT] = _attach_place_counts(by_kind[ClaimKind.COUNT], linked[ClaimKind.PLACES])
    for kind in ANCHOR_KINDS:
        if kind not in linked:
            linked[kind] = link(by_kind[kind], ALIGNERS[kind])
    people = linked[ClaimKind.PERSON]
    # A street is the scene of many events (the shooting, a vigil, an arrest): no anchor.
    linked_anchors = [members for kind in ANCHOR_KINDS for members in linked[kind] if not is_on_a_street(members[0])]
    anchors = SentenceAnchors(linked_anchors, people, claims)
    per_source, ages = things_per_source(by_kind[ClaimKind.COUNT]), ages_per_sentence(by_kind[ClaimKind.COUNT])
    counts = ALIGNERS[ClaimKind.COUNT]._replace(features=lambda claim: count_frame(claim, anchors, per_source, ages))
    linked[ClaimKind.COUNT] = link(by_kind[ClaimKind.COUNT], counts)
    anchors = SentenceAnchors([*linked_anchors, *linked[ClaimKind.COUNT]], people, claims)
    dates = ALIGNERS[ClaimKind.DATE]._replace(features=lambda claim: _date_features(claim, anchors))
    linked[ClaimKind.DATE] = link(by_kind[ClaimKind.DATE], dates)
    slots = times_per_source(by_kind[ClaimKind.TIME])
    times = ALIGNERS[ClaimKind.TIME]._replace(features=lambda claim: time_features(claim, slots))
    linked[ClaimKind.TIME] = link(by_kind[ClaimKind.TIME], times)
    groups: list[ClaimGroup] = []
    for kind in ClaimKind:
        if kind not in linked:
            linked[kind] = link(by_kind[kind], ALIGNERS[kind])
        for members in _merge_repeats(linked[kind]):
            members.sort(key=lambda c: (c.source, c.start, c.end, c.kind.value))
            lists = [c for c in members if c.kind is kind] or members
            groups.append(ClaimGroup(kind, _group_subject(kind, lists), tuple(members)))
    groups.sort(key=lambda g: (g.kind.value, g.subject, g.claims[0].source, g.claims[0].start))
    return groups
