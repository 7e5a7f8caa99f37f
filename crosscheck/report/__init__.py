"""Report: render(Report) -> str, one module per format; RENDERERS is the registry.

A renderer's module is imported when it is first used, so that the command
line starts without loading every format.
"""
from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..model import Report


class OutputFormat(str, Enum):
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    CLAIMREVIEW = "claimreview"
    HTML = "html"
    GITHUB = "github"


# format -> (module in this package, its render function)
RENDERERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.MARKDOWN: ("markdown", "render_markdown"),
    OutputFormat.JSON: ("json", "render_json"),
    OutputFormat.CSV: ("csv", "render_csv"),
    OutputFormat.CLAIMREVIEW: ("claimreview", "render_claimreview"),
    OutputFormat.HTML: ("html", "render_html"),
    OutputFormat.GITHUB: ("github", "render_github"),
}


def render(report: Report, fmt: OutputFormat | str) -> str:
    module, function = RENDERERS[OutputFormat(fmt)]
    return getattr(import_module(f".{module}", __package__), function)(report)


def render_chunks(report: Report, fmt: OutputFormat | str) -> Iterator[bytes]:
    """What a report file holds, UTF-8, in pieces to write one after another; a renderer
    with a ``<function>_chunks`` makes them itself, so a large report is never whole in memory."""
    module_name, function = RENDERERS[OutputFormat(fmt)]
    module = import_module(f".{module_name}", __package__)
    if hasattr(module, f"{function}_chunks"):
        return getattr(module, f"{function}_chunks")(report)
    return iter((getattr(module, function)(report).encode("utf-8"),))
