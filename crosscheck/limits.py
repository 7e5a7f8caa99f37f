"""Per-source caps: a source over one is skipped or cut with a one-line warning
naming the file; it never fails the story. Set with --max-source-kb and --max-claims.
And the story size from which a run uses every core."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # Many times a long article or its HTML page; at the slowest text seen, a few seconds a MB.
    max_source_bytes: int = 5 * 2**20
    # A long article makes a few hundred claims; past this a source is noise.
    max_claims: int = 5000


DEFAULT_LIMITS = Limits()

# With jobs=None, stories of fewer files run in one process: starting a pool
# (~1 s of imports per worker) costs more than it saves below this.
PARALLEL_MIN_FILES = 200
