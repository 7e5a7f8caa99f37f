"""A small, fast slice of the accuracy benchmark (eval/run.py): planted discrepancies on
real ECB+ articles must keep being found, and copies must not start to disagree; edits
planted in paraphrases (two real outlets' sentences of one fact) too, at today's level."""
from __future__ import annotations

import pytest

from crosscheck.rules.load import load_rules
from eval.plant import plant_stories
from eval.run import check_paraphrase, check_story, totals
from eval.corpus import CORPUS, article_lines, load_articles
from eval.paraphrase import is_copy, paraphrase_stories, unedited

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the ECB+ corpus is not in ../shared")

# About 40 planted edits: with 16 stories (about 20) one miss moved recall by 5 points, and
# the planting follows what is extracted, so any extraction change drew another sample.
STORIES = 32
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


# --- paraphrases: edits in one real outlet's sentence, another outlet's paraphrase untouched ---

PARAPHRASES = 24
# A fixed dozen clusters keeps this fast; together they hold every kind of paraphrased fact.
CLUSTERS = ("13_ecbplus", "18_ecbplus", "19_ecbplus", "20_ecbplus", "23_ecbplus", "3_ecbplus",
            "32_ecbplus", "37_ecbplus", "41_ecbplus", "7_ecbplus", "9_ecbplus", "44_ecbplus")


@pytest.fixture(scope="module")
def paraphrase_scores():
    rules = load_rules()
    return [check_paraphrase(story, rules) for story in paraphrase_stories(PARAPHRASES, SEED, CLUSTERS)]


def _article(doc_id: str) -> tuple[str, str]:
    """(cluster, text) of a real ECB+ article."""
    path = next(CORPUS.glob(f"*/{doc_id}.txt"))
    return path.parent.name, "\n".join(article_lines(path))


def test_paraphrase_planting_is_reproducible():
    first = list(paraphrase_stories(6, SEED, CLUSTERS))
    assert first == list(paraphrase_stories(6, SEED, CLUSTERS))
    assert first != list(paraphrase_stories(6, SEED + 1, CLUSTERS))


def test_paraphrase_stories_plant_on_two_real_outlets_of_one_cluster(paraphrase_scores):
    assert len(paraphrase_scores) == PARAPHRASES
    for score in paraphrase_scores:
        story = score.story
        outlets = dict(story.outlets)
        assert len(outlets) == 2
        (edited_id, edited_text), (other_id, other_text) = story.outlets
        assert edited_id != other_id
        edited_cluster, edited_real = _article(edited_id)
        other_cluster, other_real = _article(other_id)
        assert edited_cluster == other_cluster in CLUSTERS
        assert other_text == other_real  # the paraphrase is left as the outlet wrote it
        assert dict(unedited(story)) == {edited_id: edited_real, other_id: other_real}
        assert story.planted
        for planted in story.planted:
            edit = planted.edit
            assert planted.edited == (edited_id,) and planted.others == (other_id,)
            assert edited_text.split("\n")[edit.line] == edit.new_line != edit.old_line
            assert edit.old_line == edited_real.split("\n")[edit.line]
            assert planted.other_lines
            for line in planted.other_lines:
                assert line in other_real.split("\n")
                # Different sentences, not copies: the fact is worded otherwise.
                assert line != edit.old_line and not is_copy(edit.old_line, line)


def test_paraphrased_discrepancies_are_found_at_todays_level(paraphrase_scores):
    # Floors a little under what the code reached (9 of 25 found when this was written; 7 of
    # 25 since a date is read with its own verb across a list of names, "found at a home in
    # Oak Street, Millom, Cumbria, on Saturday", which undid a hit that had set a finding's
    # date against an arrest's; 9 of 11 reported true; eval/RESULTS.md has the full run):
    # they catch regressions and say nothing of what is good enough. Raise them as alignment improves.
    overall = totals(paraphrase_scores)
    assert overall.planted >= 15
    assert overall.recall >= 0.25, [m.why for s in paraphrase_scores for m in s.misses]
    assert overall.precision >= 0.75, [f.finding.message for s in paraphrase_scores for f in s.false_findings]


def test_harmless_edits_in_paraphrases_rarely_conflict(paraphrase_scores):
    untouched = [s for s in paraphrase_scores if s.story.untouched]
    false_conflicts = sum(1 for s in untouched for f in s.false_findings if f.finding.status.value == "conflict")
    assert untouched
    assert false_conflicts * 10 <= len(untouched), [f.finding.message for s in untouched for f in s.false_findings]
