"""Sources from the web: save pages into a story folder and record them in its manifest.

    crosscheck fetch https://example.org/a https://example.org/b --story stories/quake
    crosscheck fetch --feed https://example.org/rss.xml --story stories/quake

Each page is saved as it was served (``<host>-<path>.html``), once: a URL the
manifest already lists, or a page whose bytes equal a file already saved, is
skipped with a note. The folder's ``sources.yaml`` gets one entry per page:
the URL it was fetched from, and the outlet, title and date the page itself
gives (read as `report` reads any HTML page). Downloads go through
trafilatura (timeout, size cap, redirects, and its guard against private
addresses unless ``allow_local``). A page that cannot be had is named with
its reason in one line; the others are still saved.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import safe_yaml
from .errors import CrosscheckError
from .files import write_atomic

MANIFEST = "sources.yaml"
DEFAULT_TIMEOUT = 30
DEFAULT_MAX_BYTES = 5 * 2**20
# A saved file's name: the URL's host and path, made safe, at most this long.
MAX_NAME = 100


class FetchError(CrosscheckError):
    """The story folder or its manifest cannot take the pages. Names the path."""


@dataclass
class FetchResult:
    saved: list[tuple[str, str]] = field(default_factory=list)  # (url, file name)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, why)


def _config(timeout: float, max_bytes: int, allow_local: bool):
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(int(timeout)))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_local else "on")
    config.set("DEFAULT", "SLEEP_TIME", "0")
    return config


def feed_links(feed: str, timeout: float = DEFAULT_TIMEOUT, allow_local: bool = False) -> list[str]:
    """The article URLs an RSS, Atom or JSON feed lists, in its order; [] when it cannot be read.

    trafilatura parses the feed; its filters (same site only, no bare IP
    hosts) are left out, since a newsroom's feed may well link elsewhere."""
    from trafilatura.downloads import fetch_response
    from trafilatura.feeds import FeedParameters, find_links

    response = fetch_response(feed, decode=True, config=_config(timeout, DEFAULT_MAX_BYTES, allow_local))
    if response is None or response.status != 200 or not response.html:
        return []
    parts = urlsplit(feed)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", feed, True)
    links = find_links(response.html.strip(), params)
    return list(dict.fromkeys(link for link in links if urlsplit(link).scheme in ("http", "https") and link != feed))


def file_name(url: str, taken: set[str]) -> str:
    """``<host>-<path>.html``, safe on any file system, unique in the folder."""
    parts = urlsplit(url)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{parts.hostname or 'page'}-{parts.path.strip('/')}").strip("-.")
    stem = re.sub(r"\.html?$", "", stem)[:MAX_NAME].strip("-.") or "page"
    name, n = f"{stem}.html", 2
    while name in taken:
        name, n = f"{stem}-{n}.html", n + 1
    return name


def fetch_pages(
    urls: list[str], story: Path, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
    allow_local: bool = False, told: Callable[[str, str, str], None] | None = None,
) -> FetchResult:
    """Save each URL's page into ``story`` and list it in its sources.yaml;
    ``told(outcome, url, detail)`` hears of each page as it is done ("saved",
    "skipped" or "failed"), so a long fetch shows its progress."""
    from trafilatura.downloads import fetch_response

    from .ingest.html import read_html
    from .ingest.manifest import load_manifest

    if not story.is_dir():
        raise FetchError(f"{story}: no such folder (make it first, or choose another --story)")
    if (story / "sources.csv").exists():
        raise FetchError(f"{story / 'sources.csv'}: fetch records pages in sources.yaml; this folder keeps sources.csv")
    manifest = story / MANIFEST
    known_urls = {str(meta["url"]) for meta in load_manifest(story).values() if meta.get("url")}
    taken = set(os.listdir(story))
    hashes = {_digest(p.read_bytes()): p.name for p in story.iterdir() if p.suffix.lower() in (".html", ".htm") and p.is_file()}
    config = _config(timeout, max_bytes, allow_local)
    result = FetchResult()

    def note(outcome: str, url: str, detail: str) -> None:
        getattr(result, outcome).append((url, detail))
        if told:
            told(outcome, url, detail)

    for url in dict.fromkeys(urls):
        if urlsplit(url).scheme not in ("http", "https"):
            note("failed", url, "not an http(s) URL")
            continue
        if url in known_urls:
            note("skipped", url, "already in sources.yaml")
            continue
        response = fetch_response(url, config=config)
        if response is None or response.data is None:
            note("failed", url, "no page (unreachable, timed out, over the size cap, or a private address)")
            continue
        if response.status != 200:
            note("failed", url, f"HTTP {response.status}")
            continue
        digest = _digest(response.data)
        if digest in hashes:
            note("skipped", url, f"same page as {hashes[digest]}")
            continue
        name = file_name(url, taken)
        write_atomic(story / name, response.data)
        taken.add(name)
        hashes[digest] = name
        known_urls.add(url)
        meta = read_html(story / name)[0].meta
        entry = {"file": name, "url": url}
        entry.update({k: meta[k] for k in ("outlet", "title", "published", "author") if meta.get(k)})
        _append_manifest(manifest, entry)
        note("saved", url, name)
    return result


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _append_manifest(path: Path, entry: dict) -> None:
    """Add one entry at the end, keeping the file's comments and its shape (list or mapping)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Sources saved by crosscheck fetch, and their pages' metadata.\n"
    shaped = safe_yaml.load(existing)
    if isinstance(shaped, dict):
        name = entry.pop("file")
        text = yaml.safe_dump({name: entry}, sort_keys=False, allow_unicode=True, width=1000)
    else:
        text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=1000)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    write_atomic(path, (existing + separator + text).encode("utf-8"))
