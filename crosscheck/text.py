"""Small text utilities shared by the stages: sentences with offsets, words.

The sentence splitter is a compiled regular expression rather than a library:
news text needs only abbreviation handling, and it must cost microseconds per
document (see bench/).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .cache import compiled_regex
from .model import Sentence
from .vocab import load as load_vocab

# Words that end with a period but rarely end a sentence; the titles ("Cpl.", "Gov.")
# are the vocabulary's, which the people extractor reads too.
ABBREVIATIONS = frozenset(short.lower() for short in load_vocab("title_abbreviations")) | frozenset(
    """
    mr mrs ms dr sr jr st mt ft hon no nos vol vs etc inc corp co ltd bros dept est approx fig
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wisc wyo
    """.split()
)

_SENTENCE_END = compiled_regex(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = compiled_regex(r"[^\n]+")
_WORD = compiled_regex(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot]
    if not token:
        return False
    if len(token) == 1 and token.isupper():  # an initial: "Dana R. Ortiz"
        return True
    if "." in token:  # U.S., N.J., a.m.
        return True
    return token.lower() in ABBREVIATIONS


# Words that start a new sentence even right after an abbreviation ("... N.J. The ...").
SENTENCE_STARTERS = frozenset("The A An He She It They We I But And This That These Those Then In On At".split())


def _next_word(body: str, offset: int) -> str:
    match = _WORD.search(body, offset)
    return match.group() if match else ""


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of ``text`` with character offsets; a line break always ends one."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        line_start = line.start()
        body = line.group()
        cursor = 0
        for end in _SENTENCE_END.finditer(body):
            if (
                body[end.start()] == "."
                and _ends_with_abbreviation(body, end.start())
                and _next_word(body, end.end()) not in SENTENCE_STARTERS
            ):
                continue
            _append(sentences, body, line_start, cursor, end.end())
            cursor = end.end()
        _append(sentences, body, line_start, cursor, len(body))
    return tuple(sentences)


# Longer than any sentence of real reporting (the development corpora's longest is
# about 1,200 characters). A longer run is cut at a space, so that work per
# sentence, and per claim in it, stays bounded on hostile text.
MAX_SENTENCE = 2000


def _append(out: list[Sentence], body: str, line_start: int, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = body.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append_one(out, body, line_start, start, cut)
        start = cut
    _append_one(out, body, line_start, start, end)


def _append_one(out: list[Sentence], body: str, line_start: int, start: int, end: int) -> None:
    chunk = body[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = line_start + start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


STOPWORDS = frozenset(
    """
    a an the and or but if of at by for with about against between into through during before after
    above below to from up down in out on off over under again further then once here there when where
    why how all any both each few more most other some such no nor not only own same so than too very
    s t can will just don should now is are was were be been being have has had having do does did
    doing would could might must shall may it its it's this that these those i me my we our you your he
    him his she her they them their what which who whom whose as also said says say told according
    one two three four five six seven eight nine ten mr mrs ms new year years last first
    """.split()
)


# Month names and their abbreviations -> month number.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A noun's singular, by the lemmatizer: "cities" -> "city", "buses" -> "bus",
    "knives" -> "knife". Only a plural's: the lemmatizer also takes verbs to
    their base ("has" -> "have", "was" -> "be"), so a word not ending in "s", or
    whose base does not begin as it does, is left as it is (irregular plurals
    such as "children" are in vocab/things.yaml); a word the lemmatizer does
    not know takes the regular plural's rules."""
    w = word.lower()
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w in _english():
        base = lemma(w)
        return base if base[:3] == w[:3] and len(base) < len(w) else w
    # A word the lemmatizer's dictionary lacks (a coinage, "dronecams"): the regular English plural.
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes")):
        return w[:-2]
    return w[:-1]


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word: "killed" -> "kill", "injuries" -> "injury".

    Looked up in simplemma's English dictionary, without its lemmatizer: importing
    that (rules for twenty languages) costs more than a one-file report. A word the
    dictionary lacks is a name or a coinage and is its own lemma, but for the two
    shapes news English builds from known words: a hyphenated compound (spelled
    solid, else its last part: "court-ordered" -> "court-order") and a contraction
    or possessive ("didn't" -> "do", "mayor's" -> "mayor")."""
    w = word.lower().replace("’", "'")
    english = _english()
    if (base := english.get(w)) is not None:
        return base
    if "-" in w:
        head, _, last = w.rpartition("-")
        if (base := english.get(w.replace("-", ""))) is not None:  # "cease-fire" is "ceasefire"
            return base
        if head and (base := english.get(last)) is not None:
            return f"{head}-{base}"
    if (clitic := _CLITIC.fullmatch(w)) and (base := english.get(clitic[1])) is not None:
        return base
    return w


# A contraction or possessive: a known word and what is joined to it ("didn't", "mayor's", "voters'").
_CLITIC = compiled_regex(r"(.+?)(?:n't|'s|'ll|'d|'re|'ve|'m|')")


def _english():
    """simplemma's English dictionary (inflected form -> lemma), a table in crosscheck's
    disk cache: decoding the shipped file, or loading all of it, takes longer than a
    one-file report."""
    from .cache import cache_key, cached_table, package_stamp

    def key() -> str:  # what shapes the table: the dictionary, and how _english_rows reads it
        return cache_key(package_stamp("simplemma"), "en", Path(__file__).read_bytes())

    return cached_table("simplemma-en", key, _english_rows)


def _english_rows() -> Iterable[tuple[str, str]]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    shipped = DefaultDictionaryFactory().get_dictionary("en")
    # As simplemma looks a lower-case word up: as it is, else capitalized ("athens" -> "Athens").
    yield from ((form, base.lower()) for form, base in shipped.items() if form == form.lower())
    yield from ((form.lower(), base.lower()) for form, base in shipped.items() if form == form.lower().capitalize())


_QUOTE_SENTENCE_END = compiled_regex(r"(?:[.!?]+|…|\.\.\.)[\"'”’)\]]*\s+")
_NOT_WORD = compiled_regex(r"[^\w\s]+")


@lru_cache(maxsize=4096)  # the rules ask again for the quotes of one group; a story may hold 100,000 quotes
def quote_sentences(quote: str) -> tuple[tuple[str, ...], ...]:
    """A quotation's sentences as lower-case words without punctuation: outlets
    often quote the same sentences, but cut and join them differently."""
    return tuple(
        tuple(words_) for part in _QUOTE_SENTENCE_END.split(quote)
        if (words_ := _NOT_WORD.sub(" ", part.lower().replace("’", "'")).split())
    )


def sentence_likeness(x: str, y: str, cutoff: float) -> float:
    """How alike two quoted sentences are (0-100; 0 below ``cutoff``): the same
    characters in order, or the same words reordered or trimmed ("the worst day
    in the town's history" / "the worst day in town history")."""
    from rapidfuzz import fuzz

    return fuzz.ratio(x, y, score_cutoff=cutoff) or fuzz.token_set_ratio(x, y, score_cutoff=cutoff)


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A name (first or last) this long or longer may be misspelled by one letter and still be the same.
TYPO_NAME = 5


def name_tokens(name: str) -> list[str]:
    """A person's name as lower-case words, without punctuation or "Jr."."""
    return [w for w in _NOT_WORD.sub(" ", name.lower()).split() if w not in _NAME_SUFFIXES]


def same_name(a: str, b: str) -> bool:
    """Whether two names, as outlets write them, are one person's: one ends the
    other ("Hart", "Lee Hart", "Constable Lee Hart"); the same first and last
    names around a middle one ("Ann Marie Hart", "Ann Hart"); or the same first
    name with a surname one letter apart ("Hartman", "Haartman", "Hatrman"); or the same first
    name with the shorter's surname the longer's first of two ("Ana Ruiz", "Ana Ruiz
    Soto": outlets drop the second of a Spanish double surname). A first name
    is the same when one is the other's short form ("Doug", "Douglas") or one
    letter apart after the same initial ("Marjorie", "Marjoria")."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    shorter, longer = sorted((ta, tb), key=len)
    if longer[-len(shorter) :] == shorter:
        return True
    if len(ta) < 2 or len(tb) < 2 or not _same_first_name(ta[0], tb[0]):
        return False
    if len(shorter) == 2 and len(longer) == 3 and shorter[0] == longer[0] and shorter[1] == longer[1]:
        return True
    return ta[-1] == tb[-1] or (ta[0] == tb[0] and _one_letter_apart(ta[-1], tb[-1]))


# A short form of a first name is at least this long ("Doug" for "Douglas", not "Jo" for "Joan").
SHORT_FIRST_NAME = 3


def _same_first_name(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= SHORT_FIRST_NAME and longer.startswith(shorter)) or (
        a[0] == b[0] and _one_letter_apart(a, b)
    )


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two side by side swapped ("Kahlil", "Khalil")."""
    from rapidfuzz.distance import OSA

    return min(len(a), len(b)) >= TYPO_NAME and OSA.distance(a, b) <= 1


def longest_first(words) -> list[str]:
    """``words`` in the order a regex alternation needs them: longest first (so "as of"
    wins over "as"), then alphabetical, so a pattern built from a set reads the same
    in every process (sets of strings iterate in an order that changes per process)."""
    return sorted(words, key=lambda word: (-len(word), word))


def alternation(phrases) -> str:
    """A regex alternation of ``phrases``, longest first, a space matching any run of
    whitespace: the one way vocabulary lists become regexes."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in longest_first(phrases))


# A dateline a news story's first sentence may open with: "ELM CITY –", "ELM CITY, Ore. (KXYZ) —".
DATELINE = r"[A-Z][A-Z.'’ ]+(?:,\s*[A-Z][A-Za-z.]+)?\s*(?:\([^()]{1,30}\)\s*)?[–—-]{1,2}\s*"


# The one empty set of words: an empty frozenset is a new object each time it is
# made, and a large story's claims hold hundreds of thousands of them.
NO_WORDS: frozenset[str] = frozenset()

# A word that says something did not happen: "no one was arrested", "was never charged",
# "was not named until Friday".
NEGATION = compiled_regex(r"\b(?:no|nobody|none|not|never|neither|nor|without|no-one)\b|n't\b", re.IGNORECASE)


def content_words(text: str) -> frozenset[str]:
    """Singular lower-case words of ``text`` that carry meaning (no stopwords)."""
    return frozenset(singular(w) for w in words(text) if w not in STOPWORDS and len(w) > 2) or NO_WORDS
