"""Source metadata: what a file declares, and what its header lines say when it does not."""
from __future__ import annotations

import datetime as dt

from ..cache import compiled_regex
from .lines import parse_date, parse_header
from .outlet import page_outlet

FIELDS = ("outlet", "url", "published", "title", "author")
_ISO_DATE = compiled_regex(r"^\d{4}-\d{2}-\d{2}")


def infer_metadata(text: str) -> dict[str, str | None]:
    """Title, outlet, author and publication date read from the top of repaired text.

    ``text`` is one paragraph per line (``clean.repair_text``). Fields that the
    header does not show are None; page chrome such as "Today: <date>" is the
    scrape date and is never taken for the publication date.
    """
    lines = text.split("\n")
    header = parse_header(lines)
    return {
        "title": lines[header.title_index] if header.title_index is not None else None,
        "outlet": page_outlet(lines, header),
        "author": header.author,
        "published": header.published,
    }


# How dateparser reads a declared date: a whole day, month and year, never
# relative to today ("yesterday" is refused), English month names; slashed
# dates month first (03/04/2031 is March 4) unless the first number exceeds 12.
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False,
}


def normalize_published(value: object) -> str:
    """A declared date (YAML date, ISO string, "June 4, 2031", "03/15/2031",
    "15.03.2031") as YYYY-MM-DD; ValueError if unreadable."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    if _ISO_DATE.match(text):
        try:
            dt.date.fromisoformat(text[:10])
        except ValueError as exc:  # 2024-13-40
            raise ValueError(f"cannot read date {text[:40]!r} ({exc})") from None
        return text[:10]
    iso = parse_date(text)
    if iso is not None:
        return iso
    import dateparser  # here, not at the top: most declared dates are ISO

    parsed = dateparser.parse(text[:100], languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise ValueError(f"cannot read date {text[:40]!r}")
    return parsed.date().isoformat()


def merge_metadata(inferred: dict, *declared: dict | None) -> dict[str, str | None]:
    """Later sources of metadata win over earlier ones, and any of them over inference.
    ValueError "<field>: <reason>" for a declared value that is not one."""
    merged = {key: inferred.get(key) for key in FIELDS}
    for meta in declared:
        for key in FIELDS:
            value = (meta or {}).get(key)
            if value in (None, ""):
                continue
            if not isinstance(value, (str, int, float, dt.date)):  # a list or mapping is no field value
                raise ValueError(f"{key}: must be text, not a {type(value).__name__}")
            try:
                merged[key] = normalize_published(value) if key == "published" else str(value).strip()
            except ValueError as exc:
                raise ValueError(f"{key}: {exc}") from None
    return merged
