from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The disk cache (crosscheck/cache.py) of this test run lives in a folder of its own, never the user's.
if "CROSSCHECK_CACHE_DIR" not in os.environ:
    os.environ["CROSSCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="crosscheck-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CROSSCHECK_CACHE_DIR"], True)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "ecbplus"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="Rewrite golden report files (tests/golden/, reports/) from the current output.",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def seed_document(prefix: str):
    """A seed article, as raw text (not cleaned), by its number prefix ("003")."""
    from crosscheck.ingest import build_document
    from crosscheck.model import Source

    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return build_document(Source(id=prefix), path.read_text(encoding="utf-8"))


def corpus_document(doc_id: str):
    """An ECB+ article by its id ("37_2ecbplus")."""
    from crosscheck.ingest import build_document
    from crosscheck.model import Source

    cluster = doc_id.split("_")[0] + ("_ecbplus" if doc_id.endswith("ecbplus") else "_ecb")
    return build_document(Source(id=doc_id), (CORPUS / cluster / f"{doc_id}.txt").read_text(encoding="utf-8"))


def changeset(text: str) -> dict:
    """The change-set JSON of `check` or `diff`, validated against docs/changeset.schema.json."""
    import json

    import jsonschema

    data = json.loads(text)
    schema = json.loads((REPO / "docs" / "changeset.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    return data


def check_texts(texts: dict[str, str], published: dict[str, str] | str | None = None):
    """The report on sources a test writes: {source id: text}; ``published`` gives each
    source's publication date (a mapping) or one date for all (a string)."""
    from crosscheck.ingest import build_document
    from crosscheck.model import Source
    from crosscheck.pipeline import check_documents
    from crosscheck.rules.load import load_rules

    def date(source: str) -> str | None:
        return published if isinstance(published, str) else (published or {}).get(source)

    docs = [build_document(Source(id=source, published=date(source)), text) for source, text in texts.items()]
    return check_documents(docs, load_rules())


def findings_of(report, kind, status=None) -> list:
    """The report's findings about claims of ``kind``, and of ``status`` when given."""
    return [f for f in report.findings if f.kind is kind and (status is None or f.status is status)]
