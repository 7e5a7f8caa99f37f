"""Conditions: what became of a person an event hurt. Invented texts."""
from __future__ import annotations

import pytest

from crosscheck.extract.conditions import extract_conditions
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source, Status

from ..conftest import check_texts, findings_of


def _conditions(text: str, published: str | None = None):
    doc = build_document(Source(id="x", published=published), text)
    return [(c.subject, c.value, c.attr("alive")) for c in extract_conditions(doc)]


@pytest.mark.parametrize("text, found", [
    ("The baby remains in critical condition at Eastbrook General.", [("the baby", "critical", "yes")]),
    ("The 3-year-old girl was later pronounced dead.", [("the girl", "died", "no")]),
    ("Ana Ruiz Soto, 45, died Sunday at the hospital.", [("Ana Ruiz Soto", "died", "no")]),
    ("A 6-year-old boy was shot on Elm Street. He is in stable condition.", [("the boy", "stable", "yes")]),
    ("The man is expected to survive, police said.", [("the man", "stable", "yes")]),
    ("Police said the man and the woman later died.", [("the woman", "died", "no")]),  # the nearest person
    # a second predicate: the subject the sentence opens with
    ("Lee Hart was shot in the chest on Elm Street and later died.", [("Lee Hart", "died", "no")]),
    ("The boy was hit in the face and remains in critical condition.", [("the boy", "critical", "yes")]),
    # after a clause about the subject, not a name inside it
    ("The man who was stabbed near Elm Park on Saturday has died, police said.", [("the man", "died", "no")]),
    ("The driver, who had studied at Lakeview College of Music and Drama, died on Monday.", [("the driver", "died", "no")]),
    ("The driver who was flown to Mercy General Hospital remains in stable condition.",
     [("the driver", "stable", "yes")]),
    # a name in apposition is whose state it is; kin are people; a state told in a clause about someone
    ("The victim, Ana Ruiz, died after she was shot.", [("Ana Ruiz", "died", "no")]),
    ("Her father, 71-year-old Joe Hart, died of his wounds.", [("Joe Hart", "died", "no")]),
    ("The guard, a former medic Joe Hart, was in serious condition.", [("Joe Hart", "serious", "yes")]),
    ("The man, who shot Lee Hart, died later.", [("the man", "died", "no")]),
    ("Her father died Sunday.", [("the father", "died", "no")]),
    ("Her cousin, who was killed in the crash, had just turned 30.", [("the cousin", "died", "no")]),
    # a story's opening dateline is no part of its first sentence's subject
    ("ELM CITY, Ore. (KXYZ) — The boy who was shot on Tern Avenue near the old mill last week has died.",
     [("the boy", "died", "no")]),
    # a state before a death told in the same sentence is its history, not how the person is
    ("A woman who was in critical condition after the crash on Tern Avenue has now died.",
     [("the woman", "died", "no")]),
])
def test_a_persons_condition(text, found):
    assert _conditions(text) == found


@pytest.mark.parametrize("text", [
    "One man died and another man was in serious condition.",  # the second is set apart
    "The other is expected to survive.",  # which one, another sentence says
    "One person is in critical condition after the crash.",  # anyone of several
    "The injured driver is in stable condition.",  # one of several drivers, the others told elsewhere
    "A teacher from Selma died in the crash.",  # a place, not a name
    "Four people were shot in Little Rock and are expected to survive.",  # nor the end of a place's name
    "He is in critical condition.",  # "he" with no man or boy before it
    "Officers were called to Elm Street and later died.",  # no person opens the sentence
    "The bill introduced Monday died in committee.",  # a weekday is no one
    "Police named the two victims who died in the crash.",  # which of them, another sentence says
    "The woman who found the hikers told of their guide, who was killed in the fall.",  # the clause is not hers
    "A plan drawn up by Eastbrook Hospital died in the budget talks.",  # nor a body's name
])
def test_not_read(text):
    told = [c for c in _conditions(text) if c != ("the man", "died", "no")]  # "One man died" is read
    assert told == []


def test_the_noun_of_a_source_that_tells_of_another_is_not_read():
    text = "The boy is expected to recover. It came a day after another boy was hurt on a farm nearby."
    assert _conditions(text) == []
    assert _conditions("Ana Ruiz is expected to recover. Another boy was hurt.") == [("Ana Ruiz", "stable", "yes")]


def test_a_death_long_before_the_report_is_not_read():
    assert _conditions("Her husband died in 2009 of cancer.", published="2031-03-12") == []


@pytest.mark.parametrize("published, status", [
    ({"monday": "2031-03-10", "thursday": "2031-03-13"}, Status.UPDATE),  # critical, then died
    ({"monday": "2031-03-13", "thursday": "2031-03-10"}, Status.CONFLICT),  # died, then alive again
    ({"monday": "2031-03-13", "thursday": "2031-03-13"}, Status.CONFLICT),  # one day, two states
])
def test_critical_then_died_is_an_update(published, status):
    texts = {
        "monday": "A 4-year-old girl was shot on Elm Street in Eastbrook. She is in critical condition.",
        "thursday": "The girl has died after the shooting on Elm Street in Eastbrook, her family said.",
    }
    (finding,) = findings_of(check_texts(texts, published), ClaimKind.CONDITION)
    assert finding.status is status
    assert finding.subject == "condition of the girl"


def test_two_people_of_one_surname_are_two():
    texts = {
        "a": "Eva Lee remains in critical condition at Eastbrook General, police said.",
        "b": "Tom Lee died at the scene on Elm Street, police said.",
    }
    assert not findings_of(check_texts(texts, "2031-03-12"), ClaimKind.CONDITION)
    texts["b"] = "Lee died at Eastbrook General on Tuesday, police said."
    (finding,) = findings_of(check_texts(texts, {"a": "2031-03-12", "b": "2031-03-14"}), ClaimKind.CONDITION)
    assert finding.status is Status.UPDATE
