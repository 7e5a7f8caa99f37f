"""Command line: the only code that reads argv, writes files and exits.

Exit codes (the contract in errors.py): 0 done, 1 findings at or above
--fail-on, 2 bad usage or bad input, 75 a temporary failure, 70 an internal error,
130 interrupted.
"""
from __future__ import annotations

import errno
import logging
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from typing import TYPE_CHECKING

import click

from .errors import (
    EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TEMPORARY, MAX_MESSAGE, MAX_RULE_MESSAGE, CrosscheckError,
    RuleFileError, TemporaryFailure, log,
)
from .files import write_atomic
from .limits import PARALLEL_MIN_FILES, Limits
from .model import Finding, Skipped, Status
from .report import RENDERERS

# The pipeline, the renderers and the progress bars are imported by the
# commands that use them, so that --help and a bad argument answer at once.
if TYPE_CHECKING:
    from tqdm import tqdm

    from .config import Config
    from .rules.load import Rule

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


EXIT_CODES_HELP = (
    "Exit codes: 0 done; 1 a finding at or above --fail-on (nothing else exits 1);"
    f" {EXIT_INPUT} bad usage or bad input; {EXIT_TEMPORARY} a temporary failure (store busy, disk full):"
    f" run again later; {EXIT_INTERNAL} an internal error (a bug: --debug shows the traceback);"
    f" {EXIT_INTERRUPTED} interrupted (Ctrl-C)."
)


def one_line(message: object) -> str:
    line = " ".join(str(message).split())
    limit = MAX_RULE_MESSAGE if isinstance(message, RuleFileError) else MAX_MESSAGE
    return line if len(line) <= limit else line[: limit - 3] + "..."


class UserError(click.ClickException):
    """A CrosscheckError as the CLI shows it: one line, exit 2."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class _WarningLine(logging.Handler):
    """crosscheck's warnings (a source skipped, a cap that cut in) as one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"crosscheck: warning: {one_line(record.getMessage())}", err=True)


class ContractGroup(click.Group):
    """Maps every way a command can end onto the exit-code contract: click's own
    errors (1 for some) become 2, a CrosscheckError 2, a TemporaryFailure or a
    full disk 75, anything else 70 with one line (the traceback under --debug)."""

    debug = False

    def main(self, *args, **kwargs):
        ContractGroup.debug = False
        kwargs.pop("standalone_mode", None)
        handler = _WarningLine()
        log.addHandler(handler)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
            sys.exit(code if isinstance(code, int) else 0)
        except click.ClickException as exc:
            exc.show()
            sys.exit(EXIT_INPUT if exc.exit_code == 1 else exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("crosscheck: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except TemporaryFailure as exc:
            _fail(f"Error: {one_line(exc)}", EXIT_TEMPORARY)
        except CrosscheckError as exc:
            _fail(f"Error: {one_line(exc)}", EXIT_INPUT)
        except OSError as exc:  # writing the output: reading is a SourceError or StoreError already
            name = exc.filename or "stdout"
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                _fail(f"Error: {name}: cannot write ({exc.strerror}); run again when there is room", EXIT_TEMPORARY)
            if exc.errno == errno.EPIPE:
                _fail(f"Error: {name}: closed before the output was written", EXIT_TEMPORARY)
            if exc.filename:
                _fail(f"Error: {one_line(f'{name}: cannot write ({exc.strerror or exc})')}", EXIT_INPUT)
            self._internal(exc)
        except MemoryError:
            _fail("crosscheck: out of memory; run again with fewer sources or a lower --max-source-kb", EXIT_TEMPORARY)
        except Exception as exc:
            self._internal(exc)
        finally:
            log.removeHandler(handler)

    def _internal(self, exc: BaseException) -> None:
        if ContractGroup.debug:
            traceback.print_exception(exc, file=sys.stderr)
        _fail(f"crosscheck: internal error: {one_line(f'{type(exc).__name__}: {exc}')} (--debug shows where)", EXIT_INTERNAL)


def _fail(message: str, code: int) -> None:
    """Say ``message`` on stderr and exit with ``code``. Stdout that cannot be
    written (a full disk) is pointed at /dev/null first, or Python's exit would
    try to flush it again and end with its own code."""
    try:
        sys.stdout.flush()
    except OSError:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass  # not a real file (a test's capture): nothing left to flush at exit
    click.echo(message, err=True)
    sys.exit(code)


def _config(config_path: str | None, sources: Sequence[str]) -> Config:
    """The settings file in force: --config, else the nearest one above the story folder (or here)."""
    from .config import Config, find_config, load_config

    path = Path(config_path) if config_path else find_config(sources[0] if sources else Path.cwd())
    return load_config(path) if path else Config()


def _rules(rule_dirs: Sequence[str], disabled: Sequence[str], config: Config) -> list[Rule]:
    """The rules in force: the defaults, the config's and --rules folders, less
    what the config and --disable turn off, with the config's settings."""
    from .config import apply_config
    from .rules.load import load_rules

    return apply_config(load_rules([*config.rule_dirs, *map(Path, rule_dirs)], disabled), config)


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, exists=True),
    help="A settings file (crosscheck.yaml or pyproject.toml). Default: the nearest one above the story folder.",
)


class ProgressBar:
    """A parallel.Progress drawn by tqdm on stderr, for runs over
    PROGRESS_MIN_SOURCES files on a terminal, unless quiet."""

    def __init__(self, quiet: bool, label: str) -> None:
        self.quiet, self.label = quiet, label
        self.bar: tqdm | None | bool = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if self.quiet or total <= PROGRESS_MIN_SOURCES or not sys.stderr.isatty():
                self.bar = False  # never drawn: tqdm is not even imported
                return
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.label, unit="source", file=sys.stderr)
        if self.bar:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar:
            self.bar.close()


def failing(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether a finding reaches --fail-on; one a reviewer dismissed never does."""
    return any(f.status in FAIL_ON[fail_on] and not (f.review and f.review.dismisses) for f in findings)


verdicts_option = click.option(
    "--verdicts", "verdicts_path", type=click.Path(dir_okay=False),
    help="Reviewers' verdicts (crosscheck review). Default: verdicts.yaml in the first SOURCES folder.",
)


def _verdicts_path(verdicts_path: str | None, sources: Sequence[str]) -> Path | None:
    from .verdicts import default_verdicts_path

    return Path(verdicts_path) if verdicts_path else default_verdicts_path(list(sources))


def _warn_unmatched(verdicts: dict, findings: Iterable[Finding], verdicts_path: str | None, sources: Sequence[str]) -> None:
    """A verdict whose finding is gone (resolved, or its rule turned off) is kept, and said."""
    gone = sorted(set(verdicts) - {f.id for f in findings})
    if gone:
        log.warning(
            "%s: no finding now for the verdict%s on %s (kept in the file)",
            _verdicts_path(verdicts_path, sources), "s" if len(gone) > 1 else "", ", ".join(gone),
        )


def _read_report(path: str) -> dict:
    """A JSON report written by crosscheck, checked down to what a diff reads."""
    import json

    from . import safe_json
    from .changes import validate_report

    try:
        data = safe_json.loads(Path(path).read_text(encoding="utf-8"))
        validate_report(data)
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path}: not valid JSON ({exc})") from None
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from None
    return data


def _verdicts(verdicts_path: str | None, sources: Sequence[str]) -> dict:
    """The verdicts that apply to this run: {} when there is no file."""
    from .verdicts import load_verdicts

    path = _verdicts_path(verdicts_path, sources)
    return load_verdicts(path) if path else {}


def _check_parent(path: str | None, create_dirs: bool) -> None:
    """A typo in a folder name must not scatter files: the parent folder of a
    file crosscheck writes must exist, unless --create-dirs asks for it."""
    if path and not create_dirs and not Path(path).parent.is_dir():
        raise UserError(f"{path}: folder {Path(path).parent} does not exist (--create-dirs creates it)")


def _warn_not_read(skipped: Iterable[Skipped]) -> None:
    for item in skipped:
        click.echo(f"crosscheck: not read: {item.file}: {item.reason}", err=True)


create_dirs_option = click.option("--create-dirs", is_flag=True, help="Create the missing folders of the file to write.")


def executor_options(command):
    """--jobs, --executor and --scheduler: where ingest and extraction run."""
    for option in reversed((
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Ingest and extract with this many processes (or Dask workers for a local Dask cluster)."
                          f" Default: one per core for {PARALLEL_MIN_FILES} files or more, else 1."),
        click.option("--executor", "--engine", "executor", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True,
                     help="Where the work runs: local processes, or a Dask distributed cluster"
                          " (pip install 'crosscheck-claims[dask]'). --engine is its former name."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="With --executor dask: the scheduler, e.g. tcp://host:8786."
                          " Default: a local Dask cluster of --jobs processes."),
    )):
        command = option(command)
    return command


def _check_executor(executor: str, scheduler: str | None) -> None:
    if scheduler and executor != "dask":
        raise UserError("--scheduler needs --executor dask")


ECHO_BYTES = 2**20


def _dash_is_stdout(_ctx, _param, value: str | None) -> str | None:
    """ "-o -" writes to stdout, as most command-line tools read "-"."""
    return None if value == "-" else value


def _write(pieces: Iterable[bytes], output: str | None) -> None:
    """Write to stdout, or to ``output`` atomically: a temp file beside it, fsync,
    then rename over it, so a kill or a full disk never leaves a cut report
    where the old one was. A device or FIFO (/dev/stdout) is written in place."""
    if not output:
        batch: list[bytes] = []
        size = 0
        for piece in pieces:  # echoed a megabyte at a time: click flushes each echo
            batch.append(piece)
            size += len(piece)
            if size >= ECHO_BYTES:
                click.echo(b"".join(batch), nl=False)
                batch, size = [], 0
        click.echo(b"".join(batch), nl=False)
        return
    try:
        write_atomic(Path(output), pieces)
    except OSError as exc:
        exc.filename = output  # the error names the -o file, not a temp file beside it
        raise


def _refuse_output_among_sources(output: str | None, sources: Sequence[str]) -> None:
    """-o into a SOURCES folder, in a format crosscheck reads, would make the
    report a source of the next run."""
    from .ingest import READERS

    if not output:
        return
    out = Path(output).resolve()
    if out.suffix.lower() not in READERS or out.name.startswith("."):
        return
    for source in sources:
        folder = Path(source).resolve()
        if out == folder or (folder.is_dir() and out.is_relative_to(folder)
                             and not any(p.startswith(".") for p in out.relative_to(folder).parts)):
            raise UserError(
                f"{output}: inside the sources folder {source}, so the next run would read the report"
                " as a source; write it elsewhere (or as .csv)"
            )


rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
    help="A folder of your own rule files (*.yaml), added to the defaults. Repeatable.",
)
disable_option = click.option("--disable", multiple=True, metavar="RULE_ID", help="Turn a rule off. Repeatable.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")


def source_options(command):
    """The options on what is read: links out of a folder, and the caps per source."""
    defaults = Limits()
    command = click.option(
        "--follow-symlinks", is_flag=True,
        help="Read files that links in a SOURCES folder point to outside it (default: skip them, with a note).",
    )(command)
    command = click.option(
        "--max-claims", type=click.IntRange(min=1), default=defaults.max_claims, show_default=True,
        help="Keep at most this many claims of one source (a warning says when it cuts in).",
    )(command)
    return click.option(
        "--max-source-kb", type=click.IntRange(min=1), default=defaults.max_source_bytes // 1024, show_default=True,
        help="Skip, with a note, a source file larger than this.",
    )(command)


def _limits(max_source_kb: int, max_claims: int) -> Limits:
    return Limits(max_source_bytes=max_source_kb * 1024, max_claims=max_claims)


@click.group(cls=ContractGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="crosscheck-claims")
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback.")
def main(debug: bool) -> None:
    """crosscheck: where news sources on one story disagree and agree, with evidence.

    \b
    Example:
      crosscheck report stories/quake -o reports/quake.md
    """
    ContractGroup.debug = debug


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice([f.value for f in RENDERERS]), default=None,
              help="Output format. Default: from the -o file's extension, else markdown.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), callback=_dash_is_stdout,
    help="Write the report to this file instead of stdout (\"-\": stdout).",
)
@rules_option
@disable_option
@click.option("--fail-on", type=click.Choice(sorted(FAIL_ON)), default=None,
              help="Exit 1 when a finding of this status (or worse) is found. Default: the config's, else never.")
@quiet_option
@executor_options
@create_dirs_option
@verdicts_option
@config_option
@source_options
def report(sources, fmt, output, rule_dirs, disable, fail_on, quiet, jobs, executor, scheduler, create_dirs,
           verdicts_path, config_path, max_source_kb, max_claims, follow_symlinks) -> None:
    """Cross-check SOURCES (files or folders) and write a report.

    \b
    Examples:
      crosscheck report stories/quake -o reports/quake.md
      crosscheck report stories/quake --format json > findings.json
      crosscheck report stories/quake --format csv > claims.csv
      crosscheck report stories/quake --rules my-rules/ --disable quote-wording-variant
      crosscheck report stories/quake --jobs 4
      crosscheck report stories/quake --executor dask --scheduler tcp://scheduler:8786
    """
    config = _config(config_path, sources)
    rules = _rules(rule_dirs, disable, config)
    verdicts = _verdicts(verdicts_path or config.verdicts, sources)
    fmt = fmt or config.format
    fail_on = fail_on or config.fail_on or "never"
    _check_parent(output, create_dirs)
    _check_executor(executor, scheduler)
    _refuse_output_among_sources(output, sources)
    from .api import check

    progress = ProgressBar(quiet, "extracting")
    try:
        result = check(
            sources, rules=rules, jobs=jobs, executor=executor, scheduler=scheduler, progress=progress,
            limits=_limits(max_source_kb, max_claims), follow_symlinks=follow_symlinks,
        )
    finally:
        progress.close()
    from .verdicts import apply_verdicts

    result = apply_verdicts(result, verdicts)
    _warn_unmatched(verdicts, result.findings, verdicts_path or config.verdicts, sources)
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html"}.get(suffix, "markdown")
    _warn_not_read(result.skipped)
    from .report import render_chunks

    _write(render_chunks(result, fmt), output)
    if output and sys.stderr.isatty():
        click.echo(f"crosscheck: wrote {output}", err=True)
    if failing(result.findings, fail_on):
        sys.exit(EXIT_FINDINGS)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--finding", "finding_id", required=True, metavar="ID", help="The finding's id, as reports show it.")
@click.option("--dismiss", metavar="REASON", help="Checked, not a problem: why.")
@click.option("--accept", metavar="REASON", help="Checked, a real problem: why.")
@click.option("--clear", is_flag=True, help="Take the finding's verdict back.")
@click.option("--by", metavar="NAME", help="Who reviewed it. Default: the login name.")
@verdicts_option
@rules_option
@disable_option
@config_option
@source_options
def review(sources, finding_id, dismiss, accept, clear, by, verdicts_path, rule_dirs, disable, config_path,
           max_source_kb, max_claims, follow_symlinks) -> None:
    """Record a reviewer's verdict on a finding of the story in SOURCES.

    A dismissed finding moves to a collapsed "Dismissed by reviewers" section of
    the report and never counts toward --fail-on; an accepted one says who
    checked it. A verdict stops applying (it is shown as stale) when the finding
    changes: another value, or another source taking a side.

    \b
    Examples:
      crosscheck review stories/quake --finding 5b7bbad8ffbe --dismiss "The later toll counts the crew"
      crosscheck review stories/quake --finding 0036aadab541 --accept "Confirmed with the agency" --by "Ann Lee"
      crosscheck review stories/quake --finding 5b7bbad8ffbe --clear
    """
    import datetime as dt
    import getpass

    from .api import check
    from .verdicts import dump_verdicts, load_verdicts, verdict_for

    if sum(map(bool, (dismiss, accept, clear))) != 1:
        raise UserError("give exactly one of --dismiss REASON, --accept REASON, --clear")
    config = _config(config_path, sources)
    path = _verdicts_path(verdicts_path or config.verdicts, sources)
    if path is None:
        raise UserError(f"{sources[0]}: not a folder, so give the verdicts file with --verdicts FILE")
    _check_parent(str(path), create_dirs=False)
    verdicts = load_verdicts(path)
    if clear:
        if verdicts.pop(finding_id, None) is None:
            raise UserError(f"{path}: no verdict on finding {finding_id}")
        said = "cleared the verdict on"
    else:
        result = check(
            sources, rules=_rules(rule_dirs, disable, config), limits=_limits(max_source_kb, max_claims),
            follow_symlinks=follow_symlinks,
        )
        finding = next((f for f in result.findings if f.id == finding_id), None)
        if finding is None:
            raise UserError(f"no finding {finding_id} in the story in {', '.join(sources)} (its report lists the ids)")
        by = by or os.environ.get("CROSSCHECK_REVIEWER") or getpass.getuser()
        today = dt.datetime.now(dt.timezone.utc).date().isoformat()
        verdict = verdict_for(finding, "dismissed" if dismiss else "accepted", dismiss or accept, by, today)
        verdicts[finding_id] = verdict
        said = f"{verdict.decision} {finding.rule}: {finding.subject or finding.kind.value},"
    write_atomic(path, dump_verdicts(verdicts))
    click.echo(f"crosscheck: {said} finding {finding_id}, in {path}", err=True)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("urls", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed: fetch the pages it lists. Repeatable.")
@click.option("--story", required=True, type=click.Path(file_okay=False), help="The story folder to save the pages in.")
@click.option("--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True, help="Seconds to wait for one page.")
@click.option("--max-kb", type=click.IntRange(min=1), default=5120, show_default=True, help="Skip a page larger than this.")
@click.option("--allow-local", is_flag=True,
              help="Fetch from private and loopback addresses too (an intranet CMS, a test server); off by default.")
@create_dirs_option
def fetch(urls, feeds, story, timeout, max_kb, allow_local, create_dirs) -> None:
    """Save web pages (URLS, or those a --feed lists) into a story folder, and
    record each in its sources.yaml: URL, outlet, title and date from the page.

    A page already saved (same URL, or same bytes) is skipped. Each page that
    cannot be had is named on stderr with its reason; the others are saved.
    Exit 0: all saved or skipped; 2: a URL is wrong (not http, or the server
    says 4xx); 75: a page could not be had for now (unreachable, timed out,
    server error): run again later.

    \b
    Examples:
      crosscheck fetch https://example.org/news/quake https://example.com/quake-toll --story stories/quake
      crosscheck fetch --feed https://example.org/world/rss.xml --story stories/quake
    """
    from .fetch import feed_links, fetch_pages

    if not urls and not feeds:
        raise UserError("give URLS to fetch, or --feed URL")
    folder = Path(story)
    if create_dirs:
        folder.mkdir(parents=True, exist_ok=True)
    listed, failed_feeds = list(urls), []
    for feed in feeds:
        links = feed_links(feed, timeout=timeout, allow_local=allow_local)
        if links:
            listed += links
        else:
            failed_feeds.append((feed, "no article links (unreachable, or not an RSS or Atom feed)"))
    for feed, why in failed_feeds:
        click.echo(f"crosscheck: could not fetch {feed}: {why}", err=True)

    def told(outcome: str, url: str, detail: str) -> None:  # each page as it is done: a long fetch shows progress
        said = {"saved": f"saved {url} as {folder / detail}", "skipped": f"skipped {url}: {detail}"}
        click.echo(f"crosscheck: {said.get(outcome, f'could not fetch {url}: {detail}')}", err=True)

    result = fetch_pages(
        listed, folder, timeout=timeout, max_bytes=max_kb * 1024, allow_local=allow_local, told=told,
    )
    failed = failed_feeds + result.failed
    if any(why.startswith(("HTTP 4", "not an http")) for _, why in failed):
        sys.exit(EXIT_INPUT)
    if failed:
        sys.exit(EXIT_TEMPORARY)


@main.command(name="rules", epilog=EXIT_CODES_HELP)
@rules_option
@disable_option
@config_option
def list_rules(rule_dirs, disable, config_path) -> None:
    """List the rules in force: id, kind, severity, summary, and where each comes from.

    The settings file is --config, else the nearest one above this folder.

    \b
    Example:
      crosscheck rules --rules my-rules/
    """
    from .rules.load import default_rules_dir

    config = _config(config_path, [])
    defaults = default_rules_dir().resolve()
    rows = []
    for rule in _rules(rule_dirs, disable, config):
        folder = Path(rule.path).resolve().parent
        origin = "default" if folder == defaults else f"folder {folder}"
        if rule.id in config.overrides:
            origin += f"; settings from {config.path}"
        rows.append(f"{rule.id}\t{rule.kind.value}\t{rule.severity.value}\t{rule.summary}\t{origin}")
    click.echo("\n".join(rows))


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_path", type=click.Path(dir_okay=False),
              help=f"The store file (SQLite); created when missing. Default: {DEFAULT_STORE} (its folder is created).")
@click.option("--story", help="The story's name in the store. Default: the name of the first SOURCES folder.")
@rules_option
@disable_option
@click.option("--fail-on", type=click.Choice(sorted(FAIL_ON)), default=None,
              help="Exit 1 when a finding newly reaches this status (or worse) in this run."
                   " Default: the config's, else conflict.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="How to print the change set.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
              help="A JSON report to compare with when the store has no run of the story yet, so that adopting"
                   " crosscheck on an existing story fails on what is new since that report, not on all of it.")
@click.option("--wait", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help=f"Seconds to wait while another run holds the store, then exit {EXIT_TEMPORARY}.")
@quiet_option
@executor_options
@create_dirs_option
@verdicts_option
@config_option
@source_options
def check(sources, store_path, story, rule_dirs, disable, fail_on, fmt, baseline_path, wait, quiet, jobs, executor,
          scheduler, create_dirs, verdicts_path, config_path, max_source_kb, max_claims, follow_symlinks) -> None:
    """Check SOURCES against the story's last run in the store; print what changed.

    Only new or changed files are extracted; the rest re-use their stored claims.
    Exit 0: nothing new at or above --fail-on; 1: something new is.

    \b
    Examples:
      crosscheck check stories/quake                      # cron: exit 1 on a new conflict
      crosscheck check stories/quake --store /var/lib/crosscheck.db --format json
      crosscheck check inbox/*.txt --story quake --fail-on variant
    """
    from .api import check_with_store
    from .changes import render_changes_json, render_changes_markdown
    from .report.common import plural
    from .store import default_story_name

    config = _config(config_path, sources)
    rules = _rules(rule_dirs, disable, config)
    verdicts = _verdicts(verdicts_path or config.verdicts, sources)
    fail_on = fail_on or config.fail_on or "conflict"
    baseline = _read_report(baseline_path) if baseline_path else None
    store_path = store_path or (str(config.store) if config.store else None)
    _check_parent(store_path, create_dirs)
    store_path = store_path or DEFAULT_STORE
    _check_executor(executor, scheduler)
    story = story or default_story_name(sources)
    progress = ProgressBar(quiet, "extracting new files")
    try:
        result = check_with_store(
            sources, store=store_path, story=story, rules=rules, verdicts=verdicts, baseline=baseline, wait=wait,
            progress=progress, limits=_limits(max_source_kb, max_claims), follow_symlinks=follow_symlinks,
            jobs=jobs, executor=executor, scheduler=scheduler,
        )
    finally:
        progress.close()
    _warn_not_read(result.report.skipped)
    _warn_unmatched(verdicts, result.report.findings, verdicts_path or config.verdicts, sources)
    counts = {"story": story, "run": result.run_id, "extracted": result.extracted, "reused": result.reused}
    if fmt == "json":
        click.echo(render_changes_json(result.changes, **counts), nl=False)
    else:
        click.echo(render_changes_markdown(result.changes, title=f"crosscheck: what changed in {story}"))
        click.echo(f"Run {result.run_id}: {plural(result.extracted, 'source')} extracted, {result.reused} re-used from the store.")
    if result.changes.new_at(s.value for s in FAIL_ON[fail_on]):
        sys.exit(EXIT_FINDINGS)


@main.command(epilog=EXIT_CODES_HELP)
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
    from .changes import diff_reports, render_changes_json, render_changes_markdown

    changes = diff_reports(_read_report(old), _read_report(new))
    if fmt == "json":
        click.echo(render_changes_json(changes), nl=False)
    else:
        click.echo(render_changes_markdown(changes, title=f"crosscheck: {Path(old).name} → {Path(new).name}"))
    if changes.new_at(s.value for s in FAIL_ON[fail_on]):
        sys.exit(EXIT_FINDINGS)
