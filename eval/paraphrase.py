"""Plant known discrepancies in paraphrases: one fact as two real outlets word it.

The copy benchmark (plant.py) edits copies of one article, so every word around a
changed value is shared. Here a story is two real articles of one ECB+ cluster
(different outlets on one event). A *sentence pair* is a sentence of each that
states the same fact in other words: crosscheck's own extraction finds a claim of
one kind with the same value in both (a count with the same number and unit, a
date with the same day, the same list of places, the same person with a matching
title, the same quote by the same speaker), the sentences share enough other words
to be about the same thing, and they are not copies (rapidfuzz ratio and
partial_ratio both below ``COPY``). Edits (plant.py's) go into one article's
sentence only; the other article's sentence stays as it was, and crosscheck should
set the two real articles against each other.

Real outlets already disagree on some things. The story is therefore checked
twice, before and after the edits (run.py), and a finding the unedited articles
already had is "standing": neither true nor false (score.py). Both articles get
the cluster's earliest known publication date, so relative dates ("Tuesday")
resolve alike and a changed count reads as a conflict, not an update over time.

Cybulska & Vossen (2014), ECB+, LREC 2014, CC BY 3.0.
"""
from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from crosscheck.extract import extract_claims
from crosscheck.ingest import build_document
from crosscheck.model import Claim, ClaimKind, Source

from .corpus import CORPUS, article_lines, published_dates
from .plant import (
    UNTOUCHED_SHARE, Edit, Planted, Story, claim_changes, line_of, line_starts, named_people, pick_edits,
    replace_in_line,
)

# Sentences this alike (rapidfuzz ratio or partial_ratio, 0-100) are copies, not paraphrases.
COPY = 80

# Words too common to show that two sentences are about the same thing.
_STOP = frozenset("""
a about after again against all also an and any are around as at be been before being but by can could did
do does during each few for from had has have he her here him his how i if in into is it its just last least
many may me more most much my new no nor not now of off on once one only or other our out over own per said
same say says she should since so some such than that the their them then there these they this those through
to told too two under until up us very via was we were what when where which while who whom why will with
would year years you your
""".split())
_CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tonight week month morning afternoon evening night day
""".split())
_NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
""".split())
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """Content words of ``text``, cut to five letters ("deaths" and "death" meet)."""
    return frozenset(
        w[:5] for w in _WORD.findall(text.lower())
        if len(w) >= 3 and w not in _STOP and w not in _CALENDAR and w not in _NUMBER_WORDS
    )


def is_copy(one: str, other: str) -> bool:
    """Two sentences that share most of their wording, in full or as a cut."""
    return fuzz.ratio(one, other) >= COPY or fuzz.partial_ratio(one, other) >= COPY


def same_fact(a: Claim, b: Claim) -> bool:
    """Two claims, from different articles, that state one fact (see the module docstring)."""
    if a.kind is not b.kind:
        return False
    shared = len(stems(a.sentence) & stems(b.sentence))
    if a.kind is ClaimKind.COUNT:
        if a.value != b.value or a.attr("unit") != b.attr("unit") or a.attr("role") != b.attr("role"):
            return False
        if a.attr("role") == "age":  # "Jane Roe, 43" / "43-year-old Jane Roe": one person
            return bool(stems(a.attr("person") or a.subject) & stems(b.attr("person") or b.subject))
        return bool(stems(a.subject) & stems(b.subject)) and shared >= 2
    if a.kind is ClaimKind.DATE:
        return a.value == b.value and a.attr("precision") == b.attr("precision") == "day" and shared >= 3
    if a.kind is ClaimKind.PLACES:
        return a.value == b.value and len(a.value) >= 2 and a.attr("complete") == b.attr("complete")
    if a.kind is ClaimKind.PERSON:
        return (bool(a.attr("key")) and a.attr("key") == b.attr("key") and bool(a.value) and bool(b.value)
                and fuzz.token_set_ratio(str(a.value).lower(), str(b.value).lower()) >= 90)
    if a.kind is ClaimKind.QUOTE:
        return (bool(a.attr("norm")) and a.attr("norm") == b.attr("norm")
                and bool(a.attr("speaker_key")) and a.attr("speaker_key") == b.attr("speaker_key"))
    return False  # times of day: no edits planted yet


@dataclass(frozen=True)
class Article:
    id: str
    cluster: str
    lines: tuple[str, ...]
    claims: tuple[tuple[int, Claim], ...]  # (line, claim), the headline's left out
    people: tuple[str, ...]


@dataclass(frozen=True)
class SentencePair:
    """A claim of ``edited`` (the article to edit) and its partners in ``other``: one fact."""

    cluster: str
    edited: str
    other: str
    line: int
    claim: Claim
    other_lines: tuple[int, ...]


def clusters(corpus: Path = CORPUS) -> list[str]:
    """The ECB+ clusters of outlets on one event (the "ecbplus" half), in name order."""
    return sorted(p.name for p in corpus.glob("*_ecbplus") if p.is_dir())


@lru_cache(maxsize=None)
def cluster_published(cluster: str, corpus: Path = CORPUS) -> str | None:
    """The cluster's earliest known publication date: every article of a story gets it."""
    dates = published_dates(corpus)
    return min((dates[p.stem] for p in (corpus / cluster).glob("*.txt") if p.stem in dates), default=None)


@lru_cache(maxsize=None)
def load_cluster(cluster: str, corpus: Path = CORPUS) -> tuple[Article, ...]:
    published = cluster_published(cluster, corpus)
    articles = []
    for path in sorted((corpus / cluster).glob("*.txt")):
        lines = article_lines(path)
        if len(lines) < 2:
            continue
        claims = extract_claims(build_document(Source(id=path.stem, published=published), "\n".join(lines)))
        starts = line_starts(lines)
        placed = tuple((line_of(c, starts), c) for c in claims)
        articles.append(Article(path.stem, cluster, tuple(lines), tuple((i, c) for i, c in placed if i > 0),
                                tuple(named_people(claims))))
    return tuple(articles)


def _fact_key(claim: Claim) -> tuple:
    """Claims that can state one fact share this key (same_fact decides)."""
    if claim.kind is ClaimKind.PERSON:
        return claim.kind, claim.attr("key")
    if claim.kind is ClaimKind.QUOTE:
        return claim.kind, claim.attr("norm")
    return claim.kind, claim.value


def sentence_pairs(edited: Article, other: Article) -> list[SentencePair]:
    """Every claim of ``edited`` that ``other`` states in other words, with the lines that do."""
    index: dict[tuple, list[tuple[int, Claim]]] = defaultdict(list)
    for i, c in other.claims:
        index[_fact_key(c)].append((i, c))
    pairs = []
    for line, claim in edited.claims:
        partners = tuple(sorted({
            i for i, c in index.get(_fact_key(claim), ())
            if same_fact(claim, c) and not is_copy(edited.lines[line], other.lines[i])
        }))
        if partners:
            pairs.append(SentencePair(edited.cluster, edited.id, other.id, line, claim, partners))
    return pairs


def _edits(edited: Article, other: Article, rng: random.Random) -> list[tuple[Edit, SentencePair]]:
    found = []
    for pair in sentence_pairs(edited, other):
        old = edited.lines[pair.line]
        for name, status, before, after in claim_changes(pair.claim, rng, edited.people):
            new = replace_in_line(old, pair.claim, before, after)
            if new and new != old:
                found.append((Edit(pair.claim.kind, name, status, pair.claim.subject, pair.line, old, new, before, after),
                              pair))
    return found


def paraphrase_story(
    edited: Article, other: Article, published: str | None, rng: random.Random, planted_so_far: Counter
) -> Story | None:
    """Two real articles, edits planted in the first's sentences that the second paraphrases;
    None when no discrepancy can be planted there."""
    candidates = _edits(edited, other, rng)
    if not any(e.status for e, _ in candidates):
        return None
    edits = [e for e, _ in candidates]
    untouched = rng.random() < UNTOUCHED_SHARE
    # An untouched story gets a harmless edit: with none, it would only repeat the baseline.
    chosen = pick_edits(edits, rng, 1 if untouched else rng.choice((0, 1)), False, planted_so_far)
    if not untouched:
        rest = [e for e in edits if e.line not in {c.line for c in chosen}]
        chosen += pick_edits(rest, rng, rng.choice((1, 2)), True, planted_so_far)
    if not chosen:
        return None
    lines = list(edited.lines)
    planted = []
    for edit in chosen:
        pair = next(p for e, p in candidates if e is edit)
        lines[edit.line] = edit.new_line
        planted.append(Planted(edit, (edited.id,), (other.id,), tuple(other.lines[i] for i in pair.other_lines)))
    outlets = ((edited.id, "\n".join(lines)), (other.id, "\n".join(other.lines)))
    return Story(f"{edited.id}~{other.id}", published, outlets, tuple(planted))


def paraphrase_stories(count: int, seed: int, names: Sequence[str] | None = None,
                       corpus: Path = CORPUS) -> Iterator[Story]:
    """Up to ``count`` stories, each from its own pair of articles, taken from the clusters in
    turn (``names``, or all) so that no event dominates. In its turn a cluster gives a pair of
    articles that paraphrase a fact of the kind planted least so far, so place lists, which few
    outlets repeat, get their share. Seeded, so reproducible."""
    rng = random.Random(seed)
    queues: dict[str, list[tuple[Article, Article, frozenset[ClaimKind]]]] = {}
    order = list(names) if names is not None else clusters(corpus)
    for name in order:
        articles = load_cluster(name, corpus)
        queue = [(a, b) if rng.random() < 0.5 else (b, a) for a in articles for b in articles if a.id < b.id]
        rng.shuffle(queue)
        queues[name] = [(a, b, frozenset(p.claim.kind for p in sentence_pairs(a, b))) for a, b in queue]
    rng.shuffle(order)
    planted: Counter = Counter()
    kinds: Counter = Counter()
    made = 0
    while made < count and any(queues.values()):
        for name in order:
            queue = queues[name]
            while queue:
                available = set().union(*(k for _, _, k in queue))
                if not available:
                    queue.clear()
                    break
                target = min(available, key=lambda k: (kinds[k], list(ClaimKind).index(k)))
                at = next(i for i, (_, _, k) in enumerate(queue) if target in k)
                edited, other, _ = queue.pop(at)
                story = paraphrase_story(edited, other, cluster_published(name, corpus),
                                         random.Random(f"{seed}:{edited.id}:{other.id}"), planted)
                if story is not None:
                    kinds.update(p.edit.kind for p in story.planted if p.edit.status)
                    made += 1
                    yield story
                    break
            if made == count:
                return


def unedited(story: Story) -> tuple[tuple[str, str], ...]:
    """The story's outlets as the articles were, before the edits."""
    lines = {source: text.split("\n") for source, text in story.outlets}
    for planted in story.planted:
        for source in planted.edited:
            lines[source][planted.edit.line] = planted.edit.old_line
    return tuple((source, "\n".join(lines[source])) for source, _ in story.outlets)


@dataclass(frozen=True)
class PairCounts:
    kind: ClaimKind
    pairs: int  # sentence pairs (one claim, each partner line) over all article pairs
    article_pairs: int
    clusters: int


def pair_counts(names: Sequence[str] | None = None, corpus: Path = CORPUS) -> list[PairCounts]:
    """How many paraphrased facts of each kind the clusters hold (each article pair counted once)."""
    pairs: Counter = Counter()
    article_pairs: dict[ClaimKind, set] = defaultdict(set)
    where: dict[ClaimKind, set] = defaultdict(set)
    for name in names if names is not None else clusters(corpus):
        articles = load_cluster(name, corpus)
        for a in articles:
            for b in articles:
                if a.id < b.id:
                    for p in sentence_pairs(a, b):
                        pairs[p.claim.kind] += len(p.other_lines)
                        article_pairs[p.claim.kind].add((a.id, b.id))
                        where[p.claim.kind].add(name)
    return [PairCounts(k, pairs[k], len(article_pairs[k]), len(where[k])) for k in ClaimKind if pairs[k]]
