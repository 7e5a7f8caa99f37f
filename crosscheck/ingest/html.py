"""HTML pages: trafilatura finds the main text and the page metadata."""
from __future__ import annotations

from pathlib import Path

from .raw import RawSource, read_text_file

# No date guessing from free text, and no dependence on today's date beyond
# htmldate's sanity bound: the same page gives the same date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path) -> list[RawSource]:
    # Imported here: it takes ~0.25 s, and most runs (and worker processes) read no HTML.
    import trafilatura

    page = trafilatura.bare_extraction(
        read_text_file(path),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if page is None or not (page.text or "").strip():
        return [RawSource(path.stem, "")]
    meta = {"title": page.title, "author": page.author, "published": page.date, "outlet": page.sitename, "url": page.url}
    return [RawSource(path.stem, page.text, {k: v for k, v in meta.items() if v})]
