"""Command line: the only code that reads argv, writes files and exits.

Exit codes: 0 success, 1 findings at or above --fail-on, 2 bad usage or bad input.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import click
from tqdm import tqdm

from .errors import CrosscheckError
from .model import Finding, Skipped, Status
from .parallel import PARALLEL_MIN_FILES, check_stories
from .report import FORMATS, OutputFormat, render
from .report.common import plural
from .rules.load import Rule, load_rules

# The store of `check` when --store is not given: crosscheck's own folder, made when missing.
DEFAULT_STORE = ".crosscheck/store.db"
# Progress bars appear only for runs over more sources than this.
PROGRESS_MIN_SOURCES = 5
FAIL_ON = {
    "conflict": {Status.CONFLICT},
    "update": {Status.CONFLICT, Status.UPDATE},
    "variant": {Status.CONFLICT, Status.UPDATE, Status.VARIANT},
    "any": {Status.CONFLICT, Status.UPDATE, Status.VARIANT, Status.AGREE},
    "never": set(),
}


class UserError(click.ClickException):
    """A CrosscheckError as the CLI shows it: one line, exit 2."""

    exit_code = 2


def _rules(rule_dirs: Sequence[str], disabled: Sequence[str]) -> list[Rule]:
    try:
        return load_rules([Path(d) for d in rule_dirs], disabled)
    except CrosscheckError as exc:
        raise UserError(str(exc)) from None


class ProgressBar:
    """A parallel.Progress drawn by tqdm on stderr, for runs over
    PROGRESS_MIN_SOURCES files on a terminal, unless quiet."""

    def __init__(self, quiet: bool, label: str) -> None:
        self.quiet, self.label = quiet, label
        self.bar: tqdm | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            show = not self.quiet and total > PROGRESS_MIN_SOURCES and sys.stderr.isatty()
            self.bar = tqdm(total=total, desc=self.label, unit="source", disable=not show, file=sys.stderr)
        self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def failing(findings: Iterable[Finding], fail_on: str) -> bool:
    return any(f.status in FAIL_ON[fail_on] for f in findings)


def _check_parent(path: str | None, create_dirs: bool) -> None:
    """A typo in a folder name must not scatter files: the parent folder of a
    file crosscheck writes must exist, unless --create-dirs asks for it."""
    if path and not create_dirs and not Path(path).parent.is_dir():
        raise UserError(f"{path}: folder {Path(path).parent} does not exist (--create-dirs creates it)")


def _warn_not_read(skipped: Iterable[Skipped]) -> None:
    for item in skipped:
        click.echo(f"crosscheck: not read: {item.file}: {item.reason}", err=True)


create_dirs_option = click.option("--create-dirs", is_flag=True, help="Create the missing folders of the file to write.")


def _write(text: str, output: str | None) -> None:
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
    help="A folder of your own rule files (*.yaml), added to the defaults. Repeatable.",
)
disable_option = click.option("--disable", multiple=True, metavar="RULE_ID", help="Turn a rule off. Repeatable.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crosscheck-claims")
def main() -> None:
    """crosscheck: where news sources on one story disagree and agree, with evidence.

    \b
    Example:
      crosscheck report ../shared/seeds -o reports/ice-body-cameras.md
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice([f.value for f in FORMATS]), default=None,
              help="Output format. Default: from the -o file's extension, else markdown.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file instead of stdout.")
@rules_option
@disable_option
@click.option("--fail-on", type=click.Choice(sorted(FAIL_ON)), default="never", show_default=True,
              help="Exit 1 when a finding of this status (or worse) is found.")
@quiet_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Ingest and extract with this many processes (or Dask workers for a local Dask cluster)."
                   f" Default: one per core for {PARALLEL_MIN_FILES} files or more, else 1.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the work runs: local processes, or a Dask distributed cluster (pip install 'crosscheck-claims[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler, e.g. tcp://host:8786. Default: a local Dask cluster of --jobs processes.")
@create_dirs_option
def report(sources, fmt, output, rule_dirs, disable, fail_on, quiet, jobs, engine, scheduler, create_dirs) -> None:
    """Cross-check SOURCES (files or folders) and write a report.

    \b
    Examples:
      crosscheck report ../shared/seeds -o reports/ice-body-cameras.md
      crosscheck report ../shared/seeds --format json > findings.json
      crosscheck report ../shared/seeds --format csv > claims.csv
      crosscheck report stories/quake --rules my-rules/ --disable quote-wording-variant
      crosscheck report stories/quake --jobs 4
      crosscheck report stories/quake --engine dask --scheduler tcp://scheduler:8786
    """
    rules = _rules(rule_dirs, disable)
    _check_parent(output, create_dirs)
    if scheduler and engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    progress = ProgressBar(quiet, "extracting")
    try:
        result, = check_stories([sources], rules, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)
    except CrosscheckError as exc:
        raise UserError(str(exc)) from None
    finally:
        progress.close()
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = {".json": "json", ".csv": "csv"}.get(suffix, "markdown")
    _warn_not_read(result.skipped)
    _write(render(result, OutputFormat(fmt)), output)
    if output and sys.stderr.isatty():
        click.echo(f"crosscheck: wrote {output}", err=True)
    if failing(result.findings, fail_on):
        sys.exit(1)


@main.command(name="rules")
@rules_option
@disable_option
def list_rules(rule_dirs, disable) -> None:
    """List the rules in force: id, kind, severity and summary.

    \b
    Example:
      crosscheck rules --rules my-rules/
    """
    rows = [f"{r.id}\t{r.kind.value}\t{r.severity.value}\t{r.summary}" for r in _rules(rule_dirs, disable)]
    click.echo("\n".join(rows))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_path", type=click.Path(dir_okay=False),
              help=f"The store file (SQLite); created when missing. Default: {DEFAULT_STORE} (its folder is created).")
@click.option("--story", help="The story's name in the store. Default: the name of the first SOURCES folder.")
@rules_option
@disable_option
@click.option("--fail-on", type=click.Choice(sorted(FAIL_ON)), default="conflict", show_default=True,
              help="Exit 1 when a finding newly reaches this status (or worse) in this run.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="How to print the change set.")
@click.option("--wait", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Seconds to wait while another run holds the store, then exit 2.")
@quiet_option
@create_dirs_option
def check(sources, store_path, story, rule_dirs, disable, fail_on, fmt, wait, quiet, create_dirs) -> None:
    """Check SOURCES against the story's last run in the store; print what changed.

    Only new or changed files are extracted; the rest re-use their stored claims.
    Exit 0: nothing new at or above --fail-on; 1: something new is; 2: bad input.

    \b
    Examples:
      crosscheck check stories/quake                      # cron: exit 1 on a new conflict
      crosscheck check stories/quake --store /var/lib/crosscheck.db --format json
      crosscheck check inbox/*.txt --story quake --fail-on variant
    """
    from .changes import render_changes_json, render_changes_markdown
    from .store import Store, default_story_name, update_story

    rules = _rules(rule_dirs, disable)
    _check_parent(store_path, create_dirs)
    store_path = store_path or DEFAULT_STORE
    story = story or default_story_name(sources)
    progress = ProgressBar(quiet, "extracting new files")
    try:
        with Store(store_path, timeout=wait) as store:
            result = update_story(store, story, sources, rules, progress=progress)
    except CrosscheckError as exc:
        raise UserError(str(exc)) from None
    finally:
        progress.close()
    _warn_not_read(result.report.skipped)
    counts = {"story": story, "run": result.run_id, "extracted": result.extracted, "reused": result.reused}
    if fmt == "json":
        click.echo(render_changes_json(result.changes, **counts), nl=False)
    else:
        click.echo(render_changes_markdown(result.changes, title=f"crosscheck: what changed in {story}"))
        click.echo(f"Run {result.run_id}: {plural(result.extracted, 'source')} extracted, {result.reused} re-used from the store.")
    if result.changes.new_at(s.value for s in FAIL_ON[fail_on]):
        sys.exit(1)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@click.option("--fail-on", type=click.Choice(sorted(FAIL_ON)), default="never", show_default=True,
              help="Exit 1 when NEW has a finding of this status (or worse) that OLD had not.")
def diff(old, new, fmt, fail_on) -> None:
    """Summarize what changed between two JSON reports, as markdown for a pull request.

    \b
    Example:
      crosscheck report stories/quake --format json -o new.json
      crosscheck diff reports/quake.json new.json > comment.md
    """
    import json

    from .changes import diff_reports, render_changes_json, render_changes_markdown, validate_report

    reports = []
    for path in (old, new):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            validate_report(data)
        except OSError as exc:
            raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError(f"{path}: not valid JSON ({exc})") from None
        except ValueError as exc:
            raise UserError(f"{path}: {exc}") from None
        reports.append(data)
    changes = diff_reports(*reports)
    if fmt == "json":
        click.echo(render_changes_json(changes), nl=False)
    else:
        click.echo(render_changes_markdown(changes, title=f"crosscheck: {Path(old).name} → {Path(new).name}"))
    if changes.new_at(s.value for s in FAIL_ON[fail_on]):
        sys.exit(1)
