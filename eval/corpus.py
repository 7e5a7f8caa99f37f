"""The ECB+ articles under ../shared/corpora/ecbplus: one sentence per line, metadata.tsv beside them.

Cybulska & Vossen (2014), ECB+, LREC 2014, CC BY 3.0.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from crosscheck.ingest import ingest_text
from crosscheck.model import Document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus"


@lru_cache(maxsize=1)
def published_dates(corpus: Path = CORPUS) -> dict[str, str]:
    """doc id -> publication date (ISO), for the articles whose URL gives one."""
    with open(corpus / "metadata.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["doc_id"]: row["url_date"] for row in rows if row["url_date"]}


def article_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_articles(corpus: Path = CORPUS, min_lines: int = 5) -> list[tuple[str, list[str], str | None]]:
    """Every article as (doc id, lines, published), in file-name order."""
    dates = published_dates(corpus)
    articles = []
    for path in sorted(corpus.glob("*/*.txt")):
        lines = article_lines(path)
        if len(lines) >= min_lines:
            articles.append((path.stem, lines, dates.get(path.stem)))
    return articles


def as_document(source_id: str, text: str, published: str | None) -> Document:
    """A document the way crosscheck reads a plain-text source."""
    return ingest_text(source_id, text, {"published": published} if published else None)


def cluster_documents(cluster: str, corpus: Path = CORPUS) -> list[Document]:
    dates = published_dates(corpus)
    return [
        as_document(path.stem, path.read_text(encoding="utf-8"), dates.get(path.stem))
        for path in sorted((corpus / cluster).glob("*.txt"))
    ]
