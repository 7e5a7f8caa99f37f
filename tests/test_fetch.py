"""crosscheck fetch, against pages and a feed served from 127.0.0.1 by the test itself.

Every page here is invented for the test; nothing reaches the internet.
"""
from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.errors import EXIT_INPUT, EXIT_TEMPORARY
from crosscheck.ingest.manifest import load_manifest

PAGE = """<!doctype html><html><head>
<title>{title}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-05-0{day}T08:00:00Z">
</head><body><article><h1>{title}</h1>
<p>{body}</p>
<p>The harbour master said the ferry had passed its inspection in May, and that divers would search the
wreck again on Monday once the weather allowed it. Families gathered at the terminal through the night.</p>
</article></body></html>"""

PAGES = {
    "/news/ferry.html": PAGE.format(title="Ferry capsizes off Port Lenn", outlet="Coast Gazette", day=5,
                                    body="Four people were killed when the ferry capsized off Port Lenn on Sunday."),
    "/world/ferry-toll": PAGE.format(title="Six dead as ferry sinks", outlet="Harbour News", day=6,
                                     body="Six people were killed when the ferry capsized off Port Lenn on Sunday."),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/feed.xml":
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            items = "".join(f"<item><title>t</title><link>{host}{p}</link></item>" for p in PAGES)
            body, kind = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>', "application/rss+xml"
        elif self.path in PAGES:
            body, kind = PAGES[self.path], "text/html; charset=utf-8"
        elif self.path == "/copy":
            body, kind = PAGES["/news/ferry.html"], "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_pages_are_saved_once_with_their_metadata_in_the_manifest(server, tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    first = run("fetch", f"{server}/news/ferry.html", f"{server}/world/ferry-toll", "--story", str(story), "--allow-local")
    assert first.exit_code == 0, first.stderr
    manifest = load_manifest(story)
    assert sorted(manifest) == ["127.0.0.1-news-ferry.html", "127.0.0.1-world-ferry-toll.html"]
    entry = manifest["127.0.0.1-news-ferry.html"]
    assert entry["url"] == f"{server}/news/ferry.html" and entry["outlet"] == "Coast Gazette"
    assert entry["title"] == "Ferry capsizes off Port Lenn" and entry["published"] == "2026-05-05"

    again = run("fetch", f"{server}/news/ferry.html", f"{server}/copy", "--story", str(story), "--allow-local")
    assert again.exit_code == 0
    assert f"skipped {server}/news/ferry.html: already in sources.yaml" in again.stderr
    assert f"skipped {server}/copy: same page as 127.0.0.1-news-ferry.html" in again.stderr
    assert len(load_manifest(story)) == 2

    report = run("report", str(story))
    assert "Coast Gazette" in report.stdout and "people killed" in report.stdout


def test_a_feed_lists_the_pages_to_fetch(server, tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    result = run("fetch", "--feed", f"{server}/feed.xml", "--story", str(story), "--allow-local")
    assert result.exit_code == 0, result.stderr
    assert len(load_manifest(story)) == 2


def test_failures_are_named_one_line_each_and_the_rest_is_saved(server, tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    result = run("fetch", f"{server}/gone", "ftp://example.org/x", f"{server}/news/ferry.html",
                 "--story", str(story), "--allow-local")
    assert result.exit_code == EXIT_INPUT
    assert f"could not fetch {server}/gone: " in result.stderr
    assert "could not fetch ftp://example.org/x: not an http(s) URL" in result.stderr
    assert len(load_manifest(story)) == 1


def test_private_addresses_are_refused_unless_allowed(server, tmp_path):
    story = tmp_path / "ferry"
    story.mkdir()
    result = run("fetch", f"{server}/news/ferry.html", "--story", str(story), "--timeout", "2")
    assert result.exit_code == EXIT_TEMPORARY
    assert "private address" in result.stderr and not load_manifest(story)


def test_a_missing_story_folder_is_an_error_unless_created(server, tmp_path):
    result = run("fetch", f"{server}/news/ferry.html", "--story", str(tmp_path / "nope"), "--allow-local")
    assert result.exit_code == EXIT_INPUT and "no such folder" in result.stderr
    made = run("fetch", f"{server}/news/ferry.html", "--story", str(tmp_path / "nope"), "--allow-local", "--create-dirs")
    assert made.exit_code == 0
