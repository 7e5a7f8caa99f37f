"""A small, fast slice of the accuracy benchmark (eval/run.py): planted discrepancies on
real ECB+ articles must keep being found, and copies must not start to disagree."""
from __future__ import annotations

import pytest

from crosscheck.rules.load import load_rules
from eval.plant import plant_stories
from eval.run import check_story, totals
from eval.corpus import CORPUS, load_articles

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the ECB+ corpus is not in ../shared")

STORIES = 16
SEED = 7


@pytest.fixture(scope="module")
def scores():
    rules = load_rules()
    return [check_story(story, rules) for story in plant_stories(load_articles(), STORIES, SEED)]


def test_planting_is_reproducible():
    articles = load_articles()
    first = list(plant_stories(articles, 4, SEED))
    again = list(plant_stories(articles, 4, SEED))
    assert first == again
    assert first != list(plant_stories(articles, 4, SEED + 1))


def test_every_story_plants_on_a_copy_of_its_article(scores):
    for score in scores:
        for planted in score.story.planted:
            edited = dict(score.story.outlets)[planted.edited[0]]
            assert planted.edit.new_line in edited.split("\n")
            for other in planted.others:
                assert planted.edit.old_line in dict(score.story.outlets)[other].split("\n")


def test_planted_discrepancies_are_found(scores):
    overall = totals(scores)
    assert overall.planted >= 15
    assert overall.recall >= 0.9, [m for s in scores for m in s.misses]


def test_reported_conflicts_and_variants_are_mostly_planted(scores):
    # The floor; eval/RESULTS.md has the full run.
    assert totals(scores).precision >= 0.9, [f.finding.message for s in scores for f in s.false_findings]


def test_untouched_copies_rarely_conflict(scores):
    untouched = [s for s in scores if s.story.untouched]
    false_conflicts = sum(1 for s in untouched for f in s.false_findings if f.finding.status.value == "conflict")
    assert untouched
    # The floor: at most one false conflict per 10 untouched stories.
    assert false_conflicts * 10 <= len(untouched), [f.finding.message for s in untouched for f in s.false_findings]
