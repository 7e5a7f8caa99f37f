"""Boilerplate removal on text written for these tests (invented towns, outlets and people).

One test per kind of page chrome that crosscheck/vocab/boilerplate.yaml lists,
each with a news line that must survive beside it.
"""
from importlib import resources

import pytest
import yaml

from crosscheck.ingest.boilerplate import is_debris_line, remove_glued_links, strip_boilerplate
from crosscheck.ingest.clean import clean_text
from crosscheck.ingest.lines import date_line, is_caption, is_furniture, is_masthead, parse_header
from crosscheck.vocab import load

HEADLINE = "Council approves budget"
BODY = "The council voted 7-2 on Tuesday to approve the new budget, officials said."
MORE = "The budget adds $2 million for road repairs in the eastern districts of Millbrook."


def _strip(*lines: str) -> list[str]:
    return strip_boilerplate("\n".join(lines)).split("\n")


# --- the vocabulary file --------------------------------------------------------


def test_vocabulary_file_has_a_header_and_clean_lists():
    text = resources.files("crosscheck.vocab").joinpath("boilerplate.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Boilerplate:")  # the header says what belongs in the file
    entries = yaml.safe_load(text)["entries"]
    assert entries == load("boilerplate")
    for section, words in entries.items():
        assert words and all(isinstance(w, str) for w in words), section
        assert all(w == w.lower().strip() and "  " not in w for w in words), section
        assert len(words) == len(set(words)), f"{section}: duplicate entries"


# --- end markers --------------------------------------------------------------------


@pytest.mark.parametrize("marker", [
    "Related Articles", "Related", "Most Popular", "Popular in Sports", "More from the Gazette", "Most Read",
    "Trending Now", "You may also like", "Read next", "See also", "12 Comments", "Comments (3)",
    "Comments are closed.", "Leave a Reply", "Join the conversation", "Share this story", "Tags:", "Filed under",
    "About the author",
])
def test_end_marker_cuts_the_rest(marker):
    kept = _strip(HEADLINE, BODY, MORE, marker, "Mayor of Eastbrook resigns after a scandal over parking fines.")
    assert kept == [HEADLINE, BODY, MORE]


def test_end_marker_words_inside_prose_do_not_cut():
    lines = [HEADLINE, BODY, "Related groups filed a second complaint on Friday, the clerk said.",
             "Comments from residents will be heard at the next meeting in March.", MORE]
    assert _strip(*lines) == lines


# --- sign-in, subscription and newsletter prompts -------------------------------------


@pytest.mark.parametrize("line", [
    "Sign up for the Morning Brief",                                  # imperative, not a sentence
    "Subscribe to get unlimited access.",                             # imperative
    "Already have an account? Log in",                                # sign-in prompt, not a sentence
    "Get the day's top stories in your inbox.",                       # addresses the reader
    "By signing up, you agree to our Terms of Use and Privacy Policy.",
    "Our newsletter is sent every weekday at 6 a.m.",                 # a newsletter, even in a sentence
    "We use cookies to improve your experience on this site.",
    "Don't miss a thing. Get email alerts from Channel 9 today.",   # an imperative opens its second sentence
])
def test_sign_up_copy_is_debris(line):
    assert is_debris_line(line)
    assert _strip(HEADLINE, BODY, line, MORE) == [HEADLINE, BODY, MORE]


@pytest.mark.parametrize("line", [
    "Voters must register by Oct. 4 to take part in the special election, the clerk said.",
    "The company said 40,000 subscribers lost service during the outage.",
    "Police said the suspect sent an email to the school before the attack.",
])
def test_news_sentences_about_signing_up_stay(line):
    assert not is_debris_line(line)
    assert _strip(HEADLINE, BODY, line, MORE) == [HEADLINE, BODY, line, MORE]


# --- promotion, contact lines, copyright: the tail pass ---------------------------------


def test_promotional_tail_is_cut_but_prose_after_a_list_kept():
    promo = ("Why Our Magazine Matters\n-\nOur readers get the news they need from our editors every day.\n"
             "We were fortunate to host many of you at our annual luncheon this year.\n"
             "For more information, please contact the publisher at pub@example.com.")
    assert strip_boilerplate(f"{BODY}\n{promo}") == BODY
    table = ("RESULTS\nSmith 26-1\nJones 22-3\nLee 21-5\nSmith 19-2\n"
             "The champion has won 16 fights in a row since losing in April.\n"
             "He has rarely lost a round during that impressive stretch of fights.")
    assert strip_boilerplate(f"{BODY}\n{table}").endswith("during that impressive stretch of fights.")


@pytest.mark.parametrize("tail", [
    "Copyright 2031 Millbrook Gazette. All rights reserved.",
    "© 2031 Harbor Media Group. This material may not be published or broadcast.",
    "This story is brought to you by our sponsors at Eastbrook Motors.",
    "To learn more about the program, click here or visit www.example.org.",
    "Advertising inquiries can be sent to ads@example.com.",
])
def test_promotion_after_the_body_is_cut(tail):
    assert _strip(HEADLINE, BODY, MORE, tail) == [HEADLINE, BODY, MORE]


# --- widgets: furniture lines, link labels, share rows -------------------------------


@pytest.mark.parametrize("line", [
    "Advertisement", "Sponsored content", "Story continues below advertisement", "Continue reading the main story",
    "Click here to watch the video", "Skip to main content", "Back to top", "Watch: Crews clear fallen trees",
    "Also read: Eastbrook schools close early", "Share", "Tweet Email Print", "Share on Facebook",
    "More: Mayor offers $10k reward in Eastbrook arson case", "Read more: Eastbrook schools close early",
    "1:55 Eastbrook council votes on the budget Pause",  # a video playlist's item
])
def test_widget_labels_are_furniture(line):
    assert is_furniture(line)
    assert _strip(HEADLINE, BODY, line, MORE) == [HEADLINE, BODY, MORE]


def test_a_sentence_starting_like_a_widget_is_prose():
    line = "Read the full report, the mayor told reporters, before you judge the plan."
    assert not is_furniture(line)
    assert not is_furniture("More than 40 homes were flooded: the river rose overnight.")
    assert not is_furniture("4:30 p.m. The children ran out to play")


# --- the page header: masthead, date banner, captions ------------------------------


def test_header_masthead_banner_and_caption_go():
    page = ["The Millbrook Gazette", "Local World Sports Opinion", "Today: June 2, 2031",
            HEADLINE, "June 1, 2031", BODY, MORE]
    header = parse_header(page)
    assert header.outlet == "The Millbrook Gazette"
    assert header.published == "2031-06-01"  # the banner's date is when the page was read
    assert is_masthead(page[0], page[1])
    assert not is_masthead("Storm Hits Coast", "Residents were told to leave on Monday.")
    assert strip_boilerplate("\n".join(page)).split("\n") == [HEADLINE, BODY, MORE]
    assert date_line("Today: June 2, 2031") is None


@pytest.mark.parametrize("caption, expected", [
    ("Firefighters work at the scene of the blaze in Eastbrook on Monday. (AP Photo/Jane Roe)", True),
    ("Crews inspect the damaged bridge on Route 9. (Reuters)", True),
    ("Crews inspect the damaged bridge on Route 9. Photograph: John Doe", True),
    ("Residents wait outside the shelter in Millbrook. Getty Images", True),
    ("The office is about 15 miles north of the city. (Harbor County Sheriff's Office report)", False),
    ("The agency (FEMA) said aid would arrive on Friday.", False),
    # A gallery's counter opens a caption.
    ("Image 22 of 111 Crews clear the road near Millbrook on Tuesday.", True),
    ("Photo 3 of 12: Residents wait outside the shelter.", True),
    ("Image 3 of the report shows the flood line.", False),
])
def test_captions_end_with_a_credit(caption, expected):
    assert is_caption(caption) is expected


# --- link text glued into a sentence ---------------------------------------------------


def test_glued_anchor_text_is_cut_and_sentence_kept():
    line = ("“We will rebuild,” said the mayor of Eastbrook. Dana wellsDana WellsStorm Season Starts Early "
            "Harbor Ferry Fares Rise Again in a report.")
    assert remove_glued_links(line) == "“We will rebuild,” said the mayor of Eastbrook. Dana Wells in a report."


def test_brand_names_are_not_glue():
    line = "The McDonald's and YouTube deals, announced by iPhone maker Apple, closed on Friday."
    assert remove_glued_links(line) == line


# --- real text is not over-stripped ------------------------------------------------------


def _kept_ratio(folders):
    kept = total = 0
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            # Date lines move into the metadata by design; every other line should stay.
            lines = [line for line in lines if not date_line(line)]
            cleaned = clean_text("\n".join(lines))
            total += len(lines)
            kept += sum(line in cleaned for line in lines)
    return kept / total


def test_clean_ecbplus_texts_are_not_over_stripped(ecbplus_dir):
    # ECB+ (Cybulska & Vossen, LREC 2014, CC BY 3.0): already-clean news text, one sentence per line.
    sample = sorted(p for p in ecbplus_dir.iterdir() if p.is_dir())[::8]
    assert _kept_ratio(sample) > 0.97
