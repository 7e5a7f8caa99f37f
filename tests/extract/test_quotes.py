"""Quotes and speakers, on real sentences from the seeds and ECB+ (Cybulska & Vossen 2014, CC BY 3.0)."""
import pytest

from crosscheck.extract.quotes import extract_quotes, quote_norm
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source
from tests.extract.test_people import ECB, seed


def quote(doc, opening: str):
    return next(c for c in extract_quotes(doc) if c.value.startswith(opening))


def test_statement_and_titled_speaker_with_continuation():
    doc = seed("000")
    statement = quote(doc, "ICE looks forward")
    assert (statement.subject, statement.attr("speaker_kind")) == ("the statement", "organization")
    assert statement.value.endswith("the ERO union")  # trailing comma inside the marks trimmed
    assert quote(doc, "The Body-Worn Camera").subject == "Tae Johnson"
    assert quote(doc, "The safety of ICE staff").subject == "Tae Johnson"
    secretary = quote(doc, "With its body worn")
    assert (secretary.subject, secretary.attr("speaker_kind")) == ("the secretary of DHS", "descriptor")


def test_explains_and_unattributed_paragraph_continues_speaker():
    doc = seed("002")
    assert quote(doc, "With its body-worn").subject == "Alejandro Mayorkas"
    assert quote(doc, "The Department will continue").subject == "Alejandro Mayorkas"
    johnson = quote(doc, "The body-worn camera pilot")
    assert (johnson.subject, johnson.attr("speaker_key"), johnson.attr("speaker_kind")) == (
        "Tae D. Johnson", "tae johnson", "person")
    assert quote(doc, "Safety of both").subject == "Tae D. Johnson"


def test_long_title_speaker_partial_quote_and_short_fragments():
    doc = seed("001")
    assert quote(doc, "Public trust is dependent").subject == "Patrick J. Lechleitner"
    assert quote(doc, "The deployment of body-worn").subject == "Patrick J. Lechleitner"
    partial = quote(doc, "an essential element")
    assert partial.subject == "Patrick J. Lechleitner"
    assert partial.text == "“an essential element in our public safety and national security mission.”"
    assert quote(doc, "Body worn cameras will not").subject == "the agency"
    values = [c.value for c in extract_quotes(doc)]
    assert "specific training" not in values and "stakeholders" not in values


def test_surname_and_pronoun_resolve_to_full_name():
    doc = seed("003")
    assert [c.subject for c in extract_quotes(doc)] == ["Patrick J. Lechleitner", "Patrick J. Lechleitner"]
    assert quote(doc, "Right now").value == "Right now, we can’t do more than those cities"


def test_claims_point_into_the_text():
    for prefix in ("000", "001", "002", "003"):
        doc = seed(prefix)
        for claim in extract_quotes(doc):
            assert claim.kind is ClaimKind.QUOTE
            assert doc.text[claim.start : claim.end] == claim.text
            assert claim.text[0] in "“\"‘"
            assert claim.sentence == doc.sentence_at(claim.start + 1).text


def test_straight_quotes_over_line_breaks_in_ecbplus():
    doc = build_document(Source(id="18_10"), (ECB / "18_ecbplus" / "18_10ecbplus.txt").read_text())
    daughter = quote(doc, "She didn't do it.")
    assert daughter.value == "She didn't do it. She didn't fire him"
    assert daughter.subject == "Charlene Kafoury"
    assert quote(doc, "There is a suspicion").subject == "Gerry Scherlinck"
    assert quote(doc, "He didn't think").subject == "Barry Whiteside"


@pytest.mark.parametrize(
    "sentence, subject, kind",
    [
        ('Police said: "The fire progressed rapidly through the store."', "Police", "organization"),
        ('"We have no idea what caused it," the company said in a statement.', "the company", "organization"),
        ('“We will not stop until this is done,” according to a police spokesman.', "a police spokesman", "descriptor"),
        ('He looked up. "Nobody knows the answer yet," a man whispered.', "", "unknown"),
    ],
)
def test_attribution_patterns(sentence, subject, kind):
    (claim,) = extract_quotes(build_document(Source(id="x"), sentence))
    assert (claim.subject, claim.attr("speaker_kind")) == (subject, kind)


def test_single_quoted_titles_are_not_quotes():
    text = "He signed copies of his latest work ‘The Profession: A Memoir of Community, Race, and Policing,’ at the event."
    assert extract_quotes(build_document(Source(id="x"), text)) == []


def test_quote_norm():
    assert quote_norm("Right now, we can’t do “more”  than THOSE cities.") == "right now we cant do more than those cities"


def test_attribution_before_a_quote_is_the_full_regex_search():
    from crosscheck.extract.quotes import _BEFORE, _attribution_before
    from tests.extract.test_scan import TEXTS

    windows = [
        text[max(text.rfind("\n", 0, i) + 1, i - 200) : i]
        for text in TEXTS for i, mark in enumerate(text) if mark in "“\"‘"
    ] + ["The senator; a critic, said:", "Officials said Tuesday, ", "(AP) — Police said,"]
    assert len(windows) > 300
    for before in windows:
        expected = _BEFORE.search(before) if before.rstrip().endswith((",", ":")) else None
        found = _attribution_before(before)
        assert (found and found.span("who")) == (expected and expected.span("who")), before


def quotes_of(text: str) -> list[tuple[str, str, str]]:
    return [(c.value, c.subject, c.attr("speaker_kind")) for c in extract_quotes(build_document(Source(id="x"), text))]


def test_straight_and_curly_single_quotes_mixed_with_continuation():
    text = (
        "Harbor Mayor Jo Lind spoke at dawn.\n\n"
        "‘Our town has been hurt deeply tonight,' she said on the pier. 'We stand with every family here.’\n\n"
        "‘Nobody should ever have to see what these kids saw.'\n\n"
        "The 'best harbor town in the state' sign was dark."
    )
    assert quotes_of(text) == [
        ("Our town has been hurt deeply tonight", "Jo Lind", "person"),
        ("We stand with every family here.", "Jo Lind", "person"),
        ("Nobody should ever have to see what these kids saw.", "Jo Lind", "person"),
    ]  # the unattributed scare quote is not a claim


def test_apostrophes_do_not_open_or_close_single_quotes():
    text = "Coach Ana Bell said: 'We found the boys' bikes by the river and we didn't wait.' In the '90s it was quiet."
    assert quotes_of(text) == [("We found the boys' bikes by the river and we didn't wait.", "Ana Bell", "person")]


def test_a_quote_that_lost_its_opening_mark_counts_when_a_name_credits_it():
    text = (
        "We heard a loud bang and everyone ran outside to look.” -Marta, Witness\n\n"
        "Then the lights went out and nobody knew what to do.”\n\n"
        "“We will rebuild this town together,” — a promise the council made."
    )
    assert quotes_of(text) == [
        ("We heard a loud bang and everyone ran outside to look.", "Marta", "person"),
        ("Then the lights went out and nobody knew what to do.", "Marta", "person"),  # the next paragraph
        ("We will rebuild this town together", "", "unknown"),
    ]


def test_lone_closing_mark_without_a_speaker_is_no_quote():
    assert quotes_of("The storm knocked out power across the whole county.”\n\nCrews worked all night.") == []


def test_speaker_named_by_first_name_only():
    assert quotes_of("“The lights went out just before the storm hit,” said Marta.") == [
        ("The lights went out just before the storm hit", "Marta", "person")
    ]
    assert quotes_of("“We found nothing at the scene today,” authorities said.")[0][2] != "person"


def test_pronoun_passes_over_a_possessive():
    text = "Tom Ruiz's neighbor, Sam Ortiz, heard the shots.\n\n“I ran to the window right away,” he said."
    assert quotes_of(text)[0][1] == "Sam Ortiz"


def test_pronoun_means_the_speaker_of_the_previous_quote_when_no_one_is_named_since():
    text = (
        "Jo Lind had just pulled up for coffee.\n\n“There were police cars everywhere,” she said.\n\n"
        "She started filming.\n\n“Nobody else was there yet to see it,” she said."
    )
    assert [q[1] for q in quotes_of(text)] == ["Jo Lind", "Jo Lind"]


def test_pronoun_after_someone_named_only_by_a_possessive_means_no_one_known():
    text = "Mayor Jo Lind spoke.\n\nLind's brother heard the shots.\n\n“I ran outside right away,” he said."
    assert quotes_of(text) == [("I ran outside right away", "", "unknown")]


def test_pronoun_looks_back_two_paragraphs_at_most():
    text = "Officer Ben Ruiz spoke first.\n\nThe crowd was quiet.\n\n{}“I ran to the window right away,” he said."
    assert quotes_of(text.format(""))[0][1] == "Ben Ruiz"
    assert quotes_of(text.format("A neighbor heard the shots.\n\n"))[0][1] == ""


def test_pronoun_means_who_said_not_whom_they_spoke_of():
    text = (
        "Sheriff Ann Lee said Bob Cole got to a neighbor's home around 6:30 a.m.\n\n"
        "“It is a very complex scene,” he said.\n\n"
        "Sheriff Ann Lee spoke first. Bob Cole, 25, was arrested later.\n\n“I did nothing wrong,” he said.\n\n"
        "His uncle, Tom Ruiz, 56, said he taught Cole the trade.\n\n“I wanted to show him the good side,” he said."
    )
    assert [q[1] for q in quotes_of(text)] == ["Ann Lee", "Bob Cole", "Tom Ruiz"]
