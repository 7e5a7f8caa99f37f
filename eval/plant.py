"""Plant known discrepancies in copies of a real article: the planted benchmark.

A story is one real article given as two or three "outlets" (copies, some with
sentences reordered or dropped) with edits planted at claims the extractors
find in the original. Every edit is recorded with what it should produce: a
conflict, a variant, or nothing (an edit that changes the words, not the fact).
Edits are chosen with a seeded random generator, so a seed gives the same
stories on any machine.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crosscheck.extract import extract_claims
from crosscheck.extract.gazetteer import canonical_place, lookup_place
from crosscheck.ingest import build_document
from crosscheck.model import Claim, ClaimKind, Source, Status

OUTLETS = ("outlet-a", "outlet-b", "outlet-c")
# Share of stories that get only edits that are not discrepancies (or none):
# they measure false conflicts.
UNTOUCHED_SHARE = 0.25


@dataclass(frozen=True)
class Edit:
    """One planted change: ``line`` of the article rewritten from ``before`` to ``after``."""

    kind: ClaimKind
    name: str  # what was done: count-changed, date-coarser, ...
    status: Status | None  # what crosscheck should report; None: not a discrepancy
    subject: str
    line: int
    old_line: str
    new_line: str
    before: str  # the words replaced
    after: str  # the words put in their place


@dataclass(frozen=True)
class Planted:
    """An edit as placed in a story: which outlets carry it and which the original."""

    edit: Edit
    edited: tuple[str, ...]
    others: tuple[str, ...]
    # Where the other outlets state the fact: empty for copies (the edit's old line);
    # in a paraphrase story, their own sentences about it (eval/paraphrase.py).
    other_lines: tuple[str, ...] = ()

    @property
    def original_lines(self) -> tuple[str, ...]:
        """The sentences of the other outlets a finding must set against the edited one."""
        return self.other_lines or (self.edit.old_line,)


@dataclass(frozen=True)
class Story:
    id: str  # the article it copies
    published: str | None
    outlets: tuple[tuple[str, str], ...]  # (source id, text)
    planted: tuple[Planted, ...]

    @property
    def untouched(self) -> bool:
        """True when nothing planted here is a discrepancy."""
        return all(p.edit.status is None for p in self.planted)


# --- numbers ------------------------------------------------------------------

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_VALUE = {w: i for i, w in enumerate(_NUMBER_WORDS)} | _TENS
_VALUE_WORD = {v: w for w, v in _WORD_VALUE.items()}
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)|\b(" + "|".join(_WORD_VALUE) + r")\b",
    re.IGNORECASE,
)


def _number_in(text: str, value: float) -> re.Match | None:
    """The number in ``text`` that reads as ``value``, digits or word."""
    for match in _NUMBER.finditer(text):
        digits, word = match.groups()
        read = float(digits.replace(",", "")) if digits else _WORD_VALUE[word.lower()]
        if read == value:
            return match
    return None


def _write_number(value: float, like: str) -> str:
    """``value`` written in the style of ``like``: a word, digits, with or without commas."""
    if like[0].isalpha():
        word = _VALUE_WORD[int(value)]
        return word.capitalize() if like[0].isupper() else word
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}"
    return f"{int(value):,}" if "," in like or value >= 10_000 else str(int(value))


def _changed_number(value: float, rng: random.Random, as_word: bool) -> float:
    """A clearly different count: at least 30% and 2 away, so no qualifier covers it."""
    if as_word:
        # A plural noun stays plural: "three weeks" never becomes "one weeks".
        choices = [v for v in _VALUE_WORD if abs(v - value) >= max(2, 0.3 * value) and v >= min(2, value)]
        return rng.choice(choices)
    factor = rng.choice((0.5, 0.6, 0.7, 1.4, 1.5, 1.8, 2.0))
    new = value * factor
    new = round(new, 1) if not float(value).is_integer() else round(new)
    if abs(new - value) < 2 and float(value).is_integer():
        new = value + 2
    return new


# Qualifiers that bound a count on one side: changing the number may stay compatible.
_BOUNDS = frozenset({"at least", "more than", "over", "upwards of", "no fewer than", "up to", "fewer than", "range",
                     "less than", "under", "no more than", "at most"})


def _round_figure(value: int) -> int:
    step = 10 ** max(1, len(str(value)) - 2)
    return int(round(value / step) * step)


# --- what is plantable at a claim: each returns (name, status, before, after) or None ---

Change = tuple[str, Status | None, str, str]


def _count_changes(claim: Claim, rng: random.Random) -> list[Change]:
    if not isinstance(claim.value, (int, float)) or claim.attr("unit") in ("magnitude",):
        return []
    match = _number_in(claim.text, claim.value)
    if match is None:
        return []
    surface = match.group()
    is_word = surface[0].isalpha()
    changes: list[Change] = []
    if (claim.attr("approx") or "") not in _BOUNDS and (not is_word or claim.value in _VALUE_WORD):
        new = _changed_number(claim.value, rng, is_word)
        changes.append(("count-changed", Status.CONFLICT, surface, _write_number(new, surface)))
    if is_word and claim.value >= 2:
        changes.append(("count-digits", None, surface, str(int(claim.value))))
    elif not is_word and float(claim.value).is_integer() and 2 <= claim.value in _VALUE_WORD:
        word = _VALUE_WORD[int(claim.value)]
        changes.append(("count-digits", None, surface, word.capitalize() if match.start() == 0 else word))
    if not claim.attr("approx") and not is_word and float(claim.value).is_integer() and claim.value >= 15:
        rounded = _round_figure(int(claim.value))
        if rounded != claim.value and abs(rounded - claim.value) <= 0.08 * rounded:
            qualifier = "nearly" if rounded > claim.value else "about"
            sign = claim.text[match.start() - 1] if match.start() and claim.text[match.start() - 1] in "$€£¥" else ""
            # "$1,799" -> "nearly $1,800", not "$nearly 1,800"
            changes.append(("count-rounded", None, sign + surface, f"{qualifier} {sign}{_write_number(rounded, surface)}"))
    return changes


# Replacement places, by gazetteer kind: well-known names the gazetteer resolves.
_POOL = {
    "country": "Portugal Norway Kenya Chile Vietnam Peru Morocco Finland Ghana Uruguay".split(),
    "state": "Oregon Ohio Nevada Kansas Vermont Idaho Utah Maine".split(),
    "city": "Lyon Denver Osaka Melbourne Toronto Seville Nairobi Krakow Porto Dallas".split(),
}


def _place_changes(claim: Claim, rng: random.Random) -> list[Change]:
    items = [i for i in (claim.attr("items") or "").split(" | ") if i]
    if len(items) < 2 or any(i not in claim.text for i in items):
        return []
    first = lookup_place(canonical_place(items[0]) or items[0])
    pool = [p for p in _POOL.get(first.kind if first else "city", _POOL["city"])
            if canonical_place(p) and canonical_place(p) not in claim.value]
    status = Status.CONFLICT if claim.attr("complete", "yes") == "yes" else Status.VARIANT
    separator = "; " if ";" in claim.text else ", "
    new = rng.choice(pool)
    changes: list[Change] = [("places-added", status, items[0], f"{new}{separator}{items[0]}")]
    victim = rng.randrange(len(items))
    changes.append(("places-replaced", status, items[victim], new))
    if len(items) >= 3:
        # Drop the first item with what joins it to the second: the rest stays a list.
        cut = claim.text[: claim.text.index(items[1], len(items[0]))]
        changes.append(("places-dropped", status, cut, ""))
    return changes


_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(,?\s+(\d{4})\b)?")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_DAY_BEFORE = re.compile(r"\d\s*$")  # "31 December": a new month may not have that day
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
# "Saturday, Jan. 15": the weekday only names a full date; changing it alone contradicts the date.
_MONTH_AFTER = re.compile(r",?\s+(?:" + "|".join(m[:3] for m in _MONTHS) + r")")


def _date_changes(claim: Claim, rng: random.Random) -> list[Change]:
    rest = claim.sentence.replace(claim.text, " ")
    if len(rest.split()) < 4:  # a dateline, not a date the story states
        return []
    text = claim.text
    month, year, weekday = _MONTH.search(text), _YEAR.search(text), _WEEKDAY.search(text)
    changes: list[Change] = []
    if month and month.group(2) and 1 <= int(month.group(2)) <= 28:
        day = int(month.group(2))
        new_day = day + rng.choice((-3, -2, 2, 3, 5)) if day > 5 else day + rng.choice((2, 3, 5))
        moved = month.group(0).replace(str(day), str(new_day), 1)
        moved = _ORDINAL.sub(lambda m: m.group(1) + _ordinal(int(m.group(1))), moved)  # "21st" -> "24th", not "24st"
        changes.append(("date-moved", Status.CONFLICT, month.group(0), moved))
        coarse = f"{month.group(1)}{' ' + month.group(4) if month.group(4) else ''}"
        changes.append(("date-coarser", None, month.group(0), coarse))
    elif month and not month.group(2) and not _DAY_BEFORE.search(text, 0, month.start()):
        index = _MONTHS.index(month.group(1))
        new_month = _MONTHS[(index + rng.choice((-2, -1, 1, 2, 3))) % 12]
        changes.append(("date-moved", Status.CONFLICT, month.group(1), new_month))
        if month.group(4):
            changes.append(("date-coarser", None, month.group(0), month.group(4)))
    elif year:
        new_year = str(int(year.group()) + rng.choice((-2, -1, 1, 3)))
        changes.append(("date-moved", Status.CONFLICT, year.group(), new_year))
    elif weekday and not _MONTH_AFTER.match(claim.sentence, claim.sentence.find(text) + len(text)):
        index = _WEEKDAYS.index(weekday.group())
        changes.append(("date-moved", Status.CONFLICT, weekday.group(), _WEEKDAYS[(index + rng.choice((1, 2, 3))) % 7]))
    return changes


_TITLES = (
    "spokesman", "director", "deputy director", "police chief", "senator", "foreign minister",
    "governor", "mayor", "secretary", "commissioner", "chairman", "professor", "prosecutor", "coach",
)
_INITIAL = re.compile(r"\b([A-Z][a-z]+) ([A-Z])\. ([A-Z][a-z'’-]+)\b")
_FIRST_LAST = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z'’-]+)\b")


def _person_changes(claim: Claim, rng: random.Random) -> list[Change]:
    changes: list[Change] = []
    title = str(claim.value or "")
    at = claim.text.lower().find(title.lower()) if title else -1
    if at >= 0:
        surface = claim.text[at : at + len(title)]
        options = [t for t in _TITLES if fuzz.token_set_ratio(t, title.lower()) < 50]
        new = rng.choice(options)
        changes.append(("title-changed", Status.CONFLICT, surface, new.title() if surface[0].isupper() else new))
    with_initial = _INITIAL.search(claim.text)
    plain = _FIRST_LAST.search(claim.text)
    if with_initial:
        name = with_initial.group()
        changes.append(("name-respelled", None, name, f"{with_initial.group(1)} {with_initial.group(3)}"))
    elif plain and plain.group() in claim.subject:
        initial = rng.choice("ABCDEJLMRS")
        changes.append(("name-respelled", None, plain.group(), f"{plain.group(1)} {initial}. {plain.group(2)}"))
    return changes


# Common words and a near synonym: a misquote changes words, not the gist.
_SYNONYMS = {
    "people": "residents", "very": "really", "big": "large", "help": "assist", "think": "believe",
    "many": "numerous", "children": "kids", "hope": "wish", "important": "vital", "difficult": "hard",
    "start": "begin", "need": "require", "quickly": "rapidly", "want": "wish", "happy": "glad",
    "going": "planning", "great": "huge", "know": "understand", "work": "labor", "country": "nation",
    "safe": "secure", "try": "attempt", "everyone": "everybody", "lot": "great deal",
    "sad": "upset", "terrible": "awful", "bad": "poor", "good": "fine", "began": "started",
}
_QUOTE_WORD = re.compile(r"[A-Za-z]+")
_OTHER_NAMES = ("Maria Lopez", "David Chen", "Sarah Miller", "James Okafor", "Elena Petrova", "Tom Becker")


def _quote_changes(claim: Claim, rng: random.Random, people: Sequence[str]) -> list[Change]:
    quote = str(claim.value)
    tokens = list(_QUOTE_WORD.finditer(quote))
    if len(tokens) < 6 or quote not in claim.sentence:
        return []
    changes: list[Change] = []
    # Words inside the quote, away from both ends (a change at an end reads as a cut).
    inner = tokens[2:-2]
    wanted = max(2, len(tokens) // 8)
    picked = [t for t in inner if t.group().lower() in _SYNONYMS][:wanted]
    picked += [t for t in inner if len(t.group()) >= 4 and t not in picked][: wanted - len(picked)]
    if len(picked) >= 2:
        reworded = quote
        for token in sorted(picked, key=lambda t: -t.start()):
            replacement = _SYNONYMS.get(token.group().lower(), "really " + token.group())
            reworded = reworded[: token.start()] + replacement + reworded[token.end() :]
        changes.append(("quote-reworded", Status.VARIANT, quote, reworded))
    if len(tokens) >= 8:
        kept = quote[: tokens[len(tokens) * 3 // 5].start()].rstrip(" ,;:-—")
        changes.append(("quote-cut", None, quote, kept))
    speaker = claim.subject
    outside = claim.sentence.replace(quote, " ")
    if claim.attr("speaker_kind") == "person" and speaker and speaker in outside:
        last = speaker.split()[-1]
        others = [p for p in people if p.split()[-1] != last] or [n for n in _OTHER_NAMES if n.split()[-1] != last]
        changes.append(("quote-misattributed", Status.CONFLICT, speaker, rng.choice(others)))
    return changes


# --- placing edits --------------------------------------------------------------

def replace_in_line(line: str, claim: Claim, before: str, after: str) -> str | None:
    """``line`` with ``before`` (inside the claim's sentence) replaced by ``after``."""
    at_sentence = line.find(claim.sentence)
    if at_sentence < 0:
        return None
    at = claim.sentence.find(before, max(0, claim.start - claim.sentence_start - len(before)))
    if at < 0:
        at = claim.sentence.find(before)
    if at < 0:
        return None
    sentence = claim.sentence[:at] + after + claim.sentence[at + len(before) :]
    return line[:at_sentence] + sentence + line[at_sentence + len(claim.sentence) :]


def claim_changes(claim: Claim, rng: random.Random, people: Sequence[str]) -> list[Change]:
    """The edits that can be made at ``claim``: (name, expected status, words, new words).
    ``people`` are the story's named people, for misattributed quotes. Times: none yet."""
    makers: dict[ClaimKind, Callable[[Claim], list[Change]]] = {
        ClaimKind.COUNT: lambda c: _count_changes(c, rng),
        ClaimKind.PLACES: lambda c: _place_changes(c, rng),
        ClaimKind.DATE: lambda c: _date_changes(c, rng),
        ClaimKind.PERSON: lambda c: _person_changes(c, rng),
        ClaimKind.QUOTE: lambda c: _quote_changes(c, rng, people),
    }
    return makers[claim.kind](claim) if claim.kind in makers else []


def named_people(claims: Sequence[Claim]) -> list[str]:
    return sorted({c.subject for c in claims if c.kind is ClaimKind.PERSON and len(c.subject.split()) >= 2})


def line_starts(lines: Sequence[str]) -> list[int]:
    """Offsets of each line in ``"\n".join(lines)``, and of the end."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def line_of(claim: Claim, starts: Sequence[int]) -> int:
    return max(i for i, s in enumerate(starts[:-1]) if s <= claim.start)


def candidate_edits(lines: Sequence[str], published: str | None, rng: random.Random) -> list[Edit]:
    """Every edit that can be planted in the article, found with crosscheck's own extraction."""
    text = "\n".join(lines)
    doc = build_document(Source(id="original", published=published), text)
    claims = extract_claims(doc)
    starts = line_starts(lines)
    people = named_people(claims)
    edits: list[Edit] = []
    for claim in claims:
        index = line_of(claim, starts)
        if index == 0:  # the headline: outlets write their own
            continue
        for name, status, before, after in claim_changes(claim, rng, people):
            new_line = replace_in_line(lines[index], claim, before, after)
            if new_line and new_line != lines[index]:
                edits.append(Edit(claim.kind, name, status, claim.subject, index, lines[index], new_line, before, after))
    return edits


def pick_edits(edits: list[Edit], rng: random.Random, count: int, discrepancy: bool, planted: Counter) -> list[Edit]:
    """Up to ``count`` edits on distinct lines: each time the kind of edit planted least so far
    over all stories (``planted``, updated), so rare kinds such as place lists get their share."""
    pool = [e for e in edits if (e.status is not None) == discrepancy]
    chosen: list[Edit] = []
    while pool and len(chosen) < count:
        names = sorted({e.name for e in pool})
        fewest = min(planted[n] for n in names)
        name = rng.choice([n for n in names if planted[n] == fewest])
        edit = rng.choice([e for e in pool if e.name == name])
        chosen.append(edit)
        planted[name] += 1
        pool = [e for e in pool if e.line != edit.line]
    return chosen


_QUOTE_MARK = re.compile(r"[\"“”]")


def _quote_free(lines: Sequence[str]) -> list[bool]:
    """Lines outside every quotation: moving or dropping one changes no quote or its speaker."""
    marks = [len(_QUOTE_MARK.findall(line)) for line in lines]
    open_before = [sum(marks[:i]) % 2 == 1 for i in range(len(lines))]
    return [marks[i] == 0 and not open_before[i] for i in range(len(lines))]


def _paraphrase(lines: list[str], keep: set[int], rng: random.Random) -> list[str]:
    """A copy with up to two lines dropped and one line moved, all away from quotes and edits."""
    free = _quote_free(lines)
    # A line next to a quote may be what attributes it: leave it be too.
    calm = [free[i] and (i == 0 or free[i - 1]) and (i + 1 == len(lines) or free[i + 1]) for i in range(len(lines))]
    movable = [i for i in range(1, len(lines)) if calm[i] and i not in keep]
    dropped = set(rng.sample(movable, min(len(movable), rng.choice((0, 1, 2)))))
    kept = [i for i in range(len(lines)) if i not in dropped]
    movable = [i for i in movable if i not in dropped]
    if movable:
        moved = rng.choice(movable)
        kept.remove(moved)
        slots = [k for k in range(1, len(kept) + 1) if free[kept[k - 1]] and (k == len(kept) or free[kept[k]])]
        kept.insert(rng.choice(slots), moved)
    return [lines[i] for i in kept]


def plant_story(
    article_id: str, lines: Sequence[str], published: str | None, rng: random.Random, planted_so_far: Counter
) -> Story | None:
    """A story made from one article, or None when nothing can be planted in it."""
    edits = candidate_edits(lines, published, rng)
    if not any(e.status for e in edits):
        return None
    untouched = rng.random() < UNTOUCHED_SHARE
    chosen = pick_edits(edits, rng, rng.choice((0, 1, 2)), False, planted_so_far)
    if not untouched:
        rest = [e for e in edits if e.line not in {c.line for c in chosen}]
        chosen += pick_edits(rest, rng, rng.choice((1, 2, 3)), True, planted_so_far)
    names = OUTLETS[: rng.choice((2, 3))]
    texts = {name: list(lines) for name in names}
    planted = []
    for edit in chosen:
        target = rng.choice(names)
        texts[target][edit.line] = edit.new_line
        planted.append(Planted(edit, (target,), tuple(n for n in names if n != target)))
    keep = {e.line for e in chosen}
    outlets = tuple(
        (name, "\n".join(texts[name] if i == 0 else _paraphrase(texts[name], keep, rng)))
        for i, name in enumerate(names)
    )
    return Story(article_id, published, outlets, tuple(planted))


def plant_stories(articles: Sequence[tuple[str, list[str], str | None]], count: int, seed: int) -> Iterator[Story]:
    """Up to ``count`` stories from ``articles`` (id, lines, published), in a seeded order."""
    rng = random.Random(seed)
    order = list(articles)
    rng.shuffle(order)
    made = 0
    planted: Counter = Counter()
    for article_id, lines, published in order:
        if made == count:
            return
        story = plant_story(article_id, lines, published, random.Random(f"{seed}:{article_id}"), planted)
        if story is not None:
            made += 1
            yield story
