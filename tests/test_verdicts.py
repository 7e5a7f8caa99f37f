"""Reviewers' verdicts: a dismissed finding stops counting, until it changes.

Every text here is invented for the test.
"""
from __future__ import annotations

import json

from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.errors import EXIT_FINDINGS, EXIT_INPUT

A = "Four people were killed when the ferry capsized off Port Lenn on Sunday, the coast guard said."
B = "Six people were killed when the ferry capsized off Port Lenn on Sunday, officials said."


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def story(tmp_path, **texts: str):
    folder = tmp_path / "ferry"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def the_conflict(folder) -> dict:
    (finding,) = [f for f in json.loads(run("report", str(folder), "--format", "json").stdout)["findings"]
                  if f["status"] == "conflict"]
    return finding


def test_a_dismissed_conflict_moves_aside_and_no_longer_fails_the_run(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    assert run("report", str(folder), "--fail-on", "conflict").exit_code == EXIT_FINDINGS

    reviewed = run("review", str(folder), "--finding", finding["id"], "--dismiss", "The second toll counts the crew", "--by", "Ann Lee")
    assert reviewed.exit_code == 0, reviewed.stderr
    assert f"dismissed count-mismatch: people killed, finding {finding['id']}" in reviewed.stderr
    written = (folder / "verdicts.yaml").read_text(encoding="utf-8")
    assert f"  {finding['id']}:\n    decision: dismissed\n    reason: The second toll counts the crew\n    by: Ann Lee\n" in written

    assert run("report", str(folder), "--fail-on", "conflict").exit_code == 0
    markdown = run("report", str(folder)).stdout
    conflicts, dismissed = markdown.split("## Conflicts")[1].split("## Updates")[0], markdown.split("## Dismissed by reviewers")[1]
    assert "None found." in conflicts
    assert "people killed (count, conflict)" in dismissed and "dismissed by Ann Lee on " in dismissed
    assert "Reviewed: 1 dismissed" in markdown
    review = the_conflict(folder)["review"]
    assert review["decision"] == "dismissed" and review["stale"] is False and review["by"] == "Ann Lee"
    assert "Not read" not in markdown  # the verdicts file is no source


def test_a_verdict_goes_stale_when_its_finding_changes(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    run("review", str(folder), "--finding", finding["id"], "--dismiss", "Counts the crew")
    story(tmp_path, c="Seven people were killed when the ferry capsized off Port Lenn on Sunday.")
    again = the_conflict(folder)
    assert again["id"] == finding["id"] and again["review"]["stale"] is True
    markdown = run("report", str(folder)).stdout
    assert "> Reviewed, but stale: dismissed by " in markdown.split("## Conflicts")[1].split("## Updates")[0]
    assert run("report", str(folder), "--fail-on", "conflict").exit_code == EXIT_FINDINGS


def test_an_unrelated_source_leaves_the_verdict_in_force(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    run("review", str(folder), "--finding", finding["id"], "--accept", "Confirmed with the coast guard")
    story(tmp_path, c="The harbour master said the ferry had passed its inspection in May.")
    review = the_conflict(folder)["review"]
    assert review["decision"] == "accepted" and review["stale"] is False


def test_check_and_diff_honour_a_dismissal(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    old = tmp_path / "old.json"
    old.write_text(run("report", str(folder), "--format", "json", "--verdicts", str(tmp_path / "none.yaml")).stdout)
    run("review", str(folder), "--finding", finding["id"], "--dismiss", "Counts the crew")
    store = str(tmp_path / "store.db")
    checked = run("check", str(folder), "--store", store, "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    (change,) = [c for c in json.loads(checked.stdout)["findings"] if c["status"] == "conflict"]
    assert change["change"] == "new" and change["dismissed"] is True
    new = tmp_path / "new.json"
    new.write_text(run("report", str(folder), "--format", "json").stdout)
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"version": "1.0", "sources": [], "findings": []}))
    assert run("diff", str(empty), str(old), "--fail-on", "conflict").exit_code == EXIT_FINDINGS
    assert run("diff", str(empty), str(new), "--fail-on", "conflict").exit_code == 0
    assert "dismissed by a reviewer" in run("diff", str(empty), str(new)).stdout


def test_clear_takes_a_verdict_back(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    run("review", str(folder), "--finding", finding["id"], "--dismiss", "Counts the crew")
    assert run("review", str(folder), "--finding", finding["id"], "--clear").exit_code == 0
    assert "review" in the_conflict(folder) and the_conflict(folder)["review"] is None
    assert run("review", str(folder), "--finding", finding["id"], "--clear").exit_code == EXIT_INPUT


def test_bad_verdicts_and_bad_requests_are_one_line_errors(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    for args, says in (
        (["--finding", "000000000000", "--dismiss", "x"], "no finding 000000000000"),
        (["--finding", "000000000000"], "give exactly one of"),
        (["--finding", "000000000000", "--dismiss", "x", "--accept", "y"], "give exactly one of"),
    ):
        result = run("review", str(folder), *args)
        assert result.exit_code == EXIT_INPUT and says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (folder / "verdicts.yaml").write_text("verdicts:\n  abc:\n    decision: maybe\n", encoding="utf-8")
    result = run("report", str(folder))
    assert result.exit_code == EXIT_INPUT and "verdicts.yaml: verdict 'abc': missing key" in result.stderr
    (folder / "verdicts.yaml").write_text("verdicts: [1, 2]\n", encoding="utf-8")
    assert "expected a mapping 'verdicts:'" in run("report", str(folder)).stderr


def test_a_verdict_whose_finding_is_gone_is_kept_and_said(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    run("review", str(folder), "--finding", finding["id"], "--dismiss", "Counts the crew")
    (folder / "b.txt").write_text("The harbour master praised the rescue crews on Monday.", encoding="utf-8")
    result = run("report", str(folder))
    assert result.exit_code == 0
    assert f"no finding now for the verdict on {finding['id']} (kept in the file)" in result.stderr


def test_a_claimreview_draft_per_conflict_leaves_the_rating_to_a_person_and_dismissed_ones_out(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    (folder / "sources.yaml").write_text(
        "a.txt: {outlet: Coast Gazette, url: 'https://example.org/a', published: '2031-05-05', title: Ferry capsizes}\n"
        "b.txt: {outlet: Harbour News, url: 'https://example.org/b', published: '2031-05-05'}\n",
        encoding="utf-8",
    )
    (review,) = json.loads(run("report", str(folder), "--format", "claimreview").stdout)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "people killed: 4 (a); 6 (b)"
    assert [w["url"] for w in review["itemReviewed"]["appearance"]] == ["https://example.org/a", "https://example.org/b"]
    assert review["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "Coast Gazette"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "", "ratingExplanation": ""}
    run("review", str(folder), "--finding", review["identifier"], "--dismiss", "Counts the crew")
    assert json.loads(run("report", str(folder), "--format", "claimreview").stdout) == []


def test_check_with_a_baseline_fails_only_on_what_is_new_since_it(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(run("report", str(folder), "--format", "json").stdout)
    store = str(tmp_path / "store.db")
    adopted = run("check", str(folder), "--store", store, "--baseline", str(baseline))
    assert adopted.exit_code == 0, adopted.stdout  # the conflict was there before crosscheck came
    assert "No finding changed." in adopted.stdout
    story(tmp_path, c="Police arrested two men after the ferry capsized.", d="Police arrested three men after the ferry capsized.")
    assert run("check", str(folder), "--store", store).exit_code == EXIT_FINDINGS  # a conflict the baseline lacked
    cold = run("check", str(folder), "--store", str(tmp_path / "other.db"))
    assert cold.exit_code == EXIT_FINDINGS  # without a baseline, every conflict of a first run is new


def test_github_annotations_point_at_the_lines_of_each_side(tmp_path):
    folder = story(tmp_path, a="The ferry sank.\n" + A, b=B)
    lines = run("report", str(folder), "--format", "github").stdout.splitlines()
    assert lines == [
        f"::error file={folder / 'a.txt'},line=2,col=1,title=count-mismatch%3A people killed::"
        f"conflict: people killed: 4 (a); 6 (b) (finding {the_conflict(folder)['id']})",
        f"::error file={folder / 'b.txt'},line=1,col=1,title=count-mismatch%3A people killed::"
        f"conflict: people killed: 4 (a); 6 (b) (finding {the_conflict(folder)['id']})",
    ]


def test_a_verdicts_file_in_a_missing_folder_is_an_error(tmp_path):
    folder = story(tmp_path, a=A, b=B)
    finding = the_conflict(folder)
    result = run("review", str(folder), "--finding", finding["id"], "--dismiss", "x", "--verdicts", str(tmp_path / "nope" / "v.yaml"))
    assert result.exit_code == EXIT_INPUT and "does not exist" in result.stderr
    assert not (tmp_path / "nope").exists()
