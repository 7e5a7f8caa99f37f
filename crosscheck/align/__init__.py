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

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import combinations
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from ..extract.gazetteer import is_place_noun
from ..model import Claim, ClaimGroup, ClaimKind
from ..text import STOPWORDS, content_words, singular, words

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


def _context(claim: Claim) -> frozenset[str]:
    """Content words of the evidence sentence outside the claim's own words."""
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return content_words(claim.sentence[:start] + " " + claim.sentence[end:])


# How many words on each side of a claim make its local context.
LOCAL_WIDTH = 5


# Characters that surely hold LOCAL_WIDTH words and one more (else the whole side is read).
LOCAL_CHARS = 120


def _local_context(claim: Claim) -> frozenset[str]:
    """Content words right around the claim: "yards rushing" vs "yards passing"."""
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    # Only the words next to the claim are wanted: read a window, not the whole
    # sentence. A word cut at the window's edge is never among them, since the
    # window holds more than LOCAL_WIDTH words (or the whole side is read).
    before = words(claim.sentence[max(0, start - LOCAL_CHARS) : start])
    if len(before) <= LOCAL_WIDTH:
        before = words(claim.sentence[:start])
    after = words(claim.sentence[end : end + LOCAL_CHARS])
    if len(after) <= LOCAL_WIDTH:
        after = words(claim.sentence[end:])
    return frozenset(singular(w) for w in before[-LOCAL_WIDTH:] + after[:LOCAL_WIDTH] if w not in STOPWORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Aligner(NamedTuple):
    """How claims of one kind are aligned.

    ``features`` is what the other functions read of a claim, computed once per
    distinct claim (a story compares each claim with many others).
    """

    signature: Callable[[Claim], Hashable]  # claims with one signature have the same features
    features: Callable[[Claim], Any]
    keys: Callable[[Any], Iterable[str]]  # blocking keys: only claims sharing one are compared
    score: Callable[[Any, Any], float]  # 0 means "not the same thing"
    one_value_per_source: bool
    order: Callable[[Any], tuple]  # in an oversized bucket, likely partners sort side by side


def _claim_in_sentence(claim: Claim) -> tuple:
    """The signature of a claim scored by its sentence: the same words in the
    same sentence, as in copies of one wire story."""
    start = claim.start - claim.sentence_start
    return (claim.subject, _value_key(claim), claim.attrs, claim.sentence, start, claim.end - claim.sentence_start)


def _nodes(claims: Sequence[Claim], aligner: Aligner) -> tuple[list[list[int]], list]:
    """Claim indices merged by signature when such claims link to each other,
    and each node's features.

    A story of thousands of sources repeats the same sentences many times; one
    node per sentence keeps the number of scored pairs near the number of
    distinct claims, not the number of copies.
    """
    nodes: list[list[int]] = []
    sources: list[set[str]] = []
    features: list = []
    node_of: dict[Hashable, int] = {}
    for i, claim in enumerate(claims):
        signature = aligner.signature(claim)
        node = node_of.get(signature)
        # A source saying it twice stays two claims, as it would be unmerged:
        # the copies link only through another source.
        if node is not None and claim.source not in sources[node]:
            nodes[node].append(i)
            sources[node].add(claim.source)
            continue
        nodes.append([i])
        sources.append({claim.source})
        features.append(aligner.features(claim) if node is None else features[node])
        if aligner.score(features[-1], features[-1]) > 0:
            node_of[signature] = len(nodes) - 1
    return nodes, features


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
    nodes, features = _nodes(claims, aligner)
    sources = [{claims[i].source for i in members} for members in nodes]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, said in enumerate(features):
        for key in set(aligner.keys(said)):
            buckets[key].append(n)

    def order(n: int) -> tuple:
        return aligner.order(features[n])

    # A node's one source, or None for a node several sources share: two nodes
    # of one source alone are never compared (a source does not echo itself).
    only_source = [next(iter(s)) if len(s) == 1 else None for s in sources]
    seen: set[int] = set()  # a pair (a, b) as a * len(nodes) + b: keys in many buckets meet again
    pairs: list[tuple[float, int, int]] = []
    for key in sorted(buckets):
        for a, b in _candidate_pairs(buckets[key], order):
            pair = a * len(nodes) + b
            if pair in seen or (only_source[a] is not None and only_source[a] == only_source[b]):
                continue
            seen.add(pair)
            score = aligner.score(features[a], features[b])
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


def _words_around_first(said) -> tuple:
    """Claims said in the same words around them, whatever their value, side by side."""
    return (sorted(said.local), sorted(said.context), str(said.value))


# --- counts -----------------------------------------------------------------

def _head(subject: str) -> str:
    return singular(subject.split()[-1]) if subject else ""


def _compact(subject: str) -> str:
    return subject.replace("-", "").replace(" ", "")


class _Count(NamedTuple):
    subject: str
    compact: str  # the subject without spaces and hyphens: "bodycams" meets "body cams"
    value: object
    unit: str
    role: str
    event: str  # the outcome counted, synonyms folded: "dead" is "killed"
    context: frozenset[str]
    local: frozenset[str]


def _count_features(claim: Claim) -> _Count:
    event = (claim.attr("event") or "").lower()
    return _Count(
        claim.subject, _compact(claim.subject), claim.value, claim.attr("unit") or "", claim.attr("role") or "",
        EVENT_SYNONYMS.get(event, event), _context(claim), _local_context(claim),
    )


# How much of their sentences two counts must share (Jaccard of context words).
COUNT_CONTEXT_SAME = 0.08
COUNT_CONTEXT_DIFFERENT = 0.2


def _count_score(a: _Count, b: _Count) -> float:
    if a.unit != b.unit or a.role != b.role:
        return 0.0
    if a.event != b.event and a.event in OUTCOMES and b.event in OUTCOMES:
        return 0.0  # five killed and five injured are different counts
    context = _jaccard(a.context, b.context)
    if a.event and a.event == b.event:
        context += 0.05
    same_value = a.value == b.value
    # The same number for a similar thing in a similar sentence: agreement is
    # cheap to report and easy to dismiss, so the bar is lower. Different values
    # must be about the very same thing, said in nearly the same words around
    # the number: a false conflict costs a fact-checker more than a missed one.
    # (The context test comes first: it rejects most pairs without rapidfuzz.)
    if context < (COUNT_CONTEXT_SAME if same_value else COUNT_CONTEXT_DIFFERENT):
        return 0.0
    subject_score = max(fuzz.token_set_ratio(a.subject, b.subject), fuzz.partial_ratio(a.compact, b.compact))
    if same_value:
        linked = subject_score >= 60
    else:
        linked = subject_score >= 90 and _jaccard(a.local, b.local) >= 0.25
    # Equal values link first: with one value per source, a source's "6 rifles
    # seized today" then cannot be taken by the group of "14 rifles so far".
    return subject_score / 100 + context + same_value if linked else 0.0


def _count_keys(said: _Count) -> Iterable[str]:
    yield f"{said.unit}|{_head(said.subject)}"
    # "bodycams" and "body-worn cameras": the first four letters of each
    # subject word also block, so compounds written differently can meet.
    for word in said.subject.replace("-", " ").split():
        if len(word) >= 4:
            yield f"{said.unit}|~{word[:4]}"


# --- places -----------------------------------------------------------------

class _Places(NamedTuple):
    subject: str
    value: tuple[str, ...]
    items: frozenset[str]
    context: frozenset[str]
    local: frozenset[str]


def _place_features(claim: Claim) -> _Places:
    return _Places(claim.subject, claim.value, frozenset(claim.value), _context(claim), _local_context(claim))


def _place_score(a: _Places, b: _Places) -> float:
    overlap = _jaccard(a.items, b.items)
    if overlap >= 0.5 or (overlap > 0 and fuzz.token_set_ratio(a.subject, b.subject) >= 80):
        return overlap + _jaccard(a.context, b.context)
    return 0.0


def _place_keys(said: _Places) -> Iterable[str]:
    return said.value


# --- dates ------------------------------------------------------------------

class _Date(NamedTuple):
    subject: str
    value: object
    unresolved: bool  # "on Tuesday" with no publication date to place it
    event: str
    context: frozenset[str]
    local: frozenset[str]


def _date_features(claim: Claim) -> _Date:
    return _Date(
        claim.subject, claim.value, claim.attr("resolved") == "no", singular(claim.attr("event") or ""),
        _context(claim), _local_context(claim),
    )


def _date_score(a: _Date, b: _Date) -> float:
    context = _jaccard(a.context, b.context)
    if a.unresolved != b.unresolved:
        # "on Tuesday" with no known publication date says little: it is
        # aligned with a full date only when the sentences are nearly the same.
        return context if context >= 0.35 else 0.0
    subject_score = fuzz.token_set_ratio(a.subject, b.subject) / 100
    same_event = bool(a.event) and a.event == b.event
    linked = (same_event and context >= 0.1) or (subject_score >= 0.6 and context >= 0.15) or context >= 0.3
    if linked and a.value != b.value:
        # As for counts: two different dates must belong to the same event or
        # sit in nearly the same words.
        linked = context >= 0.2 and (same_event or _jaccard(a.local, b.local) >= 0.25)
    return context + subject_score + same_event + (a.value == b.value) if linked else 0.0


def _date_keys(said: _Date) -> Iterable[str]:
    # Dates of one event share subject words more often than the same verb.
    return sorted(content_words(said.subject)) or [""]


# --- people -----------------------------------------------------------------

def _person_key(claim: Claim) -> str:
    return claim.attr("key") or claim.subject.lower()


def _person_names(claim: Claim) -> tuple[str, ...]:
    return tuple(_person_key(claim).split())


def _person_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if a == b:
        return 1.0
    # "Lechleitner" alone and "Patrick Lechleitner": same surname, no clash of first names.
    return 0.5 if a and b and a[-1] == b[-1] and (len(a) == 1 or len(b) == 1) else 0.0


def _people_keys(names: tuple[str, ...]) -> Iterable[str]:
    return names[-1:]


def _person_order(names: tuple[str, ...]) -> tuple:
    return (len(names), " ".join(names))


# --- quotes -----------------------------------------------------------------

def _quote_norm(claim: Claim) -> str:
    return claim.attr("norm") or str(claim.value).lower()


# A partial ratio of 90 means a window of the longer quote shares 0.818 of the
# shorter's characters in order, which gives a full ratio of at least 70 unless
# the longer is over 1.337 times as long; below this the partial cannot link.
PARTIAL_NEEDS_LENGTH = 1.3


def _quote_score(a: str, b: str) -> float:
    """Linked when nearly the same wording, or one nearly inside the other.

    Quotes are grouped without the one-value-per-source check, so groups do not
    depend on the order pairs link in, only on which do: the cheap full ratio
    is tried first, the slow partial ratio only when it fails.
    """
    # score_cutoff lets rapidfuzz stop early; it returns 0 below the cutoff.
    ratio = fuzz.ratio(a, b, score_cutoff=70)
    if ratio:
        return ratio / 100
    shorter, longer = sorted((a, b), key=len)
    if len(longer) <= PARTIAL_NEEDS_LENGTH * len(shorter):
        return 0.0  # too alike in length for a partial ratio of 90 beside a full ratio under 70
    return 1.0 if len(shorter.split()) >= 4 and fuzz.partial_ratio(shorter, longer, score_cutoff=90) else 0.0


def _quote_keys(norm: str) -> Iterable[str]:
    tokens = norm.split()
    # Word trigrams: a wording variant keeps most of them.
    return (" ".join(tokens[i : i + 3]) for i in range(max(1, len(tokens) - 2)))


def _quote_order(norm: str) -> tuple:
    return (norm,)


ALIGNERS: dict[ClaimKind, Aligner] = {
    ClaimKind.COUNT: Aligner(_claim_in_sentence, _count_features, _count_keys, _count_score, True, _words_around_first),
    ClaimKind.PLACES: Aligner(_claim_in_sentence, _place_features, _place_keys, _place_score, True, _words_around_first),
    ClaimKind.DATE: Aligner(_claim_in_sentence, _date_features, _date_keys, _date_score, True, _words_around_first),
    # A person may hold several titles, and be quoted several times.
    ClaimKind.PERSON: Aligner(_person_key, _person_names, _people_keys, _person_score, False, _person_order),
    ClaimKind.QUOTE: Aligner(_quote_norm, _quote_norm, _quote_keys, _quote_score, False, _quote_order),
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
    context = _context(count)
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
        context = _context(claim)
        context_size[at] = len(context)
        for word in context:
            by_word[word].append(at)
    rest = []
    for count in counts:
        target = None
        if isinstance(count.value, int) and is_place_noun(_head(count.subject)):
            target = _place_list_for_count(count, lists, by_source, by_word, context_size)
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
