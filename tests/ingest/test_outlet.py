"""The outlet a page names itself: bylines, copyright lines, requests for comment
(invented pages); a masthead, a manifest and front matter still come first."""
from __future__ import annotations

import pytest

from crosscheck.ingest import ingest_text
from crosscheck.ingest.outlet import outlet_in_byline, stated_outlet

BODY = "The storm killed 12 people in Springfield on Monday, officials said, and left thousands without power."


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Jane Roe, The Daily Star", "The Daily Star"),
        ("By Jane Roe | Springfield News-Leader", "Springfield News-Leader"),
        ("By Jane Roe, Staff Writer", None),
        ("By Jane Roe, Senior Correspondent", None),
        ("By Jane Roe, March 4, 2031", None),
        ("By Jane Roe, John Doe and Ann Poe", None),
        ("By Jane Roe", None),
    ],
)
def test_a_byline_names_the_outlet_after_the_writer(line, outlet):
    assert outlet_in_byline(line) == outlet


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["© 2031 The Daily Star. All rights reserved."], "The Daily Star"),
        (["Copyright © 2031 The Daily Star, Inc. All rights reserved."], "The Daily Star"),
        (["© 2031 Getty Images"], None),  # a photo's credit, not the page's
        (["© The Daily Star"], None),  # no year: not plainly a copyright line
        ([BODY + " The Daily Star has reached out to the agency for comment."], "The Daily Star"),
        (["The Daily Star has contacted the mayor's office for comment."], "The Daily Star"),
        (["He has asked the agency for comment."], None),
        (["The agency has asked residents for comment."], None),
    ],
)
def test_a_page_states_its_outlet(lines, outlet):
    assert stated_outlet(lines) == outlet


def test_inferred_outlet_gives_way_to_a_masthead_and_to_declared_metadata():
    page = f"Storm kills 12\nBy Jane Roe, The Daily Star\n{BODY}\n© 2031 The Evening Post. All rights reserved."
    assert ingest_text("a", page).source.outlet == "The Daily Star"
    assert ingest_text("a", f"The Springfield Gazette\n{page}").source.outlet == "The Springfield Gazette"
    assert ingest_text("a", page, {"outlet": "Declared"}).source.outlet == "Declared"
    assert ingest_text("a", f"Storm kills 12\n{BODY}\n© 2031 The Evening Post.").source.outlet == "The Evening Post"
    assert ingest_text("a", f"Storm kills 12\n{BODY}").source.outlet is None


def test_an_html_page_names_its_outlet_in_og_site_name(tmp_path):
    from crosscheck.ingest import load_document

    page = tmp_path / "storm.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="The Daily Star">'
        "<title>Storm kills 12</title></head><body><article><h1>Storm kills 12</h1>"
        f"<p>{BODY}</p><p>{BODY.replace('12', 'twelve')}</p></article></body></html>",
        encoding="utf-8",
    )
    assert load_document(page)[0].source.outlet == "The Daily Star"
