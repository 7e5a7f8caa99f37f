"""People with titles, on real sentences from the seeds and ECB+ (Cybulska & Vossen 2014, CC BY 3.0)."""
from pathlib import Path

import pytest

from crosscheck.extract.people import extract_people, find_people, person_key
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
ECB = SHARED / "corpora" / "ecbplus"


def repaired(text: str) -> str:
    """Seed 003's mojibake as the ingest stage repairs it."""
    return text.replace("โ€œ", "“").replace("โ€™", "’").replace("โ€", "”").replace("โ€”", "—")


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return build_document(Source(id=prefix), repaired(path.read_text()))


def people(doc) -> dict[str, str]:
    return {c.subject: c.value for c in extract_people(doc)}


def test_title_before_name_with_affiliation():
    claims = extract_people(seed("002"))
    johnson = next(c for c in claims if c.attr("key") == "tae johnson")
    assert johnson.kind is ClaimKind.PERSON
    assert (johnson.subject, johnson.value, johnson.attr("affiliation")) == ("Tae D. Johnson", "Acting ICE Director", "ICE")
    assert johnson.text == "Acting ICE Director Tae D. Johnson"
    mayorkas = next(c for c in claims if c.attr("key") == "alejandro mayorkas")
    assert (mayorkas.value, mayorkas.attr("affiliation")) == ("DHS Secretary", "DHS")


@pytest.mark.parametrize("text, person", [
    ("The vigil was led by Pastor Dana Ortiz of Eastbrook Chapel.", ("Dana Ortiz", "Pastor", "Eastbrook Chapel")),
    ("Sheriff Lee Hart of Dover County said the road was closed.", ("Lee Hart", "Sheriff", "Dover County")),
    ("Chief Lee Hart of the Dover Police Department spoke.", ("Lee Hart", "Chief", "Dover Police Department")),
])
def test_a_title_a_name_and_of_what_the_title_is(text, person):
    (claim,) = extract_people(build_document(Source(id="x"), text))
    assert (claim.subject, claim.value, claim.attr("affiliation")) == person


def test_title_as_appositive_before_name():
    claims = extract_people(seed("000"))
    johnson = next(c for c in claims if c.attr("key") == "tae johnson")
    assert johnson.value == "Acting Director of ICE"
    assert johnson.text == "Acting Director of ICE, Tae Johnson"
    assert johnson.attr("affiliation") == "ICE"


def test_long_title_and_surname_mentions_resolve_to_full_name():
    doc = seed("001")
    assert people(doc)["Patrick J. Lechleitner"] == (
        "Deputy Director and Senior Official Performing the Duties of the Director"
    )
    assert people(doc)["Joe Biden"] == "President"
    later = [m for m in find_people(doc.text) if m.name == "Lechleitner"]
    assert later and all(m.full == "Patrick J. Lechleitner" for m in later)


def test_claims_point_into_the_text_and_sentence():
    doc = seed("003")
    for claim in extract_people(doc):
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.sentence == doc.sentence_at(claim.start).text
    assert people(doc)["Patrick J. Lechleitner"] == "Acting ICE Director"


def test_untitled_people_and_organizations_give_no_claim():
    doc = build_document(Source(id="x"), "The Hill has contacted the ICE National Council for comment.\n"
                         "Steinberg told police he thought LaCalamita was holding a toy gun.")
    assert extract_people(doc) == []


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ('"There is a suspicion," said Troy police Lt. Gerry Scherlinck.', "Gerry Scherlinck", "Troy police Lt."),
        ("Tae Johnson, acting director of ICE, said the pilot would grow.", "Tae Johnson", "acting director of ICE"),
        ("Jane Doe, a spokeswoman for the agency, declined to comment.", "Jane Doe", "spokeswoman for the agency"),
        ("Police Commissioner William Bratton spoke.", "William Bratton", "Police Commissioner"),
        ("Sheriff Bob Smith and Mayor Jane Doe spoke.", "Jane Doe", "Mayor"),
        ("Sheriff Bob Smith and Mayor Jane Doe spoke.", "Bob Smith", "Sheriff"),
        ("Secretary of State Hillary Clinton arrived.", "Hillary Clinton", "Secretary of State"),
    ],
)
def test_title_shapes(sentence, name, title):
    assert people(build_document(Source(id="x"), sentence))[name] == title


def test_plural_noun_after_title_is_not_a_person():
    doc = build_document(Source(id="x"), "The program was sponsored by our Returning Premier Sponsors.")
    assert extract_people(doc) == []


def test_ecbplus_sheriff_with_county():
    text = (ECB / "18_ecbplus" / "18_1ecbplus.txt").read_text()
    found = people(build_document(Source(id="18_1"), text))
    assert found["Gerry Scherlinck"] == "Troy police Lt."
    assert found["Robert Pickell"] == "Genesee County Sheriff"


@pytest.mark.parametrize(
    "name, key",
    [("Tae D. Johnson", "tae johnson"), ("Tae Johnson", "tae johnson"), ("Mr. Lechleitner", "lechleitner"),
     ("Patrick J. Lechleitner", "patrick lechleitner"), ("Martin Luther King Jr.", "martin king")],
)
def test_person_key(name, key):
    assert person_key(name) == key


@pytest.mark.parametrize(
    "text, name, title",
    [
        # a role in a relative clause, and "one of the" a plural role
        ("Dana Whit, who is listed as one of the founders of Blue Ridge Games, said the club closed.",
         "Dana Whit", "one of the founders of Blue Ridge Games"),
        ("Dana Whit, who was named as interim city manager, spoke on Friday.", "Dana Whit", "interim city manager"),
        # the title as the predicate of the name
        ("Lena Ford was a retired state police trooper.", "Lena Ford", "retired state police trooper"),
        ("Lena Ford is the county fire marshal and a volunteer coach.", "Lena Ford", "county fire marshal"),
        # an appositive after a surname mentioned again
        ("Omar Haddad spoke first. Haddad, a former fire captain, said the door was locked.",
         "Omar Haddad", "former fire captain"),
        # a spokeswoman for a titled person: each keeps their own title
        ("Rita Gomez, spokeswoman for County Executive Paul Brandt, said the office was closed.",
         "Rita Gomez", "spokeswoman"),
        ("Rita Gomez, spokeswoman for County Executive Paul Brandt, said the office was closed.",
         "Paul Brandt", "County Executive"),
        # lower-case title words across "of" when the run has no title of its own
        ("The deputy director of Homeland Security Jane Roe said so.", "Jane Roe", "deputy director of Homeland Security"),
    ],
)
def test_title_after_the_name_and_whose_title_it_is(text, name, title):
    assert people(build_document(Source(id="x"), text))[name] == title


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe was a good friend of the mayor.",
        "Jane Roe, a friend of the mayor, said the house was empty.",
        "Jane Roe, one of the bailiffs killed, was 61.",
        "Jane Roe, who was shot in the arm, said she was fine.",
    ],
)
def test_descriptions_after_a_name_are_not_titles(text):
    assert extract_people(build_document(Source(id="x"), text)) == []


def test_a_title_inside_someone_elses_quote_is_not_the_sources_claim():
    text = "“Chaplain Ray Moss was a gentle man who loved this town,” Fire Chief Ana Ruiz said."
    assert people(build_document(Source(id="x"), text)) == {"Ana Ruiz": "Fire Chief"}


def test_a_named_place_of_homes_is_no_person():
    # "Estates", "Heights", "Gardens" name places (vocab/organization_words.yaml place).
    names = [m.full for m in find_people("Bob Cole reached a home at Cedar Estates, near Oak Heights, on foot.")]
    assert names == ["Bob Cole"]


def test_a_title_joined_to_a_word_before_it_is_one_title():
    # "co-owner", "co-founder": the whole word is the title, after a capitalized word too.
    for text, title in (("The bakery's co-owner Dale Ames opened the doors at six.", "co-owner"),
                        ("Birchwood co-founder Dale Ames opened the doors at six.", "co-founder")):
        doc = build_document(Source(id="a"), text)
        assert people(doc) == {"Dale Ames": title}
