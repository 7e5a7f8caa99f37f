"""The accuracy benchmark: planted discrepancies on real articles, and hand-labelled real clusters.

    .venv/bin/python eval/run.py [--stories 200] [--paraphrases 200] [--seed 7] [--verbose] [--write]

Prints recall and precision per claim kind, the false-conflict rate on stories
with nothing planted, for edits planted in copies of one article and in
sentences that two real outlets word differently (paraphrases), and the scores
on the labelled clusters; --write also puts the tables in eval/RESULTS.md
(keeping what is written above them), --verbose lists the top failures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tabulate import tabulate  # noqa: E402

from crosscheck.model import ClaimKind, Status  # noqa: E402
from crosscheck.pipeline import check_documents  # noqa: E402
from crosscheck.rules.load import load_rules  # noqa: E402
from eval.clusters import ClusterScore, all_labels, review_of, score_cluster  # noqa: E402
from eval.corpus import as_document, cluster_documents, load_articles  # noqa: E402
from eval.paraphrase import PairCounts, pair_counts, paraphrase_stories, unedited  # noqa: E402
from eval.plant import Story, plant_stories  # noqa: E402
from eval.score import StoryScore, score_story  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
# --write replaces RESULTS.md from this heading on and keeps what is above it.
GENERATED = "## Planted discrepancies in copies of ECB+ articles"


def _documents(outlets, published):
    return [as_document(source, text, published) for source, text in outlets]


def check_story(story: Story, rules) -> StoryScore:
    return score_story(story, check_documents(_documents(story.outlets, story.published), rules))


def check_paraphrase(story: Story, rules) -> StoryScore:
    """A paraphrase story, scored against the report on its unedited articles."""
    baseline = check_documents(_documents(unedited(story), story.published), rules)
    return score_story(story, check_documents(_documents(story.outlets, story.published), rules), baseline)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


@dataclass(frozen=True)
class Totals:
    planted: int
    found: int
    reported: int
    false: int

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None

    @property
    def precision(self) -> float | None:
        return (self.reported - self.false) / self.reported if self.reported else None


def totals(scores: Sequence[StoryScore], kind: ClaimKind | None = None) -> Totals:
    def of_kind(k: ClaimKind) -> bool:
        return kind is None or k is kind

    planted = sum(1 for s in scores for p in s.story.planted if p.edit.status and of_kind(p.edit.kind))
    found = sum(1 for s in scores for p in s.found if of_kind(p.edit.kind))
    true = sum(1 for s in scores for f in s.true_findings if of_kind(f.kind))
    false = sum(1 for s in scores for f in s.false_findings if of_kind(f.finding.kind))
    return Totals(planted, found, true + false, false)


def kind_table(scores: Sequence[StoryScore]) -> str:
    rows = []
    for kind in [*ClaimKind, None]:
        t = totals(scores, kind)
        rows.append([
            kind.value if kind else "**overall**", t.planted, t.found, _ratio(t.found, t.planted),
            t.reported, t.false, _ratio(t.reported - t.false, t.reported),
        ])
    headers = ["kind", "planted", "found", "recall", "reported", "false", "precision"]
    return tabulate(rows, headers, tablefmt="github")


def edit_table(scores: Sequence[StoryScore]) -> str:
    """Per kind of edit: how often planted, found, and false findings at its sentence."""
    planted = Counter(p.edit.name for s in scores for p in s.story.planted)
    expected = {p.edit.name: (p.edit.status.value if p.edit.status else "none") for s in scores for p in s.story.planted}
    found = Counter(p.edit.name for s in scores for p in s.found)
    false = Counter(f.near for s in scores for f in s.false_findings)
    rows = [
        [name, expected[name], planted[name], found[name] if expected[name] != "none" else "-",
         _ratio(found[name], planted[name]) if expected[name] != "none" else "-", false[name]]
        for name in sorted(planted)
    ]
    rows.append(["(sentences with no edit)", "none", "-", "-", "-", false["no edit"]])
    headers = ["edit", "expected", "planted", "found", "recall", "false findings there"]
    return tabulate(rows, headers, tablefmt="github")


def untouched_table(scores: Sequence[StoryScore]) -> str:
    untouched = [s for s in scores if s.story.untouched]
    conflicts = sum(1 for s in untouched for f in s.false_findings if f.finding.status is Status.CONFLICT)
    variants = sum(1 for s in untouched for f in s.false_findings if f.finding.status is Status.VARIANT)
    with_conflict = sum(1 for s in untouched if any(f.finding.status is Status.CONFLICT for f in s.false_findings))
    rows = [[len(untouched), conflicts, f"{10 * conflicts / len(untouched):.2f}" if untouched else "-",
             with_conflict, variants]]
    headers = ["untouched stories", "false conflicts", "per 10 stories", "stories with one", "false variants"]
    return tabulate(rows, headers, tablefmt="github")


def failure_table(scores: Sequence[StoryScore]) -> str:
    """Why planted discrepancies were missed, and where false findings were, per kind."""
    misses = Counter((m.planted.edit.kind.value, m.why) for s in scores for m in s.misses)
    false = Counter((f.finding.kind.value, f.cause) for s in scores for f in s.false_findings)
    rows = [[kind, what, n] for (kind, what), n in sorted((misses + false).items(), key=lambda x: (x[0][0], -x[1]))]
    return tabulate(rows, ["kind", "failure", "count"], tablefmt="github")


def standing_table(scores: Sequence[StoryScore]) -> str:
    """Findings the unedited articles already had, per kind: real outlets disagree."""
    rows = [[k.value, sum(1 for s in scores for f in s.standing if f.kind is k)] for k in ClaimKind]
    rows.append(["**all**", sum(len(s.standing) for s in scores)])
    return tabulate(rows, ["kind", "conflicts and variants before any edit"], tablefmt="github")


def pairs_table(counts: Sequence[PairCounts], scores: Sequence[StoryScore]) -> str:
    planted = Counter(p.edit.kind for s in scores for p in s.story.planted)
    rows = [[c.kind.value, c.pairs, c.article_pairs, c.clusters, planted[c.kind]] for c in counts]
    headers = ["kind", "sentence pairs in the corpus", "article pairs", "clusters", "edits planted (any)"]
    return tabulate(rows, headers, tablefmt="github")


def cluster_table(results: Sequence[ClusterScore]) -> str:
    rows = []
    for r in results:
        reviews = [review_of(f, r.labels) for f in r.other_conflicts]
        rows.append([
            r.labels.cluster, len(r.labels.discrepancies), len(r.found), _ratio(len(r.found), len(r.labels.discrepancies)),
            len(r.other_conflicts), sum(1 for v in reviews if v and v.real), sum(1 for v in reviews if v and not v.real),
        ])
    labelled = sum(x[1] for x in rows)
    found = sum(x[2] for x in rows)
    rows.append(["**all**", labelled, found, _ratio(found, labelled), sum(x[4] for x in rows),
                 sum(x[5] for x in rows), sum(x[6] for x in rows)])
    headers = ["cluster", "labelled", "found", "recall", "other conflicts", "judged real", "judged false"]
    return tabulate(rows, headers, tablefmt="github")


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def failure_examples(scores: Sequence[StoryScore], clusters: Sequence[ClusterScore], per_kind: int,
                     paraphrases: Sequence[StoryScore] = ()) -> str:
    lines = ["## Missed planted discrepancies"]
    for kind in ClaimKind:
        misses = [m for s in scores for m in s.misses if m.planted.edit.kind is kind][:per_kind]
        for m in misses:
            e = m.planted.edit
            lines.append(f"- [{kind.value}] {m.story} {e.name}: {e.before!r} -> {e.after!r} ({m.why})\n"
                         f"    {_short(e.new_line)}")
    lines.append("\n## False findings on planted stories")
    for kind in ClaimKind:
        false = [f for s in scores for f in s.false_findings if f.finding.kind is kind][:per_kind]
        for f in false:
            sentences = {_short(c.sentence, 110) for v in f.finding.values for c in v.claims}
            lines.append(f"- [{kind.value}] {f.story} {f.cause}: {_short(f.finding.message)}"
                         + "".join(f"\n    {s}" for s in sorted(sentences)[:3]))
    lines.append("\n## Missed planted discrepancies in paraphrases (edited sentence / the other outlet's)")
    for kind in ClaimKind:
        for m in [m for s in paraphrases for m in s.misses if m.planted.edit.kind is kind][:per_kind]:
            e = m.planted.edit
            lines.append(f"- [{kind.value}] {m.story} {e.name}: {e.before!r} -> {e.after!r} ({m.why})\n"
                         f"    {_short(e.new_line)}\n    {_short(m.planted.original_lines[0])}")
    lines.append("\n## False findings on paraphrase stories")
    for kind in ClaimKind:
        for f in [f for s in paraphrases for f in s.false_findings if f.finding.kind is kind][:per_kind]:
            sentences = {_short(c.sentence, 110) for v in f.finding.values for c in v.claims}
            lines.append(f"- [{kind.value}] {f.story} {f.cause}: {_short(f.finding.message)}"
                         + "".join(f"\n    {s}" for s in sorted(sentences)[:3]))
    lines.append("\n## Labelled discrepancies missed on real clusters")
    for r in clusters:
        for d in r.missed:
            lines.append(f"- {r.labels.cluster} [{d.kind.value}] {d.subject}: "
                         + "; ".join(f"{v.value} ({', '.join(doc for doc, _ in v.evidence)})" for v in d.values))
    lines.append("\n## Other conflicts reported on real clusters (to judge)")
    for r in clusters:
        for f in r.other_conflicts:
            review = review_of(f, r.labels)
            judged = f" [judged {'real' if review.real else 'false'}]" if review else ""
            lines.append(f"- {r.labels.cluster} [{f.kind.value}]{judged} {_short(f.message, 200)}")
    return "\n".join(lines)


def run_planted(stories: int, seed: int) -> list[StoryScore]:
    rules = load_rules()
    return [check_story(story, rules) for story in plant_stories(load_articles(), stories, seed)]


def run_paraphrases(stories: int, seed: int) -> list[StoryScore]:
    rules = load_rules()
    return [check_paraphrase(story, rules) for story in paraphrase_stories(stories, seed)]


def run_clusters() -> list[ClusterScore]:
    rules = load_rules()
    return [score_cluster(labels, check_documents(cluster_documents(labels.cluster), rules)) for labels in all_labels()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=200, help="planted stories to build (default 200)")
    parser.add_argument("--paraphrases", type=int, default=200,
                        help="paraphrase stories (two real outlets of one cluster) to build (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the planting (default 7)")
    parser.add_argument("--verbose", action="store_true", help="list the top failures per kind")
    parser.add_argument("--examples", type=int, default=8, help="failure examples per kind with --verbose")
    parser.add_argument("--write", action="store_true", help=f"write the tables to {RESULTS.name}")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    scores = run_planted(args.stories, args.seed)
    copies_seconds = time.perf_counter() - began
    paraphrases = run_paraphrases(args.paraphrases, args.seed)
    paraphrase_seconds = time.perf_counter() - began - copies_seconds
    clusters = run_clusters()
    seconds = time.perf_counter() - began

    command = f"python eval/run.py --stories {args.stories} --paraphrases {args.paraphrases} --seed {args.seed}"
    untouched = sum(1 for s in scores if s.story.untouched)
    untouched_p = sum(1 for s in paraphrases if s.story.untouched)
    sections = [
        f"{GENERATED} (generated by eval/run.py --write; see eval/README.md)\n\n"
        f"Command: `{command}`  \nSeed: {args.seed}; date: {dt.date.today().isoformat()}; "
        f"run time: {seconds:.1f} s (copies {copies_seconds:.1f} s, paraphrases {paraphrase_seconds:.1f} s)  \n"
        f"Stories: {len(scores)} ({untouched} with nothing planted); "
        f"outlets: {sum(len(s.story.outlets) for s in scores)}. "
        "Every outlet is a copy of one article, so every word around a changed value is shared: "
        "this measures extraction and rules, not alignment across wording.",
        "### Copies: per claim kind\n\n" + kind_table(scores),
        "### Copies: per kind of edit\n\n" + edit_table(scores),
        "### Copies: false conflicts on stories with nothing planted\n\n" + untouched_table(scores),
        "### Copies: failures, per kind\n\n" + failure_table(scores),
        "## Planted discrepancies in paraphrases: one fact as two real outlets word it\n\n"
        f"Stories: {len(paraphrases)} ({untouched_p} with only harmless edits), each two real articles of one "
        "ECB+ cluster. An edit goes into one article's sentence that the other article states in its own words "
        "(same claim kind and value by crosscheck's extraction, sentences not copies); the other sentence is "
        "left as it was. This measures whether crosscheck sets the same fact against itself across outlets' "
        "wording. Findings the unedited articles already had are standing (real disagreements), neither true "
        "nor false.",
        "### Paraphrases: per claim kind\n\n" + kind_table(paraphrases),
        "### Paraphrases: per kind of edit\n\n" + edit_table(paraphrases),
        "### Paraphrases: false conflicts on stories with only harmless edits\n\n" + untouched_table(paraphrases),
        "### Paraphrases: failures, per kind\n\n" + failure_table(paraphrases),
        "### Paraphrases: sentence pairs found, and findings standing before any edit\n\n"
        + pairs_table(pair_counts(), paraphrases) + "\n\n" + standing_table(paraphrases),
        "## Hand-labelled real clusters\n\n" + cluster_table(clusters),
    ]
    print("\n\n".join(sections))
    if args.verbose:
        print("\n" + failure_examples(scores, clusters, args.examples, paraphrases))
    if args.write:
        kept = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        kept = kept[: kept.index(GENERATED)] if GENERATED in kept else "# Accuracy of crosscheck\n\n"
        RESULTS.write_text(kept + "\n\n".join(sections) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
