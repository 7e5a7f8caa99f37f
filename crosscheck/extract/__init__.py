"""Extract: Document -> claims. One module per claim kind; EXTRACTORS is the registry.

A new extractor is a module with a pure ``extract_<kind>(doc) -> list[Claim]``
and one entry here.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import warn
from ..limits import DEFAULT_LIMITS
from ..model import Claim, ClaimKind, Document
from .conditions import extract_conditions
from .counts import extract_counts
from .dates import extract_dates
from .people import extract_people
from .places import extract_places
from .positions import with_positions
from .quotes import extract_quotes
from .times import extract_times

EXTRACTORS: dict[ClaimKind, Callable[[Document], list[Claim]]] = {
    ClaimKind.COUNT: extract_counts,
    ClaimKind.PLACES: extract_places,
    ClaimKind.DATE: extract_dates,
    ClaimKind.PERSON: extract_people,
    ClaimKind.QUOTE: extract_quotes,
    ClaimKind.TIME: extract_times,
    ClaimKind.CONDITION: extract_conditions,
}


def extract_claims(doc: Document, max_claims: int = DEFAULT_LIMITS.max_claims) -> list[Claim]:
    """Every claim of one document, in a deterministic order; past ``max_claims``
    the first ones only, with a warning (no real article comes near it)."""
    claims = [claim for kind in ClaimKind for claim in EXTRACTORS[kind](doc)]
    claims.sort(key=lambda c: (c.start, c.end, c.kind.value, c.id))
    if len(claims) > max_claims:
        warn(f"{doc.source.path or doc.source.id}: {len(claims):,} claims, only the first {max_claims:,} kept (--max-claims)")
        del claims[max_claims:]
    return with_positions(doc.file_text, claims)
