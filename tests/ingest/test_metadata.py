import datetime as dt

import pytest

from crosscheck.ingest.clean import repair_text
from crosscheck.ingest.metadata import infer_metadata, merge_metadata, normalize_published


@pytest.mark.parametrize(
    "seed, expected",
    [
        ("000", {"title": "ICE investigative unit tests body cameras in multiple states", "outlet": "The Hill",
                 "author": None, "published": None}),
        ("001", {"title": "First 1,600 ICE Agents to Be Equipped With Bodycams", "outlet": None,
                 "author": "Wim De Gent", "published": "2024-03-15"}),
        ("002", {"title": None, "outlet": None, "author": None, "published": None}),
        ("003", {"title": "U.S. Immigration and Customs Enforcement agents roll out body cameras to agents in five cities",
                 "outlet": "The Los Angeles Post", "author": None, "published": "2024-03-13"}),
    ],
)
def test_seed_metadata(seed_texts, seed, expected):
    assert infer_metadata(repair_text(seed_texts[seed])) == expected


def test_scrape_banner_is_not_the_publication_date():
    text = "The Daily Star\nToday: March 16, 2025\nHeadline about the vote\nThe council voted on Tuesday, officials said in a statement."
    meta = infer_metadata(text)
    assert meta["published"] is None and meta["outlet"] == "The Daily Star"
    assert meta["title"] == "Headline about the vote"


def test_normalize_published():
    assert normalize_published(dt.date(2024, 3, 15)) == "2024-03-15"
    assert normalize_published("2024-03-15T10:00:00Z") == "2024-03-15"
    assert normalize_published("15 March 2024") == "2024-03-15"
    with pytest.raises(ValueError):
        normalize_published("next week")


def test_declared_metadata_wins():
    merged = merge_metadata({"title": "Inferred", "outlet": None}, {"outlet": "Front Matter"}, {"title": "Manifest"})
    assert merged == {"outlet": "Front Matter", "url": None, "published": None, "title": "Manifest", "author": None}
