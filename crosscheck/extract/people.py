"""People and their titles: "Acting TRA Director Dana R. Ortiz" -> PERSON claims.

A person is found as a run of capitalized words; a generic lexicon of title
words (director, secretary, sheriff, ...) separates the title from the name.
Titles come before the name ("Parks Commissioner Maria Okafor"), as an
appositive before it ("the commissioner of parks, Maria Okafor") or after it
("Dana Ortiz, acting director of TRA,"; "Okafor, who is listed as one of the
founders of Acme,"; "Okafor was a retired state trooper."). Within a document,
short forms ("Ms. Okafor", "Okafor") resolve to the fullest form given. A title
inside someone's quoted words is theirs, not the source's, and makes no claim.

Everything works on regex matches over the whole text, never on a per-word
Python loop, so a news article costs well under a millisecond.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from ..cache import compiled_regex
from .gazetteer import lookup_place
from .scan import capitalized_word_starts, matches_at
from ..model import Claim, ClaimKind, Document, make_attrs
from ..text import STOPWORDS, lemma, longest_first
from ..vocab import load, word_classes

# The word lists are data (crosscheck/vocab/titles.yaml, title_abbreviations.yaml,
# organization_words.yaml); the shapes of names and titles are here.
_TITLE_WORDS = word_classes("titles")
TITLE_HEADS = frozenset(w for w, cls in _TITLE_WORDS.items() if cls == "head")
TITLE_MODIFIERS = frozenset(w for w, cls in _TITLE_WORDS.items() if cls == "modifier")
TITLE_DOMAINS = frozenset(w for w, cls in _TITLE_WORDS.items() if cls == "domain")
# Abbreviated title heads as written before a name, without their period: "Sgt", "Gov".
TITLE_ABBREVIATIONS = frozenset(load("title_abbreviations"))
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady".split())
NAME_SUFFIXES = frozenset("Jr Sr II III IV".split())
# Capitalized words that mark an organization, place or event rather than a person.
ORG_WORDS = frozenset(word_classes("organization_words")) | TITLE_DOMAINS

_LEXICON = longest_first(TITLE_HEADS | TITLE_MODIFIERS | TITLE_DOMAINS)
# Words written with a period inside a name or title ("Sgt. Jo Doe Jr.", "St. Paul"), period left off.
ABBREVIATED_WORDS = TITLE_ABBREVIATIONS | HONORIFICS | {"Jr", "Sr", "St"}
_ABBR = r"(?:%s)\." % "|".join(sorted(ABBREVIATED_WORDS))
_TOKEN = (
    rf"(?:{_ABBR}"
    r"|[A-Z]\.(?:[A-Z]\.)+"  # U.S., N.J.
    r"|[A-Z]\."  # an initial
    r"|(?:Mc|Mac|La|Le|De|Di|Du|Van|Von|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*"
    r"|[A-Z]{2,}s?"
    rf"|(?:[a-z]+-)?(?:{'|'.join(_LEXICON)}))(?![\w-])"  # "co-owner" whole, not its "owner"
)
_CONNECTOR = r"(?:of|for|and|the|de|van|von|der|da|di|del|la|le|bin)"
# A run of title or name words starting with a capital, possibly joined by "of", "and", "the"
# (lower-case title words before it are added by _extend_left: "police spokesman John Smith").
_RUN = compiled_regex(rf"(?<![\w’'.-])(?=[A-Z]){_TOKEN}(?: (?:{_CONNECTOR} ){{0,2}}{_TOKEN})*")
_RUN_TOKEN = compiled_regex(rf"{_TOKEN}|{_CONNECTOR}(?![\w-])")
# After a name: ", acting director of the agency,", ", a spokeswoman for the city.", or a relative
# clause ", who is listed as one of the founders of Acme,"; the title ends at a comma or a stop.
_POST_TITLE = compiled_regex(
    r",\s+(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+"
    r"(?:(?:listed|described|identified|named|known)\s+as\s+)?)?"
    r"(?:(?:a|an|the)\s+)?(?P<title>(?:one\s+of\s+the\s+)?[A-Za-z][\w’'.-]*(?:\s+[\w’'.-]+){0,8}?)"
    r"(?=\s*[,;.)]|\s+(?:said|says|told)\b)"
)
# After a name as the predicate: "Smith was a retired state police trooper."; only title words,
# capitalized words and of/for/the/and may make it, so "Smith was a good friend" is no title.
_PREDICATE_TITLE = compiled_regex(
    r"\s+(?:is|was)\s+(?:a|an|the)\s+(?P<title>[A-Za-z][\w’'.-]*(?:\s+[\w’'.-]+){0,7}?)"
    r"(?=\s*[,;.]|\s+(?:and|who|with|at|in|for|from|until|since|before|after)\b)"
)
# Words that link a title's head to what it heads: "director of", "spokesman for".
_LINKERS = frozenset("of for to at with in from".split())
# What may precede a title given as an appositive before the name.
_PRE_TITLE_BOUNDARY = compiled_regex(r"(?:^|[,:;(“\"]|\b(?:said|says|the|a|an|by|from|and)|—)\s*$")

_PARTICLES = frozenset("de van von der da di del la le bin".split())
_CONNECTORS = frozenset("of for and the".split()) | _PARTICLES
_SPACES = compiled_regex(r"\s+")


class Mention(NamedTuple):
    """One place a person is named. ``full`` is the fullest form of the name in the document.

    A named tuple rather than a frozen dataclass: a document has dozens, built on every call.
    """

    name: str  # as written, honorific dropped
    start: int
    end: int
    full: str
    key: str
    title: str = ""  # normalized title given at this mention, "" when none
    affiliation: str = ""
    span_start: int = 0  # title + name, for the claim's evidence
    span_end: int = 0


def _kind(token: str) -> str:
    """Role of one run token: head, mod, domain, conn, hon, suffix, init, acr, cap."""
    low = token.lower()
    if token.endswith("."):
        stem = token[:-1]
        if stem in HONORIFICS:
            return "hon"
        if stem in ("Jr", "Sr"):
            return "suffix"
        if stem in TITLE_ABBREVIATIONS:
            return "head"
        return "init" if len(stem) == 1 else "acr"
    if token in NAME_SUFFIXES:
        return "suffix"
    if low in _CONNECTORS and token.islower():
        return "conn"
    if _hyphened_head(low):  # "Vice-Admiral"
        return "head"
    if low in TITLE_HEADS:
        return "head"
    if low in TITLE_MODIFIERS:
        return "mod"
    if low in TITLE_DOMAINS:
        return "domain"
    if token.isupper() or (token[:-1].isupper() and token.endswith("s") and len(token) > 2):
        return "acr"
    return "cap"


def _hyphened_head(word: str) -> bool:
    """A title head joined to a word before it: "Vice-Admiral", "co-owner", "co-founder"."""
    return "-" in word and word.rsplit("-", 1)[1].lower() in TITLE_HEADS


_KIND_CACHE: dict[str, str] = {}


def _token_kind(token: str) -> str:
    kind = _KIND_CACHE.get(token)
    if kind is None:
        kind = _KIND_CACHE[token] = _kind(token)
    return kind


_TITLE_KINDS = frozenset({"head", "mod", "domain", "acr", "conn"})
_NAME_KINDS = frozenset({"cap", "init", "suffix", "hon"})


def is_name_word(token: str) -> bool:
    low = token.lower()
    return low not in ORG_WORDS and low not in STOPWORDS


@lru_cache(maxsize=16384)
def _is_single_name(token: str) -> bool:
    """A lone capitalized word that may be a surname mentioned again ("Okafor")."""
    return _token_kind(token) == "cap" and is_name_word(token)


def looks_like_name(phrase: str) -> bool:
    """One to three capitalized name words: a speaker named as "Marta" or "Mary Ruiz" with no
    title; not the plural of a title ("Investigators said", "Detectives said": a group)."""
    words = phrase.split()
    if len(words) == 1 and lemma(words[0].lower()) != words[0].lower() and lemma(words[0].lower()) in TITLE_HEADS:
        return False
    return 0 < len(words) <= 3 and all(word[0].isupper() and _is_single_name(word) for word in words)


def _name_span(tokens: list, lo: int, hi: int) -> tuple[int, int] | None:
    """The part of tokens[lo:hi] that is a person's name, as token indexes; None if it is not one."""
    while lo < hi and tokens[lo][1] == "hon":
        lo += 1
    caps = [token[0] for token in tokens[lo:hi] if token[1] == "cap"]
    if not caps or tokens[lo][1] not in ("cap", "init") or len(caps) > 4:
        return None
    if not all(is_name_word(t) for t in caps):
        return None
    if len(caps) == 1 and hi - lo == 1 and caps[0].endswith("s"):
        return None  # "Premier Partners": a plural noun, not a surname
    return lo, hi


def _normalize(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _affiliation(title_tokens: list) -> str:
    """The organization named inside a title: "Acting TRA Director" -> "TRA", "Director of TRA" -> "TRA"."""
    kinds = [k for _, k in title_tokens]
    linkers = [i for i, (token, _) in enumerate(title_tokens) if token in ("of", "for")]
    if linkers:  # "Secretary of Transportation": what follows of/for
        rest = [(t, k) for t, k in title_tokens[linkers[-1] + 1 :] if t != "the"]
        if rest and all(k in ("acr", "cap", "domain") for _, k in rest):
            return " ".join(t for t, _ in rest)
    acronyms = [t for t, k in title_tokens if k == "acr"]
    if acronyms:
        return " ".join(acronyms)
    heads = [i for i, k in enumerate(kinds) if k == "head"]
    lead = []
    for token, kind in title_tokens[: heads[0]] if heads else []:
        if kind == "cap":
            lead.append(token)
        elif lead and kind == "domain":
            lead.append(token)
    return " ".join(lead)


# How many words the name between a title and "of" may have ("Pastor Ana Maria Ruiz Soto of ...").
MAX_NAME_WORDS = 4


def _title_name_of(tokens: list[tuple], run_text: str) -> tuple | None:
    """A title, a name and "of" what the title is of: "Pastor Dana Ortiz of Eastbrook Chapel",
    "Sheriff Lee Hart of Dover County" (split_run's tuple), else None. Not "Director of Public
    Works Jane Doe", where the name comes last."""
    of_at = next((i for i, token in enumerate(tokens) if token[0] == "of"), None)
    if of_at is None:
        return None
    lead = 0
    while lead < of_at and tokens[lead][1] in _TITLE_KINDS and tokens[lead][1] != "conn":
        lead += 1
    name, of_what = tokens[lead:of_at], [t for t in tokens[of_at + 1 :] if t[0] != "the"]
    if not (
        any(t[1] == "head" for t in tokens[:lead]) and 2 <= len(name) <= MAX_NAME_WORDS and of_what
        and all(t[1] in _NAME_KINDS and is_name_word(t[0]) for t in name)
        and not any(t[1] == "head" for t in of_what)  # "... of Elm Park and Mayor Lee Hart": another person's title
    ):
        return None
    name_span, title_span = (name[0][2], name[-1][3]), (tokens[0][2], tokens[lead - 1][3])
    return (
        name_span, title_span, run_text[name_span[0] : name_span[1]],
        _normalize(run_text[title_span[0] : title_span[1]]), run_text[of_what[0][2] : of_what[-1][3]],
    )


@lru_cache(maxsize=16384)
def _split_run(run_text: str, before_comma: bool) -> tuple[tuple, ...]:
    """(name_span, title_span, name, title, affiliation) in one run, right to left.

    Spans are (start, end) offsets into ``run_text``, None for a missing name or title.
    ``before_comma``: the run is followed by ", ", so a title ending the run may be
    an appositive to the name after the comma ("Director of the Coast Guard, Jane Doe").
    Cached: the same runs ("Governor Ana Ruiz") recur within and across the sources of a story.
    """
    tokens = []
    for match in _RUN_TOKEN.finditer(run_text):
        token = match.group()
        tokens.append((token, _token_kind(token), match.start(), match.end()))
    title_name_of = _title_name_of(tokens, run_text)
    if title_name_of:
        return (title_name_of,)
    # head_before[i]: a title head among tokens[:i], so each step below is O(1), not a rescan
    head_before = [False]
    for token in tokens:
        head_before.append(head_before[-1] or token[1] == "head")
    found = []
    j = len(tokens)
    while j > 0:
        k = j
        while k > 0 and tokens[k - 1][1] in _NAME_KINDS:
            k -= 1
        t = k
        while t > 0:
            kind = tokens[t - 1][1]
            if kind == "conn" and tokens[t - 1][0] == "and" and t > 1 and tokens[t - 2][1] in _NAME_KINDS:
                break  # "Sheriff Bob Smith and Mayor Jane Doe": a name ends before "and"
            if kind in _TITLE_KINDS or (
                kind == "cap" and t < k and (
                    tokens[t][1] == "domain" or head_before[t - 1]
                    # "Acting Parks Director": between a title modifier and a head, a word is the title's
                    or (tokens[t][1] == "head" and t >= 2 and tokens[t - 2][1] == "mod")
                )
            ):
                t -= 1
                continue
            break
        first, last = t, k  # trimmed by index: slicing once per dropped token is quadratic in a long run
        while first < last and (
            tokens[first][1] == "conn" or (tokens[first][1] == "cap" and not is_name_word(tokens[first][0]))
        ):
            first += 1
        while last > first and tokens[last - 1][1] == "conn":
            last -= 1
        title = tokens[first:last]
        name_lo, name_hi = k, j
        has_head = any(x[1] == "head" for x in title)
        if has_head and k < j and tokens[k - 1][1] == "conn" and k - 1 >= 0:
            # "Secretary of State Hillary Clinton": only the last two capitalized words are the name
            caps = [i for i in range(k, j) if tokens[i][1] == "cap"]
            if before_comma and j == len(tokens):
                name_lo = j
                title = tokens[t:j]
            elif len(caps) > 2:
                name_lo = caps[-2]
                title = tokens[t:name_lo]
        span = _name_span(tokens, name_lo, name_hi) if name_lo < name_hi else None
        if span:
            lo, hi = span
            name_span = (tokens[lo][2], tokens[hi - 1][3])
            name = run_text[name_span[0] : name_span[1]]
            if has_head and title:
                title_span = (title[0][2], title[-1][3])
                title_text = _normalize(run_text[title_span[0] : title_span[1]])
                found.append((name_span, title_span, name, title_text, _affiliation([(x[0], x[1]) for x in title])))
            else:
                found.append((name_span, None, name, "", ""))
        elif has_head and title and name_lo == j:
            title_span = (title[0][2], title[-1][3])
            found.append((None, title_span, "", _normalize(run_text[title_span[0] : title_span[1]]),
                          _affiliation([(x[0], x[1]) for x in title])))
        j = min(t, name_lo) if t < j else j - 1
    return tuple(found)


@lru_cache(maxsize=16384)
def _name_parts(name: str) -> tuple[str, str, str]:
    """(first, middle, last) of a name, by nameparser for unusual shapes."""
    words = name.replace(",", " ").split()
    while words and words[-1].rstrip(".") in NAME_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0].rstrip(".") in TITLE_ABBREVIATIONS:
        words.pop(0)  # "Cpl Ann Lee": a rank written British style, without its full stop
    if all(w[0].isupper() for w in words) and not any(w.rstrip(".") in HONORIFICS for w in words):
        if len(words) == 1:
            return "", "", words[0]
        return words[0], " ".join(words[1:-1]), words[-1]
    return _parsed(name)


@lru_cache(maxsize=4096)
def _parsed(name: str) -> tuple[str, str, str]:
    from nameparser import HumanName  # here: its import costs a tenth of a one-file report, and few names need it

    human = HumanName(name)
    return human.first, human.middle, human.last


@lru_cache(maxsize=8192)
def person_key(name: str) -> str:
    """Lower-case "first last" of a name, middle names and honorifics dropped: "Dana R. Ortiz" -> "dana ortiz"."""
    first, _, last = _name_parts(name.strip())
    return " ".join(p for p in (first.lower(), last.lower().replace("’", "'")) if p)


def _resolve(names: list[tuple[int, str]]) -> dict[int, str]:
    """Fullest form of each mention's name (by position): same last name, compatible first name."""
    people: dict[str, list[tuple[str, str, str, int]]] = {}  # last -> (first, last, full, position) in order
    for position, name in sorted(names):
        first, middle, last = _name_parts(name)
        if first:
            people.setdefault(last, []).append((first, last, name, position))
    full_of: dict[int, str] = {}
    for position, name in names:
        first, middle, last = _name_parts(name)
        candidates = [p for p in people.get(last, ()) if not first or _same_first(first, p[0])]
        if not candidates:
            full_of[position] = name
            continue
        before = [p for p in candidates if p[3] <= position] or candidates
        anchor = before[-1]
        same = [p for p in candidates if p[0] == anchor[0] or _same_first(anchor[0], p[0])]
        full_of[position] = max(same, key=lambda p: (len(p[2].split()), len(p[2]), -p[3]))[2]
    return full_of


def _same_first(a: str, b: str) -> bool:
    if a == b:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@lru_cache(maxsize=256)
def find_people(text: str) -> tuple[Mention, ...]:
    """Every person mention in ``text``, sorted by position, names resolved to their fullest form."""
    raw = []  # (name_start, name_end, span_start, span_end, name, title, affiliation)
    bare_titles: dict[int, tuple[int, str, str]] = {}  # end -> (start, title, affiliation) of titles with no name
    singles: list[tuple[int, int, str, bool]] = []  # one-word names, honorific or not
    for run in matches_at(_RUN.match, text, capitalized_word_starts(text)):
        start, end = run.span()
        run_start = _extend_left(text, start, run.group())
        run_text = text[run_start:end]
        if run_start == start and " " not in run_text:
            if _is_single_name(run_text):
                singles.append((start, end, run_text, False))
            continue
        for name_span, title_span, name, title, affiliation in _split_run(run_text, text.startswith(", ", end)):
            t_start, t_end = (run_start + title_span[0], run_start + title_span[1]) if title_span else (-1, -1)
            if not name:
                bare_titles[t_end] = (t_start, title, affiliation)
                continue
            n_start, n_end = run_start + name_span[0], run_start + name_span[1]
            has_honorific = text[max(0, n_start - 6) : n_start].rstrip().endswith(_HONORIFIC_ENDINGS)
            if " " not in name and not title:
                singles.append((n_start, n_end, name, has_honorific))
                continue
            if not title:
                title, t_start, t_end, affiliation = _appositive(text, n_start, n_end, bare_titles)
            span = (min(t_start, n_start), max(t_end, n_end)) if title else (n_start, n_end)
            raw.append((n_start, n_end, span[0], span[1], name, title, affiliation))
    known_last = {_name_parts(r[4])[2] for r in raw if " " in r[4]}
    for n_start, n_end, name, has_honorific in singles:
        if has_honorific or name in known_last:
            title, t_start, t_end, affiliation = _appositive(text, n_start, n_end, bare_titles)
            span = (min(t_start, n_start), max(t_end, n_end)) if title else (n_start, n_end)
            raw.append((n_start, n_end, span[0], span[1], name, title, affiliation))
    full_of = _resolve([(r[0], r[4]) for r in raw])
    mentions = []
    for n_start, n_end, s_start, s_end, name, title, affiliation in sorted(raw):
        full = full_of[n_start]
        if lookup_place(full):
            continue  # "Baton Rouge said" names a place, not a person
        mentions.append(Mention(name, n_start, n_end, full, person_key(full), title, affiliation, s_start, s_end))
    return tuple(mentions)


_LEFT_WORDS = frozenset(TITLE_HEADS | TITLE_MODIFIERS | TITLE_DOMAINS | {"of", "for", "the", "and"})
_HONORIFIC_ENDINGS = tuple(h + "." for h in HONORIFICS)


@lru_cache(maxsize=16384)
def _heads_own_title(run_text: str) -> bool:
    """Whether a run starts with a title that has its head: "District Attorney Jo Lee", not "Homeland Security Jo Lee"."""
    for match in _RUN_TOKEN.finditer(run_text):
        kind = _token_kind(match.group())
        if kind == "head":
            return True
        if kind not in _TITLE_KINDS:
            return False
    return False


def _extend_left(text: str, start: int, run_text: str) -> int:
    """Start of the lower-case title words right before a run: "former police chief| John Smith".

    When the run has its own title, words before an "of" or "for" are someone else's:
    in "spokesman for District Attorney Jo Lee" Jo Lee is no spokesman.
    """
    lo = start
    words_start = start
    while lo > 1 and text[lo - 1] == " " and text[lo - 2].islower():
        k = text.rfind(" ", 0, lo - 1) + 1
        word = text[k : lo - 1]
        if word not in _LEFT_WORDS and not _hyphened_head(word):
            if word.replace("-", "").isalpha():
                break  # a whole word, and not a title word
            # Punctuation inside: the word is the letters and hyphens after it ("(former").
            k = lo - 1
            while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "-"):
                k -= 1
            word = text[k : lo - 1]
            if word not in _LEFT_WORDS:
                break
        if word in ("of", "for") and _heads_own_title(run_text):
            break
        lo = k
        if word not in ("of", "for", "the", "and"):
            words_start = k
    return words_start


def _appositive(text: str, start: int, end: int, bare_titles: dict) -> tuple[str, int, int, str]:
    """A title set off by commas right before or after the name at text[start:end]."""
    if text[start - 2 : start] == ", " and start - 2 in bare_titles:
        t_start, title, affiliation = bare_titles[start - 2]
        if _PRE_TITLE_BOUNDARY.search(text, max(0, t_start - 12), t_start):
            return title, t_start, start - 2, affiliation
    for pattern in (_POST_TITLE, _PREDICATE_TITLE):
        match = pattern.match(text, end)
        title = _before_other_person(match.group("title")) if match else ""
        if title and _heads_title(title, strict=pattern is _PREDICATE_TITLE):
            t_start = match.start("title")
            return _normalize(title), t_start, t_start + len(title), _affiliation_of(title)
    return "", -1, -1, ""


def _heads_title(phrase: str, strict: bool) -> bool:
    """Whether a phrase after a name is a title: a head before any linker ("spokesman for the city",
    "one of the founders of Acme"; not "friend of the mayor"). ``strict``: title words only."""
    words = phrase.split()
    if phrase.startswith("one of the "):
        words = words[3:]
        if len(words) > 1 and words[1].lower() not in _LINKERS:
            return False  # "one of the bailiffs killed" describes; "one of the founders of Acme" is a role
        words[0] = words[0].removesuffix("s")  # "one of the founders": a founder
    elif words[0].lower() in STOPWORDS:
        return False
    linked = False  # past a linker: "friend of the mayor"; a possessive starts over ("city of Ames's director")
    for word in words:
        low = word.lower()
        if strict and not word[0].isupper() and low not in _LEFT_WORDS:
            return False
        if low in TITLE_HEADS and not linked:
            return True
        linked = (linked or low in _LINKERS) and not low.endswith(("'s", "’s"))
    return False


def _before_other_person(title: str) -> str:
    """A title cut before another titled person named in it: "spokesman for Mayor Jo Lee" -> "spokesman"."""
    for run in _RUN.finditer(title):
        for _, title_span, name, *_ in _split_run(run.group(), False):
            if name and title_span:
                cut = run.start() + title_span[0]
                words = title[:cut].split()
                while words and words[-1].lower() in _LINKERS | {"the", "a", "an"}:
                    words.pop()
                return " ".join(words)
    return title


def _affiliation_of(title: str) -> str:
    tokens = [(m.group(), _token_kind(m.group())) for m in _RUN_TOKEN.finditer(title)]
    return _affiliation(tokens)


def extract_people(doc: Document) -> list[Claim]:
    """One PERSON claim per (person, distinct title) in ``doc``, at the mention that gives the title."""
    from .quotes import quoted_spans  # here: quotes reads this module's mentions at import

    quoted = quoted_spans(doc.text)
    starts = [start for start, _ in quoted]
    claims = []
    seen = set()
    for mention in find_people(doc.text):
        if not mention.title:
            continue
        inside = bisect_right(starts, mention.span_start) - 1
        if inside >= 0 and mention.span_end <= quoted[inside][1]:
            continue  # a title in someone's quoted words ("Chaplain Lee was kind") is theirs, not the source's
        marker = (mention.key, mention.title.lower())
        if marker in seen:
            continue
        seen.add(marker)
        sentence = doc.sentence_at(mention.span_start)
        claims.append(
            doc.claim(
                ClaimKind.PERSON,
                mention.full,
                mention.title,
                mention.span_start,
                mention.span_end,
                sentence=sentence,
                attrs=make_attrs(ClaimKind.PERSON, key=mention.key, affiliation=mention.affiliation, name=mention.name),
            )
        )
    return sorted(claims, key=lambda c: (c.start, c.end))
