"""Files as the command line meets them: what is not read, where reports and
stores may be written, and what it says when it writes. Stories are written
here; nothing is copied from real articles."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

from click.testing import CliRunner

from crosscheck.cli import main

from .conftest import REPO

ARTICLE = (
    "Storm kills {n} in Springfield\n\nThe storm killed {n} people in Springfield on Monday, officials said. "
    "Crews worked through the night to clear roads and restore power to thousands of homes.\n"
)
# What a photo-gallery page leaves once page chrome is cleaned away: nothing.
GALLERY = "Share\nAdvertisement\n"


def story(folder, files: dict[str, str | bytes]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return folder


def test_files_not_read_are_listed_in_the_report_and_on_stderr(tmp_path):
    folder = story(tmp_path / "storm", {
        "a.txt": ARTICLE.format(n=12), "b.txt": ARTICLE.format(n=15), "gallery.txt": GALLERY,
        "scan.pdf": b"%PDF-1.4", "notes.docx": b"PK\x03\x04",
    })
    result = CliRunner().invoke(main, ["report", str(folder)])
    assert result.exit_code == 0, result.output
    not_read = result.stdout.split("## Not read\n", 1)[1].split("\n## ", 1)[0]
    assert f"| {folder / 'gallery.txt'} | no text left after cleaning |" in not_read
    assert f"| {folder / 'scan.pdf'} | not a type crosscheck reads (.pdf) |" in not_read
    assert f"| {folder / 'notes.docx'} | not a type crosscheck reads (.docx) |" in not_read
    assert "2 sources, " in result.stdout
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3 and all(line.startswith("crosscheck: not read: ") for line in warnings)
    data = json.loads(CliRunner().invoke(main, ["report", str(folder), "--format", "json"]).stdout)
    assert {(s["file"].rsplit("/", 1)[1], s["reason"]) for s in data["not_read"]} == {
        ("gallery.txt", "no text left after cleaning"), ("scan.pdf", "not a type crosscheck reads (.pdf)"),
        ("notes.docx", "not a type crosscheck reads (.docx)"),
    }


def test_check_reads_past_an_empty_page_too(tmp_path):
    folder = story(tmp_path / "storm", {"a.txt": ARTICLE.format(n=12), "b.txt": ARTICLE.format(n=12), "gallery.txt": GALLERY})
    result = CliRunner().invoke(main, ["check", str(folder), "--store", str(tmp_path / "s.db"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"] == ["a", "b"]
    assert "gallery.txt: no text left after cleaning" in result.stderr


def test_a_source_that_cleans_to_nothing_is_an_error_when_it_is_the_only_one(tmp_path):
    folder = story(tmp_path / "gallery", {"gallery.txt": GALLERY, "scan.pdf": b"%PDF-1.4"})
    result = CliRunner().invoke(main, ["report", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].endswith(f"{folder / 'gallery.txt'}: no text left after cleaning")


def test_a_missing_parent_folder_is_an_error_unless_create_dirs(tmp_path):
    folder = story(tmp_path / "storm", {"a.txt": ARTICLE.format(n=12), "b.txt": ARTICLE.format(n=15)})
    runner = CliRunner()
    for args in (["report", str(folder), "-o", str(tmp_path / "typo" / "r.md")],
                 ["check", str(folder), "--store", str(tmp_path / "typo" / "s.db")]):
        refused = runner.invoke(main, args)
        assert refused.exit_code == 2 and "does not exist (--create-dirs creates it)" in refused.stderr
        assert not (tmp_path / "typo").exists()
        made = runner.invoke(main, [*args, "--create-dirs"])
        assert made.exit_code in (0, 1), made.output
        assert (tmp_path / "typo").is_dir()
        (tmp_path / "typo" / args[-1].rsplit("/", 1)[1]).unlink()
        (tmp_path / "typo").rmdir()


def test_the_default_store_folder_is_made_without_asking(tmp_path):
    folder = story(tmp_path / "storm", {"a.txt": ARTICLE.format(n=12), "b.txt": ARTICLE.format(n=15)})
    result = subprocess.run([sys.executable, "-m", "crosscheck", "check", str(folder)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / ".crosscheck" / "store.db").is_file()


def _stderr_at_a_terminal(*args: str, cwd) -> str:
    primary, secondary = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "crosscheck", *args], stdout=subprocess.DEVNULL, stderr=secondary,
                       cwd=cwd, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed: all is read
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode()
    finally:
        os.close(primary)
        if secondary != -1:
            os.close(secondary)


def test_writing_a_report_says_so_at_a_terminal_only(tmp_path):
    folder = story(tmp_path / "storm", {"a.txt": ARTICLE.format(n=12), "b.txt": ARTICLE.format(n=15)})
    out = tmp_path / "r.md"
    assert f"crosscheck: wrote {out}" in _stderr_at_a_terminal("report", str(folder), "-o", str(out), cwd=tmp_path)
    piped = subprocess.run([sys.executable, "-m", "crosscheck", "report", str(folder), "-o", str(out)],
                           capture_output=True, text=True, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""


def test_one_empty_record_does_not_sink_its_file(tmp_path):
    records = [{"id": "a", "text": ARTICLE.format(n=12)}, {"id": "photos", "text": GALLERY}, {"id": "b", "text": ARTICLE.format(n=15)}]
    folder = story(tmp_path / "storm", {"wire.jsonl": "\n".join(json.dumps(r) for r in records) + "\n"})
    result = CliRunner().invoke(main, ["report", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sources"]] == ["a", "b"]
    assert data["not_read"] == [{"file": str(folder / "wire.jsonl"), "reason": "record 'photos': no text left after cleaning"}]


def test_a_json_report_is_written_as_the_bytes_its_renderer_makes(tmp_path):
    import crosscheck
    from crosscheck.cli import main

    from click.testing import CliRunner

    from .conftest import REPO

    out = tmp_path / "report.json"
    runner = CliRunner()
    assert runner.invoke(main, ["report", str(REPO / "examples" / "body-cameras"), "-o", str(out)]).exit_code == 0
    printed = runner.invoke(main, ["report", str(REPO / "examples" / "body-cameras"), "--format", "json"]).stdout_bytes
    report = crosscheck.check(REPO / "examples" / "body-cameras")
    assert out.read_bytes() == printed == report.to_json().encode("utf-8")


def test_a_count_past_64_bits_is_written_in_the_json_report(tmp_path):
    import crosscheck

    report = crosscheck.check_texts({
        "a": "The agency said 99999999999999999999999 people signed the petition on Monday.",
        "b": "The agency said 5 people signed the petition on Monday.",
    })
    values = [claim["value"] for claim in json.loads(report.to_json())["claims"] if claim["kind"] == "count"]
    assert 99999999999999999999999 in values
