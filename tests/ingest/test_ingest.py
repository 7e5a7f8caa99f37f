"""load_sources / load_document / ingest_text over real seeds and generated files."""
import json
import time

import pytest

from crosscheck.errors import SourceError
from crosscheck.ingest import ingest_text, load_document, load_sources

PROSE = "The council voted 7-2 on Tuesday to approve the new budget, officials said in a statement."


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_seeds_folder(seeds_dir):
    docs = load_sources([seeds_dir])
    assert [d.source.id for d in docs] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    by_id = {d.source.id[:3]: d for d in docs}
    assert by_id["003"].source.outlet == "The Los Angeles Post"
    assert by_id["003"].source.path.endswith("003_d0d04ddc9eaf22ac.txt")
    assert by_id["001"].source.published == "2024-03-15"
    assert any("1,600 body-worn cameras" in s.text for s in by_id["003"].sentences)


def test_ingest_text_is_pure_and_declared_meta_wins():
    doc = ingest_text("x", f"Council passes budget\n{PROSE}", {"outlet": "Declared", "published": "2024-01-02"})
    assert doc.source.title == "Council passes budget" and doc.source.outlet == "Declared"
    assert doc.source.published == "2024-01-02" and doc.source.path is None
    assert doc.text.split("\n")[1] == PROSE


def test_formats_and_ids(tmp_path):
    write(tmp_path / "a.txt", f"Headline for a\n\n{PROSE}\n")
    write(tmp_path / "b.md", "---\noutlet: Example Times\npublished: 2024-03-15\n---\n# Budget *passes*\n\n"
                             "The council [voted](http://x.test) 7-2 on Tuesday to approve\nthe new budget, officials said.\n")
    write(tmp_path / "c.html", f"<html><head><title>Budget - Site</title><meta property='og:site_name' content='Site News'>"
                               f"</head><body><article><h1>Budget</h1><p>{PROSE}</p><p>{PROSE.replace('7-2', '8-1')}</p>"
                               f"</article></body></html>")
    write(tmp_path / "d.json", json.dumps([{"id": "rec-1", "text": PROSE, "outlet": "Wire"}, {"body": PROSE}]))
    write(tmp_path / "e.jsonl", json.dumps({"content": PROSE}) + "\n\n" + json.dumps({"text": PROSE, "id": 7}) + "\n")
    write(tmp_path / ".hidden.txt", PROSE)
    write(tmp_path / "notes.csv", "not,a,source\n")
    docs = {d.source.id: d for d in load_sources([tmp_path])}
    assert sorted(docs) == ["7", "a", "b", "c", "d-2", "e-1", "rec-1"]
    assert docs["b"].source.outlet == "Example Times" and docs["b"].source.published == "2024-03-15"
    assert docs["b"].text == "Budget passes\nThe council voted 7-2 on Tuesday to approve the new budget, officials said."
    assert docs["c"].source.outlet == "Site News" and "8-1" in docs["c"].text
    assert docs["rec-1"].source.outlet == "Wire"


def test_manifest_wins_over_inference(tmp_path):
    write(tmp_path / "a.txt", f"The Daily Star\nToday: May 1, 2025\nHeadline\n{PROSE}")
    write(tmp_path / "sources.csv", "file,outlet,published\na.txt,Manifest Outlet,2020-02-02\n")
    (doc,) = load_sources([tmp_path])
    assert (doc.source.outlet, doc.source.published, doc.source.title) == ("Manifest Outlet", "2020-02-02", "Headline")
    write(tmp_path / "sources.csv", b"")
    (tmp_path / "sources.csv").unlink()
    write(tmp_path / "sources.yaml", "a.txt: {outlet: Yaml Outlet}\n")
    assert load_document(tmp_path / "a.txt")[0].source.outlet == "Yaml Outlet"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("bin.txt", b"\x89PNG\x00\x00data", "binary file"),
        ("bad.txt", b"text \x81\x8d\x8f here", "cannot decode"),
        ("chrome.txt", "Share\nAdvertisement\n", "no text left after cleaning"),
        ("fm.md", f'---\noutlet: x\ntitle: "a" b\n---\n{PROSE}', "line 3: malformed front matter"),
        ("open.md", f"---\ntitle: x\n{PROSE}", "never closed"),
        ("bad.json", '{"text": "x",\n "id": }', "line 2: malformed JSON"),
        ("nokey.json", '{"headline": "x"}', "no text field"),
        ("bad.jsonl", '{"text": "ok"}\n{oops}\n', "line 2: malformed JSON"),
        ("x.pdf", b"%PDF", "unsupported file type '.pdf'"),
    ],
)
def test_file_errors(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    with pytest.raises(SourceError, match=reason) as info:
        load_sources([path])
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_folder_errors(tmp_path):
    write(tmp_path / "empty" / "readme.csv", "x\n")
    with pytest.raises(SourceError, match="empty: no sources"):
        load_sources([tmp_path / "empty"])
    with pytest.raises(SourceError, match="no such file or directory"):
        load_sources([tmp_path / "missing.txt"])
    write(tmp_path / "m" / "a.txt", PROSE)
    write(tmp_path / "m" / "sources.csv", "file,outlet,colour\na.txt,X,red\n")
    with pytest.raises(SourceError, match=r"sources.csv: line 2: unknown column 'colour'"):
        load_sources([tmp_path / "m"])
    write(tmp_path / "m" / "sources.csv", "file,outlet\nmissing.txt,X\n")
    with pytest.raises(SourceError, match=r"line 2: no such file 'missing.txt'"):
        load_sources([tmp_path / "m"])
    (tmp_path / "m" / "sources.csv").unlink()
    write(tmp_path / "m" / "sources.yaml", "- file: a.txt\n  outlet: [x\n")
    with pytest.raises(SourceError, match=r"sources.yaml: line \d+: malformed manifest"):
        load_sources([tmp_path / "m"])


def test_duplicate_ids_name_both_files(tmp_path):
    first = write(tmp_path / "one" / "story.txt", PROSE)
    second = write(tmp_path / "two" / "story.md", PROSE)
    with pytest.raises(SourceError) as info:
        load_sources([tmp_path])
    assert str(info.value) == f"{second}: source id 'story' is already used by {first}"


def test_every_ecbplus_cluster_loads_fast(ecbplus_dir):
    # ECB+ (Cybulska & Vossen, LREC 2014, CC BY 3.0): 982 real news articles in 86 clusters.
    folders = sorted(p for p in ecbplus_dir.iterdir() if p.is_dir())
    start = time.perf_counter()
    docs = [doc for folder in folders for doc in load_sources([folder])]
    per_doc_ms = (time.perf_counter() - start) * 1000 / len(docs)
    assert len(docs) == 982
    assert per_doc_ms < 10  # generous for slow CI machines; about 2 ms here, file reading included
