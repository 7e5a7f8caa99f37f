"""Errors a user can cause, and the exit codes the CLI gives them.

The exit-code contract (README, ``crosscheck --help``):

- 0 done; 1 findings at or above ``--fail-on`` (and nothing else);
- 2 bad input or usage: a CrosscheckError, shown as one line naming the file;
- 75 a temporary failure worth retrying as it is (TemporaryFailure: the store
  is busy, the disk is full);
- 70 an internal error: a bug in crosscheck, one line, the traceback only
  under ``--debug``.
"""

import logging

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 70  # sysexits EX_SOFTWARE
EXIT_TEMPORARY = 75  # sysexits EX_TEMPFAIL: cron and CI may retry
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

# An error message is one line of at most this many characters, however large
# the value it quotes; a rule file's, which tells all of its problems at once
# (each quoting at most a short value), of at most MAX_RULE_MESSAGE.
MAX_MESSAGE = 300
MAX_RULE_MESSAGE = 1000


class CrosscheckError(Exception):
    """Base class: the message is shown to the user as it is."""


class SourceError(CrosscheckError):
    """A source file cannot be read or holds no usable text. Names the file."""


class RuleFileError(CrosscheckError):
    """A rule file is malformed. Names the file, the line where known, and the reason."""


class StoreError(CrosscheckError):
    """The store cannot be opened, is damaged, or was written by an unknown version."""


class TemporaryFailure(CrosscheckError):
    """The same command may succeed later: the store is busy, the disk is full."""


class StoreBusyError(StoreError, TemporaryFailure):
    """Another run held the store for longer than the wait."""


class EmptySourceError(SourceError):
    """A source holds no text once cleaned: skipped with a warning unless nothing else is left."""


# Warnings (a source skipped or cut by a limit) go through this logger: the CLI
# prints them as one line each on stderr; library callers may configure it.
log = logging.getLogger("crosscheck")


def warn(message: str) -> None:
    log.warning(message)
