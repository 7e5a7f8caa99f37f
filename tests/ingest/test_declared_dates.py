"""Publication dates declared in a manifest or front matter are read with dateparser;
an unreadable one is a one-line error naming the file and the value."""
from __future__ import annotations

import pytest

from crosscheck.errors import SourceError
from crosscheck.ingest import load_sources
from crosscheck.ingest.metadata import normalize_published

BODY = "The storm killed 12 people in Springfield on Monday, officials said, and left thousands without power.\n"


@pytest.mark.parametrize(
    ("declared", "iso"),
    [
        ("2031-06-04", "2031-06-04"),
        ("June 4, 2031", "2031-06-04"),
        ("06/04/2031", "2031-06-04"),  # slashes: month first
        ("15/03/2031", "2031-03-15"),  # unless the first number cannot be a month
        ("15.03.2031", "2031-03-15"),
        ("4 June 2031", "2031-06-04"),
        ("Wed, 04 Jun 2031 10:00:00 GMT", "2031-06-04"),
    ],
)
def test_declared_dates_in_many_forms(declared, iso):
    assert normalize_published(declared) == iso


@pytest.mark.parametrize("declared", ["yesterday", "06/2031", "someday soon", "31.02.2031", "2031-13-40"])
def test_what_is_not_a_whole_date_is_refused(declared):
    with pytest.raises(ValueError, match="cannot read date"):
        normalize_published(declared)


def test_manifest_and_front_matter_dates(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text(f'---\npublished: "15.03.2031"\n---\n{BODY}', encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,published\na.txt,03/16/2031\n", encoding="utf-8")
    assert [d.source.published for d in load_sources([tmp_path])] == ["2031-03-16", "2031-03-15"]


def test_an_unreadable_date_names_the_file_and_the_value(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,published\na.txt,someday soon\n", encoding="utf-8")
    with pytest.raises(SourceError) as manifest:
        load_sources([tmp_path])
    assert str(manifest.value) == f"{tmp_path / 'sources.csv'}: line 2: published: cannot read date 'someday soon'"
    (tmp_path / "sources.csv").unlink()
    (tmp_path / "b.md").write_text(f'---\npublished: "31.02.2031"\n---\n{BODY}', encoding="utf-8")
    with pytest.raises(SourceError) as front_matter:
        load_sources([tmp_path])
    assert str(front_matter.value) == f"{tmp_path / 'b.md'}: published: cannot read date '31.02.2031'"
