"""The whole check as pure functions: documents -> claims -> groups -> findings -> Report."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence

from .align import align_claims
from .collector import collector_paused
from .extract import extract_claims
from .model import Claim, Document, Report, Skipped, Source
from .rules.engine import evaluate
from .rules.load import Rule

# Sources further apart than this may describe a story that moved on.
TIME_APART_DAYS = 30


def time_apart_note(sources: Sequence[Source]) -> str | None:
    dates = sorted(s.published for s in sources if s.published)
    if len(dates) < 2:
        return None
    first, last = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
    days = (last - first).days
    if days <= TIME_APART_DAYS:
        return None
    return (
        f"Sources were published {days} days apart ({first} to {last}): "
        "a difference may be a change over time, not a contradiction."
    )


ONE_SOURCE_NOTE = (
    "Only one source was read, so there is nothing to compare: no conflicts or agreements can be found, and every"
    " claim is single-source. Add another report of the same story."
)


# CPU seconds of the stages of the last check_claims in this process: what the
# benchmark reports per stage (bench/run.py); nothing reads it to decide anything.
LAST_STAGE_CPU: dict[str, float] = {}


@collector_paused()
def check_claims(
    sources: Sequence[Source], claims: Iterable[Claim], rules: Sequence[Rule], skipped: Sequence[Skipped] = (),
) -> Report:
    """Align stored or fresh claims and run the rules over them; ``skipped`` are the files not read."""
    started = time.process_time()
    claims = tuple(sorted(claims, key=lambda c: (c.source, c.start, c.end, c.kind.value, c.id)))
    groups = tuple(align_claims(claims))
    aligned = time.process_time()
    sources = tuple(sorted(sources, key=lambda s: s.id))
    findings = tuple(evaluate(rules, groups, {s.id: s.published for s in sources if s.published}))
    LAST_STAGE_CPU.update(align=aligned - started, rules=time.process_time() - aligned)
    notes = tuple(n for n in (time_apart_note(sources), ONE_SOURCE_NOTE if len(sources) == 1 else None) if n)
    return Report(sources=sources, claims=claims, groups=groups, findings=findings, notes=notes, skipped=tuple(skipped))


def check_documents(documents: Sequence[Document], rules: Sequence[Rule]) -> Report:
    claims = [claim for doc in documents for claim in extract_claims(doc)]
    return check_claims([d.source for d in documents], claims, rules)
