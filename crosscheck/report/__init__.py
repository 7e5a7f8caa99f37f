"""Report: render(Report) -> str, one module per format; FORMATS is the registry."""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ..model import Report
from .csv import render_csv
from .json import render_json
from .markdown import render_markdown


class OutputFormat(str, Enum):
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


FORMATS: dict[OutputFormat, Callable[[Report], str]] = {
    OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.JSON: render_json,
    OutputFormat.CSV: render_csv,
}


def render(report: Report, fmt: OutputFormat | str) -> str:
    return FORMATS[OutputFormat(fmt)](report)
