import pytest

from crosscheck.ingest.lines import byline_name, date_line, is_caption, page_voices, parse_date


@pytest.mark.parametrize(
    "line, iso",
    [
        ("June 4, 2031World News", "2031-06-04"),
        ("updated 8:41 p.m. EST, Tue March 3, 2009", "2009-03-03"),
        ("9:53 AM, MON 22 JUL 2013", "2013-07-22"),
        ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013", "2013-03-12"),
        ("The 1,200 laptops will be handed out on June 4, 2031, to students in four schools.", None),
        ("Today: June 5, 2031", None),
        # A short sentence is body text, not the page's date line.
        ("The fire started at 4:10 p.m. on June 4, 2031.", None),
    ],
)
def test_date_line(line, iso):
    assert date_line(line) == iso


def test_parse_date_is_strict():
    assert parse_date("Feb. 30, 2024") is None
    assert parse_date("on Feb. 30, 2024 or March 3, 2009") == "2009-03-03"
    assert parse_date("sometime in 2024") is None


def test_byline_and_caption():
    assert byline_name("By Anne van der Berg") == "Anne van der Berg"
    assert byline_name("By signing up for our alerts, you accept the Terms of Use.") is None
    assert is_caption("Firefighters battle a blaze in Eastbrook on Sept. 25, 2030. (EFD)")
    assert not is_caption("The depot is about 15 miles north of Millbrook. (Harbor Radio News Article)")


def test_quotes_spanning_paragraphs_are_not_the_page_voice():
    lines = ['"Obviously we\'re disappointed.', "We take these issues very seriously.", 'Moving on," he said. We sell ads.']
    assert [v.strip() for v in page_voices(lines)] == ["", "", "he said. We sell ads."]
