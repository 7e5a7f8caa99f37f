"""The HTML report: one self-contained page, deterministic, tested in a real headless Chromium.

The browser tests use the system's Chromium (Debian's package `chromium`, as
CI installs it) through Playwright; without a Chromium they are skipped,
except under CI, where a missing browser is a failure (unless .ci/run said it
could not install one: CROSSCHECK_NO_BROWSER).
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
from html.parser import HTMLParser

import pytest

import crosscheck

from .conftest import REPO, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a headless Chromium in a closed sandbox (no background calls home, no GPU).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.fetched.append(attrs["href"])


def test_the_page_needs_nothing_but_itself_and_is_deterministic():
    page = crosscheck.check(REPO / "examples" / "body-cameras").to_html()
    parser = _Links()
    parser.feed(page)
    assert parser.fetched == []  # no script, style sheet, font or image from elsewhere
    assert "@import" not in page and "url(" not in page
    assert page == crosscheck.check(REPO / "examples" / "body-cameras").to_html()
    assert page.count('<article class="finding') == 13


def test_text_from_sources_is_escaped_and_only_web_addresses_are_links():
    report = crosscheck.check_texts(
        {
            "a": 'Four people were killed, said <script>alert("x")</script> the mayor.',
            "b": "Six people were killed, the mayor said.",
        },
        outlets={"a": "A <b>Gazette</b>"},
    )
    report = dataclasses.replace(report, sources=(
        dataclasses.replace(report.sources[0], url="javascript:alert(1)", title="Bad link"),
        dataclasses.replace(report.sources[1], url="https://example.org/b", title="Good link"),
    ))
    page = report.to_html()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "A &lt;b&gt;Gazette&lt;/b&gt;" in page
    assert "javascript:" not in page and '<a href="https://example.org/b"' in page


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI") and not os.environ.get("CROSSCHECK_NO_BROWSER"):
            pytest.fail("CI must install Chromium (Debian package chromium) for the HTML report's browser tests")
        pytest.skip("no Chromium here: install Debian's chromium to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser, path, **context):
    page = browser.new_context(**context).new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    return page, errors


def test_the_page_loads_without_errors_and_the_filters_work(browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(crosscheck.check(REPO / "examples" / "body-cameras").to_html(), encoding="utf-8")
    page, errors = _open(browser, path)
    visible = "article.finding:not([hidden])"
    assert page.locator(visible).count() == 13
    assert page.locator("#shown").inner_text() == "Showing 13 of 13 findings"

    page.select_option("#filter-status", "conflict")
    assert page.locator(visible).count() == 5
    assert {page.locator(visible).nth(i).get_attribute("data-status") for i in range(5)} == {"conflict"}
    page.select_option("#filter-kind", "count")
    assert page.locator(visible).count() == 1
    assert "1,200" in page.locator(visible).inner_text() and "1,600" in page.locator(visible).inner_text()
    page.select_option("#filter-status", "")
    page.select_option("#filter-kind", "")
    page.select_option("#filter-rule", "quote-wording-variant")
    assert page.locator(visible).count() == page.locator("article[data-rule=quote-wording-variant]").count() >= 1

    # Keyboard only: focus the status filter and choose with the arrow keys.
    page.select_option("#filter-rule", "")
    page.focus("#filter-status")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#filter-status", "e => e.value") == "conflict"
    assert page.locator(visible).count() == 5
    assert errors == []


def test_dismissed_findings_hide_until_asked_for(browser, tmp_path):
    from crosscheck.verdicts import apply_verdicts, verdict_for

    report = crosscheck.check(REPO / "examples" / "body-cameras")
    first = report.findings[0]
    report = apply_verdicts(report, {first.id: verdict_for(first, "dismissed", "Checked", "Ann Lee", "2031-05-06")})
    path = tmp_path / "report.html"
    path.write_text(report.to_html(), encoding="utf-8")
    page, errors = _open(browser, path)
    assert page.locator(f"#f-{first.id}").is_hidden()
    page.check("#filter-dismissed")
    assert page.locator(f"#f-{first.id}").is_visible()
    assert "dismissed by Ann Lee on 2031-05-06: Checked" in page.locator(f"#f-{first.id}").inner_text()
    assert errors == []


def test_a_screenshot_of_the_seed_report_on_a_phone_and_a_desktop(browser, tmp_path):
    path = tmp_path / "seed.html"
    path.write_text(crosscheck.check(SEEDS).to_html(), encoding="utf-8")
    for name, size in (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})):
        page, errors = _open(browser, path, viewport=size)
        shot = tmp_path / f"seed-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # Nothing wider than the screen but the tables, which scroll in their own box.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen"
        assert errors == []
    assert re.search(r"HSI pilot locations", page.content())
