"""The core of alignment, the same for every kind: nodes of identical claims,
blocking buckets, scored pairs merged strongest first with union-find."""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any, NamedTuple

from ..cache import compiled_regex
from ..extract.gazetteer import lookup_place, places_named
from ..extract.people import ORG_WORDS
from ..model import EARLY, Claim
from ..text import NO_WORDS, STOPWORDS, content_words, singular, words
from ..vocab import calendar_words

# A sentence of a source: (source id, sentence start).
SentenceAt = tuple[str, int]

class SentenceAnchors:
    """What a sentence is about, by groups already aligned across sources: the
    groups of the other claims in it, and the people of person groups it names
    by surname ("Lee, who wore a vest, was hit twice" names Sgt. Ann Lee)."""

    def __init__(
        self, groups: Iterable[list[Claim]], people: Iterable[list[Claim]] = (), claims: Sequence[Claim] = (),
    ) -> None:
        """``claims``: all of the story's claims, whose sentences say where the story happens."""
        by_sentence: dict[SentenceAt, set[str]] = defaultdict(set)
        for members in groups:
            if len({c.source for c in members}) < 2:
                continue
            name = min(c.id for c in members)  # not the group's order: the same on any run
            for claim in members:
                by_sentence[(claim.source, claim.sentence_start)].add(name)
        self._by_sentence = {at: frozenset(names) for at, names in by_sentence.items()}
        self._surnames: dict[str, str] = {}
        for members in people:
            if len({c.source for c in members}) >= 2:
                name = min(c.id for c in members)
                for claim in members:
                    self._surnames.setdefault((claim.attr("key") or claim.subject).split()[-1].lower(), name)
        self._named: dict[SentenceAt, frozenset[str]] = {}
        self._claims = claims
        self._regions = _story_regions(claims)
        self._countries = {country for country, _ in self._regions}

    def of(self, claim: Claim) -> frozenset[str]:
        about, people = self._by_sentence.get((claim.source, claim.sentence_start), NO_WORDS), self.people_of(claim)
        return about | people if about and people else about or people

    def opening_names(self, claim: Claim) -> frozenset[str]:
        """The name a claim's sentence opens with, its words lower case, when the claim's event
        word follows within a few words ("Lee died Saturday", "Ann Lee was arrested"): whom
        the event befell. A name is in words the story writes capitalized inside sentences
        and never in lower case (but its first, which may open sentences only), so "Police"
        and "Officers" are none."""
        opening = _OPENING_NAME.match(claim.sentence)
        event = (claim.attr("event") or "").lower()
        if not opening or not event or event not in words(opening.group("after")):
            return NO_WORDS
        names = [word for word in words(opening.group("name")) if len(word) > 1]  # not a nickname's initial
        # its first word opens the sentence, and may be written capitalized nowhere else
        return frozenset(names) if self._story_names.issuperset(names[1:] or names) else NO_WORDS

    @cached_property
    def _story_names(self) -> frozenset[str]:  # read only for sentences that open with a capital and an event
        return _story_names(self._claims)

    def elsewhere(self, claim: Claim) -> bool:
        """Whether the claim's clause is set somewhere else than the story: it
        names a place outside the region most sources name ("10 days after a
        storm flooded a town in Oregon" in a story from Texas)."""
        if not self._regions:
            return False
        start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
        # One place in the claim's own clause, and no place of the story's region
        # in the wider clause (commas part lists: "in Baltimore, Buffalo and
        # Detroit" is one list, not one city); only places in the story's own
        # countries count, so a common word that is also a town abroad
        # ("Police", "Young") is no sign of another place.
        own = places_named(_clause(claim.sentence, start, end, _CLAUSE_MARKS + (",",)))
        wider = places_named(_clause(claim.sentence, start, end, _CLAUSE_MARKS))
        if len(own) != 1:
            return False
        regions = {region for place in wider for region in place if region[0] in self._countries}
        return bool(regions) and regions.isdisjoint(self._regions)

    def people_of(self, claim: Claim) -> frozenset[str]:
        """The person groups whose surname the claim's sentence names."""
        at = (claim.source, claim.sentence_start)
        if at not in self._named:
            self._named[at] = frozenset(
                self._surnames[word.lower()] for word in _CAPITALIZED.findall(claim.sentence)
                if word.lower() in self._surnames
            ) or NO_WORDS
        return self._named[at]


# The capitalized words opening a sentence, perhaps with a nickname in quotation marks between
# them ('Jo "Jay" Larkin') and an age set off by commas ("Lee, 45,"), then up to a few more
# words to its event word.
OPENING_EVENT_WORDS = 4
_OPENING_NAME = compiled_regex(
    r"(?P<name>[A-Z][a-z]+(?:\s+(?:[\"“][^\"“”]{1,20}[\"”]\s+)?[A-Z][a-z]+)?)(?:,\s+\d{1,3},)?"
    r"(?P<after>(?:\s+[\w'’-]+){1,%d})" % OPENING_EVENT_WORDS
)
_LOWER_CASE_WORD = compiled_regex(r"(?<![\w'’-])[a-z][a-z'’-]*")


def _story_names(claims: Sequence[Claim]) -> frozenset[str]:
    """Words the sentences of the story's claims write capitalized past their first word and
    never in lower case: names ("Quell", "Asher"), not "Police" (also "police said")."""
    capitalized: set[str] = set()
    lower: set[str] = set()
    for sentence in {claim.sentence for claim in claims}:
        capitalized |= named_words(sentence)
        lower.update(_LOWER_CASE_WORD.findall(sentence))
    return frozenset(capitalized - lower)


# Marks that end a clause: a place named past one is another clause's.
_CLAUSE_MARKS = (";", "—", "–", "(", ")", ":")


def _clause(sentence: str, start: int, end: int, marks: tuple[str, ...]) -> str:
    """The part of ``sentence`` around [start, end) between two of ``marks``."""
    before = max(sentence.rfind(mark, 0, start) for mark in marks)
    after = [at for mark in marks if (at := sentence.find(mark, end)) >= 0]
    return sentence[before + 1 : min(after, default=len(sentence))]


def _story_regions(claims: Sequence[Claim]) -> frozenset[tuple[str, str]]:
    """The regions named by the most sources in their claims' sentences (two at least)."""
    by_source: dict[str, set[tuple[str, str]]] = defaultdict(set)
    seen: set[SentenceAt] = set()
    for claim in claims:
        at = (claim.source, claim.sentence_start)
        if at not in seen:
            seen.add(at)
            by_source[claim.source].update(*places_named(claim.sentence))
    naming: Counter = Counter(region for regions in by_source.values() for region in regions)
    most = max(naming.values(), default=0)
    # The region named by the most sources: others (the city of an earlier attack) are named by fewer.
    return frozenset(region for region, count in naming.items() if count == most and count >= 2)


# A capitalized word, without a possessive ("Lee" in "Lee's car").
_CAPITALIZED = compiled_regex(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")


def named_words(sentence: str) -> frozenset[str]:
    """The words of the names a sentence gives, lower case: its capitalized words but the
    first ("He", "Police") and those of dates ("Monday", "November")."""
    calendar = calendar_words()
    return frozenset(
        low for match in _CAPITALIZED.finditer(sentence)
        if match.start() > 0 and (low := match.group(1).lower()) not in calendar
    ) or NO_WORDS


# A run of capitalized words, and the word after it ("Dover County jail").
_NAME_RUN = compiled_regex(
    r"(?<![\w'’-])(?P<run>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)(?:['’]s)?(?![\w'’-])(?:\s+(?P<next>[a-z]+))?"
)


def people_named_words(sentence: str) -> frozenset[str]:
    """The words of ``named_words`` but those of places and organizations: a run of capitalized
    words that is a place ("Dover"), or holds or comes before an organization word
    ("Dover County Jail", "the Dover County jail"). Two people booked into one jail are two."""
    named = named_words(sentence)
    if not named:
        return named
    other: set[str] = set()
    for match in _NAME_RUN.finditer(sentence):
        run = match.group("run")
        low = run.lower().replace("-", " ").split()
        if ORG_WORDS.intersection(low) or match.group("next") in ORG_WORDS or lookup_place(run):
            other.update(low)
    return frozenset(named - other) or NO_WORDS


# How many words after a claim may name what it is measured to or from.
NAMED_AFTER_WORDS = 8


def named_after(claim: Claim) -> frozenset[str]:
    """The capitalized words in the few words after a claim, within its clause (a
    comma does not end it): where a distance runs to or from ("150 miles west, to
    Lakeview", "30 miles north of Dover")."""
    return frozenset(names_after(claim)) or NO_WORDS


def names_after(claim: Claim) -> list[str]:
    """The capitalized words of ``named_after``, lower case, in order."""
    end = claim.end - claim.sentence_start
    stops = [at for mark in _CLAUSE_MARKS if (at := claim.sentence.find(mark, end)) >= 0]
    tail = " ".join(claim.sentence[end : min(stops, default=len(claim.sentence))].split()[:NAMED_AFTER_WORDS])
    return [word.lower() for word in _CAPITALIZED.findall(tail)]


# How far before a distance its place may stand ("Dover is located about 45 miles").
NAMED_BEFORE_WORDS = 4


def named_before(claim: Claim) -> str:
    """The name right before a claim in its clause, lower case, "" for none: where a distance
    runs from ("Lafayette, 40 miles northwest of Dover", "Dover is about 45 miles ...")."""
    start = claim.start - claim.sentence_start
    head = claim.sentence[:start]
    cut = max(head.rfind(mark) for mark in _CLAUSE_MARKS)
    near = head[cut + 1 :].replace(",", " ").split()[-NAMED_BEFORE_WORDS:]
    for word in reversed(near):
        if _CAPITALIZED.fullmatch(word) and word.lower() not in STOPWORDS:
            return word.lower()
    return ""

# A bucket with more distinct claims than this is a key too common to say much
# (e.g. "person" counts in a 10,000-source story): see _Buckets.
MAX_BUCKET = 100
# In an oversized bucket, each claim is compared with this many neighbours.
WINDOW = 20
# A claim is compared with at most this many later claims, those sharing the most
# keys with it: many sources repeating one fact in their own words make a group
# whose every pair shares keys, and linking it needs a chain, not every pair.
MAX_PARTNERS = 40


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


def context_of(claim: Claim) -> frozenset[str]:
    """Content words of the evidence sentence outside the claim's own words."""
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return content_words(claim.sentence[:start] + " " + claim.sentence[end:])


# How many words on each side of a claim make its local context.
LOCAL_WIDTH = 5


# Characters that surely hold LOCAL_WIDTH words and one more (else the whole side is read).
LOCAL_CHARS = 120


def local_context(claim: Claim) -> frozenset[str]:
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
    return frozenset(singular(w) for w in before[-LOCAL_WIDTH:] + after[:LOCAL_WIDTH] if w not in STOPWORDS) or NO_WORDS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
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
    # What a group may hold only one of, or None when a claim leaves it open: a
    # count that names no event may join "5 killed" or "5 injured", but must not
    # bridge the two into one group.
    exclusive: Callable[[Any], Hashable | None] = lambda said: None


def claim_in_sentence(claim: Claim) -> tuple:
    """The signature of a claim scored by its sentence: the same words in the
    same sentence, as in copies of one wire story."""
    start = claim.start - claim.sentence_start
    return (claim.subject, value_key(claim), claim.attrs, claim.sentence, start, claim.end - claim.sentence_start)


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


class _Buckets:
    """Blocking buckets and the pairs worth scoring in them.

    A bucket up to MAX_BUCKET pairs all its members. A bigger one is a key too
    common to say much (the "people" counts of a huge story): its members are
    sorted so that likely partners sit side by side, and each is paired with
    the WINDOW before and after it (the sorted-neighbourhood method), so cost
    grows linearly.
    """

    def __init__(self, keys: Sequence[Iterable[str]], order: Callable[[int], tuple]) -> None:
        self._keys = [tuple(set(node_keys)) for node_keys in keys]  # a tuple is a third of a set's size
        members: dict[str, list[int]] = defaultdict(list)
        for n, node_keys in enumerate(self._keys):
            for key in node_keys:
                members[key].append(n)  # ascending: n grows
        self._members = members
        # Oversized buckets: members in sorted order, and each member's rank in it.
        self._ranked: dict[str, tuple[list[int], dict[int, int]]] = {}
        for key, nodes in members.items():
            if len(nodes) > MAX_BUCKET:
                ranked = sorted(nodes, key=order)
                self._ranked[key] = (ranked, {n: rank for rank, n in enumerate(ranked)})

    def partners(self, n: int, passed_over: Callable[[int], bool] = lambda m: False) -> Iterable[int]:
        """The nodes after ``n`` (larger numbers) that some bucket pairs with it, less those
        ``passed_over``, at most MAX_PARTNERS, those sharing the most keys first: each pair
        is found once, from its smaller node, and nothing holds all pairs at once."""
        shared: Counter[int] = Counter()
        for key in self._keys[n]:
            if key in self._ranked:
                ranked, rank = self._ranked[key]
                at = rank[n]
                shared.update(m for m in ranked[max(0, at - WINDOW) : at + WINDOW + 1] if m > n)
            else:
                nodes = self._members[key]
                shared.update(nodes[bisect_right(nodes, n) :])
        for m in [m for m in shared if passed_over(m)]:
            del shared[m]
        if len(shared) <= MAX_PARTNERS:
            return shared.keys()
        return sorted(shared, key=lambda m: (-shared[m], m))[:MAX_PARTNERS]


def link(claims: Sequence[Claim], aligner: Aligner) -> list[list[Claim]]:
    """Group claims: best-scoring pairs first, merged with union-find.

    With ``one_value_per_source``, two groups are not merged when a source
    would then give two different values in one group: a source does not
    contradict itself, so such a merge joins two different things (the 6
    dead and the 34 injured). A figure its source gives as an early report,
    since revised ("authorities said earlier that four were hurt"), is not its
    value: the page tells of the change. Merging the strongest pairs first
    keeps a weak link from taking a claim away from its true partner.
    """
    nodes, features = _nodes(claims, aligner)
    buckets = _Buckets([aligner.keys(said) for said in features], lambda n: aligner.order(features[n]))
    # A node's one source, or None for a node several sources share: two nodes
    # of one source alone are never compared (a source does not echo itself).
    only_source = [
        claims[members[0]].source if all(claims[i].source == claims[members[0]].source for i in members) else None
        for members in nodes
    ]
    scores, pairs = array("d"), array("q")  # only links are kept: memory grows with links, not with pairs
    for a in range(len(nodes)):
        own = only_source[a]
        for b in buckets.partners(a, lambda m: own is not None and only_source[m] == own):
            score = aligner.score(features[a], features[b])
            if score > 0:
                scores.append(score)
                pairs.append(a * len(nodes) + b)
    # What each node holds that excludes others; then the features and buckets go
    # before the pairs are sorted, so the two never take memory at once.
    held = [aligner.exclusive(said) for said in features]
    features.clear()
    del buckets
    uf = _UnionFind(len(nodes))
    # Each group's values by source, and what it holds that excludes others, kept for
    # roots that have been merged; a node never merged has its own (most never are).
    values: dict[int, dict[str, set]] = {}
    exclusive: dict[int, Hashable | None] = {}

    def values_of(root: int) -> dict[str, set]:
        if root not in values:
            values[root] = defaultdict(set)
            for i in nodes[root]:
                if EARLY not in claims[i].attrs:
                    values[root][claims[i].source].add(value_key(claims[i]))
        return values[root]

    def exclusive_of(root: int) -> Hashable | None:
        return exclusive[root] if root in exclusive else held[root]

    for a, b in _strongest_first(scores, pairs, len(nodes)):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        # The smaller side is walked and moved, so a merge into a huge group stays cheap.
        small, large = sorted((values_of(ra), values_of(rb)), key=len)
        if aligner.one_value_per_source and any(
            source in large and large[source] != vals for source, vals in small.items()
        ):
            continue
        held_a, held_b = exclusive_of(ra), exclusive_of(rb)
        if held_a is not None and held_b is not None and held_a != held_b:
            continue
        uf.union(ra, rb)
        exclusive[uf.find(ra)] = held_a if held_a is not None else held_b
        for source, vals in small.items():
            large[source].update(vals)
        del values[ra], values[rb]
        values[uf.find(ra)] = large
    groups: dict[int, list[Claim]] = defaultdict(list)
    for n, members in enumerate(nodes):
        groups[uf.find(n)].extend(claims[i] for i in members)
    return list(groups.values())


def _strongest_first(scores: array, pairs: array, nodes: int) -> Iterator[tuple[int, int]]:
    """The linked pairs ``(a, b)`` (packed as ``a * nodes + b``) by score, highest first,
    then by ``a`` and ``b``. Each becomes one int to sort: the bits of a positive double
    grow with its value, so (MAX - bits) << 64 | pair orders as (-score, a, b) does, in
    a third of the memory of a list of tuples (a large story links millions of pairs)."""
    bits = array("Q")
    bits.frombytes(scores.tobytes())
    for packed in sorted((_ALL_BITS - score_bits) << 64 | pair for score_bits, pair in zip(bits, pairs)):
        yield divmod(packed & _ALL_BITS, nodes)


_ALL_BITS = (1 << 64) - 1


def value_key(claim: Claim) -> object:
    return frozenset(claim.value) if isinstance(claim.value, tuple) else claim.value


def words_around_first(said) -> tuple:
    """Claims said in the same words around them, whatever their value, side by side."""
    return (sorted(said.local), sorted(said.context), str(said.value))


