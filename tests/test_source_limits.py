"""Sources stay inside what the user named, and each is capped (issue 10):
links out of a folder, FIFOs, oversized files and claim floods are noted and
skipped or cut, never failing the story. Texts are made up."""
from __future__ import annotations

import os
import threading

import pytest
from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.extract import extract_claims
from crosscheck.ingest import ingest_text, load_sources
from crosscheck.limits import Limits
from crosscheck.model import Skipped

A = "The storm killed 12 people in the valley on Monday, officials said.\n"
B = "The storm killed 19 people in the valley on Monday, officials said.\n"
SECRET = "secret-line-outside-the-story: 42 people\n"


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    return folder


def test_a_link_out_of_the_folder_is_not_read_unless_asked(tmp_path, story):
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (story / "passwd.txt").symlink_to(outside)
    (story / "inner.txt").symlink_to(story / "a.txt")  # a link that stays inside is fine
    skipped: list[Skipped] = []
    ids = [d.source.id for d in load_sources([story], skipped)]
    assert ids == ["a", "b", "inner"]
    assert skipped == [Skipped(str(story / "passwd.txt"), "a symlink out of the folder (--follow-symlinks reads it)")]
    assert "passwd" in [d.source.id for d in load_sources([story], [], follow_symlinks=True)]

    result = CliRunner().invoke(main, ["report", str(story), "--format", "json"])
    assert result.exit_code == 0 and "secret-line" not in result.stdout
    assert "passwd.txt" in result.stderr


def test_a_linked_folder_that_loops_is_walked_once(story):
    (story / "loop").symlink_to(story, target_is_directory=True)
    ids = [d.source.id for d in load_sources([story], [], follow_symlinks=True)]
    assert ids == ["a", "b"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_not_waited_on(story):
    os.mkfifo(story / "pipe.txt")
    skipped: list[Skipped] = []
    done = []
    reader = threading.Thread(target=lambda: done.append(load_sources([story], skipped)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert done, "reading the folder hung on the FIFO"
    assert [d.source.id for d in done[0]] == ["a", "b"]
    assert skipped == [Skipped(str(story / "pipe.txt"), "not a regular file (a FIFO, device or socket)")]


def test_an_oversized_source_is_skipped_and_the_story_goes_on(story):
    (story / "huge.txt").write_text(A * 200, encoding="utf-8")
    skipped: list[Skipped] = []
    ids = [d.source.id for d in load_sources([story], skipped, Limits(max_source_bytes=4096))]
    assert ids == ["a", "b"]
    assert skipped[0].file == str(story / "huge.txt") and "over the limit of 4 KB" in skipped[0].reason

    result = CliRunner().invoke(main, ["report", str(story), "--max-source-kb", "4", "--fail-on", "conflict"])
    assert result.exit_code == 1 and "huge.txt" in result.stderr  # the story is still checked


def test_claims_past_the_cap_are_cut_with_a_warning(caplog):
    doc = ingest_text("many", " ".join(f"The storm killed {n} people." for n in range(2, 60)))
    every = extract_claims(doc)
    assert len(every) > 10
    assert extract_claims(doc, max_claims=10) == every[:10]
    assert "only the first 10 kept (--max-claims)" in caplog.text


def test_manifest_that_links_out_is_not_read(tmp_path, story):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("file,outlet\na.txt,Injected Outlet\n", encoding="utf-8")
    (story / "sources.csv").symlink_to(outside)
    skipped: list[Skipped] = []
    documents = load_sources([story], skipped)
    assert all(d.source.outlet != "Injected Outlet" for d in documents)
    assert skipped[0].file == str(story / "sources.csv")
