"""Plain data that flows between the pipeline stages.

ingest -> Document -> extract -> Claim -> align -> ClaimGroup -> rules -> Finding -> report.

Everything here is frozen and made of JSON-friendly values, so claims can be
stored, re-used and compared across runs.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from enum import Enum
from typing import Union


class ClaimKind(str, Enum):
    COUNT = "count"
    PLACES = "places"
    DATE = "date"
    PERSON = "person"
    QUOTE = "quote"
    TIME = "time"
    CONDITION = "condition"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Status(str, Enum):
    CONFLICT = "conflict"
    UPDATE = "update"  # sources differ, but each later report gives the newer figure
    VARIANT = "variant"
    AGREE = "agree"


# A claim's value: a number (count), an ISO date string at its precision, a
# title or quote text, a time of day as text (its interval is in its attrs), or
# a sorted tuple of canonical place names.
ClaimValue = Union[int, float, str, tuple]


def stable_id(*parts: object, length: int = 12) -> str:
    """A short hash of the parts: the same inputs give the same id on any machine."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Source:
    """One document's identity and metadata. ``path`` never appears in reports."""

    id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    title: str | None = None
    author: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A cleaned source: ``text`` is what every claim offset points into."""

    source: Source
    text: str
    sentences: tuple[Sentence, ...]
    # The source file as read, where claims are located by line and column
    # (extract/positions.py); "" for a text given in memory.
    file_text: str = field(default="", repr=False, compare=False)

    def claim(
        self, kind: "ClaimKind", subject: str, value: "ClaimValue", start: int, end: int,
        attrs: tuple[tuple[str, str], ...] = (), sentence: Sentence | None = None,
    ) -> "Claim":
        """A claim on ``text[start:end]`` with its evidence sentence filled in."""
        sentence = sentence or self.sentence_at(start)
        return Claim(
            source=self.source.id, kind=kind, subject=subject, value=value, text=self.text[start:end],
            start=start, end=end, sentence=sentence.text, sentence_start=sentence.start, attrs=attrs,
        )

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        raise ValueError(f"offset {offset} is outside every sentence of {self.source.id}")


@dataclass(frozen=True, slots=True)
class Claim:
    """One normalized statement a source makes, with its evidence.

    ``subject`` says what the claim is about (the counted noun, the person, the
    speaker, the event a date belongs to); ``value`` is what the source says of
    it. ``attrs`` holds kind-specific details as sorted (key, value) string pairs,
    e.g. ("precision", "month") for a date or ("complete", "yes") for a list;
    CLAIM_ATTRS declares, per kind, which details there are and what they mean.
    """

    source: str
    kind: ClaimKind
    subject: str
    value: ClaimValue
    text: str  # the claim's own words, text[start:end] of the document
    start: int
    end: int
    sentence: str
    sentence_start: int
    attrs: tuple[tuple[str, str], ...] = ()
    # Where the claim's words start in the source file (1-based), when found there.
    line: int | None = None
    column: int | None = None
    # Slots, not a dict per claim: a story of 30,000 sources holds hundreds of thousands.
    _id: str | None = field(default=None, init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple:
        # Pickled as its constructor's arguments: unpickled in 60% of the time of the
        # slot-by-slot state a slotted dataclass pickles (claims cross between processes).
        return Claim, (
            self.source, self.kind, self.subject, self.value, self.text, self.start, self.end, self.sentence,
            self.sentence_start, self.attrs, self.line, self.column,
        )

    @property
    def id(self) -> str:
        if self._id is None:  # sorting and grouping ask for it often; the frozen instance keeps it
            claim_id = stable_id(self.source, self.kind.value, self.start, self.end, self.subject, self.value)
            object.__setattr__(self, "_id", claim_id)
        return self._id

    def attr(self, key: str, default: str | None = None) -> str | None:
        if key not in CLAIM_ATTRS[self.kind]:
            raise KeyError(f"a {self.kind.value} claim has no attribute {key!r} (see model.CLAIM_ATTRS)")
        for k, v in self.attrs:
            if k == key:
                return v
        return default

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "kind": self.kind.value,
            "subject": self.subject,
            "value": list(self.value) if isinstance(self.value, tuple) else self.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "attrs": dict(self.attrs),
            "line": self.line,
            "column": self.column,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Claim":
        value = data["value"]
        return cls(
            source=data["source"],
            kind=ClaimKind(data["kind"]),
            subject=data["subject"],
            value=tuple(value) if isinstance(value, list) else value,
            text=data["text"],
            start=data["start"],
            end=data["end"],
            sentence=data["sentence"],
            sentence_start=data["sentence_start"],
            attrs=tuple(sorted(data.get("attrs", {}).items())),
            line=data.get("line"),
            column=data.get("column"),
        )


# The details each kind of claim carries beside its subject and value: the one
# contract between the extractors that write them and the aligners, rules and
# reports that read them. Values are strings ("yes"/"no" for flags, numbers as
# written by str()); an empty detail is left out.
CLAIM_ATTRS: dict[ClaimKind, dict[str, str]] = {
    ClaimKind.COUNT: {
        "noun": "the counted noun phrase as written (\"panicked shoppers\")",
        "unit": "the unit of a measure (\"minute\", \"mile\", \"usd\"), or \"year-old\" (\"month-old\" ...) for an age",
        "approx": "the qualifier (\"about\", \"at least\", \"up to\" ...), or \"range\"",
        "low": "a range's low end (the value is its high end)",
        "event": "the event word the count is about (\"killed\", \"hospitalized\")",
        "role": "\"age\" when the number is someone's age, \"children\" when it counts someone's children",
        "manner": "how (\"critically\"), or \"with perpetrator\" when the toll counts the attacker",
        "person": "whose age it is, as named",
        "of": "what the counted thing is of (\"aggravated murder\" in \"two counts of aggravated murder\")",
        "anchor": "what sets it apart from the story's event: \"part\" for a part of a set (\"two of the"
                  " guests\"), \"background 2004\" for an earlier time, \"wider\" for a tally over a country or"
                  " a year, \"history\" for a past record (\"six prior arrests\"; scope.yaml)",
        "early": "\"yes\" when its sentence gives it as an early figure since revised (\"in initial reports\")",
    },
    ClaimKind.PLACES: {
        "complete": "\"yes\" when the list gives all its places, \"no\" for a partial one (\"including ...\")",
        "head": "the noun the places are of (\"cities\")",
        "items": "the places as written, joined by \" | \"",
        "side": "for a street address, the compass word of its street (\"west\"), when given",
    },
    ClaimKind.DATE: {
        "precision": "\"day\", \"month\", \"year\" or \"weekday\"",
        "resolved": "\"yes\" when the date was resolved to a calendar date",
        "relative": "\"yes\" when the source wrote it relative to its publication (\"Saturday\", \"last year\")",
        "event": "the verb or noun the date is for",
        "background": "\"yes\" for a date long before the source's publication",
    },
    ClaimKind.TIME: {
        "from": "start of the interval, minutes after midnight",
        "to": "end of the interval, minutes after midnight",
        "precision": "\"minute\", \"hour\" or \"part\" (a part of the day)",
        "qualifier": "\"about\", \"before\", \"after\" ... as written",
        "zone": "the time-zone abbreviation, when given",
        "day": "the day: an ISO date, or a weekday name when it could not be resolved",
        "resolved": "\"no\" when the day is a weekday name only",
        "event": "the timed event's class (vocab/times.yaml)",
        "phase": "\"start\" or \"end\" of that event",
    },
    ClaimKind.CONDITION: {
        "who": "whose condition, as matched across sources: a person noun (\"baby\") or a name, lower case",
        "alive": "\"yes\" for a state of the living (critical, serious, stable), \"no\" for death",
    },
    ClaimKind.PERSON: {
        "key": "the person's name as matched across sources",
        "affiliation": "the organization the title is at",
        "name": "the name as written",
    },
    ClaimKind.QUOTE: {
        "speaker_kind": "\"person\" or \"organization\"",
        "speaker_key": "the speaker's name as matched across sources",
        "norm": "the quote's words normalized for comparison",
    },
}


# The detail of a figure its source gives as an early report, since revised ("in initial reports").
EARLY = ("early", "yes")


def make_attrs(kind: ClaimKind, **pairs: object) -> tuple[tuple[str, str], ...]:
    """Sorted string pairs for Claim.attrs, dropping empty values; only the
    details CLAIM_ATTRS declares for ``kind``."""
    unknown = sorted(set(pairs) - set(CLAIM_ATTRS[kind]))
    if unknown:
        raise KeyError(f"a {kind.value} claim has no attribute {', '.join(map(repr, unknown))} (see model.CLAIM_ATTRS)")
    return _shared(tuple(sorted(_shared((k, str(v))) for k, v in pairs.items() if v not in (None, ""))))


@lru_cache(maxsize=8192)
def _shared(attrs: tuple) -> tuple:
    """One object for equal details ("precision", "day") and equal sets of them: most
    claims repeat a few, and a story of 30,000 sources holds hundreds of thousands of
    claims (pickling to and from worker processes keeps what is shared)."""
    return attrs


@dataclass(frozen=True)
class ClaimGroup:
    """Claims from several sources about the same thing, as the aligner found them."""

    kind: ClaimKind
    subject: str
    claims: tuple[Claim, ...]

    @cached_property  # asked once per claim by the reporters: a group may hold thousands
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class ValueGroup:
    """One side of a finding: a value and the claims (so sources) that give it."""

    value: str
    claims: tuple[Claim, ...]
    # In an update, when this value was first published (values come in time order).
    first_published: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class Review:
    """A reviewer's verdict on a finding (crosscheck/verdicts.py): ``decision`` is
    "dismissed" (checked, not a problem) or "accepted" (checked, a real problem).
    ``stale`` when the finding has changed since (another value, another source):
    the verdict is shown but no longer applied."""

    decision: str
    reason: str
    by: str
    date: str  # ISO date of the verdict
    stale: bool = False

    @property
    def dismisses(self) -> bool:
        return self.decision == "dismissed" and not self.stale


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    status: Status
    kind: ClaimKind
    subject: str
    message: str
    values: tuple[ValueGroup, ...]
    confidence: float = 1.0
    note: str = ""  # e.g. that a conflict between undated sources may be a change over time
    # Stable across runs and across unrelated additions: it depends on the rule
    # and on what is disputed, not on which sources took part (see rules.engine).
    id: str = ""
    review: Review | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({s for v in self.values for s in v.sources}))


@dataclass(frozen=True)
class Skipped:
    """A file (or a record in one) that was not read, and why. ``file`` is the
    path as given, relative to the SOURCES folder it was found in."""

    file: str
    reason: str


@dataclass(frozen=True)
class Report:
    """What a run found: the sources read, their claims, the groups of claims
    about one thing, the findings the rules made of them, notes for the
    reader, and the files not read. ``to_markdown()`` and the other
    ``to_*`` methods render it as the command line writes it."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())
    skipped: tuple[Skipped, ...] = field(default=())

    def render(self, fmt: str) -> str:
        from .report import render  # the renderers sit downstream of this plain data

        return render(self, fmt)

    def to_markdown(self) -> str:
        return self.render("markdown")

    def to_json(self) -> str:
        return self.render("json")

    def to_csv(self) -> str:
        return self.render("csv")

    def to_html(self) -> str:
        return self.render("html")

    def to_claimreview(self) -> str:
        return self.render("claimreview")
