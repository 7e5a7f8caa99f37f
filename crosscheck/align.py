"""Align: group claims from different sources that are about the same thing.

Each claim kind has its own notion of "the same thing" (ALIGNERS). All of them
work the same way: a cheap blocking key puts candidate claims in buckets, a
similarity score decides which pairs inside a bucket are linked, and linked
claims are merged with union-find. Blocking keeps the cost near-linear in the
number of claims; nothing compares all pairs of a large story.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from .extract.gazetteer import is_place_noun
from .model import Claim, ClaimGroup, ClaimKind
from .text import STOPWORDS, content_words, singular, words

# A bucket with more distinct claims than this is a key too common to say much
# (e.g. "person" counts in a 10,000-source story): see _candidate_pairs.
MAX_BUCKET = 100
# In an oversized bucket, each claim is compared with this many neighbours.
WINDOW = 20

# Participles and event nouns that mean the same outcome for a count.
EVENT_SYNONYMS = {
    "dead": "killed", "died": "killed", "death": "killed", "kill": "killed", "killing": "killed",
    "fatality": "killed", "fatalities": "killed", "life": "killed", "lives": "killed",
    "hurt": "injured", "wounded": "injured", "injury": "injured", "injuries": "injured", "injure": "injured",
    "arrest": "arrested", "detained": "arrested", "held": "arrested",
    "missing": "missing", "unaccounted": "missing",
}

OUTCOMES = frozenset(EVENT_SYNONYMS.values())


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# Claims met again and again across pairs: their context word sets are kept,
# keyed by (sentence, claim span in it), so each is computed about once.
CONTEXT_CACHE = 1 << 15


def _context(claim: Claim) -> frozenset[str]:
    """Content words of the evidence sentence outside the claim's own words."""
    return _context_words(claim.sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start)


@lru_cache(maxsize=CONTEXT_CACHE)
def _context_words(sentence: str, start: int, end: int) -> frozenset[str]:
    return content_words(sentence[:start] + " " + sentence[end:])


# How many words on each side of a claim make its local context.
LOCAL_WIDTH = 5


def _local_context(claim: Claim) -> frozenset[str]:
    """Content words right around the claim: "yards rushing" vs "yards passing"."""
    return _local_words(claim.sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start)


@lru_cache(maxsize=CONTEXT_CACHE)
def _local_words(sentence: str, start: int, end: int) -> frozenset[str]:
    before = words(sentence[:start])[-LOCAL_WIDTH:]
    after = words(sentence[end:])[:LOCAL_WIDTH]
    return frozenset(singular(w) for w in before + after if w not in STOPWORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Aligner(NamedTuple):
    """How claims of one kind are aligned."""

    keys: Callable[[Claim], Iterable[str]]  # blocking keys: only claims sharing one are compared
    score: Callable[[Claim, Claim], float]  # 0 means "not the same thing"
    one_value_per_source: bool
    order: Callable[[Claim], tuple]  # in an oversized bucket, likely partners sort side by side


def _signature(claim: Claim) -> tuple:
    """Everything a pair score reads: claims with one signature score alike
    against any other claim (the same words in the same sentence, as in
    copies of one wire story)."""
    start = claim.start - claim.sentence_start
    return (claim.subject, _value_key(claim), claim.attrs, claim.sentence, start, claim.end - claim.sentence_start)


def _nodes(claims: Sequence[Claim], score: Callable[[Claim, Claim], float]) -> list[list[int]]:
    """Claim indices merged by signature, when such claims link to each other.

    A story of thousands of sources repeats the same sentences many times; one
    node per sentence keeps the number of scored pairs near the number of
    distinct claims, not the number of copies.
    """
    nodes: list[list[int]] = []
    node_of: dict[tuple, int] = {}
    for i, claim in enumerate(claims):
        signature = _signature(claim)
        node = node_of.get(signature)
        if node is not None:
            nodes[node].append(i)
            continue
        nodes.append([i])
        if score(claim, claim) > 0:
            node_of[signature] = len(nodes) - 1
    return nodes


def _candidate_pairs(members: list[int], order: Callable[[int], tuple]) -> Iterable[tuple[int, int]]:
    """Pairs of a blocking bucket worth scoring, ``(smaller, larger)``.

    A bucket up to MAX_BUCKET gives all its pairs. A bigger one is a key too
    common to say much (the "people" counts of a huge story): its members are
    sorted so that likely partners sit side by side, and each is paired with
    the next WINDOW (the sorted-neighbourhood method), so cost grows linearly.
    """
    if len(members) <= MAX_BUCKET:
        return combinations(members, 2)
    ranked = sorted(members, key=order)
    return (
        (min(a, b), max(a, b))
        for p, a in enumerate(ranked)
        for b in ranked[p + 1 : p + 1 + WINDOW]
    )


def _link(claims: Sequence[Claim], aligner: Aligner) -> list[list[Claim]]:
    """Group claims: best-scoring pairs first, merged with union-find.

    With ``one_value_per_source``, two groups are not merged when a source
    would then give two different values in one group: a source does not
    contradict itself, so such a merge joins two different things (the 6
    dead and the 34 injured). Merging the strongest pairs first keeps a weak
    link from taking a claim away from its true partner.
    """
    nodes = _nodes(claims, aligner.score)
    first = [claims[members[0]] for members in nodes]
    sources = [{claims[i].source for i in members} for members in nodes]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, claim in enumerate(first):
        for key in set(aligner.keys(claim)):
            buckets[key].append(n)

    def order(n: int) -> tuple:
        return aligner.order(first[n])

    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for key in sorted(buckets):
        for a, b in _candidate_pairs(buckets[key], order):
            if (a, b) in seen or (len(sources[a]) == 1 and sources[a] == sources[b]):
                continue
            seen.add((a, b))
            score = aligner.score(first[a], first[b])
            if score > 0:  # only links are kept: memory grows with links, not with pairs
                pairs.append((-score, a, b))
    pairs.sort()
    uf = _UnionFind(len(nodes))
    values: dict[int, dict[str, set]] = {}
    for n, members in enumerate(nodes):
        values[n] = defaultdict(set)
        for i in members:
            values[n][claims[i].source].add(_value_key(claims[i]))
    for _, a, b in pairs:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        # The smaller side is walked and moved, so a merge into a huge group stays cheap.
        small, large = sorted((values[ra], values[rb]), key=len)
        if aligner.one_value_per_source and any(
            source in large and large[source] != vals for source, vals in small.items()
        ):
            continue
        uf.union(ra, rb)
        for source, vals in small.items():
            large[source].update(vals)
        del values[ra], values[rb]
        values[uf.find(ra)] = large
    groups: dict[int, list[Claim]] = defaultdict(list)
    for n, members in enumerate(nodes):
        groups[uf.find(n)].extend(claims[i] for i in members)
    return list(groups.values())


def _value_key(claim: Claim) -> object:
    return frozenset(claim.value) if isinstance(claim.value, tuple) else claim.value


def _words_around_first(claim: Claim) -> tuple:
    """Claims said in the same words around them, whatever their value, side by side."""
    return (sorted(_local_context(claim)), sorted(_context(claim)), str(claim.value))


# --- counts -----------------------------------------------------------------

def _head(subject: str) -> str:
    return singular(subject.split()[-1]) if subject else ""


def _event(claim: Claim) -> str:
    event = (claim.attr("event") or "").lower()
    return EVENT_SYNONYMS.get(event, event)


def _compact(subject: str) -> str:
    return subject.replace("-", "").replace(" ", "")


# How much of their sentences two counts must share (Jaccard of context words).
COUNT_CONTEXT_SAME = 0.08
COUNT_CONTEXT_DIFFERENT = 0.2


def _count_score(a: Claim, b: Claim) -> float:
    if (a.attr("unit") or "") != (b.attr("unit") or ""):
        return 0.0
    if (a.attr("role") or "") != (b.attr("role") or ""):
        return 0.0
    ea, eb = _event(a), _event(b)
    if ea != eb and ea in OUTCOMES and eb in OUTCOMES:
        return 0.0  # five killed and five injured are different counts
    context = _jaccard(_context(a), _context(b))
    if ea and ea == eb:
        context += 0.05
    same_value = a.value == b.value
    # The same number for a similar thing in a similar sentence: agreement is
    # cheap to report and easy to dismiss, so the bar is lower. Different values
    # must be about the very same thing, said in nearly the same words around
    # the number: a false conflict costs a fact-checker more than a missed one.
    # (The context test comes first: it rejects most pairs without rapidfuzz.)
    if context < (COUNT_CONTEXT_SAME if same_value else COUNT_CONTEXT_DIFFERENT):
        return 0.0
    subject_score = max(
        fuzz.token_set_ratio(a.subject, b.subject),
        fuzz.partial_ratio(_compact(a.subject), _compact(b.subject)),
    )
    if same_value:
        linked = subject_score >= 60
    else:
        linked = subject_score >= 90 and _jaccard(_local_context(a), _local_context(b)) >= 0.25
    # Equal values link first: with one value per source, a source's "6 rifles
    # seized today" then cannot be taken by the group of "14 rifles so far".
    return subject_score / 100 + context + same_value if linked else 0.0


def _count_keys(claim: Claim) -> Iterable[str]:
    yield f"{claim.attr('unit') or ''}|{_head(claim.subject)}"
    # "bodycams" and "body-worn cameras": the first four letters of each
    # subject word also block, so compounds written differently can meet.
    for word in claim.subject.replace("-", " ").split():
        if len(word) >= 4:
            yield f"{claim.attr('unit') or ''}|~{word[:4]}"


# --- places -----------------------------------------------------------------

def _place_score(a: Claim, b: Claim) -> float:
    overlap = _jaccard(frozenset(a.value), frozenset(b.value))
    if overlap >= 0.5 or (overlap > 0 and fuzz.token_set_ratio(a.subject, b.subject) >= 80):
        return overlap + _jaccard(_context(a), _context(b))
    return 0.0


def _place_keys(claim: Claim) -> Iterable[str]:
    return claim.value


# --- dates ------------------------------------------------------------------

def _date_score(a: Claim, b: Claim) -> float:
    context = _jaccard(_context(a), _context(b))
    if (a.attr("resolved") == "no") != (b.attr("resolved") == "no"):
        # "on Tuesday" with no known publication date says little: it is
        # aligned with a full date only when the sentences are nearly the same.
        return context if context >= 0.35 else 0.0
    event_a, event_b = singular(a.attr("event") or ""), singular(b.attr("event") or "")
    subject_score = fuzz.token_set_ratio(a.subject, b.subject) / 100
    same_event = bool(event_a) and event_a == event_b
    linked = (same_event and context >= 0.1) or (subject_score >= 0.6 and context >= 0.15) or context >= 0.3
    if linked and a.value != b.value:
        # As for counts: two different dates must belong to the same event or
        # sit in nearly the same words.
        linked = context >= 0.2 and (same_event or _jaccard(_local_context(a), _local_context(b)) >= 0.25)
    return context + subject_score + same_event + (a.value == b.value) if linked else 0.0


def _date_keys(claim: Claim) -> Iterable[str]:
    # Dates of one event share subject words more often than the same verb.
    return sorted(content_words(claim.subject)) or [""]


# --- people -----------------------------------------------------------------

def _person_key(claim: Claim) -> str:
    return claim.attr("key") or claim.subject.lower()


def _person_score(a: Claim, b: Claim) -> float:
    ka, kb = _person_key(a).split(), _person_key(b).split()
    if ka == kb:
        return 1.0
    # "Lechleitner" alone and "Patrick Lechleitner": same surname, no clash of first names.
    return 0.5 if ka and kb and ka[-1] == kb[-1] and (len(ka) == 1 or len(kb) == 1) else 0.0


def _people_keys(claim: Claim) -> Iterable[str]:
    key = _person_key(claim).split()
    return key[-1:]


def _person_order(claim: Claim) -> tuple:
    return (len(_person_key(claim).split()), _person_key(claim))


# --- quotes -----------------------------------------------------------------

def _quote_norm(claim: Claim) -> str:
    return claim.attr("norm") or str(claim.value).lower()


def _quote_score(a: Claim, b: Claim) -> float:
    na, nb = _quote_norm(a), _quote_norm(b)
    shorter, longer = sorted((na, nb), key=len)
    # score_cutoff lets rapidfuzz stop early; it returns 0 below the cutoff.
    if len(shorter.split()) >= 4 and fuzz.partial_ratio(shorter, longer, score_cutoff=90):
        return 1.0
    return fuzz.ratio(na, nb, score_cutoff=70) / 100


def _quote_keys(claim: Claim) -> Iterable[str]:
    tokens = _quote_norm(claim).split()
    # Word trigrams: a wording variant keeps most of them.
    return (" ".join(tokens[i : i + 3]) for i in range(max(1, len(tokens) - 2)))


def _quote_order(claim: Claim) -> tuple:
    return (_quote_norm(claim),)


ALIGNERS: dict[ClaimKind, Aligner] = {
    ClaimKind.COUNT: Aligner(_count_keys, _count_score, True, _words_around_first),
    ClaimKind.PLACES: Aligner(_place_keys, _place_score, True, _words_around_first),
    ClaimKind.DATE: Aligner(_date_keys, _date_score, True, _words_around_first),
    # A person may hold several titles, and be quoted several times.
    ClaimKind.PERSON: Aligner(_people_keys, _person_score, False, _person_order),
    ClaimKind.QUOTE: Aligner(_quote_keys, _quote_score, False, _quote_order),
}


def _group_subject(kind: ClaimKind, claims: Sequence[Claim]) -> str:
    """The most common subject, ties broken by the longest then alphabetically."""
    counts = Counter(c.subject for c in claims if c.subject)
    if not counts:
        return ""
    if kind is ClaimKind.PERSON:
        return max(counts, key=lambda s: (len(s), s))
    return min(counts, key=lambda s: (-counts[s], len(s), s))


# Counts of these ("five cities") may describe a list of places of any type.
LOCALITY_NOUNS = frozenset({"city", "town", "village", "state", "country", "county", "location", "place", "province", "region"})


def _counts_these_places(count: Claim, places: Claim) -> bool:
    """Whether "five cities" can be the count of this list: the same kind of place."""
    head = _head(count.subject)
    return head == singular(places.attr("head") or "") or head in LOCALITY_NOUNS


# Where a place list sits: (group index, position in the group).
PlaceAt = tuple[int, int]


def _place_list_for_count(
    count: Claim, lists: dict[PlaceAt, Claim], by_source: dict[str, list[PlaceAt]], by_word: dict[str, list[PlaceAt]],
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
    context = _context(count)
    shared = Counter(at for word in context for at in by_word.get(word, ()))
    best, best_score = None, 0.25
    for at in sorted(shared):
        if not _counts_these_places(count, lists[at]):
            continue
        score = shared[at] / (len(context) + len(_context(lists[at])) - shared[at])  # Jaccard
        if score > best_score:
            best, best_score = at[0], score
    return best


def _attach_place_counts(counts: list[Claim], place_groups: list[list[Claim]]) -> list[Claim]:
    """Move counts of places into the place groups they describe; return the rest."""
    lists = {(index, position): claim for index, members in enumerate(place_groups) for position, claim in enumerate(members)}
    by_source: dict[str, list[PlaceAt]] = defaultdict(list)
    by_word: dict[str, list[PlaceAt]] = defaultdict(list)
    for at, claim in lists.items():
        by_source[claim.source].append(at)
        for word in _context(claim):
            by_word[word].append(at)
    rest = []
    for count in counts:
        target = None
        if isinstance(count.value, int) and is_place_noun(_head(count.subject)):
            target = _place_list_for_count(count, lists, by_source, by_word)
        if target is None:
            rest.append(count)
        else:
            place_groups[target].append(count)
    return rest


def align_claims(claims: Sequence[Claim]) -> list[ClaimGroup]:
    """Groups of claims about the same thing, in a deterministic order.

    Every claim lands in exactly one group; a group with one source is a
    single-source claim. A place group may hold counts of places beside lists.
    """
    by_kind: dict[ClaimKind, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.kind.value, c.source, c.start, c.end, c.id)):
        by_kind[claim.kind].append(claim)
    linked: dict[ClaimKind, list[list[Claim]]] = {}
    linked[ClaimKind.PLACES] = _link(by_kind[ClaimKind.PLACES], ALIGNERS[ClaimKind.PLACES])
    by_kind[ClaimKind.COUNT] = _attach_place_counts(by_kind[ClaimKind.COUNT], linked[ClaimKind.PLACES])
    groups: list[ClaimGroup] = []
    for kind in ClaimKind:
        if kind not in linked:
            linked[kind] = _link(by_kind[kind], ALIGNERS[kind])
        for members in linked[kind]:
            members.sort(key=lambda c: (c.source, c.start, c.end, c.kind.value))
            lists = [c for c in members if c.kind is kind] or members
            groups.append(ClaimGroup(kind, _group_subject(kind, lists), tuple(members)))
    groups.sort(key=lambda g: (g.kind.value, g.subject, g.claims[0].source, g.claims[0].start))
    return groups
