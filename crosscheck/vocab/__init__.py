"""Vocabularies as data: the word lists that extraction and alignment read.

Each ``<name>.yaml`` in this folder is one vocabulary. Its header comment says
what it is for and what belongs in it; every entry is general news English,
never a word one story under test happened to use. ``load(name)`` reads a file
once per process and returns its ``entries`` mapping or list.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The ``entries`` of ``crosscheck/vocab/<name>.yaml`` (read once, then shared)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    # The files ship with the package: libyaml's C loader, where installed, reads them ten times faster.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["entries"]


@cache
def event_class(word: str) -> str:
    """The event class of an event word ("slain" -> "killed") from events.yaml;
    an event word in no class is its own class (its lemma); "" for none."""
    if not word:
        return ""
    from ..text import lemma  # here, not at the top: text reads its abbreviations from vocab

    classes = word_classes("events")
    low = word.lower()
    return classes.get(low) or classes.get(lemma(low)) or lemma(low)


def event_family(word: str) -> str:
    """The family of an event word's class ("shot", "killed" -> "harm"), else its class."""
    cls = event_class(word)
    entry = load("events").get(cls)
    return (entry or {}).get("family") or cls


@cache
def timed_classes() -> dict[str, str]:
    """Each word of times.yaml's timed events -> its class ("responded" -> "response")."""
    return {word: cls for cls, entry in load("times")["events"].items() for word in entry["words"]}


def timed_class(word: str) -> str:
    """The class of timed events a word names (times.yaml: "responded" -> "response"), "" for none."""
    if not word:
        return ""
    from ..text import lemma  # here, not at the top: text reads its abbreviations from vocab

    low = word.lower()
    return timed_classes().get(low) or timed_classes().get(lemma(low)) or ""


@cache
def street_words() -> dict[str, str]:
    """Each street type and compass word of streets.yaml, and each abbreviation of one,
    -> the full word ("st" -> "street", "w" -> "west")."""
    entries = load("streets")
    return {
        written: full for group in ("types", "directions") for full, short in entries[group].items()
        for written in (full, *short)
    }


def street_type_words() -> list[str]:
    """The street types of streets.yaml and their abbreviations, as written."""
    return [written for full, short in load("streets")["types"].items() for written in (full, *short)]


@cache
def measure_of(unit: str) -> tuple[str, int]:
    """What a unit measures and how many of that measure's base unit it holds: "hour" ->
    ("duration", 3600) (things.yaml ``durations``); any other unit is its own measure, of size 1."""
    seconds = load("things")["durations"]["seconds"].get(unit)
    return ("duration", seconds) if seconds else (unit, 1)


def timed_event(word: str) -> str:
    """The timed event a word's time or date is compared as: a response or a call
    dates the incident it answers (times.yaml ``stands_for``)."""
    cls = timed_class(word)
    return compared_event(cls) if cls else ""


def stands_in(word: str) -> bool:
    """Whether a time or date given for this word stands in for another event's: the
    responders' or the call's for the incident's (times.yaml ``stands_for``)."""
    cls = timed_class(word)
    return bool(cls) and "stands_for" in load("times")["events"][cls]


def compared_event(event: str) -> str:
    """The timed event class a time of class ``event`` is set beside: its own, or the one it
    stands for ("officers responded at 9:55" dates the robbery: times.yaml ``stands_for``)."""
    return load("times")["events"].get(event, {}).get("stands_for", event)


def date_event(word: str) -> str:
    """What a date given for this event word is the date of: its timed event ("the
    shooting", "officers responded" -> the incident; "died" -> a death, which may
    come days after), else its event class's family ("wounded" -> the incident)."""
    return timed_event(word) or event_family(word)


def is_past_title(title: str) -> bool:
    """ "retired lieutenant", "former mayor": a title no longer held (past_titles.yaml)."""
    words = title.lower().replace("-", " ").replace(".", " ").split()
    return not set(words).isdisjoint(load("past_titles")["words"])


def opens_on_another_event(opening: list[str]) -> bool:
    """Whether the words a sentence opens with, up to its first comma, frame another event than
    the story's: an adverbial whose first or last word is one of times.yaml other_event
    ("Earlier Sunday", "About an hour earlier", "Separately"); not a clause that only holds
    one ("Crews fought seven separate fires")."""
    other = load("times")["other_event"]
    return bool(opening) and (opening[0].lower() in other or opening[-1].lower() in other)


def is_personal(word: str) -> bool:
    """Whether the event is done to one person at a time: an arrest, a charge (events.yaml),
    a death apart from the attack that caused it (times.yaml)."""
    entry = load("events").get(event_class(word))
    timed = load("times")["events"].get(timed_class(word), {})
    return bool(entry and entry.get("personal")) or bool(timed.get("personal"))


def is_evolving(word: str) -> bool:
    """Whether counts of this event are tallies that grow or get revised (events.yaml)."""
    entry = load("events").get(event_class(word))
    return bool(entry and entry.get("evolving"))


@cache
def say_verbs() -> frozenset[str]:
    """Verbs that report speech ("said", "told"; say_verbs.yaml), lower case."""
    return frozenset(load("say_verbs")["words"])


@cache
def people_words() -> frozenset[str]:
    """Nouns for people (things.yaml): of some kind ("women", "officers") or in general ("victims")."""
    things = load("things")
    return frozenset(things["people_nouns"]["words"]) | frozenset(things["classes"]["person"]["words"])


@cache
def calendar_words() -> frozenset[str]:
    """Weekday and month names, lower case (organization_words.yaml ``calendar``): capitalized, yet no name."""
    return frozenset(load("organization_words")["calendar"]["words"])


@cache
def person_nouns() -> frozenset[str]:
    """Nouns of one person or of people: things.yaml's and kin ("her father", "her cousin";
    conditions.yaml's ``pronouns``)."""
    return people_words() | frozenset(
        noun for key, nouns in load("conditions")["pronouns"].items() if key != "doc" for noun in nouns
    )


@cache
def word_classes(name: str) -> dict[str, str]:
    """A vocabulary of classes -> words, turned around: each word -> its class.

    The file maps a class to ``{doc: ..., words: [...]}``; a word in two classes
    is a mistake in the file and fails the vocabulary tests.
    """
    return {word: cls for cls, entry in load(name).items() for word in entry["words"]}
