"""The Python API: what the command line does, as functions that return a Report.

    import crosscheck

    report = crosscheck.check("stories/quake")
    for finding in report.findings:
        print(finding.status.value, finding.subject, finding.message)
    print(report.to_markdown())

Errors are raised, never printed: a CrosscheckError subclass (SourceError,
RuleFileError, ...) for bad input, with the one-line message the CLI shows.
See docs/api.md.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .limits import DEFAULT_LIMITS, Limits
from .model import Report, Source
from .rules.load import Rule, load_rules


def rules_in_force(
    rule_dirs: Iterable[str | Path] = (), disable: Iterable[str] = (), defaults: bool = True,
) -> list[Rule]:
    """The default rules (unless ``defaults=False``), plus the rule files in
    ``rule_dirs``, minus the ids in ``disable``."""
    return load_rules([Path(d) for d in rule_dirs], disable, include_defaults=defaults)


def check(
    sources: str | Path | Sequence[str | Path], *, rule_dirs: Iterable[str | Path] = (), disable: Iterable[str] = (),
    rules: Sequence[Rule] | None = None, jobs: int | None = 1, executor: str = "local", scheduler: str | None = None,
    limits: Limits = DEFAULT_LIMITS, follow_symlinks: bool = False, progress=None,
) -> Report:
    """Cross-check the files and folders in ``sources`` (one story) and return its Report.

    ``rule_dirs`` and ``disable`` choose the rules as --rules and --disable do;
    or pass ``rules`` (from rules_in_force) to reuse them across calls.
    ``jobs``: local processes (None: one per core for large stories);
    ``executor="dask"`` runs on the Dask scheduler at ``scheduler``.
    ``progress(done, total)`` hears of each extracted chunk of files.
    """
    from .parallel import check_stories

    paths = [sources] if isinstance(sources, (str, Path)) else list(sources)
    chosen = list(rules) if rules is not None else rules_in_force(rule_dirs, disable)
    (report,) = check_stories(
        [paths], chosen, jobs=jobs, executor=executor, scheduler=scheduler, progress=progress,
        limits=limits, follow_symlinks=follow_symlinks,
    )
    return report


def check_texts(
    texts: Mapping[str, str], *, published: Mapping[str, str] | None = None, outlets: Mapping[str, str] | None = None,
    rule_dirs: Iterable[str | Path] = (), disable: Iterable[str] = (), rules: Sequence[Rule] | None = None,
) -> Report:
    """Cross-check texts held in memory: ``{source id: text}``, with each
    source's ISO publication date and outlet where known. The texts are
    cleaned as files are (page debris, mojibake)."""
    from .ingest import ingest_text
    from .pipeline import check_documents

    meta = {
        source: {k: v for k, v in (("published", (published or {}).get(source)), ("outlet", (outlets or {}).get(source))) if v}
        for source in texts
    }
    documents = [ingest_text(source, text, meta[source]) for source, text in texts.items()]
    chosen = list(rules) if rules is not None else rules_in_force(rule_dirs, disable)
    return check_documents(documents, chosen)


def check_with_store(
    sources: str | Path | Sequence[str | Path], *, store: str | Path = ".crosscheck/store.db", story: str | None = None,
    rule_dirs: Iterable[str | Path] = (), disable: Iterable[str] = (), rules: Sequence[Rule] | None = None,
    verdicts: Mapping | None = None, baseline: dict | None = None, wait: float = 30.0,
    limits: Limits = DEFAULT_LIMITS, follow_symlinks: bool = False, progress=None,
    jobs: int | None = 1, executor: str = "local", scheduler: str | None = None,
):
    """Check a story against its last run in ``store`` (created when missing), as
    ``crosscheck check`` does: only new or changed files are extracted. Returns
    the run's UpdateResult: ``report``, ``changes`` (what changed since the last
    run, or since ``baseline``, a JSON report, on a first run), ``run_id``,
    ``extracted`` and ``reused``. ``verdicts`` are reviewers' (verdicts.load_verdicts); the
    files to read are extracted with ``jobs``, ``executor`` and ``scheduler`` as in ``check``."""
    from .store import Store, default_story_name, update_story

    paths = [sources] if isinstance(sources, (str, Path)) else list(sources)
    chosen = list(rules) if rules is not None else rules_in_force(rule_dirs, disable)
    with Store(str(store), timeout=wait) as opened:
        return update_story(
            opened, story or default_story_name(paths), paths, chosen, progress=progress, limits=limits,
            follow_symlinks=follow_symlinks, verdicts=verdicts, baseline=baseline,
            jobs=jobs, executor=executor, scheduler=scheduler,
        )


__all__ = ["Report", "Source", "check", "check_texts", "check_with_store", "rules_in_force"]
