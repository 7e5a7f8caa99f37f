"""Errors a user can cause. The CLI turns each into a one-line message and exit 2."""


class CrosscheckError(Exception):
    """Base class: the message is shown to the user as it is."""


class SourceError(CrosscheckError):
    """A source file cannot be read or holds no usable text. Names the file."""


class RuleFileError(CrosscheckError):
    """A rule file is malformed. Names the file, the line where known, and the reason."""


class StoreError(CrosscheckError):
    """The store cannot be opened, is locked, or was written by an unknown version."""
